import { useStore, type InternalNode, type ReactFlowState } from '@xyflow/react';
import { useMemo } from 'react';
import type { TypedFlowEdge } from '../../state/deriveFlow';
import { useDiagramStore } from '../../state/diagramStore';
import { drawEdges, type DrawnEdge } from './drawnEdges';
import { useUnknownSources } from './unknownSources';

const stillNodes = (state: ReactFlowState) => [...state.nodeLookup.values()].filter((node) => !node.dragging);
const draggedNodes = (state: ReactFlowState) => [...state.nodeLookup.values()].filter((node) => node.dragging);
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
  const still = useStore(stillNodes, sameElements);
  const dragged = useStore(draggedNodes, sameElements);
  const lookup = useStore((state) => state.nodeLookup);
  const unknownSources = useUnknownSources();
  const draggingKey = dragged.map((node) => node.id).join(' ');

  const stillEdges = useMemo(() => {
    const ids = new Set(draggingKey.split(' '));
    const nodes = new Map(still.map((node) => [node.id, node]));
    return drawEdges(draggingKey ? edges.filter((edge) => !ids.has(edge.source) && !ids.has(edge.target)) : edges, nodes, unknownSources);
  }, [edges, still, draggingKey, unknownSources]);

  const ids = new Set(dragged.map((node) => node.id));
  const moving = ids.size > 0 ? drawEdges(edges.filter((edge: TypedFlowEdge) => ids.has(edge.source) || ids.has(edge.target)), lookup, unknownSources) : [];
  return { still: stillEdges, moving };
}
