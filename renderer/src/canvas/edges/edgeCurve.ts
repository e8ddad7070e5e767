export interface Point {
  x: number;
  y: number;
}

/** A cubic Bézier from an artifact handle (leaving rightwards) to a connection handle (entering from the left). */
export interface EdgeCurve {
  from: Point;
  c1: Point;
  c2: Point;
  to: Point;
}

// How far a backwards edge (target left of its source) bulges out, as React Flow's bezier edges do.
const BACKWARD_CURVATURE = 0.25;

const controlOffset = (dx: number) => (dx >= 0 ? dx / 2 : BACKWARD_CURVATURE * 25 * Math.sqrt(-dx));

export function curveBetween(from: Point, to: Point): EdgeCurve {
  const offset = controlOffset(to.x - from.x);
  return { from, c1: { x: from.x + offset, y: from.y }, c2: { x: to.x - offset, y: to.y }, to };
}

/** SVG path data; several curves' data joined by spaces draw as one path. */
export function curvePath({ from, c1, c2, to }: EdgeCurve): string {
  return `M${from.x},${from.y} C${c1.x},${c1.y} ${c2.x},${c2.y} ${to.x},${to.y}`;
}

export function curvePoint({ from, c1, c2, to }: EdgeCurve, t: number): Point {
  const u = 1 - t;
  const a = u * u * u;
  const b = 3 * u * u * t;
  const c = 3 * u * t * t;
  const d = t * t * t;
  return { x: a * from.x + b * c1.x + c * c2.x + d * to.x, y: a * from.y + b * c1.y + c * c2.y + d * to.y };
}

// Enough straight pieces that a 2,000 px edge strays under 2 px from its curve: finer than the hit tolerance.
const SAMPLES = 32;

/** Distance from a point to the curve, measured along SAMPLES straight pieces. */
export function distanceToCurve(curve: EdgeCurve, point: Point): number {
  let best = Infinity;
  let previous = curve.from;
  for (let index = 1; index <= SAMPLES; index++) {
    const next = curvePoint(curve, index / SAMPLES);
    best = Math.min(best, distanceToSegment(point, previous, next));
    previous = next;
  }
  return best;
}

function distanceToSegment(point: Point, start: Point, end: Point): number {
  const dx = end.x - start.x;
  const dy = end.y - start.y;
  const lengthSquared = dx * dx + dy * dy;
  const t = lengthSquared === 0 ? 0 : Math.max(0, Math.min(1, ((point.x - start.x) * dx + (point.y - start.y) * dy) / lengthSquared));
  const x = point.x - (start.x + t * dx);
  const y = point.y - (start.y + t * dy);
  return Math.sqrt(x * x + y * y);
}

/** The curve's bounding box grown by `margin`: the hull of its control points contains the curve. */
export function curveContains(curve: EdgeCurve, point: Point, margin: number): boolean {
  const xs = [curve.from.x, curve.c1.x, curve.c2.x, curve.to.x];
  const ys = [curve.from.y, curve.c1.y, curve.c2.y, curve.to.y];
  return point.x >= Math.min(...xs) - margin && point.x <= Math.max(...xs) + margin && point.y >= Math.min(...ys) - margin && point.y <= Math.max(...ys) + margin;
}
