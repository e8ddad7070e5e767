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

/**
 * Vertex id → the ids at the other end of its arcs (arc `a` runs from rank `ends[a]` to rank
 * `others[a]`), in ascending rank without duplicates. Built in flat typed arrays, so each
 * vertex gets one array of exactly its size: growing small arrays one push at a time cost more
 * in allocation and collection than all the rest of the graph.
 */
function adjacency(sorted: readonly GraphVertex[], ends: readonly number[], others: readonly number[]): Map<string, string[]> {
  const count = sorted.length;
  const start = new Int32Array(count + 1);
  for (let arc = 0; arc < ends.length; arc++) start[ends[arc]! + 1]!++;
  for (let index = 0; index < count; index++) start[index + 1]! += start[index]!;
  const next = start.slice(0, count);
  const flat = new Int32Array(ends.length);
  for (let arc = 0; arc < ends.length; arc++) flat[next[ends[arc]!]!++] = others[arc]!;
  const result = new Map<string, string[]>();
  for (let index = 0; index < count; index++) {
    const [first, end] = [start[index]!, start[index + 1]!];
    if (end - first > 1) flat.subarray(first, end).sort(); // numeric: ranks order ids like `vertices`
    let distinct = 0;
    for (let at = first; at < end; at++) if (at === first || flat[at] !== flat[at - 1]) distinct++;
    const ids: string[] = new Array(distinct);
    for (let at = first, out = 0; at < end; at++) if (at === first || flat[at] !== flat[at - 1]) ids[out++] = sorted[flat[at]!]!.id;
    result.set(sorted[index]!.id, ids);
  }
  return result;
}

/** The graph over `vertices`, with the arcs `arcsOf` links; unknown endpoints are ignored. */
function assemble(vertices: readonly GraphVertex[], arcsOf: (link: (from: string, to: string) => void) => void): DependencyGraph {
  const sorted = [...vertices].sort(compareVertices);
  const rank = new Map<string, number>();
  for (let index = 0; index < sorted.length; index++) rank.set(sorted[index]!.id, index);
  // arcs as rank pairs: `froms[a]` → `tos[a]`
  const froms: number[] = [];
  const tos: number[] = [];
  arcsOf((fromId, toId) => {
    const from = rank.get(fromId);
    const to = rank.get(toId);
    if (from === undefined || to === undefined) return;
    froms.push(from);
    tos.push(to);
  });
  return { vertices: sorted, upstream: adjacency(sorted, tos, froms), downstream: adjacency(sorted, froms, tos), rank };
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
    diagram.nodes, // nodes are vertices already (id, name): no copy of each
    (link) => {
      for (const edge of diagram.edges) link(edge.from.node, edge.to.node);
    },
  );
}
