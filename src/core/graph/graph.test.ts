import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { downstreamClosure, upstreamClosure } from './closure';
import { buildGraph, graphOfDiagram, type GraphArc, type GraphVertex } from './dependencyGraph';
import { cycleIfConnected, findCycle, topologicalOrder } from './order';

const vertices = (names: string[]): GraphVertex[] => names.map((name) => ({ id: `id-${name}`, name }));
const arc = (from: string, to: string): GraphArc => ({ from: `id-${from}`, to: `id-${to}` });
const names = (ids: string[] | undefined) => ids?.map((id) => id.slice(3));

/** Random graphs: n vertices with shuffled names, arbitrary arcs (may have cycles). */
const anyGraph = fc.integer({ min: 1, max: 12 }).chain((n) =>
  fc.record({
    names: fc.shuffledSubarray(Array.from({ length: n }, (_, i) => `n${String(i).padStart(2, '0')}`), { minLength: n, maxLength: n }),
    pairs: fc.array(fc.tuple(fc.nat(n - 1), fc.nat(n - 1)), { maxLength: 3 * n }),
  }),
);
/** Random DAGs: arcs only go from a lower to a higher position of a random permutation. */
const anyDag = anyGraph.map(({ names: order, pairs }) => ({
  names: order,
  arcs: pairs.filter(([a, b]) => a !== b).map(([a, b]) => arc(order[Math.min(a, b)]!, order[Math.max(a, b)]!)),
}));

function reachable(list: GraphVertex[], arcs: GraphArc[]): Map<string, Set<string>> {
  const reach = new Map(list.map((vertex) => [vertex.id, new Set([vertex.id])]));
  let changed = true;
  while (changed) {
    changed = false;
    for (const { from, to } of arcs) {
      for (const [, set] of reach) {
        if (set.has(from) && !set.has(to)) {
          set.add(to);
          changed = true;
        }
      }
    }
  }
  return reach;
}

describe('topologicalOrder', () => {
  it('puts dependencies first and breaks ties by name', () => {
    const graph = buildGraph(vertices(['web', 'db', 'net', 'bucket']), [arc('net', 'db'), arc('db', 'web'), arc('net', 'web')]);
    expect(topologicalOrder(graph)).toEqual({ ok: true, order: ['id-bucket', 'id-net', 'id-db', 'id-web'] });
  });

  it('ignores arcs to unknown vertices and duplicate arcs', () => {
    const graph = buildGraph(vertices(['a', 'b']), [arc('a', 'b'), arc('a', 'b'), { from: 'ghost', to: 'id-a' }]);
    expect(topologicalOrder(graph)).toEqual({ ok: true, order: ['id-a', 'id-b'] });
  });

  it('returns the cycle when there is one', () => {
    const graph = buildGraph(vertices(['a', 'b', 'c', 'd']), [arc('d', 'a'), arc('a', 'b'), arc('b', 'c'), arc('c', 'a')]);
    const result = topologicalOrder(graph);
    expect(result.ok).toBe(false);
    expect(!result.ok && names(result.cycle)).toEqual(['a', 'b', 'c', 'a']);
  });

  it('orders every DAG so that each arc points forward, deterministically whatever the input order', () => {
    fc.assert(
      fc.property(anyDag, fc.nat(), ({ names: order, arcs }, seed) => {
        const list = vertices(order);
        const result = topologicalOrder(buildGraph(list, arcs));
        expect(result.ok).toBe(true);
        if (!result.ok) return;
        expect([...result.order].sort()).toEqual(list.map((vertex) => vertex.id).sort());
        const position = new Map(result.order.map((id, index) => [id, index]));
        for (const { from, to } of arcs) expect(position.get(from)!).toBeLessThan(position.get(to)!);
        const rotate = <T>(items: T[]) => items.map((_, i) => items[(i + seed) % items.length]!);
        expect(topologicalOrder(buildGraph(rotate(list), rotate(arcs)))).toEqual(result);
      }),
    );
  });

  it('handles a chain of 20,000 vertices without overflowing the stack', () => {
    const list = Array.from({ length: 20000 }, (_, i) => ({ id: `v${i}`, name: `v${String(i).padStart(5, '0')}` }));
    const arcs = list.slice(1).map((vertex, i) => ({ from: list[i]!.id, to: vertex.id }));
    const graph = buildGraph(list, [...arcs, { from: 'v19999', to: 'v0' }]);
    expect(findCycle(graph)).toHaveLength(20001);
  });
});

describe('findCycle', () => {
  it('reports a self-loop as [a, a]', () => {
    expect(names(findCycle(buildGraph(vertices(['a']), [arc('a', 'a')])))).toEqual(['a', 'a']);
  });

  it('finds a cycle exactly when there is no topological order, and the path is made of real arcs', () => {
    fc.assert(
      fc.property(anyGraph, ({ names: order, pairs }) => {
        const arcs = pairs.map(([a, b]) => arc(order[a]!, order[b]!));
        const graph = buildGraph(vertices(order), arcs);
        const cycle = findCycle(graph);
        expect(topologicalOrder(graph).ok).toBe(cycle === undefined);
        if (!cycle) return;
        expect(cycle[0]).toBe(cycle[cycle.length - 1]);
        for (let i = 0; i + 1 < cycle.length; i++) {
          expect(arcs.some((candidate) => candidate.from === cycle[i] && candidate.to === cycle[i + 1])).toBe(true);
        }
      }),
    );
  });
});

describe('cycleIfConnected', () => {
  it('names the path a new arc would close', () => {
    const graph = buildGraph(vertices(['a', 'b', 'c']), [arc('a', 'b'), arc('b', 'c')]);
    expect(names(cycleIfConnected(graph, 'id-c', 'id-a'))).toEqual(['c', 'a', 'b', 'c']);
    expect(cycleIfConnected(graph, 'id-a', 'id-c')).toBeUndefined();
  });

  it('agrees with findCycle after adding the arc, on every DAG', () => {
    fc.assert(
      fc.property(anyDag, fc.nat(), fc.nat(), ({ names: order, arcs }, i, j) => {
        const from = `id-${order[i % order.length]}`;
        const to = `id-${order[j % order.length]}`;
        const path = cycleIfConnected(buildGraph(vertices(order), arcs), from, to);
        const after = findCycle(buildGraph(vertices(order), [...arcs, { from, to }]));
        expect(path !== undefined).toBe(after !== undefined);
        if (!path) return;
        expect(path[0]).toBe(from);
        expect(path[1]).toBe(to);
        expect(path[path.length - 1]).toBe(from);
        const all = [...arcs, { from, to }];
        for (let k = 0; k + 1 < path.length; k++) {
          expect(all.some((candidate) => candidate.from === path[k] && candidate.to === path[k + 1])).toBe(true);
        }
      }),
    );
  });
});

describe('closures', () => {
  it('upstream is what a node depends on; downstream what depends on it', () => {
    const graph = buildGraph(vertices(['net', 'db', 'web', 'cdn']), [arc('net', 'db'), arc('db', 'web'), arc('web', 'cdn')]);
    expect(names(upstreamClosure(graph, 'id-web'))).toEqual(['db', 'net', 'web']);
    expect(names(downstreamClosure(graph, 'id-db'))).toEqual(['cdn', 'db', 'web']);
    expect(upstreamClosure(graph, 'ghost')).toEqual([]);
  });

  it('match brute-force reachability on random graphs', () => {
    fc.assert(
      fc.property(anyGraph, ({ names: order, pairs }) => {
        const list = vertices(order);
        const arcs = pairs.map(([a, b]) => arc(order[a]!, order[b]!));
        const graph = buildGraph(list, arcs);
        const reach = reachable(list, arcs);
        for (const vertex of list) {
          expect(new Set(downstreamClosure(graph, vertex.id))).toEqual(reach.get(vertex.id));
          const up = list.filter((other) => reach.get(other.id)!.has(vertex.id)).map((other) => other.id);
          expect(new Set(upstreamClosure(graph, vertex.id))).toEqual(new Set(up));
        }
      }),
    );
  });
});

describe('graphOfDiagram', () => {
  it('makes one arc per edge, producer to consumer', () => {
    const graph = graphOfDiagram({
      nodes: [
        { id: '2', name: 'db', bundle: 'db@1.0.0', position: { x: 0, y: 0 }, params: {} },
        { id: '1', name: 'net', bundle: 'net@1.0.0', position: { x: 0, y: 0 }, params: {} },
      ],
      edges: [{ id: 'e', from: { node: '1', artifact: 'vpc' }, to: { node: '2', connection: 'network' } }],
    });
    expect(topologicalOrder(graph)).toEqual({ ok: true, order: ['1', '2'] });
    expect(graph.upstream.get('2')).toEqual(['1']);
  });
});
