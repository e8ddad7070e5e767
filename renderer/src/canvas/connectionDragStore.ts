import { create } from 'zustand';

interface ConnectionDrag {
  /** "nodeId|handleId|type" of the handle a connection is dragged from, or null when none is. */
  from: string | null;
}

/**
 * The connection being dragged, set by the canvas at its start and end. Nodes read it here rather
 * than through React Flow's store, whose every update (each step of any drag) re-runs each
 * subscriber's selector: per node, that was work for the whole view on every frame.
 */
export const useConnectionDrag = create<ConnectionDrag>(() => ({ from: null }));
