import { describe, expect, it } from 'vitest';
import { pointInView } from './labelInView';

// A 1000×500 pane scrolled so flow (100, 50) is at its top-left corner, at zoom 2: it shows flow x 100–600, y 50–300.
const view = { transform: [-200, -100, 2] as [number, number, number], width: 1000, height: 500 };

describe('pointInView', () => {
  it('is true for a point inside the visible part of the flow', () => {
    expect(pointInView({ x: 350, y: 175 }, view, 0)).toBe(true);
    expect(pointInView({ x: 100, y: 50 }, view, 0)).toBe(true);
    expect(pointInView({ x: 600, y: 300 }, view, 0)).toBe(true);
  });

  it('is false for a point beyond any side', () => {
    expect(pointInView({ x: 99, y: 175 }, view, 0)).toBe(false);
    expect(pointInView({ x: 601, y: 175 }, view, 0)).toBe(false);
    expect(pointInView({ x: 350, y: 49 }, view, 0)).toBe(false);
    expect(pointInView({ x: 350, y: 301 }, view, 0)).toBe(false);
  });

  it('counts a point within the margin as in view (a label half in view is drawn)', () => {
    expect(pointInView({ x: 90, y: 175 }, view, 20)).toBe(true);
    expect(pointInView({ x: 620, y: 320 }, view, 20)).toBe(true);
    expect(pointInView({ x: 621, y: 175 }, view, 20)).toBe(false);
  });

  it('treats everything as visible before the pane is measured', () => {
    expect(pointInView({ x: -1e6, y: 1e6 }, { ...view, width: 0, height: 0 }, 0)).toBe(true);
  });
});
