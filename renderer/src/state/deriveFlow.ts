import type { Edge, Node } from '@xyflow/react';
import type { CatalogBundle, CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { DiagramEdge, DiagramNode, Project } from '../../../src/core/model/diagram';

export interface BundleNodeData extends Record<string, unknown> {
  node: DiagramNode;
  /** Undefined when the catalog has no such bundle version (the node still shows, marked). */
  bundle?: CatalogBundle;
}
export type BundleFlowNode = Node<BundleNodeData, 'bundle'>;

export interface TypedEdgeData extends Record<string, unknown> {
  edge: DiagramEdge;
  artifactType: string;
  /** The artifact type's colour, resolved here so each edge needs no subscription to the catalog. */
  colour: string;
}
export type TypedFlowEdge = Edge<TypedEdgeData, 'typed'>;

/** Colour of an artifact type the catalog gives none for. */
export const FALLBACK_COLOUR = '#6b7280';

/** Handle ids: connections on the left (targets), artifacts on the right (sources). */
export const connectionHandle = (name: string) => `connection:${name}`;
export const artifactHandle = (name: string) => `artifact:${name}`;
export const portOfHandle = (handle: string | null | undefined) => (handle ?? '').replace(/^(connection|artifact):/, '');

/**
 * React Flow nodes for a project, reusing every previous node object whose diagram node and bundle
 * did not change, so only changed nodes re-render. Selection and measurements are kept.
 */
export function deriveNodes(project: Project, catalog: CatalogSnapshot, previous: readonly BundleFlowNode[]): BundleFlowNode[] {
  const before = new Map(previous.map((node) => [node.id, node]));
  const bundles = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const nodes = project.diagram.nodes.map((node): BundleFlowNode => {
    const bundle = bundles.get(node.bundle);
    const old = before.get(node.id);
    if (old && old.data.node === node && old.data.bundle === bundle) return old;
    return { ...old, id: node.id, type: 'bundle', position: node.position, data: { node, bundle } };
  });
  return unchanged(nodes, previous) ? (previous as BundleFlowNode[]) : nodes;
}

/** React Flow edges for a project, reusing unchanged edge objects. */
export function deriveEdges(project: Project, catalog: CatalogSnapshot, previous: readonly TypedFlowEdge[]): TypedFlowEdge[] {
  const before = new Map(previous.map((edge) => [edge.id, edge]));
  const bundleOf = new Map(project.diagram.nodes.map((node) => [node.id, node.bundle]));
  const bundles = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const colours = new Map(catalog.types.map((type) => [type.name, type.colour]));
  const edges = project.diagram.edges.map((edge): TypedFlowEdge => {
    const old = before.get(edge.id);
    const artifactType = bundles.get(bundleOf.get(edge.from.node) ?? '')?.manifest.artifacts[edge.from.artifact]?.type ?? 'unknown';
    const colour = colours.get(artifactType) ?? FALLBACK_COLOUR;
    if (old && old.data?.edge === edge && old.data.artifactType === artifactType && old.data.colour === colour) return old;
    return {
      ...old,
      id: edge.id,
      type: 'typed',
      source: edge.from.node,
      sourceHandle: artifactHandle(edge.from.artifact),
      target: edge.to.node,
      targetHandle: connectionHandle(edge.to.connection),
      data: { edge, artifactType, colour },
    };
  });
  return unchanged(edges, previous) ? (previous as TypedFlowEdge[]) : edges;
}

/** True when every element is the previous one: keeping the previous array spares React Flow a rebuild of its lookups (O(diagram)) after an edit that did not touch these. */
function unchanged<T>(next: readonly T[], previous: readonly T[]): boolean {
  return next.length === previous.length && next.every((element, index) => element === previous[index]);
}
