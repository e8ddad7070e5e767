import type { ELK as ElkInstance } from 'elkjs/lib/elk-api';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';

let elk: Promise<ElkInstance> | undefined;

// Loaded on first use: elk is large and most sessions never lay out.
const loadElk = () => (elk ??= import('elkjs/lib/elk.bundled.js').then(({ default: ELK }) => new ELK()));

/** Positions for every node, laid out left to right along the edges (elk's layered algorithm). */
export async function layoutLeftToRight(nodes: readonly BundleFlowNode[], edges: readonly TypedFlowEdge[]): Promise<{ id: string; position: { x: number; y: number } }[]> {
  const graph = await (await loadElk()).layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.spacing.nodeNode': '48',
      'elk.layered.spacing.nodeNodeBetweenLayers': '96',
    },
    children: nodes.map((node) => ({ id: node.id, width: node.measured?.width ?? 240, height: node.measured?.height ?? 120 })),
    edges: edges.map((edge) => ({ id: edge.id, sources: [edge.source], targets: [edge.target] })),
  });
  return (graph.children ?? []).map((child) => ({ id: child.id, position: { x: Math.round(child.x ?? 0), y: Math.round(child.y ?? 0) } }));
}
