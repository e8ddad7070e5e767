import { create } from 'zustand';

/** The edge under the pointer, emphasised and given a pointer cursor. Session state, never a document edit. */
export const useEdgePointer = create<{ hovered: string | null }>(() => ({ hovered: null }));
