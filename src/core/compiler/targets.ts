import type { Diagnostic } from '../diagnostics';
import { downstreamClosure, upstreamClosure } from '../graph/closure';
import { graphOfDiagram } from '../graph/dependencyGraph';
import type { Project } from '../model/diagram';

export type TargetScope = 'node' | 'with-dependencies' | 'with-dependents';

/**
 * The `-target` addresses for work on one node: the node alone, with everything it depends on (to
 * apply), or with everything that depends on it (to destroy). Sorted by name; empty for an unknown node.
 */
export function targetsFor(project: Project, nodeId: string, scope: TargetScope): string[] {
  const names = new Map(project.diagram.nodes.map((node) => [node.id, node.name]));
  if (!names.has(nodeId)) return [];
  const graph = graphOfDiagram(project.diagram);
  const ids = scope === 'node' ? [nodeId] : scope === 'with-dependencies' ? upstreamClosure(graph, nodeId) : downstreamClosure(graph, nodeId);
  return ids.map((id) => `module.${names.get(id)}`);
}

/** The warning for deleting a node: which downstream nodes lose a connection (none → no diagnostic). */
export function deletionWarnings(project: Project, nodeId: string): Diagnostic[] {
  const node = project.diagram.nodes.find((candidate) => candidate.id === nodeId);
  if (!node) return [];
  const names = new Map(project.diagram.nodes.map((candidate) => [candidate.id, candidate.name]));
  const losses = project.diagram.edges
    .filter((edge) => edge.from.node === nodeId && edge.to.node !== nodeId && names.has(edge.to.node))
    .map((edge) => `${names.get(edge.to.node)}.${edge.to.connection}`);
  const unique = [...new Set(losses)].sort();
  if (unique.length === 0) return [];
  return [
    {
      severity: 'warning',
      code: 'diagram.delete-disconnects',
      message: `Deleting "${node.name}" disconnects ${unique.join(', ')}. Wire another source into ${unique.length === 1 ? 'that connection' : 'those connections'}, or the next plan may destroy or fail them.`,
      location: { nodeId },
    },
  ];
}
