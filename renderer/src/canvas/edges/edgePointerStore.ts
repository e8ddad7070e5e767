import { create } from 'zustand';
import type { DrawnEdge } from './drawnEdges';

interface EdgePointer {
  /** The edge under the pointer, emphasised and given a pointer cursor. Session state, never a document edit. */
  hovered: string | null;
  /** What the edge layer drew last, in lists as it holds them: what clicks and hovers are tested against. */
  drawn: readonly (readonly DrawnEdge[])[];
}

export const useEdgePointer = create<EdgePointer>(() => ({ hovered: null, drawn: [] }));
