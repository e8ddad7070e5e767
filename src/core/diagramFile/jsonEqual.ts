import type { DiagramEdge } from '../model/diagram';

/** Structural equality of JSON values; object key order does not matter. `undefined` means absent. */
export function jsonEqual(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a)) {
    const other = b as unknown[];
    return a.length === other.length && a.every((item, index) => jsonEqual(item, other[index]));
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  const keys = Object.keys(left);
  if (keys.length !== Object.keys(right).length) return false;
  return keys.every((key) => Object.hasOwn(right, key) && jsonEqual(left[key], right[key]));
}

/** What an edge is, whatever its id: the two ports it joins. Two sides wiring the same ports made the same edge. */
export function edgeKey(edge: DiagramEdge): string {
  return JSON.stringify([edge.from.node, edge.from.artifact, edge.to.node, edge.to.connection]);
}
