import type { DiagramEdit } from '../../../src/core/diagram/edits';
import type { DiagramEdge, DiagramNode, Project } from '../../../src/core/model/diagram';
import { isSecretMarker } from '../../../src/core/model/diagram';
import { freshId, uniqueName } from '../state/nodeNames';

/** The clipboard form of a selection: a diagram fragment, readable by another project. */
export interface ClipboardDiagram {
  format: 'driftless-diagram';
  version: 1;
  nodes: DiagramNode[];
  edges: DiagramEdge[];
}

/** The selected nodes and the edges between them, as JSON text. Secrets never leave: their markers are dropped. */
export function copySelection(project: Project, ids: readonly string[]): string {
  const chosen = new Set(ids);
  const nodes = project.diagram.nodes
    .filter((node) => chosen.has(node.id))
    .map((node) => ({ ...node, params: Object.fromEntries(Object.entries(node.params).filter(([, value]) => !isSecretMarker(value))) }));
  const edges = project.diagram.edges.filter((edge) => chosen.has(edge.from.node) && chosen.has(edge.to.node));
  const payload: ClipboardDiagram = { format: 'driftless-diagram', version: 1, nodes, edges };
  return JSON.stringify(payload, null, 2);
}

/** The edit that pastes clipboard text: fresh ids, unique names, offset positions. Undefined when it is not a diagram. */
export function pasteEdit(text: string, project: Project, offset = 32): { edit: DiagramEdit; ids: string[] } | undefined {
  let payload: ClipboardDiagram;
  try {
    payload = JSON.parse(text) as ClipboardDiagram;
  } catch {
    return undefined;
  }
  if (payload?.format !== 'driftless-diagram' || !Array.isArray(payload.nodes) || !Array.isArray(payload.edges)) return undefined;
  const taken = new Set(project.diagram.nodes.map((node) => node.name));
  const ids = new Map<string, string>();
  const edits: DiagramEdit[] = [];
  for (const node of payload.nodes) {
    const id = freshId();
    const name = uniqueName(node.name, taken);
    taken.add(name);
    ids.set(node.id, id);
    const position = { x: node.position.x + offset, y: node.position.y + offset };
    edits.push({ kind: 'addNode', node: { id, name, bundle: node.bundle, position, params: { ...node.params } } });
  }
  for (const edge of payload.edges) {
    const from = ids.get(edge.from.node);
    const to = ids.get(edge.to.node);
    if (!from || !to) continue;
    edits.push({ kind: 'connect', edge: { ...edge, id: freshId(), from: { ...edge.from, node: from }, to: { ...edge.to, node: to } } });
  }
  return { edit: { kind: 'batch', edits }, ids: [...ids.values()] };
}
