import type { ReactFlowInstance } from '@xyflow/react';
import type { BundleFlowNode, TypedFlowEdge } from '../state/deriveFlow';
import type { DiagramState } from '../state/diagramStore';
import type { UiState } from '../state/uiStore';

/** What an action sees: the document store, the session UI state and the canvas viewport. */
export interface ActionContext {
  diagram: DiagramState;
  ui: UiState;
  flow: ReactFlowInstance<BundleFlowNode, TypedFlowEdge>;
}

/** One user command, shared by menus, keyboard shortcuts and the command palette (Excalidraw's actions). */
export interface Action {
  name: string;
  label: string;
  /** The shortcut as shown to people, for example "Ctrl+Z". */
  shortcut?: string;
  keyTest?: (event: KeyboardEvent) => boolean;
  enabled?: (context: ActionContext) => boolean;
  perform: (context: ActionContext) => void | Promise<void>;
}

/** Ctrl on Linux and Windows, Cmd on macOS. */
export const isMod = (event: KeyboardEvent) => event.ctrlKey || event.metaKey;

export const selectedNodeIds = (context: ActionContext) => context.diagram.nodes.filter((node) => node.selected).map((node) => node.id);
