import type { InternalNode, ReactFlowState } from '@xyflow/react';
import { describe, expect, it } from 'vitest';
import { stillNodesSelector } from './useDrawnEdges';

const node = (id: string, dragging = false) => ({ id, dragging }) as unknown as InternalNode;
const stateOf = (...nodes: InternalNode[]) => ({ nodeLookup: new Map(nodes.map((each) => [each.id, each])) }) as unknown as ReactFlowState;

describe('stillNodesSelector', () => {
  const [a, b, c] = [node('a'), node('b'), node('c')];

  it('leaves out the dragged nodes', () => {
    expect(stillNodesSelector()(stateOf(a, node('b', true), c))).toEqual([a, c]);
  });

  it('keeps the same array while only dragged nodes change, as on every drag step', () => {
    const select = stillNodesSelector();
    const first = select(stateOf(a, node('b', true), c));
    expect(select(stateOf(a, node('b', true), c))).toBe(first);
  });

  it('gives a new array when a still node is replaced, added or removed', () => {
    const select = stillNodesSelector();
    const first = select(stateOf(a, b, c));
    const replaced = select(stateOf(a, node('b'), c));
    expect(replaced).not.toBe(first);
    expect(select(stateOf(a, replaced[1]!, c, node('d')))).toHaveLength(4);
    expect(select(stateOf(a, replaced[1]!))).toEqual([a, replaced[1]]);
  });

  it('gives a new array when a node stops being dragged', () => {
    const select = stillNodesSelector();
    const during = select(stateOf(a, node('b', true)));
    expect(select(stateOf(a, b))).not.toBe(during);
    expect(select(stateOf(a, b))).toEqual([a, b]);
  });
});
