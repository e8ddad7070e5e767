import type { Diagnostic } from '../diagnostics';
import type { DiagramEdge, DiagramNode, Project } from '../model/diagram';
import { applyEnvironmentEdit, type EnvironmentEdit } from './environmentEdits';
import { editFailure, type EditResult } from './editResult';
import { editShapeProblem } from './editShape';

export type { EditResult } from './editResult';
export type { EnvironmentEdit } from './environmentEdits';

/**
 * A document edit: the one thing the canvas, the store and undo/redo exchange. Every edit is
 * plain JSON, so it can be sent over the API, stored and replayed.
 */
export type DiagramEdit =
  /** Adds a node; `index` places it in the node list (inverses use it to restore order). */
  | { kind: 'addNode'; node: DiagramNode; index?: number }
  | { kind: 'moveNodes'; moves: { id: string; position: { x: number; y: number } }[] }
  /**
   * Renames a node; the old name is appended to `formerNames` (the compiler emits `moved` blocks).
   * When `formerNames` is given it replaces the node's former names exactly (inverses use it).
   */
  | { kind: 'renameNode'; id: string; name: string; formerNames?: string[] }
  /** Changes the bundle `name@version` of a node (an upgrade or downgrade). */
  | { kind: 'setNodeBundle'; id: string; bundle: string }
  | { kind: 'setParam'; id: string; param: string; value: unknown }
  | { kind: 'unsetParam'; id: string; param: string }
  /** Adds an edge; `index` places it in the edge list. */
  | { kind: 'connect'; edge: DiagramEdge; index?: number }
  | { kind: 'disconnect'; edgeId: string }
  /** Deletes nodes with their edges and their overrides in every environment. */
  | { kind: 'deleteNodes'; ids: string[] }
  | EnvironmentEdit
  /** Several edits applied as one: all or nothing, undone as one. */
  | { kind: 'batch'; edits: DiagramEdit[] };

export type DiagramEditKind = DiagramEdit['kind'];

/** The edit that changes nothing (the inverse of a no-op). */
export const NO_EDIT: DiagramEdit = { kind: 'batch', edits: [] };

/**
 * Applies one edit to a project, immutably: only the changed node, edge and environment objects
 * are replaced, everything else is shared. Returns the new project and the edit that restores the
 * previous one exactly, or diagnostics when the edit does not fit the project (it is then not applied).
 */
export function applyEdit(project: Project, edit: DiagramEdit): EditResult {
  // Edits arrive from the API, files and the clipboard: a malformed one is refused, never thrown on.
  const problem = editShapeProblem(edit);
  if (problem !== undefined) {
    return editFailure({ severity: 'error', code: 'edit.malformed', message: `This edit cannot be applied: ${problem}. It is a bug in the sender; reload the diagram.` });
  }
  switch (edit.kind) {
    case 'addNode':
      return addNode(project, edit.node, edit.index);
    case 'moveNodes':
      return moveNodes(project, edit.moves);
    case 'renameNode':
      return renameNode(project, edit);
    case 'setNodeBundle':
      return updateNode(project, edit.id, (node) => ({
        node: node.bundle === edit.bundle ? node : { ...node, bundle: edit.bundle },
        inverse: { kind: 'setNodeBundle', id: edit.id, bundle: node.bundle },
      }));
    case 'setParam':
      return setParam(project, edit.id, edit.param, edit.value);
    case 'unsetParam':
      return unsetParam(project, edit.id, edit.param);
    case 'connect':
      return connect(project, edit.edge, edit.index);
    case 'disconnect':
      return disconnect(project, edit.edgeId);
    case 'deleteNodes':
      return deleteNodes(project, edit.ids);
    case 'batch':
      return batch(project, edit.edits);
    default:
      return applyEnvironmentEdit(project, edit);
  }
}

/** Applies edits in order as one; the first failure fails the whole sequence. */
export function applyEdits(project: Project, edits: readonly DiagramEdit[]): EditResult {
  return batch(project, edits);
}

function batch(project: Project, edits: readonly DiagramEdit[]): EditResult {
  let current = project;
  const inverses: DiagramEdit[] = [];
  for (const [index, edit] of edits.entries()) {
    const result = applyEdit(current, edit);
    if (!result.ok) {
      return { ok: false, diagnostics: result.diagnostics.map((diagnostic) => ({ ...diagnostic, message: `Edit ${index + 1} of the batch: ${diagnostic.message}` })) };
    }
    current = result.project;
    inverses.push(result.inverse);
  }
  return { ok: true, project: current, inverse: { kind: 'batch', edits: inverses.reverse() } };
}

function withNodes(project: Project, nodes: DiagramNode[], edges = project.diagram.edges): Project {
  return { ...project, diagram: { ...project.diagram, nodes, edges } };
}

function nodeIndex(project: Project, id: string): number {
  return project.diagram.nodes.findIndex((node) => node.id === id);
}

function unknownNode(id: string): Diagnostic {
  return {
    severity: 'error',
    code: 'edit.unknown-node',
    message: `There is no node with id "${id}". Reload the diagram: it may have been changed elsewhere.`,
    location: { nodeId: id },
  };
}

function updateNode(project: Project, id: string, change: (node: DiagramNode) => { node: DiagramNode; inverse: DiagramEdit }): EditResult {
  const index = nodeIndex(project, id);
  if (index < 0) return editFailure(unknownNode(id));
  const old = project.diagram.nodes[index]!;
  const { node, inverse } = change(old);
  if (node === old) return { ok: true, project, inverse };
  const nodes = project.diagram.nodes.slice();
  nodes[index] = node;
  return { ok: true, project: withNodes(project, nodes), inverse };
}

function addNode(project: Project, node: DiagramNode, index?: number): EditResult {
  if (nodeIndex(project, node.id) >= 0) {
    return editFailure({
      severity: 'error',
      code: 'edit.duplicate-node-id',
      message: `A node with id "${node.id}" already exists. Give the new node a fresh id.`,
      location: { nodeId: node.id },
    });
  }
  const nodes = project.diagram.nodes.slice();
  const at = index === undefined ? nodes.length : Math.max(0, Math.min(index, nodes.length));
  nodes.splice(at, 0, node);
  return { ok: true, project: withNodes(project, nodes), inverse: { kind: 'deleteNodes', ids: [node.id] } };
}

function moveNodes(project: Project, moves: { id: string; position: { x: number; y: number } }[]): EditResult {
  const byId = new Map(project.diagram.nodes.map((node, index) => [node.id, index]));
  const nodes = project.diagram.nodes.slice();
  const back: { id: string; position: { x: number; y: number } }[] = [];
  for (const move of moves) {
    const index = byId.get(move.id);
    if (index === undefined) return editFailure(unknownNode(move.id));
    back.push({ id: move.id, position: nodes[index]!.position });
    nodes[index] = { ...nodes[index]!, position: { x: move.position.x, y: move.position.y } };
  }
  return { ok: true, project: withNodes(project, nodes), inverse: { kind: 'moveNodes', moves: back.reverse() } };
}

function renameNode(project: Project, edit: { id: string; name: string; formerNames?: string[] }): EditResult {
  return updateNode(project, edit.id, (node) => {
    const inverse: DiagramEdit = { kind: 'renameNode', id: node.id, name: node.name, formerNames: node.formerNames ?? [] };
    let formerNames = edit.formerNames;
    if (formerNames === undefined) {
      if (edit.name === node.name) return { node, inverse: NO_EDIT };
      // The new name is current again, so it is no longer a former one.
      formerNames = [...(node.formerNames ?? []).filter((name) => name !== edit.name && name !== node.name), node.name];
    }
    const { formerNames: _drop, ...rest } = node;
    const renamed: DiagramNode = formerNames.length > 0 ? { ...rest, name: edit.name, formerNames } : { ...rest, name: edit.name };
    return { node: renamed, inverse };
  });
}

function setParam(project: Project, id: string, param: string, value: unknown): EditResult {
  return updateNode(project, id, (node) => {
    const had = Object.hasOwn(node.params, param);
    const inverse: DiagramEdit = had ? { kind: 'setParam', id, param, value: node.params[param] } : { kind: 'unsetParam', id, param };
    return { node: { ...node, params: { ...node.params, [param]: value } }, inverse };
  });
}

function unsetParam(project: Project, id: string, param: string): EditResult {
  return updateNode(project, id, (node) => {
    if (!Object.hasOwn(node.params, param)) return { node, inverse: NO_EDIT };
    const { [param]: old, ...params } = node.params;
    return { node: { ...node, params }, inverse: { kind: 'setParam', id, param, value: old } };
  });
}

function connect(project: Project, edge: DiagramEdge, index?: number): EditResult {
  const { edges } = project.diagram;
  if (edges.some((candidate) => candidate.id === edge.id)) {
    return editFailure({
      severity: 'error',
      code: 'edit.duplicate-edge-id',
      message: `An edge with id "${edge.id}" already exists. Give the new edge a fresh id.`,
      location: { nodeId: edge.to.node, port: edge.to.connection },
    });
  }
  for (const end of [edge.from.node, edge.to.node]) {
    if (nodeIndex(project, end) < 0) return editFailure({ ...unknownNode(end), code: 'edit.edge-to-missing-node' });
  }
  const next = edges.slice();
  const at = index === undefined ? next.length : Math.max(0, Math.min(index, next.length));
  next.splice(at, 0, edge);
  return { ok: true, project: withNodes(project, project.diagram.nodes, next), inverse: { kind: 'disconnect', edgeId: edge.id } };
}

function disconnect(project: Project, edgeId: string): EditResult {
  const { edges } = project.diagram;
  const index = edges.findIndex((edge) => edge.id === edgeId);
  if (index < 0) {
    return editFailure({
      severity: 'error',
      code: 'edit.unknown-edge',
      message: `There is no edge with id "${edgeId}". Reload the diagram: it may have been changed elsewhere.`,
    });
  }
  const next = edges.slice();
  const [edge] = next.splice(index, 1);
  return { ok: true, project: withNodes(project, project.diagram.nodes, next), inverse: { kind: 'connect', edge: edge!, index } };
}

function deleteNodes(project: Project, ids: string[]): EditResult {
  const doomed = new Set(ids);
  for (const id of doomed) if (nodeIndex(project, id) < 0) return editFailure(unknownNode(id));
  const restore: DiagramEdit[] = [];
  const nodes: DiagramNode[] = [];
  project.diagram.nodes.forEach((node, index) => {
    if (doomed.has(node.id)) restore.push({ kind: 'addNode', node, index });
    else nodes.push(node);
  });
  const edges: DiagramEdge[] = [];
  project.diagram.edges.forEach((edge, index) => {
    if (doomed.has(edge.from.node) || doomed.has(edge.to.node)) restore.push({ kind: 'connect', edge, index });
    else edges.push(edge);
  });
  // Overrides of deleted nodes go too; the inverse puts each value back.
  const environments = project.environments.map((environment) => {
    const touched = Object.keys(environment.overrides).filter((nodeId) => doomed.has(nodeId));
    if (touched.length === 0) return environment;
    const overrides = { ...environment.overrides };
    for (const nodeId of touched) {
      for (const [param, value] of Object.entries(overrides[nodeId]!)) {
        restore.push({ kind: 'setOverride', environmentId: environment.id, nodeId, param, value });
      }
      delete overrides[nodeId];
    }
    return { ...environment, overrides };
  });
  const changedEnvironments = environments.some((environment, index) => environment !== project.environments[index]);
  const next = withNodes(project, nodes, edges.length === project.diagram.edges.length ? project.diagram.edges : edges);
  return {
    ok: true,
    project: changedEnvironments ? { ...next, environments } : next,
    inverse: { kind: 'batch', edits: restore },
  };
}
