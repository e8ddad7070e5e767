import type { Connection } from '@xyflow/react';
import type { Compatibility } from '../../../src/core/bundles/compatibility';
import { canConnect } from '../../../src/core/bundles/compatibility';
import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import { graphOfDiagram } from '../../../src/core/graph/dependencyGraph';
import { cycleIfConnected } from '../../../src/core/graph/order';
import type { Project } from '../../../src/core/model/diagram';
import { portOfHandle } from '../state/deriveFlow';

/**
 * Whether a drag from an artifact to a connection may become an edge. The type rule is core's
 * canConnect; this adds what only the diagram knows (a cycle, an occupied single connection).
 */
export function checkConnection(connection: Connection, project: Project | undefined, catalog: CatalogSnapshot): Compatibility {
  if (!project) return { ok: false, reason: 'No project is open yet.' };
  const nodes = new Map(project.diagram.nodes.map((node) => [node.id, node]));
  const bundles = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const fromNode = nodes.get(connection.source);
  const toNode = nodes.get(connection.target);
  const fromBundle = fromNode && bundles.get(fromNode.bundle);
  const toBundle = toNode && bundles.get(toNode.bundle);
  if (!fromNode || !toNode || !fromBundle || !toBundle) return { ok: false, reason: 'One end is a node whose bundle is not in the catalog.' };
  const artifactName = portOfHandle(connection.sourceHandle);
  const connectionName = portOfHandle(connection.targetHandle);
  const artifact = fromBundle.manifest.artifacts[artifactName];
  const spec = toBundle.manifest.connections[connectionName];
  if (!artifact || !spec) return { ok: false, reason: 'Drag from an artifact (right side) to a connection (left side).' };
  const verdict = canConnect(artifact.type, spec, catalog.types);
  if (!verdict.ok) return verdict;
  if (fromNode.id === toNode.id) return { ok: false, reason: `"${toNode.name}" cannot feed itself.` };
  const taken = project.diagram.edges.some((edge) => edge.to.node === toNode.id && edge.to.connection === connectionName);
  if (taken && !spec.list) {
    return { ok: false, reason: `"${spec.title}" of ${toNode.name} already has a connection; it takes one. Remove that edge first.` };
  }
  const cycle = cycleIfConnected(graphOfDiagram(project.diagram), fromNode.id, toNode.id);
  if (cycle) {
    const names = cycle.map((id) => nodes.get(id)?.name ?? id).join(' → ');
    return { ok: false, reason: `That would make a cycle (${names}); infrastructure must be created in an order.` };
  }
  return verdict;
}
