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

/** Ascending ranks without duplicates, as ids. */
function idsByRank(ranks: number[], vertices: readonly GraphVertex[]): string[] {
  if (ranks.length > 1) ranks.sort((a, b) => a - b);
  const ids: string[] = [];
  for (let index = 0; index < ranks.length; index++) {
    if (index > 0 && ranks[index] === ranks[index - 1]) continue;
    ids.push(vertices[ranks[index]!]!.id);
  }
  return ids;
}

/** The graph over `vertices`, with the arcs `arcsOf` links; unknown endpoints are ignored. */
function assemble(vertices: readonly GraphVertex[], arcsOf: (link: (from: string, to: string) => void) => void): DependencyGraph {
  const sorted = [...vertices].sort(compareVertices);
  const rank = new Map<string, number>();
  for (let index = 0; index < sorted.length; index++) rank.set(sorted[index]!.id, index);
  // neighbours as ranks per vertex rank: sorting numbers is what orders them like `vertices`
  const upstreamRanks: (number[] | undefined)[] = new Array(sorted.length);
  const downstreamRanks: (number[] | undefined)[] = new Array(sorted.length);
  arcsOf((fromId, toId) => {
    const from = rank.get(fromId);
    const to = rank.get(toId);
    if (from === undefined || to === undefined) return;
    const up = upstreamRanks[to];
    if (up === undefined) upstreamRanks[to] = [from];
    else up.push(from);
    const down = downstreamRanks[from];
    if (down === undefined) downstreamRanks[from] = [to];
    else down.push(to);
  });
  const upstream = new Map<string, string[]>();
  const downstream = new Map<string, string[]>();
  for (let index = 0; index < sorted.length; index++) {
    const id = sorted[index]!.id;
    const up = upstreamRanks[index];
    const down = downstreamRanks[index];
    upstream.set(id, up === undefined ? [] : idsByRank(up, sorted));
    downstream.set(id, down === undefined ? [] : idsByRank(down, sorted));
  }
  return { vertices: sorted, upstream, downstream, rank };
}

/** Builds a graph; arcs naming an unknown vertex are ignored (validation reports them). */
export function buildGraph(vertices: readonly GraphVertex[], arcs: readonly GraphArc[]): DependencyGraph {
  return assemble(vertices, (link) => {
    for (const arc of arcs) link(arc.from, arc.to);
  });
}

/** The graph of a diagram: nodes by id (tie-break by name), one arc per edge from producer to consumer. */
export function graphOfDiagram(diagram: Diagram): DependencyGraph {
  return assemble(
    diagram.nodes.map((node) => ({ id: node.id, name: node.name })),
    (link) => {
      for (const edge of diagram.edges) link(edge.from.node, edge.to.node);
    },
  );
}
