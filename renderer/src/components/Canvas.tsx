import { Background, Controls, ReactFlow, useReactFlow, type Connection, type FinalConnectionState, type OnConnectStart, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useRef, useState, type DragEvent } from 'react';
import { BundleNode } from '../canvas/BundleNode';
import { useConnectionDrag } from '../canvas/connectionDragStore';
import { checkConnection } from '../canvas/connectionRule';
import { DiagramMiniMap } from '../canvas/DiagramMiniMap';
import { EdgeLayer } from '../canvas/edges/EdgeLayer';
import { useEdgeHitTesting } from '../canvas/edges/useEdgeHitTesting';
import { addBundleNode } from '../state/addBundleNode';
import { portOfHandle, type BundleFlowNode, type TypedFlowEdge } from '../state/deriveFlow';
import { useDiagramStore } from '../state/diagramStore';
import { freshId } from '../state/nodeNames';
import { CanvasNotice } from './CanvasNotice';

// Module scope: a new object each render would remount every node (React Flow's performance guide).
const nodeTypes = { bundle: BundleNode };
export const BUNDLE_DRAG_TYPE = 'application/x-driftless-bundle';
const VIEWPORT_KEY = 'driftless.viewport';
const FIT_VIEW_OPTIONS = { maxZoom: 1 };
// Stable objects: React Flow copies a changed prop into its store on every render (a new array would on each drag step).
const SNAP_GRID: [number, number] = [16, 16];
const PRO_OPTIONS = { hideAttribution: true };

function savedViewport(): Viewport | undefined {
  try {
    return JSON.parse(localStorage.getItem(VIEWPORT_KEY) ?? 'null') ?? undefined;
  } catch {
    return undefined;
  }
}

/**
 * Fits the view to a diagram when it is shown: on first load (unless a viewport was saved) and when
 * another project is opened, never to an empty one. Not React Flow's fitView prop: it holds its fit
 * until nodes are measured, so on a diagram that loaded empty it fitted the view to the first bundle
 * dropped, and the view jumped under the user's pointer.
 */
function useFitOnOpen(savedView: Viewport | undefined): void {
  const flow = useReactFlow();
  const projectId = useDiagramStore((state) => state.project?.id);
  // The project whose view is settled: the effect re-runs when React Flow's helpers change, and must not fit again.
  const settled = useRef<string>(undefined);
  useEffect(() => {
    if (projectId === undefined || settled.current === projectId) return;
    const keepSavedView = settled.current === undefined && savedView !== undefined;
    settled.current = projectId;
    // React Flow fits once it has measured the new nodes.
    if (!keepSavedView && (useDiagramStore.getState().project?.diagram.nodes.length ?? 0) > 0) void flow.fitView(FIT_VIEW_OPTIONS);
  }, [projectId, flow, savedView]);
}

const isValidConnection = (connection: Connection | TypedFlowEdge) => {
  const { project, catalog } = useDiagramStore.getState();
  return checkConnection(connection as Connection, project, catalog).ok;
};

/** Centre: the diagram. */
export function Canvas() {
  const nodes = useDiagramStore((state) => state.nodes);
  const onNodesChange = useDiagramStore((state) => state.onNodesChange);
  const edgePointer = useEdgeHitTesting();
  const flow = useReactFlow<BundleFlowNode, TypedFlowEdge>();
  // Read once: the canvas re-renders on every drag step, and only the first render's viewport is used.
  const [viewport] = useState(savedViewport);
  useFitOnOpen(viewport);

  const onConnect = useCallback((connection: Connection) => {
    const { project, catalog, perform } = useDiagramStore.getState();
    const verdict = checkConnection(connection, project, catalog);
    if (!verdict.ok) return;
    const edge = {
      id: freshId(),
      from: { node: connection.source, artifact: portOfHandle(connection.sourceHandle) },
      to: { node: connection.target, connection: portOfHandle(connection.targetHandle) },
      ...(verdict.needsConfirmation ? { confirmedUntyped: true } : {}),
    };
    perform({ kind: 'connect', edge });
  }, []);

  const onConnectStart = useCallback<OnConnectStart>((_event, { nodeId, handleId, handleType }) => {
    useConnectionDrag.setState({ from: `${nodeId}|${handleId ?? ''}|${handleType}` });
  }, []);

  const onConnectEnd = useCallback((_event: MouseEvent | TouchEvent, state: FinalConnectionState) => {
    useConnectionDrag.setState({ from: null });
    if (state.isValid || !state.fromHandle || !state.toHandle) return;
    const { project, catalog, setNotice } = useDiagramStore.getState();
    const [from, to] = state.fromHandle.type === 'source' ? [state.fromHandle, state.toHandle] : [state.toHandle, state.fromHandle];
    const verdict = checkConnection({ source: from.nodeId, sourceHandle: from.id ?? null, target: to.nodeId, targetHandle: to.id ?? null }, project, catalog);
    if (!verdict.ok) setNotice(`Cannot connect: ${verdict.reason}`);
  }, []);

  const onDragOver = useCallback((event: DragEvent) => {
    if (!event.dataTransfer.types.includes(BUNDLE_DRAG_TYPE)) return;
    event.preventDefault();
    event.dataTransfer.dropEffect = 'copy';
  }, []);

  const onDrop = useCallback(
    (event: DragEvent) => {
      const ref = event.dataTransfer.getData(BUNDLE_DRAG_TYPE);
      const bundle = useDiagramStore.getState().catalog.bundles.find((candidate) => candidate.ref === ref);
      if (!bundle) return;
      event.preventDefault();
      addBundleNode(bundle, flow.screenToFlowPosition({ x: event.clientX, y: event.clientY }));
    },
    [flow],
  );

  const onMoveEnd = useCallback((_event: unknown, next: Viewport) => localStorage.setItem(VIEWPORT_KEY, JSON.stringify(next)), []);

  return (
    <main className="canvas" aria-label="Canvas" onDragOver={onDragOver} onDrop={onDrop}>
      <ReactFlow<BundleFlowNode, TypedFlowEdge>
        nodes={nodes}
        // No edges: EdgeLayer draws them (see there why), and the pane handlers hit-test them.
        nodeTypes={nodeTypes}
        onNodesChange={onNodesChange}
        onPaneClick={edgePointer.onPaneClick}
        onPaneMouseMove={edgePointer.onPaneMouseMove}
        onPaneMouseLeave={edgePointer.onPaneMouseLeave}
        onNodeClick={edgePointer.onNodeChosen}
        onNodeDragStart={edgePointer.onNodeChosen}
        onConnect={onConnect}
        onConnectStart={onConnectStart}
        onConnectEnd={onConnectEnd}
        isValidConnection={isValidConnection}
        onMoveEnd={onMoveEnd}
        defaultViewport={viewport}
        deleteKeyCode={null}
        snapToGrid
        snapGrid={SNAP_GRID}
        proOptions={PRO_OPTIONS}
        // Off-screen nodes are not in the DOM: each update's style, paint and layerize work then scales with what is in view, not with the diagram.
        onlyRenderVisibleElements
      >
        <EdgeLayer />
        <Background gap={16} />
        <DiagramMiniMap />
        <Controls />
      </ReactFlow>
      <CanvasNotice />
    </main>
  );
}
