import type { ReactFlowInstance } from '@xyflow/react';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { useOperationsStore } from './operationsStore';

/**
 * Closes the Operations view and selects and centres a node (as the Problems list does), opening its
 * project and environment first when another one is shown.
 */
export async function showOnCanvas(
  flow: ReactFlowInstance<BundleFlowNode, TypedFlowEdge>,
  target: { projectId?: string; environmentId?: string; nodeId: string },
): Promise<void> {
  const diagram = useDiagramStore.getState();
  if (target.projectId && diagram.project?.id !== target.projectId) await diagram.open(target.projectId);
  if (target.environmentId) useUiStore.getState().set({ environmentId: target.environmentId });
  useOperationsStore.getState().set({ open: false });
  useDiagramStore.getState().select([target.nodeId]);
  // Let the canvas show again before measuring it.
  requestAnimationFrame(() => void flow.fitView({ nodes: [{ id: target.nodeId }], duration: 200, maxZoom: 1.2 }));
}
