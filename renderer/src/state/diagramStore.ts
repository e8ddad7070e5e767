import { applyNodeChanges, type NodeChange } from '@xyflow/react';
import { create } from 'zustand';
import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { applyEdit, type DiagramEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';
import type { DiagramHost } from '../api/diagramHost';
import { deriveEdges, deriveNodes, type BundleFlowNode, type TypedFlowEdge } from './deriveFlow';

const HISTORY_LIMIT = 200;

export interface DiagramState {
  host?: DiagramHost;
  catalog: CatalogSnapshot;
  project?: Project;
  loadError?: string;
  nodes: BundleFlowNode[];
  edges: TypedFlowEdge[];
  /** The host's diagnostics for the project after the last edit it stored. */
  hostDiagnostics: Diagnostic[];
  /** Nodes with an error among hostDiagnostics: one Set lookup per node instead of a scan per node per update. */
  problemNodeIds: ReadonlySet<string>;
  /** Why the last edit or connection was refused, shown until the next one. */
  notice?: string;
  /** Inverse edits, newest last. Only document edits are here: never selection or viewport. */
  undoStack: DiagramEdit[];
  redoStack: DiagramEdit[];
  /** Edits sent and not yet answered (the status bar shows "saving"). */
  pending: number;
  start(host: DiagramHost): () => void;
  /** Switches to another project: fresh history, nothing selected. */
  open(projectId: string): Promise<void>;
  /** Applies an edit optimistically, records its inverse and sends it to the host. False when refused. */
  perform(edit: DiagramEdit): boolean;
  undo(): boolean;
  redo(): boolean;
  setNotice(notice: string | undefined): void;
  onNodesChange(changes: NodeChange<BundleFlowNode>[]): void;
  /**
   * Selects an edge (the canvas draws edges itself and hit-tests clicks). `additive` toggles it and
   * keeps the rest of the selection; otherwise it becomes the only selected element. Null clears the
   * edge selection.
   */
  selectEdge(edgeId: string | null, additive?: boolean): void;
  select(nodeIds: readonly string[]): void;
}

/** Maps, but keeps the array itself when no element changed: the canvas redraws all edges when their array changes. */
function mapKeeping<T>(items: T[], change: (item: T) => T): T[] {
  const next = items.map(change);
  return next.every((item, index) => item === items[index]) ? items : next;
}

const EMPTY_CATALOG: CatalogSnapshot = { bundles: [], types: [], diagnostics: [] };

/** The host's diagnostics with the set of nodes they mark as broken. */
function withDiagnostics(hostDiagnostics: Diagnostic[]): Pick<DiagramState, 'hostDiagnostics' | 'problemNodeIds'> {
  const problemNodeIds = new Set(hostDiagnostics.flatMap((diagnostic) => (diagnostic.severity === 'error' && diagnostic.location?.nodeId ? [diagnostic.location.nodeId] : [])));
  return { hostDiagnostics, problemNodeIds };
}

export const useDiagramStore = create<DiagramState>((set, get) => {
  let queue: Promise<unknown> = Promise.resolve();

  /** Applies without touching history; returns the inverse or the reason it was refused. */
  const commit = (edit: DiagramEdit): { inverse: DiagramEdit } | { diagnostics: Diagnostic[] } => {
    const { project, catalog, nodes, edges, host } = get();
    if (!project) return { diagnostics: [{ severity: 'error', code: 'canvas.no-project', message: 'No project is open yet. Wait for it to load.' }] };
    const result = applyEdit(project, edit);
    if (!result.ok) return { diagnostics: result.diagnostics };
    set({
      project: result.project,
      nodes: deriveNodes(result.project, catalog, nodes),
      edges: deriveEdges(result.project, catalog, edges),
      notice: undefined,
    });
    if (host) {
      set((state) => ({ pending: state.pending + 1 }));
      queue = queue
        .then(() => host.apply(result.project.id, edit))
        .then(
          async (response) => {
            set(withDiagnostics(response.diagnostics));
            // The host refused what the local copy accepted: take the host's project as the truth.
            if (!response.applied) await resync(host, result.project.id, response.diagnostics);
          },
          (error: Error) => set({ notice: `Not saved: ${error.message}` }),
        )
        .finally(() => set((state) => ({ pending: state.pending - 1 })));
    }
    return { inverse: result.inverse };
  };

  const resync = async (host: DiagramHost, projectId: string, why: Diagnostic[]) => {
    const view = await host.reload(projectId);
    const { catalog, nodes, edges } = get();
    set({
      project: view.project,
      nodes: deriveNodes(view.project, catalog, nodes),
      edges: deriveEdges(view.project, catalog, edges),
      ...withDiagnostics(view.diagnostics),
      undoStack: [],
      redoStack: [],
      notice: `The host did not save the last edit: ${why.map((diagnostic) => diagnostic.message).join(' ')}`,
    });
  };

  const refuse = (diagnostics: Diagnostic[]) => set({ notice: diagnostics.map((diagnostic) => diagnostic.message).join(' ') });

  return {
    catalog: EMPTY_CATALOG,
    nodes: [],
    edges: [],
    hostDiagnostics: [],
    problemNodeIds: new Set(),
    undoStack: [],
    redoStack: [],
    pending: 0,
    start(host) {
      const again = get().host === host;
      set({ host });
      const adopt = (catalog: CatalogSnapshot) => {
        const { project, nodes, edges } = get();
        set(project ? { catalog, nodes: deriveNodes(project, catalog, nodes), edges: deriveEdges(project, catalog, edges) } : { catalog });
      };
      // Started again with the same host (React StrictMode re-runs effects): only resubscribe.
      if (again) return host.onCatalogChanged(adopt);
      void host.catalog().then(adopt, (error: Error) => set({ loadError: error.message }));
      void host.openProject().then(
        ({ project, diagnostics }) =>
          set({
            project,
            ...withDiagnostics(diagnostics),
            nodes: deriveNodes(project, get().catalog, []),
            edges: deriveEdges(project, get().catalog, []),
            undoStack: [],
            redoStack: [],
          }),
        (error: Error) => set({ loadError: error.message }),
      );
      return host.onCatalogChanged(adopt);
    },
    async open(projectId) {
      const host = get().host;
      if (!host) return;
      try {
        const { project, diagnostics } = await host.open(projectId);
        set({ project, ...withDiagnostics(diagnostics), nodes: deriveNodes(project, get().catalog, []), edges: deriveEdges(project, get().catalog, []), undoStack: [], redoStack: [], notice: undefined });
      } catch (error) {
        set({ notice: (error as Error).message });
      }
    },
    perform(edit) {
      const outcome = commit(edit);
      if ('diagnostics' in outcome) {
        refuse(outcome.diagnostics);
        return false;
      }
      set((state) => ({ undoStack: [...state.undoStack, outcome.inverse].slice(-HISTORY_LIMIT), redoStack: [] }));
      return true;
    },
    undo() {
      const edit = get().undoStack.at(-1);
      if (!edit) return false;
      const outcome = commit(edit);
      if ('diagnostics' in outcome) return (refuse(outcome.diagnostics), false);
      set((state) => ({ undoStack: state.undoStack.slice(0, -1), redoStack: [...state.redoStack, outcome.inverse] }));
      return true;
    },
    redo() {
      const edit = get().redoStack.at(-1);
      if (!edit) return false;
      const outcome = commit(edit);
      if ('diagnostics' in outcome) return (refuse(outcome.diagnostics), false);
      set((state) => ({ redoStack: state.redoStack.slice(0, -1), undoStack: [...state.undoStack, outcome.inverse] }));
      return true;
    },
    setNotice(notice) {
      set({ notice });
    },
    onNodesChange(changes) {
      // Removal goes through the delete action (with its warning), never straight from React Flow.
      const kept = changes.filter((change) => change.type !== 'remove');
      set({ nodes: applyNodeChanges(kept, get().nodes) });
      const moves = kept.flatMap((change) =>
        change.type === 'position' && change.dragging === false && change.position ? [{ id: change.id, position: change.position }] : [],
      );
      if (moves.length > 0) get().perform({ kind: 'moveNodes', moves });
    },
    selectEdge(edgeId, additive = false) {
      set((state) => ({
        edges: mapKeeping(state.edges, (edge) => {
          const selected = edge.id === edgeId ? !(additive && edge.selected) : additive && Boolean(edge.selected);
          return Boolean(edge.selected) === selected ? edge : { ...edge, selected };
        }),
        nodes: additive || edgeId === null ? state.nodes : mapKeeping(state.nodes, (node) => (node.selected ? { ...node, selected: false } : node)),
      }));
    },
    select(nodeIds) {
      const chosen = new Set(nodeIds);
      set((state) => ({
        nodes: mapKeeping(state.nodes, (node) => (Boolean(node.selected) === chosen.has(node.id) ? node : { ...node, selected: chosen.has(node.id) })),
        edges: mapKeeping(state.edges, (edge) => (edge.selected ? { ...edge, selected: false } : edge)),
      }));
    },
  };
});
