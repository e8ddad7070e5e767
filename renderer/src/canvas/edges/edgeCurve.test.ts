import { describe, expect, it } from 'vitest';
import { curveBetween, curveContains, curvePath, curvePoint, distanceToCurve } from './edgeCurve';

describe('edge curves', () => {
  it('leaves the artifact rightwards and enters the connection from the left, bending by half the gap', () => {
    const curve = curveBetween({ x: 0, y: 0 }, { x: 200, y: 100 });
    expect(curve.c1).toEqual({ x: 100, y: 0 });
    expect(curve.c2).toEqual({ x: 100, y: 100 });
    expect(curvePath(curve)).toBe('M0,0 C100,0 100,100 200,100');
  });

  it('still bulges outwards when the target lies left of the source', () => {
    const curve = curveBetween({ x: 200, y: 0 }, { x: 100, y: 50 });
    expect(curve.c1.x).toBeGreaterThan(200);
    expect(curve.c2.x).toBeLessThan(100);
  });

  it('runs from its start to its end, through the middle of a symmetric curve', () => {
    const curve = curveBetween({ x: 0, y: 0 }, { x: 200, y: 100 });
    expect(curvePoint(curve, 0)).toEqual({ x: 0, y: 0 });
    expect(curvePoint(curve, 1)).toEqual({ x: 200, y: 100 });
    expect(curvePoint(curve, 0.5)).toEqual({ x: 100, y: 50 });
  });

  it('measures a point on the curve as near and a point beside it by its offset', () => {
    const curve = curveBetween({ x: 0, y: 0 }, { x: 200, y: 100 });
    expect(distanceToCurve(curve, { x: 100, y: 50 })).toBeLessThan(0.5);
    expect(distanceToCurve(curve, { x: 0, y: 0 })).toBe(0);
    // The curve is flat at its start: a point 10 above it is 10 away.
    expect(distanceToCurve(curve, { x: 0, y: -10 })).toBeCloseTo(10, 5);
    expect(distanceToCurve(curve, { x: 100, y: 90 })).toBeGreaterThan(20);
  });

  it('bounds the curve by its control points grown by a margin', () => {
    const curve = curveBetween({ x: 0, y: 0 }, { x: 200, y: 100 });
    expect(curveContains(curve, { x: 50, y: 50 }, 0)).toBe(true);
    expect(curveContains(curve, { x: -5, y: 50 }, 0)).toBe(false);
    expect(curveContains(curve, { x: -5, y: 50 }, 6)).toBe(true);
    expect(curveContains(curve, { x: 300, y: 50 }, 6)).toBe(false);
  });
});
