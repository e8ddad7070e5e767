import { useStore, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { useMemo, useState } from 'react';
import type { TypedFlowEdge } from '../../state/deriveFlow';
import { useDiagramStore } from '../../state/diagramStore';
import { drawEdges, type DrawnEdge } from './drawnEdges';
import { useUnknownSources } from './unknownSources';

/**
 * The nodes not being dragged, as the same array while none of them changes: one pass over the
 * lookup per store update, allocating only when a still node was replaced, added or removed.
 */
export function stillNodesSelector() {
  let last: InternalNode[] = [];
  const refresh = (state: ReactFlowState) => (last = [...state.nodeLookup.values()].filter((node) => !node.dragging));
  return (state: ReactFlowState) => {
    let index = 0;
    for (const node of state.nodeLookup.values()) {
      if (node.dragging) continue;
      if (last[index] !== node) return refresh(state);
      index++;
    }
    return index === last.length ? last : refresh(state);
  };
}

/** The dragged nodes: new objects on every step of a drag. */
const draggedNodes = (state: ReactFlowState) => {
  const dragged: InternalNode[] = [];
  for (const node of state.nodeLookup.values()) if (node.dragging) dragged.push(node);
  return dragged;
};
/** Equal when every element is the same object: the selection then keeps its previous array. */
const sameElements = (a: readonly InternalNode[], b: readonly InternalNode[]) => a.length === b.length && a.every((item, index) => item === b[index]);

interface Drawn {
  /** Edges touching no dragged node: unchanged through a drag. */
  still: DrawnEdge[];
  /** Edges of the dragged nodes, redrawn on each step. */
  moving: DrawnEdge[];
}

/**
 * Every edge's drawing, split so a drag step redraws only the dragged nodes' edges. React Flow
 * replaces a node's internal object when it moves or is measured and keeps the others', so the
 * still nodes stay the same array through a drag and the still edges are not recomputed: the same
 * array, and nothing below redraws them.
 */
export function useDrawnEdges(): Drawn {
  const edges = useDiagramStore((state) => state.edges);
  const [selectStill] = useState(stillNodesSelector);
  const still = useStore(selectStill);
  const dragged = useStore(draggedNodes, sameElements);
  const draggingKey = dragged.map((node) => node.id).join(' ');
  const lookup = useStore((state) => state.nodeLookup);
  const unknownSources = useUnknownSources();

  const [stillOnes, movingOnes] = useMemo(() => {
    const ids = new Set(draggingKey.split(' '));
    const touchesDragged = (edge: TypedFlowEdge) => ids.has(edge.source) || ids.has(edge.target);
    return draggingKey ? [edges.filter((edge) => !touchesDragged(edge)), edges.filter(touchesDragged)] : [edges, []];
  }, [edges, draggingKey]);
  const stillEdges = useMemo(() => drawEdges(stillOnes, new Map(still.map((node) => [node.id, node])), unknownSources), [stillOnes, still, unknownSources]);
  const moving = movingOnes.length > 0 ? drawEdges(movingOnes, lookup, unknownSources) : [];
  return { still: stillEdges, moving };
}
