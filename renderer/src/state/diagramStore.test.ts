import { beforeEach, describe, expect, it } from 'vitest';
import type { ApplyResponse, ProjectView } from '../../../src/core/api/areas/project';
import type { CatalogBundle, CatalogSnapshot } from '../../../src/core/bundles/manifest';
import { applyEdit, type DiagramEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';
import type { DiagramHost } from '../api/diagramHost';
import { copySelection, pasteEdit } from '../clipboard/diagramClipboard';
import { checkConnection } from '../canvas/connectionRule';
import { useDiagramStore } from './diagramStore';

const bundle = (name: string, connections: CatalogBundle['manifest']['connections'], artifacts: CatalogBundle['manifest']['artifacts']): CatalogBundle => ({
  ref: `${name}@1.0.0`,
  origin: 'manifest',
  hash: name,
  dir: '/bundles',
  sensitiveOutputs: [],
  diagnostics: [],
  manifest: { name, version: '1.0.0', title: name, description: '', category: 'Local', tags: [], module: 'module', params: { type: 'object' }, presets: {}, connections, artifacts, ui: {}, providers: {} },
});

const catalog: CatalogSnapshot = {
  bundles: [
    bundle('network', {}, { network: { type: 'local-network', title: 'Network' } }),
    bundle('database', { network: { type: 'local-network', title: 'Network', required: true } }, { database: { type: 'postgres-connection', title: 'DB' } }),
  ],
  types: [
    { name: 'local-network', title: 'Local network', colour: '#0a0', sensitive: false, schema: {} },
    { name: 'postgres-connection', title: 'PostgreSQL connection', colour: '#00a', sensitive: false, schema: {} },
  ],
  diagnostics: [],
};

/** The host side, for real: it applies each edit with core's applyEdit, as the store service does. */
function recordingHost(start: Project) {
  let project = start;
  const sent: DiagramEdit[] = [];
  const host: DiagramHost = {
    catalog: async () => catalog,
    onCatalogChanged: () => () => {},
    openProject: async (): Promise<ProjectView> => ({ project, revision: 0, diagnostics: [] }),
    reload: async () => ({ project, revision: 0, diagnostics: [] }),
    open: async () => ({ project, revision: 0, diagnostics: [] }),
    apply: async (_id, edit): Promise<ApplyResponse> => {
      sent.push(edit);
      const result = applyEdit(project, edit);
      if (!result.ok) return { applied: false, revision: 0, diagnostics: result.diagnostics };
      project = result.project;
      return { applied: true, revision: sent.length, inverse: result.inverse, diagnostics: [] };
    },
    setSecret: async () => [],
  };
  return { host, sent, current: () => project };
}

const empty: Project = { id: 'p1', name: 'Test', diagram: { nodes: [], edges: [] }, environments: [] };
const node = (id: string, name: string, bundleName: string, x = 0) => ({ id, name, bundle: `${bundleName}@1.0.0`, position: { x, y: 0 }, params: {} });
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('diagram store', () => {
  let remote: ReturnType<typeof recordingHost>;
  beforeEach(async () => {
    remote = recordingHost(empty);
    useDiagramStore.setState({ project: undefined, host: undefined, nodes: [], edges: [], undoStack: [], redoStack: [], hostDiagnostics: [], problemNodeIds: new Set(), notice: undefined });
    useDiagramStore.getState().start(remote.host);
    await settle();
  });

  it('applies edits optimistically, sends each to the host, and undoes/redoes them exactly', async () => {
    const store = useDiagramStore.getState;
    expect(store().perform({ kind: 'addNode', node: node('a', 'net', 'network') })).toBe(true);
    expect(store().perform({ kind: 'setParam', id: 'a', param: 'cidr', value: '10.0.0.0/24' })).toBe(true);
    expect(store().nodes.map((flowNode) => flowNode.data.node.params)).toEqual([{ cidr: '10.0.0.0/24' }]);
    expect(store().undo()).toBe(true);
    expect(store().project!.diagram.nodes[0]!.params).toEqual({});
    expect(store().undo()).toBe(true);
    expect(store().project!.diagram.nodes).toEqual([]);
    expect(store().undo()).toBe(false);
    expect(store().redo()).toBe(true);
    expect(store().redo()).toBe(true);
    expect(store().project!.diagram.nodes[0]!.params).toEqual({ cidr: '10.0.0.0/24' });
    await settle();
    expect(remote.sent.map((edit) => edit.kind)).toEqual(['addNode', 'setParam', 'unsetParam', 'deleteNodes', 'batch', 'setParam']);
    expect(remote.current()).toEqual(store().project);
  });

  it('replaces only the changed node object, so other nodes do not re-render', () => {
    const store = useDiagramStore.getState;
    store().perform({ kind: 'addNode', node: node('a', 'net', 'network') });
    store().perform({ kind: 'addNode', node: node('b', 'db', 'database', 300) });
    const [before0, before1] = store().nodes;
    store().perform({ kind: 'renameNode', id: 'b', name: 'main_db' });
    expect(store().nodes[0]).toBe(before0);
    expect(store().nodes[1]).not.toBe(before1);
    expect(store().nodes[1]!.data.node.name).toBe('main_db');
  });

  it('marks the nodes the host reports errors for', async () => {
    const store = useDiagramStore.getState;
    const apply = remote.host.apply;
    remote.host.apply = async (projectId, edit) => ({
      ...(await apply(projectId, edit)),
      diagnostics: [{ severity: 'error', code: 'params.invalid', message: 'cidr is required', location: { nodeId: 'a', field: 'cidr' } }],
    });
    store().perform({ kind: 'addNode', node: node('a', 'net', 'network') });
    await settle();
    expect([...store().problemNodeIds]).toEqual(['a']);
  });

  it('refuses an edit that does not fit, says why, and records nothing', () => {
    const store = useDiagramStore.getState;
    expect(store().perform({ kind: 'renameNode', id: 'missing', name: 'x' })).toBe(false);
    expect(store().notice).toMatch(/no node with id "missing"/);
    expect(store().undoStack).toEqual([]);
  });

  it('a new edit clears redo; selection is not an edit', () => {
    const store = useDiagramStore.getState;
    store().perform({ kind: 'addNode', node: node('a', 'net', 'network') });
    store().undo();
    store().perform({ kind: 'addNode', node: node('b', 'db', 'database') });
    expect(store().redoStack).toEqual([]);
    store().select(['b']);
    expect(store().undoStack).toHaveLength(1);
    expect(store().nodes.find((flowNode) => flowNode.id === 'b')!.selected).toBe(true);
  });

  it('selects an edge alone, adds one with a modifier, toggles it off, and clears the edge selection', () => {
    const store = useDiagramStore.getState;
    store().perform({ kind: 'addNode', node: node('a', 'net', 'network') });
    store().perform({ kind: 'addNode', node: node('b', 'db', 'database', 300) });
    store().perform({ kind: 'addNode', node: node('c', 'db2', 'database', 600) });
    store().perform({ kind: 'connect', edge: { id: 'e1', from: { node: 'a', artifact: 'network' }, to: { node: 'b', connection: 'network' } } });
    store().perform({ kind: 'connect', edge: { id: 'e2', from: { node: 'a', artifact: 'network' }, to: { node: 'c', connection: 'network' } } });
    const selectedEdges = () => store().edges.filter((edge) => edge.selected).map((edge) => edge.id);
    store().select(['a']);
    store().selectEdge('e1');
    expect(selectedEdges()).toEqual(['e1']);
    expect(store().nodes.some((flowNode) => flowNode.selected)).toBe(false);
    store().selectEdge('e2', true);
    expect(selectedEdges()).toEqual(['e1', 'e2']);
    store().selectEdge('e1', true);
    expect(selectedEdges()).toEqual(['e2']);
    store().selectEdge('e1');
    expect(selectedEdges()).toEqual(['e1']);
    store().selectEdge(null);
    expect(selectedEdges()).toEqual([]);
    // Nothing changed: the same array, so the canvas does not redraw its edges.
    const edges = store().edges;
    store().selectEdge(null);
    expect(store().edges).toBe(edges);
    expect(store().undoStack).toHaveLength(5);
  });
});

describe('connection rule on the canvas', () => {
  const project: Project = {
    ...empty,
    diagram: { nodes: [node('a', 'net', 'network'), node('b', 'db', 'database'), node('c', 'db2', 'database')], edges: [] },
  };
  it('accepts a compatible artifact and refuses an incompatible one with core’s reason', () => {
    expect(checkConnection({ source: 'a', sourceHandle: 'artifact:network', target: 'b', targetHandle: 'connection:network' }, project, catalog)).toEqual({ ok: true });
    const refused = checkConnection({ source: 'b', sourceHandle: 'artifact:database', target: 'c', targetHandle: 'connection:network' }, project, catalog);
    expect(refused).toEqual({ ok: false, reason: expect.stringContaining('takes Local network (local-network); this artifact is PostgreSQL connection') });
  });
});

describe('clipboard', () => {
  it('pastes a copied selection with fresh ids, unique names and the edges between them', () => {
    const project: Project = {
      ...empty,
      diagram: {
        nodes: [node('a', 'net', 'network'), node('b', 'db', 'database')],
        edges: [{ id: 'e', from: { node: 'a', artifact: 'network' }, to: { node: 'b', connection: 'network' } }],
      },
    };
    const pasted = pasteEdit(copySelection(project, ['a', 'b']), project)!;
    const result = applyEdit(project, pasted.edit);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.project.diagram.nodes.map((each) => each.name)).toEqual(['net', 'db', 'net_2', 'db_2']);
    const edge = result.project.diagram.edges[1]!;
    expect([edge.from.node, edge.to.node]).toEqual(pasted.ids);
    expect(pasteEdit('not json', project)).toBeUndefined();
  });
});
