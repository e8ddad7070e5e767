import { isSecretMarker, type DiagramEdge, type DiagramNode, type Environment, type Project } from '../model/diagram';
import { edgeKey, jsonEqual } from './jsonEqual';

/** One semantic difference between two versions of a project. Absent values are `undefined`. */
export type DiagramChange =
  | { kind: 'project-renamed'; from: string; to: string }
  | { kind: 'node-added' | 'node-removed'; nodeId: string; name: string; bundle: string }
  | { kind: 'node-renamed'; nodeId: string; from: string; to: string }
  | { kind: 'bundle-changed'; nodeId: string; name: string; from: string; to: string }
  | { kind: 'node-moved'; nodeId: string; name: string }
  /** A node's own param (every environment), or with `environment` that environment's override. */
  | { kind: 'param-changed'; nodeId: string; name: string; param: string; environment?: string; from?: unknown; to?: unknown }
  | { kind: 'edge-added' | 'edge-removed'; edgeId: string; from: string; to: string }
  | { kind: 'environment-added' | 'environment-removed'; environmentId: string; name: string }
  | { kind: 'environment-renamed'; environmentId: string; from: string; to: string }
  | { kind: 'provider-changed'; environmentId: string; environment: string; provider: string; from?: unknown; to?: unknown }
  | { kind: 'backend-changed'; environmentId: string; environment: string; from: string; to: string };

function show(value: unknown): string {
  if (value === undefined) return '(unset)';
  if (isSecretMarker(value)) return '(secret)';
  const text = JSON.stringify(value);
  return text.length > 80 ? `${text.slice(0, 77)}…` : text;
}

/** One line a reviewer reads for a change: `+` added, `-` removed, `~` changed. */
export function describeChange(change: DiagramChange): string {
  switch (change.kind) {
    case 'project-renamed':
      return `~ project renamed from "${change.from}" to "${change.to}"`;
    case 'node-added':
      return `+ node "${change.name}" added (${change.bundle})`;
    case 'node-removed':
      return `- node "${change.name}" removed (${change.bundle})`;
    case 'node-renamed':
      return `~ node "${change.from}" renamed to "${change.to}"`;
    case 'bundle-changed':
      return `~ node "${change.name}": bundle ${change.from} → ${change.to}`;
    case 'node-moved':
      return `~ node "${change.name}" moved on the canvas`;
    case 'param-changed': {
      const where = change.environment === undefined ? `node "${change.name}"` : `node "${change.name}" in environment "${change.environment}"`;
      const verb = change.from === undefined ? 'set to' : change.to === undefined ? 'unset, was' : `${show(change.from)} →`;
      return `~ ${where}: ${change.param} ${verb} ${change.to === undefined ? show(change.from) : show(change.to)}`;
    }
    case 'edge-added':
      return `+ edge ${change.from} → ${change.to}`;
    case 'edge-removed':
      return `- edge ${change.from} → ${change.to}`;
    case 'environment-added':
      return `+ environment "${change.name}" added`;
    case 'environment-removed':
      return `- environment "${change.name}" removed`;
    case 'environment-renamed':
      return `~ environment "${change.from}" renamed to "${change.to}"`;
    case 'provider-changed':
      return `~ environment "${change.environment}": provider ${change.provider} settings ${show(change.from)} → ${show(change.to)}`;
    case 'backend-changed':
      return `~ environment "${change.environment}": state backend ${change.from} → ${change.to}`;
  }
}

function paramChanges(before: Record<string, unknown>, after: Record<string, unknown>, base: { nodeId: string; name: string; environment?: string }): DiagramChange[] {
  const names = [...new Set([...Object.keys(before), ...Object.keys(after)])].sort();
  return names
    .filter((param) => !jsonEqual(before[param], after[param]))
    .map((param) => ({ kind: 'param-changed' as const, ...base, param, from: before[param], to: after[param] }));
}

function nodeChanges(before: DiagramNode, after: DiagramNode): DiagramChange[] {
  const changes: DiagramChange[] = [];
  if (before.name !== after.name) changes.push({ kind: 'node-renamed', nodeId: after.id, from: before.name, to: after.name });
  if (before.bundle !== after.bundle) changes.push({ kind: 'bundle-changed', nodeId: after.id, name: after.name, from: before.bundle, to: after.bundle });
  changes.push(...paramChanges(before.params, after.params, { nodeId: after.id, name: after.name }));
  if (!jsonEqual(before.position, after.position)) changes.push({ kind: 'node-moved', nodeId: after.id, name: after.name });
  return changes;
}

function endName(nodes: ReadonlyMap<string, DiagramNode>, nodeId: string, port: string): string {
  return `${nodes.get(nodeId)?.name ?? nodeId}.${port}`;
}

function backendName(environment: Environment): string {
  return environment.backend.type === 'embedded' ? 'embedded' : `${environment.backend.type} ${JSON.stringify(environment.backend.config)}`;
}

function environmentChanges(before: Environment, after: Environment, keptNodes: ReadonlyMap<string, DiagramNode>): DiagramChange[] {
  const changes: DiagramChange[] = [];
  const ids = { environmentId: after.id, environment: after.name };
  if (before.name !== after.name) changes.push({ kind: 'environment-renamed', environmentId: after.id, from: before.name, to: after.name });
  for (const provider of [...new Set([...Object.keys(before.providers), ...Object.keys(after.providers)])].sort()) {
    if (!jsonEqual(before.providers[provider], after.providers[provider])) {
      changes.push({ kind: 'provider-changed', ...ids, provider, from: before.providers[provider], to: after.providers[provider] });
    }
  }
  if (!jsonEqual(before.backend, after.backend)) changes.push({ kind: 'backend-changed', ...ids, from: backendName(before), to: backendName(after) });
  // Overrides of nodes added or removed go with the node's own change.
  for (const nodeId of [...new Set([...Object.keys(before.overrides), ...Object.keys(after.overrides)])].sort()) {
    const node = keptNodes.get(nodeId);
    if (node === undefined) continue;
    changes.push(...paramChanges(before.overrides[nodeId] ?? {}, after.overrides[nodeId] ?? {}, { nodeId, name: node.name, environment: after.name }));
  }
  return changes;
}

/**
 * The semantic differences from `before` to `after`: nodes matched by their stable id (a rename is
 * a rename, not a delete and an add), edges by the ports they join, environments by id.
 */
export function diffProjects(before: Project, after: Project): DiagramChange[] {
  const changes: DiagramChange[] = [];
  if (before.name !== after.name) changes.push({ kind: 'project-renamed', from: before.name, to: after.name });
  const beforeNodes = new Map(before.diagram.nodes.map((node) => [node.id, node]));
  const afterNodes = new Map(after.diagram.nodes.map((node) => [node.id, node]));
  const kept = new Map<string, DiagramNode>();
  for (const node of before.diagram.nodes) {
    if (!afterNodes.has(node.id)) changes.push({ kind: 'node-removed', nodeId: node.id, name: node.name, bundle: node.bundle });
  }
  for (const node of after.diagram.nodes) {
    const old = beforeNodes.get(node.id);
    if (old === undefined) changes.push({ kind: 'node-added', nodeId: node.id, name: node.name, bundle: node.bundle });
    else {
      kept.set(node.id, node);
      changes.push(...nodeChanges(old, node));
    }
  }
  const beforeEdges = new Map(before.diagram.edges.map((edge) => [edgeKey(edge), edge]));
  const afterEdges = new Map(after.diagram.edges.map((edge) => [edgeKey(edge), edge]));
  const edgeChange = (kind: 'edge-added' | 'edge-removed', edge: DiagramEdge, nodes: ReadonlyMap<string, DiagramNode>): DiagramChange => ({
    kind,
    edgeId: edge.id,
    from: endName(nodes, edge.from.node, edge.from.artifact),
    to: endName(nodes, edge.to.node, edge.to.connection),
  });
  for (const [key, edge] of beforeEdges) if (!afterEdges.has(key)) changes.push(edgeChange('edge-removed', edge, beforeNodes));
  for (const [key, edge] of afterEdges) if (!beforeEdges.has(key)) changes.push(edgeChange('edge-added', edge, afterNodes));
  const beforeEnvironments = new Map(before.environments.map((environment) => [environment.id, environment]));
  const afterIds = new Set(after.environments.map((environment) => environment.id));
  for (const environment of before.environments) {
    if (!afterIds.has(environment.id)) changes.push({ kind: 'environment-removed', environmentId: environment.id, name: environment.name });
  }
  for (const environment of after.environments) {
    const old = beforeEnvironments.get(environment.id);
    if (old === undefined) changes.push({ kind: 'environment-added', environmentId: environment.id, name: environment.name });
    else changes.push(...environmentChanges(old, environment, kept));
  }
  return changes;
}
