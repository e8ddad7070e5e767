import { curvePath } from './edgeCurve';
import type { DrawnEdge } from './drawnEdges';

/** Edges that look alike, drawn as one path. */
export interface StrokeGroup {
  key: string;
  colour: string;
  dashed: boolean;
  d: string;
}

/**
 * One path per colour and dash: a thousand edges become a handful of elements, so the browser's
 * per-frame style and paint work and React's per-edge work do not grow with the diagram.
 */
export function strokeGroups(edges: readonly DrawnEdge[]): StrokeGroup[] {
  const groups = new Map<string, { colour: string; dashed: boolean; paths: string[] }>();
  for (const edge of edges) {
    const key = `${edge.colour}${edge.dashed ? ' dashed' : ''}`;
    const group = groups.get(key) ?? { colour: edge.colour, dashed: edge.dashed, paths: [] };
    group.paths.push(curvePath(edge.curve));
    groups.set(key, group);
  }
  return [...groups].map(([key, { colour, dashed, paths }]) => ({ key, colour, dashed, d: paths.join(' ') }));
}
