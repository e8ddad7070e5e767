import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import { parseDiagramFile } from '../../../src/core/diagramFile/parse';
import { serializeDiagramFile } from '../../../src/core/diagramFile/serialize';
import type { Project } from '../../../src/core/model/diagram';
import { isSecretMarker } from '../../../src/core/model/diagram';
import { freshId, uniqueName } from '../state/nodeNames';

/**
 * The selected nodes and the edges between them as a diagram file (`*.driftless.json` text), so
 * another project, or a text editor, can take them. Secret values never leave; their markers are dropped.
 */
export function copySelection(project: Project, ids: readonly string[], catalog?: CatalogSnapshot): string {
  const chosen = new Set(ids);
  const nodes = project.diagram.nodes
    .filter((node) => chosen.has(node.id))
    .map((node) => ({ ...node, params: Object.fromEntries(Object.entries(node.params).filter(([, value]) => !isSecretMarker(value))) }));
  const edges = project.diagram.edges.filter((edge) => chosen.has(edge.from.node) && chosen.has(edge.to.node));
  const fragment: Project = { id: project.id, name: project.name, diagram: { nodes, edges }, environments: [] };
  return serializeDiagramFile(fragment, catalog);
}

/** The edit that pastes a diagram file: fresh ids, unique names, offset positions. Undefined when the text is not a diagram file. */
export function pasteEdit(text: string, project: Project, offset = 32): { edit: DiagramEdit; ids: string[] } | undefined {
  const parsed = parseDiagramFile(text);
  if (!('project' in parsed)) return undefined;
  const taken = new Set(project.diagram.nodes.map((node) => node.name));
  const ids = new Map<string, string>();
  const edits: DiagramEdit[] = [];
  for (const node of parsed.project.diagram.nodes) {
    const id = freshId();
    const name = uniqueName(node.name, taken);
    taken.add(name);
    ids.set(node.id, id);
    const params = Object.fromEntries(Object.entries(node.params).filter(([, value]) => !isSecretMarker(value)));
    const position = { x: node.position.x + offset, y: node.position.y + offset };
    edits.push({ kind: 'addNode', node: { id, name, bundle: node.bundle, position, params } });
  }
  for (const edge of parsed.project.diagram.edges) {
    const from = ids.get(edge.from.node);
    const to = ids.get(edge.to.node);
    if (!from || !to) continue;
    edits.push({ kind: 'connect', edge: { ...edge, id: freshId(), from: { ...edge.from, node: from }, to: { ...edge.to, node: to } } });
  }
  return { edit: { kind: 'batch', edits }, ids: [...ids.values()] };
}
