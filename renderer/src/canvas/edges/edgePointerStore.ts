import { create } from 'zustand';
import type { DrawnEdge } from './drawnEdges';

interface EdgePointer {
  /** The edge under the pointer, emphasised and given a pointer cursor. Session state, never a document edit. */
  hovered: string | null;
  /** The still edges the layer drew last (all of them while nothing is dragged): what clicks and hovers are tested against. */
  drawn: readonly DrawnEdge[];
}

export const useEdgePointer = create<EdgePointer>(() => ({ hovered: null, drawn: [] }));
