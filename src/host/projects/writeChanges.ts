import type { Environment, Project } from '../../core/model/diagram';
import type { Positions, ProjectTables } from './projectTables';

/** How many rows one save touched: proves an edit writes only what changed. */
export interface WriteCounts {
  rows: number;
}

const same = (a: unknown, b: unknown): boolean => a === b || JSON.stringify(a) === JSON.stringify(b);

/**
 * Writes the rows that differ between `before` and `after` (one project) and updates `positions`.
 * Unchanged items are skipped by reference first (the pure edits share what they do not touch),
 * so one edit on a large diagram costs a few row writes, not a rewrite.
 */
export function writeChanges(tables: ProjectTables, before: Project, after: Project, positions: Positions): WriteCounts {
  const counts: WriteCounts = { rows: 0 };
  const projectId = after.id;
  // Removals first, so a name freed by one item can be taken by another in the same edit.
  // A list the edit did not touch is the same array (structural sharing): skip it whole.
  const nodesChanged = after.diagram.nodes !== before.diagram.nodes;
  const edgesChanged = after.diagram.edges !== before.diagram.edges;
  const environmentsChanged = after.environments !== before.environments;
  if (nodesChanged && !sameIds(before.diagram.nodes, after.diagram.nodes)) removeMissing(before.diagram.nodes, after.diagram.nodes, (id) => tables.deleteNode(projectId, id), positions.nodes, counts);
  if (edgesChanged && !sameIds(before.diagram.edges, after.diagram.edges)) removeMissing(before.diagram.edges, after.diagram.edges, (id) => tables.deleteEdge(projectId, id), positions.edges, counts);
  if (environmentsChanged) {
    removeMissing(before.environments, after.environments, (id) => tables.deleteEnvironment(projectId, id), positions.environments, counts);
  }

  const oldNodes = lookup(nodesChanged, before.diagram.nodes, after.diagram.nodes);
  if (nodesChanged) writeOrdered(after.diagram.nodes, before.diagram.nodes, positions.nodes, oldNodes, (node, old, position, moved) => {
    if (!old) {
      tables.insertNode(projectId, node, position);
      counts.rows += 1 + writeParams(tables, projectId, node.id, {}, node.params);
      if (node.formerNames?.length) tables.replaceFormerNames(projectId, node.id, node.formerNames);
      return;
    }
    if (moved || node.name !== old.name || node.bundle !== old.bundle || !same(node.position, old.position)) {
      tables.updateNode(projectId, node, position);
      counts.rows++;
    }
    if (node.params !== old.params) counts.rows += writeParams(tables, projectId, node.id, old.params, node.params);
    if (!same(node.formerNames ?? [], old.formerNames ?? [])) {
      tables.replaceFormerNames(projectId, node.id, node.formerNames ?? []);
      counts.rows++;
    }
  });

  if (after.bundleHashes !== before.bundleHashes) {
    const oldHashes = before.bundleHashes ?? {};
    const newHashes = after.bundleHashes ?? {};
    for (const ref of Object.keys(oldHashes)) {
      if (Object.hasOwn(newHashes, ref)) continue;
      tables.deleteBundleHash(projectId, ref);
      counts.rows++;
    }
    for (const [ref, hash] of Object.entries(newHashes)) {
      if (oldHashes[ref] === hash) continue;
      tables.setBundleHash(projectId, ref, hash);
      counts.rows++;
    }
  }

  const oldEdges = lookup(edgesChanged, before.diagram.edges, after.diagram.edges);
  if (edgesChanged) writeOrdered(after.diagram.edges, before.diagram.edges, positions.edges, oldEdges, (edge, old, position, moved) => {
    if (old && !moved && same(edge, old)) return;
    if (old) tables.deleteEdge(projectId, edge.id);
    tables.insertEdge(projectId, edge, position);
    counts.rows++;
  });

  const oldEnvironments = lookup(environmentsChanged, before.environments, after.environments);
  if (environmentsChanged) writeOrdered(after.environments, before.environments, positions.environments, oldEnvironments, (environment, old, position, moved) => {
    counts.rows += writeEnvironment(tables, projectId, environment, old, position, moved);
  });
  return counts;
}

/** True when both lists hold the same ids in the same order (an edit changed items in place). */
function sameIds(before: readonly { id: string }[], after: readonly { id: string }[]): boolean {
  if (before.length !== after.length) return false;
  for (let index = 0; index < after.length; index++) if (after[index]!.id !== before[index]!.id) return false;
  return true;
}

/** The old items by id, or undefined when the ids line up by index (then writeOrdered pairs them by index). */
function lookup<T extends { id: string }>(changed: boolean, before: readonly T[], after: readonly T[]): Map<string, T> | undefined {
  return changed && !sameIds(before, after) ? new Map(before.map((item) => [item.id, item])) : undefined;
}

function removeMissing<T extends { id: string }>(
  before: readonly T[],
  after: readonly T[],
  remove: (id: string) => void,
  positions: Map<string, number>,
  counts: WriteCounts,
): void {
  const next = new Set(after.map((item) => item.id));
  for (const item of before) {
    if (next.has(item.id)) continue;
    remove(item.id);
    positions.delete(item.id);
    counts.rows++;
  }
}

/**
 * Calls `write` for each item that is new, changed, or must move to keep the model's order.
 * An item keeps its stored position while that is after the previous item's, so a delete leaves a
 * gap and its undo fills the gap again without renumbering the items after it.
 */
function writeOrdered<T extends { id: string }>(
  items: readonly T[],
  previousItems: readonly T[],
  positions: Map<string, number>,
  old: Map<string, T> | undefined,
  write: (item: T, old: T | undefined, position: number, moved: boolean) => void,
): void {
  if (!old) {
    // Same ids in the same order: only the replaced objects changed; positions stay.
    items.forEach((item, index) => {
      if (item !== previousItems[index]) write(item, previousItems[index], positions.get(item.id)!, false);
    });
    return;
  }
  let previous = -1;
  for (const item of items) {
    const stored = positions.get(item.id);
    const before = old.get(item.id);
    const position = stored !== undefined && stored > previous && before ? stored : previous + 1;
    const moved = before !== undefined && stored !== position;
    positions.set(item.id, position);
    if (before === item && !moved) {
      previous = position;
      continue;
    }
    write(item, before, position, moved);
    previous = position;
  }
}

function writeParams(tables: ProjectTables, projectId: string, nodeId: string, before: Record<string, unknown>, after: Record<string, unknown>): number {
  let rows = 0;
  for (const key of Object.keys(before)) {
    if (Object.hasOwn(after, key)) continue;
    tables.deleteParam(projectId, nodeId, key);
    rows++;
  }
  for (const [key, value] of Object.entries(after)) {
    if (Object.hasOwn(before, key) && same(before[key], value)) continue;
    tables.setParam(projectId, nodeId, key, value);
    rows++;
  }
  return rows;
}

function writeEnvironment(
  tables: ProjectTables,
  projectId: string,
  environment: Environment,
  old: Environment | undefined,
  position: number,
  moved: boolean,
): number {
  if (old === environment && !moved) return 0;
  let rows = 0;
  if (!old) {
    tables.insertEnvironment(projectId, environment, position);
    rows++;
  } else if (moved || environment.name !== old.name || !same(environment.backend, old.backend)) {
    tables.updateEnvironment(projectId, environment, position);
    rows++;
  }
  const oldProviders = old?.providers ?? {};
  for (const provider of Object.keys(oldProviders)) {
    if (Object.hasOwn(environment.providers, provider)) continue;
    tables.deleteProvider(projectId, environment.id, provider);
    rows++;
  }
  for (const [provider, settings] of Object.entries(environment.providers)) {
    if (Object.hasOwn(oldProviders, provider) && same(oldProviders[provider], settings)) continue;
    tables.setProvider(projectId, environment.id, provider, settings);
    rows++;
  }
  const oldOverrides = old?.overrides ?? {};
  for (const [nodeId, values] of Object.entries(oldOverrides)) {
    for (const key of Object.keys(values)) {
      if (environment.overrides[nodeId] && Object.hasOwn(environment.overrides[nodeId], key)) continue;
      tables.deleteOverride(projectId, environment.id, nodeId, key);
      rows++;
    }
  }
  for (const [nodeId, values] of Object.entries(environment.overrides)) {
    if (oldOverrides[nodeId] === values) continue;
    for (const [key, value] of Object.entries(values)) {
      const previous = oldOverrides[nodeId];
      if (previous && Object.hasOwn(previous, key) && same(previous[key], value)) continue;
      tables.setOverride(projectId, environment.id, nodeId, key, value);
      rows++;
    }
  }
  return rows;
}

