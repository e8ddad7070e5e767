import { useReactFlow, useStoreApi } from '@xyflow/react';
import { useMemo, type MouseEvent as ReactMouseEvent } from 'react';
import { useDiagramStore } from '../../state/diagramStore';
import { edgeAt, type DrawnEdge } from './drawnEdges';
import { useEdgePointer } from './edgePointerStore';

// How near, in screen pixels, a click must land to an edge's stroke to hit it.
const HIT_TOLERANCE = 6;

/** The modifier that adds to a selection instead of replacing it, as for nodes. */
const isAdditive = (event: { shiftKey: boolean; metaKey: boolean; ctrlKey: boolean }) => event.shiftKey || event.metaKey || event.ctrlKey;

/**
 * Pane handlers that give the edges we draw (EdgeLayer) what React Flow gave its own: click to
 * select (with Shift, Ctrl or Cmd to add), hover to emphasise, and clicking a node clears the
 * edge selection. The pane lies under the edges, so its events carry the pointer position.
 */
export function useEdgeHitTesting() {
  const flow = useReactFlow();
  const store = useStoreApi();
  return useMemo(() => {
    const edgeUnder = (event: ReactMouseEvent | MouseEvent): DrawnEdge | undefined => {
      const point = flow.screenToFlowPosition({ x: event.clientX, y: event.clientY });
      const tolerance = HIT_TOLERANCE / store.getState().transform[2];
      return edgeAt(useEdgePointer.getState().drawn, point, tolerance);
    };
    const hover = (id: string | null) => {
      if (useEdgePointer.getState().hovered === id) return;
      useEdgePointer.setState({ hovered: id });
      // On React Flow's root rather than through React: re-rendering the canvas for a cursor would cost a frame.
      store.getState().domNode?.classList.toggle('edge-hover', id !== null);
    };
    return {
      onPaneClick(event: ReactMouseEvent) {
        const edge = edgeUnder(event);
        const additive = isAdditive(event);
        if (edge) useDiagramStore.getState().selectEdge(edge.id, additive);
        else if (!additive) useDiagramStore.getState().selectEdge(null);
      },
      onPaneMouseMove(event: ReactMouseEvent) {
        // A pressed button is a pan or a drag under way: nothing to hover, and no hit test per step.
        hover(event.buttons === 0 ? (edgeUnder(event)?.id ?? null) : null);
      },
      onPaneMouseLeave() {
        hover(null);
      },
      /** A node chosen without a modifier becomes the whole selection, as React Flow does. */
      onNodeChosen(event: ReactMouseEvent | MouseEvent | TouchEvent) {
        if (!isAdditive(event)) useDiagramStore.getState().selectEdge(null);
      },
    };
  }, [flow, store]);
}
