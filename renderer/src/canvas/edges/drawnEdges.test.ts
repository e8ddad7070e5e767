import type { InternalNode } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import type { TypedFlowEdge } from '../../state/deriveFlow';
import { drawEdge, drawEdges, edgeAt, handleAnchor } from './drawnEdges';
import { strokeGroups } from './strokeGroups';

/** A measured node at (x, y) with an artifact handle on its right side and a connection handle on its left, as React Flow records them. */
function node(id: string, x: number, y: number): InternalNode {
  return {
    id,
    position: { x, y },
    data: {},
    measured: { width: 200, height: 80 },
    internals: {
      positionAbsolute: { x, y },
      z: 0,
      userNode: { id, position: { x, y }, data: {} },
      handleBounds: {
        source: [{ id: 'artifact:network', nodeId: id, type: 'source', position: 'right', x: 195, y: 40, width: 10, height: 10 }],
        target: [{ id: 'connection:network', nodeId: id, type: 'target', position: 'left', x: -5, y: 40, width: 10, height: 10 }],
      },
    },
  } as InternalNode;
}

const edge = (id: string, source: string, target: string, extra: Partial<TypedFlowEdge> = {}): TypedFlowEdge => ({
  id,
  source,
  target,
  sourceHandle: 'artifact:network',
  targetHandle: 'connection:network',
  type: 'typed',
  data: { edge: { id, from: { node: source, artifact: 'network' }, to: { node: target, connection: 'network' } }, artifactType: 'local-network', colour: '#0a0' },
  ...extra,
});

const lookup = new Map([
  ['a', node('a', 0, 0)],
  ['b', node('b', 400, 0)],
  ['c', node('c', 400, 300)],
]);

describe('drawn edges', () => {
  it('anchors an artifact at its handle’s right side and a connection at its handle’s left side, at the handle’s middle', () => {
    expect(handleAnchor(lookup.get('a'), 'source', 'artifact:network')).toEqual({ x: 205, y: 45 });
    expect(handleAnchor(lookup.get('b'), 'target', 'connection:network')).toEqual({ x: 395, y: 45 });
    expect(handleAnchor(lookup.get('b'), 'target', 'connection:missing')).toBeUndefined();
  });

  it('skips an edge whose end is not measured yet, as React Flow does, and draws the rest', () => {
    const unmeasured = { ...node('d', 0, 500), internals: { ...node('d', 0, 500).internals, handleBounds: undefined } } as InternalNode;
    const nodes = new Map([...lookup, ['d', unmeasured]]);
    expect(drawEdge(edge('e1', 'd', 'b'), nodes, new Set())).toBeUndefined();
    expect(drawEdges([edge('e1', 'd', 'b'), edge('e2', 'a', 'b'), edge('e3', 'a', 'gone')], nodes, new Set()).map((drawn) => drawn.id)).toEqual(['e2']);
  });

  it('dashes the edges of a source known only after apply, and widens their label for the mark', () => {
    const plain = drawEdge(edge('e1', 'a', 'b'), lookup, new Set())!;
    const unknown = drawEdge(edge('e1', 'a', 'b'), lookup, new Set(['a']))!;
    expect(plain.dashed).toBe(false);
    expect(unknown.dashed).toBe(true);
    expect(unknown.label.width).toBeGreaterThan(plain.label.width);
    expect(plain).toMatchObject({ colour: '#0a0', artifactType: 'local-network', selected: false, label: { x: 300, y: 45 } });
  });

  it('finds the edge under a point within the tolerance, the nearest when two are near, and none farther off', () => {
    const edges = drawEdges([edge('ab', 'a', 'b'), edge('ac', 'a', 'c')], lookup, new Set());
    // Along the straight a→b edge, 4 below it: hit at tolerance 6, missed at 3.
    expect(edgeAt(edges, { x: 250, y: 49 }, 6)?.id).toBe('ab');
    expect(edgeAt(edges, { x: 250, y: 49 }, 3)).toBeUndefined();
    // Near the end of a→c, far from a→b.
    expect(edgeAt(edges, { x: 392, y: 345 }, 6)?.id).toBe('ac');
    // Both leave a at the same point: the nearer wins.
    expect(edgeAt(edges, { x: 210, y: 44 }, 6)?.id).toBe('ab');
    expect(edgeAt(edges, { x: 220, y: 300 }, 6)).toBeUndefined();
  });

  it('counts a click on the label as a click on its edge', () => {
    const [drawn] = drawEdges([edge('ab', 'a', 'b')], lookup, new Set());
    expect(edgeAt([drawn!], { x: drawn!.label.x + drawn!.label.width / 2 - 1, y: drawn!.label.y + 6 }, 0)?.id).toBe('ab');
  });

  it('draws edges that look alike as one path, apart from dashed ones and other colours', () => {
    const edges = drawEdges(
      [edge('ab', 'a', 'b'), edge('ac', 'a', 'c'), edge('cb', 'c', 'b', { data: { ...edge('cb', 'c', 'b').data!, colour: '#00f' } })],
      lookup,
      new Set(['c']),
    );
    const groups = strokeGroups(edges);
    expect(groups.map((group) => [group.colour, group.dashed, group.d.split('M').length - 1])).toEqual([
      ['#0a0', false, 2],
      ['#00f', true, 1],
    ]);
  });
});
