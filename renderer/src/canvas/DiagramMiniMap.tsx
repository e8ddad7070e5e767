import { Panel, useReactFlow, useStore, useStoreApi, type ReactFlowState } from '@xyflow/react';
import { memo, useId, useMemo, useRef, type PointerEvent, type WheelEvent } from 'react';
import { useDiagramStore } from '../state/diagramStore';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';
import { boundsOf, boxesPath, maskPath, miniMapFrame, type Box } from './miniMapGeometry';

const SIZE = { width: 200, height: 150 };
// A node not drawn yet (off-screen, so never measured) is shown at a typical bundle node's size.
const UNMEASURED = { width: 220, height: 100 };
const ZOOM_STEP = 1.2;

const selectTransform = (state: ReactFlowState) => state.transform;
const selectWidth = (state: ReactFlowState) => state.width;
const selectHeight = (state: ReactFlowState) => state.height;

/**
 * The minimap: every node as one SVG path and the visible area, pannable by dragging and zoomable
 * with the wheel. React Flow's own minimap keeps one subscribed element per node, so each drag step
 * cost work for the whole diagram; this one draws the nodes' stored positions, which change once
 * per edit (a dragged node moves here when it is dropped), and only the view frame follows a pan.
 */
export const DiagramMiniMap = memo(function DiagramMiniMap() {
  const nodes = useDiagramStore((state) => state.project?.diagram.nodes);
  const [x, y, zoom] = useStore(selectTransform);
  const width = useStore(selectWidth);
  const height = useStore(selectHeight);
  const store = useStoreApi<BundleFlowNode, TypedFlowEdge>();
  const flow = useReactFlow<BundleFlowNode, TypedFlowEdge>();
  const titleId = useId();
  const pointer = useRef<{ x: number; y: number } | undefined>(undefined);

  const boxes = useMemo<Box[]>(() => {
    const lookup = store.getState().nodeLookup;
    return (nodes ?? []).map((node) => {
      const measured = lookup.get(node.id)?.measured;
      return { ...node.position, width: measured?.width ?? UNMEASURED.width, height: measured?.height ?? UNMEASURED.height };
    });
  }, [nodes, store]);
  const content = useMemo(() => boundsOf(boxes), [boxes]);
  const nodesPath = useMemo(() => boxesPath(boxes), [boxes]);

  const view: Box = { x: -x / zoom, y: -y / zoom, width: width / zoom, height: height / zoom };
  const { viewBox, scale } = miniMapFrame(content, view, SIZE);

  const onPointerDown = (event: PointerEvent<SVGSVGElement>) => {
    event.currentTarget.setPointerCapture(event.pointerId);
    pointer.current = { x: event.clientX, y: event.clientY };
  };
  // Dragging the minimap moves the view over the diagram by as much as the pointer moved in it.
  const onPointerMove = (event: PointerEvent<SVGSVGElement>) => {
    if (!pointer.current) return;
    const moved = { x: event.clientX - pointer.current.x, y: event.clientY - pointer.current.y };
    pointer.current = { x: event.clientX, y: event.clientY };
    const [viewX, viewY, viewZoom] = store.getState().transform;
    void flow.setViewport({ x: viewX - moved.x * scale * viewZoom, y: viewY - moved.y * scale * viewZoom, zoom: viewZoom });
  };
  const onPointerUp = () => (pointer.current = undefined);
  const onWheel = (event: WheelEvent<SVGSVGElement>) => {
    const current = store.getState().transform[2];
    void flow.zoomTo(event.deltaY < 0 ? current * ZOOM_STEP : current / ZOOM_STEP);
  };

  return (
    <Panel position="bottom-right" className="react-flow__minimap diagram-minimap" data-testid="minimap">
      <svg
        width={SIZE.width}
        height={SIZE.height}
        viewBox={`${viewBox.x} ${viewBox.y} ${viewBox.width} ${viewBox.height}`}
        className="react-flow__minimap-svg"
        role="img"
        aria-labelledby={titleId}
        onPointerDown={onPointerDown}
        onPointerMove={onPointerMove}
        onPointerUp={onPointerUp}
        onPointerCancel={onPointerUp}
        onWheel={onWheel}
      >
        <title id={titleId}>Minimap</title>
        <path className="react-flow__minimap-node" d={nodesPath} />
        <path className="react-flow__minimap-mask" d={maskPath(viewBox, view)} fillRule="evenodd" />
      </svg>
    </Panel>
  );
});
