import { useReactFlow } from '@xyflow/react';
import { useCallback } from 'react';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import type { ActionContext } from './types';

/** A function that captures the current context for an action (read at the moment it runs). */
export function useActionContext(): () => ActionContext {
  const flow = useReactFlow<BundleFlowNode, TypedFlowEdge>();
  return useCallback(() => ({ diagram: useDiagramStore.getState(), ui: useUiStore.getState(), flow }), [flow]);
}
