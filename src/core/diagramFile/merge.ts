import type { DiagramEdge, DiagramNode, Environment, Project } from '../model/diagram';
import { pointerOf } from './jsonText';
import { edgeKey, jsonEqual } from './jsonEqual';

/** A change both sides made differently; the merged project holds `ours` for it. */
export interface MergeConflict {
  /** JSON pointer into the merged file, or into the file `side` names when the merged file no longer has the thing. */
  pointer: string;
  side?: 'ours' | 'theirs';
  message: string;
  base?: unknown;
  ours?: unknown;
  theirs?: unknown;
}

export interface MergeResult {
  project: Project;
  conflicts: MergeConflict[];
}

type Where = { nodeId?: string; environmentId?: string; path: (string | number)[]; side?: 'ours' | 'theirs' };
type Pending = Omit<MergeConflict, 'pointer'> & { where: Where };

/** Three-way merge of one value: a side that did not change it yields to the one that did. */
function merge3<T>(base: T | undefined, ours: T | undefined, theirs: T | undefined): { value: T | undefined; conflict: boolean } {
  if (jsonEqual(ours, theirs)) return { value: ours, conflict: false };
  if (jsonEqual(base, ours)) return { value: theirs, conflict: false };
  if (jsonEqual(base, theirs)) return { value: ours, conflict: false };
  return { value: ours, conflict: true };
}

/** Merges records key by key (params, overrides of one node, provider settings). */
function mergeRecords(
  base: Record<string, unknown>,
  ours: Record<string, unknown>,
  theirs: Record<string, unknown>,
  onConflict: (key: string, values: { base?: unknown; ours?: unknown; theirs?: unknown }) => void,
): Record<string, unknown> {
  const keys = [...new Set([...Object.keys(ours), ...Object.keys(theirs), ...Object.keys(base)])];
  const entries: [string, unknown][] = [];
  for (const key of keys) {
    const merged = merge3(base[key], ours[key], theirs[key]);
    if (merged.conflict) onConflict(key, { base: base[key], ours: ours[key], theirs: theirs[key] });
    if (merged.value !== undefined) entries.push([key, merged.value]);
  }
  return Object.fromEntries(entries);
}

/** Merges items matched by id (nodes, environments); deletions against edits are conflicts. */
function mergeById<T extends { id: string }>(
  base: readonly T[],
  ours: readonly T[],
  theirs: readonly T[],
  mergeItem: (base: T | undefined, ours: T, theirs: T) => T,
  deleted: (item: T, editedBy: 'ours' | 'theirs', theirsIndex: number) => void,
): T[] {
  const baseById = new Map(base.map((item) => [item.id, item]));
  const oursById = new Map(ours.map((item) => [item.id, item]));
  const theirsById = new Map(theirs.map((item, index) => [item.id, { item, index }]));
  const result: T[] = [];
  for (const item of ours) {
    const other = theirsById.get(item.id);
    const original = baseById.get(item.id);
    if (other !== undefined) result.push(mergeItem(original, item, other.item));
    // Theirs deleted it: keep our edit when we made one (reported), else follow the deletion.
    else if (original === undefined) result.push(item);
    else if (!jsonEqual(original, item)) {
      deleted(item, 'ours', -1);
      result.push(item);
    }
  }
  theirs.forEach((item, index) => {
    if (oursById.has(item.id)) return;
    const original = baseById.get(item.id);
    if (original === undefined) result.push(item);
    else if (!jsonEqual(original, item)) deleted(item, 'theirs', index);
  });
  return result;
}

/**
 * Three-way merge of a diagram by node id and param, environments by id and setting, edges by the
 * ports they join. Real conflicts are listed; for each the merged project holds OURS, so it is
 * always a complete, writable project.
 */
export function mergeProjects(base: Project, ours: Project, theirs: Project): MergeResult {
  const pending: Pending[] = [];
  // Nodes theirs deleted but ours edited: kept whole, with the edges and overrides the deletion took.
  const revived = new Set<string>();
  const conflict = (where: Where, message: string, values: { base?: unknown; ours?: unknown; theirs?: unknown } = {}) => pending.push({ where, message, ...values });

  const name = merge3(base.name, ours.name, theirs.name);
  if (name.conflict) conflict({ path: ['project', 'name'] }, 'both renamed the project differently; kept ours', { base: base.name, ours: ours.name, theirs: theirs.name });

  const nodes = mergeById(
    base.diagram.nodes,
    ours.diagram.nodes,
    theirs.diagram.nodes,
    (original, mine, other) => mergeNode(original, mine, other, conflict),
    (node, editedBy, index) =>
      editedBy === 'ours'
        ? (revived.add(node.id), conflict({ nodeId: node.id, path: [] }, `node "${node.name}": theirs deleted it, ours edited it; kept ours (delete it again if that was meant)`))
        : conflict({ path: ['nodes', index], side: 'theirs' }, `node "${node.name}": ours deleted it, theirs edited it; kept ours (the node stays deleted)`),
  );
  const nodeIds = new Set(nodes.map((node) => node.id));

  const edges = mergeEdges(base.diagram.edges, ours.diagram.edges, theirs.diagram.edges, nodeIds, revived, conflict);

  const environments = mergeById(
    base.environments,
    ours.environments,
    theirs.environments,
    (original, mine, other) => mergeEnvironment(original, mine, other, revived, conflict),
    (environment, editedBy, index) =>
      editedBy === 'ours'
        ? conflict({ environmentId: environment.id, path: [] }, `environment "${environment.name}": theirs deleted it, ours edited it; kept ours`)
        : conflict({ path: ['environments', index], side: 'theirs' }, `environment "${environment.name}": ours deleted it, theirs edited it; kept ours (it stays deleted)`),
  ).map((environment) => {
    // Overrides of nodes the merge deleted go with them.
    const stale = Object.keys(environment.overrides).filter((nodeId) => !nodeIds.has(nodeId));
    if (stale.length === 0) return environment;
    return { ...environment, overrides: Object.fromEntries(Object.entries(environment.overrides).filter(([nodeId]) => nodeIds.has(nodeId))) };
  });

  // Two sides may add different nodes with one name: the later gets a free name, so the file stays valid.
  const takenNames = new Set<string>();
  nodes.forEach((node, index) => {
    if (!takenNames.has(node.name)) {
      takenNames.add(node.name);
      return;
    }
    let suffix = 2;
    while (takenNames.has(`${node.name}_${suffix}`)) suffix++;
    const renamed = `${node.name}_${suffix}`;
    takenNames.add(renamed);
    nodes[index] = { ...node, name: renamed };
    conflict({ nodeId: node.id, path: ['name'] }, `two nodes were named "${node.name}" (one from each side); this one was renamed "${renamed}" — pick the name you want`, { ours: node.name });
  });

  const project: Project = { ...ours, name: name.value ?? ours.name, diagram: { nodes, edges }, environments };
  const hashes = { ...theirs.bundleHashes, ...ours.bundleHashes };
  if (Object.keys(hashes).length > 0) project.bundleHashes = hashes;
  else delete project.bundleHashes;
  return { project, conflicts: pending.map((item) => toConflict(item, project)) };
}

function toConflict({ where, ...rest }: Pending, merged: Project): MergeConflict {
  let prefix: (string | number)[] = [];
  if (where.nodeId !== undefined) prefix = ['nodes', merged.diagram.nodes.findIndex((node) => node.id === where.nodeId)];
  if (where.environmentId !== undefined) prefix = ['environments', merged.environments.findIndex((environment) => environment.id === where.environmentId)];
  return { pointer: pointerOf(...prefix, ...where.path), ...(where.side === undefined ? {} : { side: where.side }), ...rest };
}

type Conflict = (where: Where, message: string, values?: { base?: unknown; ours?: unknown; theirs?: unknown }) => void;

function mergeNode(original: DiagramNode | undefined, ours: DiagramNode, theirs: DiagramNode, conflict: Conflict): DiagramNode {
  const at = (...path: string[]): Where => ({ nodeId: ours.id, path });
  const name = merge3(original?.name, ours.name, theirs.name);
  if (name.conflict) conflict(at('name'), `node "${original?.name ?? ours.name}": renamed to "${ours.name}" by ours and "${theirs.name}" by theirs; kept ours`, { base: original?.name, ours: ours.name, theirs: theirs.name });
  const bundle = merge3(original?.bundle, ours.bundle, theirs.bundle);
  if (bundle.conflict) conflict(at('bundle'), `node "${ours.name}": bundle changed to ${ours.bundle} by ours and ${theirs.bundle} by theirs; kept ours`, { base: original?.bundle, ours: ours.bundle, theirs: theirs.bundle });
  // Positions are layout, not meaning: a clash takes ours silently.
  const position = merge3(original?.position, ours.position, theirs.position).value ?? ours.position;
  const params = mergeRecords(original?.params ?? {}, ours.params, theirs.params, (param, values) =>
    conflict(at('params', param), `node "${ours.name}": param ${param} set to ${JSON.stringify(values.ours) ?? '(unset)'} by ours and ${JSON.stringify(values.theirs) ?? '(unset)'} by theirs; kept ours`, values),
  );
  const formerNames = name.value === theirs.name && name.value !== ours.name ? theirs.formerNames : ours.formerNames;
  const node: DiagramNode = { id: ours.id, name: name.value!, bundle: bundle.value!, position, params };
  if (formerNames !== undefined) node.formerNames = formerNames;
  return jsonEqual(node, ours) ? ours : node;
}

function mergeEnvironment(original: Environment | undefined, ours: Environment, theirs: Environment, revived: ReadonlySet<string>, conflict: Conflict): Environment {
  const at = (...path: string[]): Where => ({ environmentId: ours.id, path });
  const name = merge3(original?.name, ours.name, theirs.name);
  if (name.conflict) conflict(at('name'), `environment "${original?.name ?? ours.name}": renamed to "${ours.name}" by ours and "${theirs.name}" by theirs; kept ours`, { base: original?.name, ours: ours.name, theirs: theirs.name });
  const backend = merge3(original?.backend, ours.backend, theirs.backend);
  if (backend.conflict) conflict(at('backend'), `environment "${ours.name}": both changed the state backend differently; kept ours`, { base: original?.backend, ours: ours.backend, theirs: theirs.backend });
  const providers = mergeRecords(original?.providers ?? {}, ours.providers, theirs.providers, (provider, values) =>
    conflict(at('providers', provider), `environment "${ours.name}": both changed the settings of provider ${provider} differently; kept ours`, values),
  ) as Environment['providers'];
  const nodeIds = [...new Set([...Object.keys(ours.overrides), ...Object.keys(theirs.overrides), ...Object.keys(original?.overrides ?? {})])];
  const overrides: [string, Record<string, unknown>][] = [];
  for (const nodeId of nodeIds) {
    if (revived.has(nodeId)) {
      if (ours.overrides[nodeId] !== undefined) overrides.push([nodeId, ours.overrides[nodeId]]);
      continue;
    }
    const merged = mergeRecords(original?.overrides[nodeId] ?? {}, ours.overrides[nodeId] ?? {}, theirs.overrides[nodeId] ?? {}, (param, values) =>
      conflict(at('overrides', nodeId, param), `environment "${ours.name}": override ${param} of node ${nodeId} set to ${JSON.stringify(values.ours) ?? '(unset)'} by ours and ${JSON.stringify(values.theirs) ?? '(unset)'} by theirs; kept ours`, values),
    );
    if (Object.keys(merged).length > 0) overrides.push([nodeId, merged]);
  }
  const environment: Environment = { id: ours.id, name: name.value!, providers, overrides: Object.fromEntries(overrides), backend: backend.value! };
  return jsonEqual(environment, ours) ? ours : environment;
}

function mergeEdges(
  base: readonly DiagramEdge[],
  ours: readonly DiagramEdge[],
  theirs: readonly DiagramEdge[],
  nodeIds: ReadonlySet<string>,
  revived: ReadonlySet<string>,
  conflict: Conflict,
): DiagramEdge[] {
  const baseKeys = new Set(base.map(edgeKey));
  const oursKeys = new Set(ours.map(edgeKey));
  const theirsKeys = new Set(theirs.map(edgeKey));
  const result: DiagramEdge[] = [];
  const ids = new Set<string>();
  const keep = (edge: DiagramEdge, side: 'ours' | 'theirs', index: number) => {
    if (!nodeIds.has(edge.from.node) || !nodeIds.has(edge.to.node)) {
      if (!baseKeys.has(edgeKey(edge))) {
        conflict({ path: ['edges', index], side }, `${side} added an edge into or out of a node the other side deleted; the edge was dropped`);
      }
      return;
    }
    // Ids are generated per side: a clash of ids between different edges gets a fresh id.
    let id = edge.id;
    for (let suffix = 2; ids.has(id); suffix++) id = `${edge.id}-${suffix}`;
    ids.add(id);
    result.push(id === edge.id ? edge : { ...edge, id });
  };
  ours.forEach((edge, index) => {
    const key = edgeKey(edge);
    // Kept unless theirs removed an edge that was in base.
    const revivedEnd = revived.has(edge.from.node) || revived.has(edge.to.node);
    if (baseKeys.has(key) && !theirsKeys.has(key) && !revivedEnd) return;
    keep(edge, 'ours', index);
  });
  theirs.forEach((edge, index) => {
    const key = edgeKey(edge);
    if (oursKeys.has(key) || baseKeys.has(key)) return;
    keep(edge, 'theirs', index);
  });
  return result;
}
