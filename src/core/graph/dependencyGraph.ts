import type { Diagram } from '../model/diagram';

/** A vertex: `id` identifies it, `name` breaks ties so every order is deterministic. */
export interface GraphVertex {
  id: string;
  name: string;
}

/** `from` is upstream (a dependency), `to` depends on it. */
export interface GraphArc {
  from: string;
  to: string;
}

/** The one dependency graph of Driftless: built once, queried by order, cycles and closures. */
export interface DependencyGraph {
  /** Vertices sorted by name, then id. */
  vertices: GraphVertex[];
  /** Vertex id → ids it depends on (upstream), sorted like `vertices`, without duplicates. */
  upstream: Map<string, string[]>;
  /** Vertex id → ids that depend on it (downstream), sorted like `vertices`, without duplicates. */
  downstream: Map<string, string[]>;
  /** Vertex id → its position in `vertices` (the tie-break rank). */
  rank: Map<string, number>;
}

function compareVertices(a: GraphVertex, b: GraphVertex): number {
  if (a.name !== b.name) return a.name < b.name ? -1 : 1;
  return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
}

/** Builds a graph; arcs naming an unknown vertex are ignored (validation reports them). */
export function buildGraph(vertices: readonly GraphVertex[], arcs: readonly GraphArc[]): DependencyGraph {
  const sorted = [...vertices].sort(compareVertices);
  const rank = new Map(sorted.map((vertex, index) => [vertex.id, index]));
  const upstreamSets = new Map<string, Set<string>>(sorted.map((vertex) => [vertex.id, new Set()]));
  const downstreamSets = new Map<string, Set<string>>(sorted.map((vertex) => [vertex.id, new Set()]));
  for (const arc of arcs) {
    if (!rank.has(arc.from) || !rank.has(arc.to)) continue;
    upstreamSets.get(arc.to)!.add(arc.from);
    downstreamSets.get(arc.from)!.add(arc.to);
  }
  const byRank = (ids: Set<string>) => [...ids].sort((a, b) => rank.get(a)! - rank.get(b)!);
  const upstream = new Map([...upstreamSets].map(([id, ids]) => [id, byRank(ids)]));
  const downstream = new Map([...downstreamSets].map(([id, ids]) => [id, byRank(ids)]));
  return { vertices: sorted, upstream, downstream, rank };
}

/** The graph of a diagram: nodes by id (tie-break by name), one arc per edge from producer to consumer. */
export function graphOfDiagram(diagram: Diagram): DependencyGraph {
  return buildGraph(
    diagram.nodes.map((node) => ({ id: node.id, name: node.name })),
    diagram.edges.map((edge) => ({ from: edge.from.node, to: edge.to.node })),
  );
}
