import type { InternalNode } from '@xyflow/react';
import { FALLBACK_COLOUR, type TypedFlowEdge } from '../../state/deriveFlow';
import { curveBetween, curveContains, curvePoint, distanceToCurve, type EdgeCurve, type Point } from './edgeCurve';

export const UNKNOWN_MARK = ' (known after apply)';
// Labels are 10px monospace, 0.6em a character, so a label's box is sized without measuring its text.
const CHARACTER_WIDTH = 6;
export const LABEL_HEIGHT = 14;
const LABEL_PADDING = 4;

/** An edge as the canvas draws it: where it runs, how it looks, and its label's box. */
export interface DrawnEdge {
  id: string;
  curve: EdgeCurve;
  colour: string;
  /** Its value is known only after apply (the last plan creates or replaces its source). */
  dashed: boolean;
  selected: boolean;
  artifactType: string;
  label: Point & { width: number };
}

type NodeLookup = ReadonlyMap<string, InternalNode>;

/** Where a handle meets its node's side, in flow coordinates; undefined until React Flow has measured the node's handles. */
export function handleAnchor(node: InternalNode | undefined, kind: 'source' | 'target', handleId: string | null | undefined): Point | undefined {
  const handle = node?.internals.handleBounds?.[kind]?.find((candidate) => candidate.id === handleId);
  if (!node || !handle) return undefined;
  const { x, y } = node.internals.positionAbsolute;
  // Artifacts leave from a handle's right side, connections enter at its left side.
  return { x: x + handle.x + (kind === 'source' ? handle.width : 0), y: y + handle.y + handle.height / 2 };
}

/** One edge's drawing, or undefined while either end is unmeasured (a node never yet in view), as React Flow does. */
export function drawEdge(edge: TypedFlowEdge, nodes: NodeLookup, unknownSources: ReadonlySet<string>): DrawnEdge | undefined {
  const from = handleAnchor(nodes.get(edge.source), 'source', edge.sourceHandle);
  const to = handleAnchor(nodes.get(edge.target), 'target', edge.targetHandle);
  if (!from || !to) return undefined;
  const curve = curveBetween(from, to);
  const dashed = unknownSources.has(edge.source);
  const artifactType = edge.data?.artifactType ?? 'unknown';
  const middle = curvePoint(curve, 0.5);
  const width = (artifactType.length + (dashed ? UNKNOWN_MARK.length : 0)) * CHARACTER_WIDTH + 2 * LABEL_PADDING;
  return { id: edge.id, curve, colour: edge.data?.colour ?? FALLBACK_COLOUR, dashed, selected: Boolean(edge.selected), artifactType, label: { ...middle, width } };
}

export function drawEdges(edges: readonly TypedFlowEdge[], nodes: NodeLookup, unknownSources: ReadonlySet<string>): DrawnEdge[] {
  return edges.flatMap((edge) => drawEdge(edge, nodes, unknownSources) ?? []);
}

/** The edge under a point of the flow: the nearest whose stroke is within `tolerance`, or whose label contains the point. */
export function edgeAt(edges: readonly DrawnEdge[], point: Point, tolerance: number): DrawnEdge | undefined {
  let nearest: DrawnEdge | undefined;
  let nearestDistance = tolerance;
  for (const edge of edges) {
    const { label } = edge;
    if (Math.abs(point.x - label.x) <= label.width / 2 && Math.abs(point.y - label.y) <= LABEL_HEIGHT / 2) return edge;
    if (!curveContains(edge.curve, point, tolerance)) continue;
    const distance = distanceToCurve(edge.curve, point);
    if (distance <= nearestDistance) {
      nearest = edge;
      nearestDistance = distance;
    }
  }
  return nearest;
}
