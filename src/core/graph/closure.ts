import type { DependencyGraph } from './dependencyGraph';

function reach(graph: DependencyGraph, start: string, arcs: Map<string, string[]>): string[] {
  if (!graph.rank.has(start)) return [];
  const seen = new Set([start]);
  const queue = [start];
  for (let index = 0; index < queue.length; index++) {
    for (const next of arcs.get(queue[index]!)!) {
      if (!seen.has(next)) {
        seen.add(next);
        queue.push(next);
      }
    }
  }
  return [...seen].sort((a, b) => graph.rank.get(a)! - graph.rank.get(b)!);
}

/** The vertex and everything it depends on, transitively (sorted by name); empty for an unknown id. */
export function upstreamClosure(graph: DependencyGraph, id: string): string[] {
  return reach(graph, id, graph.upstream);
}

/** The vertex and everything that depends on it, transitively (sorted by name); empty for an unknown id. */
export function downstreamClosure(graph: DependencyGraph, id: string): string[] {
  return reach(graph, id, graph.downstream);
}
