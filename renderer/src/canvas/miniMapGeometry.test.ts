import { describe, expect, it } from 'vitest';
import { boundsOf, boxesPath, maskPath, miniMapFrame } from './miniMapGeometry';

describe('minimap geometry', () => {
  it('bounds every box, and has none for no boxes', () => {
    expect(boundsOf([{ x: 10, y: 20, width: 100, height: 50 }, { x: -30, y: 40, width: 20, height: 100 }])).toEqual({ x: -30, y: 20, width: 140, height: 120 });
    expect(boundsOf([])).toBeUndefined();
  });

  it('frames the nodes and the visible area together, centred without distortion, with a margin', () => {
    const content = { x: 0, y: 0, width: 8000, height: 3000 };
    const view = { x: 0, y: 0, width: 1440, height: 900 };
    const { viewBox, scale } = miniMapFrame(content, view, { width: 200, height: 150 });
    // 8000 wide is the binding side: it fills the 200 pixels but for a 5-pixel margin each side.
    expect(scale).toBeCloseTo(8000 / 190, 9);
    expect(viewBox.width / viewBox.height).toBeCloseTo(200 / 150, 9);
    expect(viewBox.x).toBeCloseTo(-5 * scale, 9);
    expect(viewBox.x + viewBox.width).toBeCloseTo(8000 + 5 * scale, 9);
    expect(viewBox.y + viewBox.height / 2).toBeCloseTo(1500, 9);
  });

  it('includes a view that lies outside the nodes', () => {
    const { viewBox } = miniMapFrame({ x: 0, y: 0, width: 100, height: 100 }, { x: 1000, y: 0, width: 100, height: 100 }, { width: 200, height: 150 });
    expect(viewBox.x).toBeLessThanOrEqual(0);
    expect(viewBox.x + viewBox.width).toBeGreaterThanOrEqual(1100);
  });

  it('frames the view alone when the diagram is empty', () => {
    const { viewBox } = miniMapFrame(undefined, { x: 5, y: 5, width: 200, height: 150 }, { width: 200, height: 150 });
    // 150 high is the binding side: 140 of the 150 pixels, centred on the view.
    expect(viewBox.height).toBeCloseTo((150 * 150) / 140, 9);
    expect(viewBox.x + viewBox.width / 2).toBeCloseTo(105, 9);
    expect(viewBox.y + viewBox.height / 2).toBeCloseTo(80, 9);
  });

  it('draws all boxes as one path, one closed rectangle each', () => {
    expect(boxesPath([{ x: 0, y: 0, width: 10, height: 5 }, { x: 20.04, y: 1, width: 3, height: 4 }])).toBe('M0 0h10v5h-10zM20 1h3v4h-3z');
    expect(boxesPath([])).toBe('');
  });

  it('shades the frame around the view: the outer rectangle, then the view as the hole', () => {
    expect(maskPath({ x: 0, y: 0, width: 100, height: 100 }, { x: 10, y: 10, width: 20, height: 20 })).toBe('M0 0h100v100h-100zM10 10h20v20h-20z');
  });
});
