import type { DependencyGraph } from './dependencyGraph';

export type TopologicalResult = { ok: true; order: string[] } | { ok: false; cycle: string[] };

/** A min-heap of vertex ranks: the ready vertex with the smallest name comes out first. */
class RankHeap {
  private items: number[] = [];
  get size(): number {
    return this.items.length;
  }
  push(value: number): void {
    const items = this.items;
    items.push(value);
    let index = items.length - 1;
    while (index > 0) {
      const parent = (index - 1) >> 1;
      if (items[parent]! <= value) break;
      items[index] = items[parent]!;
      index = parent;
    }
    items[index] = value;
  }
  pop(): number {
    const items = this.items;
    const top = items[0]!;
    const last = items.pop()!;
    if (items.length > 0) {
      let index = 0;
      for (;;) {
        const left = 2 * index + 1;
        if (left >= items.length) break;
        const right = left + 1;
        const child = right < items.length && items[right]! < items[left]! ? right : left;
        if (items[child]! >= last) break;
        items[index] = items[child]!;
        index = child;
      }
      items[index] = last;
    }
    return top;
  }
}

/**
 * Dependencies first; among vertices that are ready at the same time, the smallest name first.
 * On a cycle, returns the cycle instead (see findCycle).
 */
export function topologicalOrder(graph: DependencyGraph): TopologicalResult {
  const { vertices, upstream, downstream, rank } = graph;
  // counts of unmet dependencies, by vertex rank
  const remaining = new Int32Array(vertices.length);
  const heap = new RankHeap();
  for (let index = 0; index < vertices.length; index++) {
    const count = upstream.get(vertices[index]!.id)!.length;
    remaining[index] = count;
    if (count === 0) heap.push(index);
  }
  const order: string[] = [];
  while (heap.size > 0) {
    const id = vertices[heap.pop()]!.id;
    order.push(id);
    for (const next of downstream.get(id)!) {
      const at = rank.get(next)!;
      if (--remaining[at] === 0) heap.push(at);
    }
  }
  if (order.length === vertices.length) return { ok: true, order };
  return { ok: false, cycle: findCycle(graph)! };
}

/**
 * A cycle as a path of ids that starts and ends at the same vertex, following dependency arcs
 * (upstream → downstream): `[a, b, a]` means b depends on a and a on b. Undefined when acyclic.
 * Deterministic: the search starts from vertices in name order.
 */
export function findCycle(graph: DependencyGraph): string[] | undefined {
  const state = new Map<string, 'open' | 'done'>();
  for (const start of graph.vertices) {
    if (state.has(start.id)) continue;
    // Iterative DFS: a deep chain of nodes must not overflow the call stack.
    const path: string[] = [start.id];
    const cursors: number[] = [0];
    state.set(start.id, 'open');
    while (path.length > 0) {
      const id = path[path.length - 1]!;
      const next = graph.downstream.get(id)!;
      const cursor = cursors[cursors.length - 1]!;
      if (cursor >= next.length) {
        state.set(id, 'done');
        path.pop();
        cursors.pop();
        continue;
      }
      cursors[cursors.length - 1] = cursor + 1;
      const target = next[cursor]!;
      const seen = state.get(target);
      if (seen === 'open') return [...path.slice(path.indexOf(target)), target];
      if (seen === undefined) {
        state.set(target, 'open');
        path.push(target);
        cursors.push(0);
      }
    }
  }
  return undefined;
}

/**
 * The path a new arc `from → to` would close into a cycle (`[from, to, …, from]`), or undefined
 * when adding it keeps the graph acyclic. For the canvas: refuse a connection before it exists.
 */
export function cycleIfConnected(graph: DependencyGraph, from: string, to: string): string[] | undefined {
  if (from === to) return [from, from];
  // A cycle appears iff `from` is reachable downstream of `to`.
  const previous = new Map<string, string>();
  const queue = [to];
  const seen = new Set([to]);
  for (let index = 0; index < queue.length; index++) {
    const id = queue[index]!;
    if (id === from) {
      const back = [from];
      let cursor = from;
      while (cursor !== to) {
        cursor = previous.get(cursor)!;
        back.push(cursor);
      }
      // back runs from → … → to against the arcs; the cycle is the new arc, then to → … → from.
      return [from, ...back.reverse()];
    }
    for (const next of graph.downstream.get(id) ?? []) {
      if (seen.has(next)) continue;
      seen.add(next);
      previous.set(next, id);
      queue.push(next);
    }
  }
  return undefined;
}
