import { canConnect } from '../bundles/compatibility';
import type { ArtifactTypeDef, CatalogBundle } from '../bundles/manifest';
import type { Diagnostic } from '../diagnostics';
import type { DiagramEdge, DiagramNode } from '../model/diagram';

/** The checks of one edge: both ends exist, the ports exist, and the artifact fits the connection (canConnect). */
export function checkEdge(
  edge: DiagramEdge,
  from: DiagramNode | undefined,
  to: DiagramNode | undefined,
  fromBundle: CatalogBundle | undefined,
  toBundle: CatalogBundle | undefined,
  types: readonly ArtifactTypeDef[],
): Diagnostic[] {
  const missing = [
    { id: edge.from.node, node: from, port: edge.from.artifact },
    { id: edge.to.node, node: to, port: edge.to.connection },
  ].filter((end) => end.node === undefined);
  if (missing.length > 0) {
    return missing.map((end) => ({
      severity: 'error' as const,
      code: 'diagram.edge-missing-node',
      message: `Edge "${edge.id}" connects node "${end.id}", which the diagram does not have. Delete the edge.`,
      location: { nodeId: end.id, port: end.port },
    }));
  }
  // Missing bundles are reported on their node; without a manifest the ports cannot be checked.
  if (fromBundle === undefined || toBundle === undefined) return [];
  const artifact = fromBundle.manifest.artifacts[edge.from.artifact];
  const connection = toBundle.manifest.connections[edge.to.connection];
  const diagnostics: Diagnostic[] = [];
  if (artifact === undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'diagram.unknown-artifact',
      message: `Edge from "${from!.name}" uses artifact "${edge.from.artifact}", which ${fromBundle.ref} does not produce${listOf(fromBundle.manifest.artifacts)}. Reconnect the edge.`,
      location: { nodeId: from!.id, port: edge.from.artifact },
    });
  }
  if (connection === undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'diagram.unknown-connection',
      message: `Edge into "${to!.name}" uses connection "${edge.to.connection}", which ${toBundle.ref} does not take${listOf(toBundle.manifest.connections)}. Reconnect the edge.`,
      location: { nodeId: to!.id, port: edge.to.connection },
    });
  }
  if (artifact === undefined || connection === undefined) return diagnostics;
  const verdict = canConnect(artifact.type, connection, types);
  if (!verdict.ok) {
    diagnostics.push({
      severity: 'error',
      code: 'diagram.incompatible-edge',
      message: `"${from!.name}".${edge.from.artifact} cannot feed "${to!.name}".${edge.to.connection}: ${verdict.reason} Connect an artifact of the right type.`,
      location: { nodeId: to!.id, port: edge.to.connection },
    });
  } else if (verdict.needsConfirmation && edge.confirmedUntyped !== true) {
    diagnostics.push({
      severity: 'error',
      code: 'diagram.unconfirmed-untyped-edge',
      message: `"${from!.name}".${edge.from.artifact} feeds "${to!.name}".${edge.to.connection} without a declared artifact type. Confirm the connection if the value fits (the edge's confirmedUntyped), or connect a typed artifact.`,
      location: { nodeId: to!.id, port: edge.to.connection },
    });
  }
  return diagnostics;
}

function listOf(ports: Record<string, unknown>): string {
  const names = Object.keys(ports);
  return names.length === 0 ? ' (it has none)' : ` (it has ${names.map((name) => `"${name}"`).join(', ')})`;
}

/** One edge per connection unless it takes a list; required connections present. */
export function checkConnections(node: DiagramNode, bundle: CatalogBundle, incoming: readonly DiagramEdge[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byConnection = new Map<string, DiagramEdge[]>();
  for (const edge of incoming) {
    const list = byConnection.get(edge.to.connection);
    if (list) list.push(edge);
    else byConnection.set(edge.to.connection, [edge]);
  }
  for (const [name, spec] of Object.entries(bundle.manifest.connections)) {
    const edges = byConnection.get(name) ?? [];
    if (edges.length === 0 && spec.required) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.missing-connection',
        message: `Node "${node.name}" needs "${spec.title}" (${name}): connect an artifact of type ${spec.type} to it.`,
        location: { nodeId: node.id, port: name },
      });
    }
    if (edges.length > 1 && spec.list !== true) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.too-many-edges',
        message: `Node "${node.name}" takes one artifact on "${spec.title}" (${name}) but ${edges.length} are connected. Keep one edge and delete the others.`,
        location: { nodeId: node.id, port: name },
      });
    }
  }
  return diagnostics;
}
