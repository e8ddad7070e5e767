import type { Diagnostic } from '../diagnostics';
import { identifierProblem, parseBundleRef } from '../diagram/identifiers';
import type { BackendChoice, DiagramEdge, DiagramNode, Environment, Project } from '../model/diagram';
import { REMOTE_BACKENDS } from './format';
import { pointerOf } from './jsonText';

type Json = Record<string, unknown>;

/** Collects every problem of a document with its JSON pointer. */
class Problems {
  readonly list: Diagnostic[] = [];
  constructor(private readonly file: string | undefined) {}
  add(pointer: string, code: string, message: string): void {
    this.list.push({ severity: 'error', code, message: `${pointer || '(the file)'}: ${message}`, location: { file: this.file, pointer } });
  }
  object(value: unknown, pointer: string, what: string, fields?: readonly string[]): Json | undefined {
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      this.add(pointer, 'file.wrong-type', `${what} must be an object, not ${describe(value)}.`);
      return undefined;
    }
    if (fields) {
      for (const key of Object.keys(value)) {
        if (!fields.includes(key)) this.add(`${pointer}${pointerOf(key)}`, 'file.unknown-field', `unknown field "${key}" in ${what}; expected ${fields.map((field) => `"${field}"`).join(', ')}. Remove it or check its spelling.`);
      }
    }
    return value as Json;
  }
  array(value: unknown, pointer: string, what: string): unknown[] {
    if (Array.isArray(value)) return value;
    this.add(pointer, 'file.wrong-type', `${what} must be an array, not ${describe(value)}.`);
    return [];
  }
  string(value: unknown, pointer: string, what: string): string | undefined {
    if (typeof value === 'string' && value.length > 0) return value;
    this.add(pointer, 'file.wrong-type', `${what} must be a non-empty string, not ${describe(value)}.`);
    return undefined;
  }
  number(value: unknown, pointer: string, what: string): number | undefined {
    if (typeof value === 'number' && Number.isFinite(value)) return value;
    this.add(pointer, 'file.wrong-type', `${what} must be a number, not ${describe(value)}.`);
    return undefined;
  }
}

function describe(value: unknown): string {
  if (value === undefined) return 'missing';
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'an array';
  if (typeof value === 'object') return 'an object';
  return `${typeof value} ${JSON.stringify(value).slice(0, 40)}`;
}

/** Param values as the model holds them: "set" secrets become the marker, "unset" ones are dropped. */
function readParams(problems: Problems, value: unknown, pointer: string, what: string): Record<string, unknown> {
  const params = problems.object(value, pointer, what) ?? {};
  const entries: [string, unknown][] = [];
  for (const [name, param] of Object.entries(params)) {
    if (typeof param === 'object' && param !== null && !Array.isArray(param) && Object.hasOwn(param, '$secret')) {
      const state = (param as Json).$secret;
      if (state === 'set') entries.push([name, { $secret: 'set' }]);
      else if (state !== 'unset') problems.add(`${pointer}${pointerOf(name, '$secret')}`, 'file.invalid-secret', `a secret is written as {"$secret": "set"} or {"$secret": "unset"}; secret values never go in a file. Remove the value and set it in Driftless.`);
      continue;
    }
    entries.push([name, param]);
  }
  return Object.fromEntries(entries);
}

function readNode(problems: Problems, raw: unknown, pointer: string): DiagramNode | undefined {
  const node = problems.object(raw, pointer, 'a node', ['id', 'name', 'bundle', 'position', 'params', 'formerNames']);
  if (!node) return undefined;
  const id = problems.string(node.id, `${pointer}/id`, 'the node id');
  const name = problems.string(node.name, `${pointer}/name`, 'the node name');
  const nameProblem = name === undefined ? undefined : identifierProblem(name);
  if (nameProblem) problems.add(`${pointer}/name`, 'file.invalid-name', `${nameProblem}. Rename the node.`);
  const bundle = problems.string(node.bundle, `${pointer}/bundle`, 'the bundle');
  if (bundle !== undefined && parseBundleRef(bundle) === undefined) problems.add(`${pointer}/bundle`, 'file.invalid-bundle-ref', `"${bundle}" is not a bundle ref of the form name@version.`);
  const position = problems.object(node.position, `${pointer}/position`, 'the position', ['x', 'y']);
  const x = position && problems.number(position.x, `${pointer}/position/x`, 'x');
  const y = position && problems.number(position.y, `${pointer}/position/y`, 'y');
  const params = readParams(problems, node.params, `${pointer}/params`, 'params');
  let formerNames: string[] | undefined;
  if (node.formerNames !== undefined) {
    formerNames = problems.array(node.formerNames, `${pointer}/formerNames`, 'formerNames').filter((former, index): former is string => {
      const problem = typeof former === 'string' ? identifierProblem(former) : 'not a string';
      if (problem) problems.add(`${pointer}/formerNames/${index}`, 'file.invalid-name', `former name: ${problem}.`);
      return problem === undefined;
    });
  }
  if (id === undefined || name === undefined || bundle === undefined || x === undefined || y === undefined) return undefined;
  return { id, name, bundle, position: { x, y }, params, ...(formerNames === undefined ? {} : { formerNames }) };
}

function readEdge(problems: Problems, raw: unknown, pointer: string, nodeIds: ReadonlySet<string>): DiagramEdge | undefined {
  const edge = problems.object(raw, pointer, 'an edge', ['id', 'from', 'to', 'confirmedUntyped']);
  if (!edge) return undefined;
  const id = problems.string(edge.id, `${pointer}/id`, 'the edge id');
  const from = problems.object(edge.from, `${pointer}/from`, 'the edge\'s "from"', ['node', 'artifact']);
  const to = problems.object(edge.to, `${pointer}/to`, 'the edge\'s "to"', ['node', 'connection']);
  const fromNode = from && problems.string(from.node, `${pointer}/from/node`, 'the node id');
  const artifact = from && problems.string(from.artifact, `${pointer}/from/artifact`, 'the artifact');
  const toNode = to && problems.string(to.node, `${pointer}/to/node`, 'the node id');
  const connection = to && problems.string(to.connection, `${pointer}/to/connection`, 'the connection');
  for (const [end, nodeId] of [['from', fromNode], ['to', toNode]] as const) {
    if (nodeId !== undefined && !nodeIds.has(nodeId)) problems.add(`${pointer}/${end}/node`, 'file.edge-missing-node', `the edge connects node "${nodeId}", which the file does not have. Delete the edge or restore the node.`);
  }
  if (edge.confirmedUntyped !== undefined && typeof edge.confirmedUntyped !== 'boolean') problems.add(`${pointer}/confirmedUntyped`, 'file.wrong-type', 'confirmedUntyped must be true or false.');
  if (id === undefined || fromNode === undefined || artifact === undefined || toNode === undefined || connection === undefined) return undefined;
  return { id, from: { node: fromNode, artifact }, to: { node: toNode, connection }, ...(typeof edge.confirmedUntyped === 'boolean' ? { confirmedUntyped: edge.confirmedUntyped } : {}) };
}

function readBackend(problems: Problems, raw: unknown, pointer: string): BackendChoice | undefined {
  const backend = problems.object(raw, pointer, 'the backend', ['type', 'config']);
  if (!backend) return undefined;
  if (backend.type === 'embedded') {
    if (backend.config !== undefined) problems.add(`${pointer}/config`, 'file.unknown-field', 'the embedded backend takes no config. Remove it.');
    return { type: 'embedded' };
  }
  if (!REMOTE_BACKENDS.includes(backend.type as (typeof REMOTE_BACKENDS)[number])) {
    problems.add(`${pointer}/type`, 'file.invalid-backend', `backend type must be "embedded" or one of ${REMOTE_BACKENDS.join(', ')}, not ${describe(backend.type)}.`);
    return undefined;
  }
  const config = problems.object(backend.config, `${pointer}/config`, 'the backend config');
  return config && { type: backend.type as (typeof REMOTE_BACKENDS)[number], config: { ...config } };
}

function readEnvironment(problems: Problems, raw: unknown, pointer: string, nodeIds: ReadonlySet<string>): Environment | undefined {
  const environment = problems.object(raw, pointer, 'an environment', ['id', 'name', 'providers', 'backend', 'overrides']);
  if (!environment) return undefined;
  const id = problems.string(environment.id, `${pointer}/id`, 'the environment id');
  const name = problems.string(environment.name, `${pointer}/name`, 'the environment name');
  const nameProblem = name === undefined ? undefined : identifierProblem(name);
  if (nameProblem) problems.add(`${pointer}/name`, 'file.invalid-name', `${nameProblem}. Rename the environment.`);
  const providers = problems.object(environment.providers, `${pointer}/providers`, 'providers') ?? {};
  for (const [provider, settings] of Object.entries(providers)) problems.object(settings, `${pointer}/providers${pointerOf(provider)}`, `the settings of provider "${provider}"`);
  const backend = readBackend(problems, environment.backend, `${pointer}/backend`);
  const overrides = problems.object(environment.overrides, `${pointer}/overrides`, 'overrides') ?? {};
  const readOverrides = Object.entries(overrides).map(([nodeId, values]) => {
    const at = `${pointer}/overrides${pointerOf(nodeId)}`;
    if (!nodeIds.has(nodeId)) problems.add(at, 'file.override-unknown-node', `overrides name node "${nodeId}", which the file does not have. Remove them.`);
    return [nodeId, readParams(problems, values, at, `the overrides of node "${nodeId}"`)] as const;
  });
  if (id === undefined || name === undefined || backend === undefined) return undefined;
  return { id, name, providers: providers as Environment['providers'], overrides: Object.fromEntries(readOverrides), backend };
}

/** The string at `key` of each raw item (undefined where there is none), for checks across items. */
function fieldOfEach(items: readonly unknown[], key: string): (string | undefined)[] {
  return items.map((item) => {
    const value = typeof item === 'object' && item !== null ? (item as Json)[key] : undefined;
    return typeof value === 'string' ? value : undefined;
  });
}

/** Reports each repeat of a value, at the item that repeats it. */
function duplicates(values: readonly (string | undefined)[], report: (index: number, value: string) => void): void {
  const seen = new Set<string>();
  values.forEach((value, index) => {
    if (value === undefined) return;
    if (seen.has(value)) report(index, value);
    seen.add(value);
  });
}

/** Reads a format-1 document into a project, or lists every problem with its pointer. */
export function readDocument(document: unknown, file?: string): { project: Project } | { diagnostics: Diagnostic[] } {
  const problems = new Problems(file);
  const root = problems.object(document, '', 'the file', ['$schema', 'format', 'project', 'bundles', 'nodes', 'edges', 'environments']) ?? {};
  const about = problems.object(root.project, '/project', 'project', ['id', 'name']);
  const projectId = about && problems.string(about.id, '/project/id', 'the project id');
  const projectName = about && problems.string(about.name, '/project/name', 'the project name');
  const bundleHashes: [string, string][] = [];
  for (const [ref, entry] of Object.entries(problems.object(root.bundles, '/bundles', 'bundles') ?? {})) {
    const at = `/bundles${pointerOf(ref)}`;
    if (parseBundleRef(ref) === undefined) problems.add(at, 'file.invalid-bundle-ref', `"${ref}" is not a bundle ref of the form name@version.`);
    const value = problems.object(entry, at, `bundle "${ref}"`, ['hash']);
    if (value?.hash !== undefined) {
      const hash = problems.string(value.hash, `${at}/hash`, 'the hash');
      if (hash !== undefined) bundleHashes.push([ref, hash]);
    }
  }
  const rawNodes = problems.array(root.nodes, '/nodes', 'nodes');
  const nodeIds = new Set(fieldOfEach(rawNodes, 'id').filter((id) => id !== undefined));
  const nodes = rawNodes.map((raw, index) => readNode(problems, raw, `/nodes/${index}`));
  duplicates(fieldOfEach(rawNodes, 'id'), (index, id) => problems.add(`/nodes/${index}/id`, 'file.duplicate-id', `node id "${id}" is used twice. Ids must be unique.`));
  duplicates(fieldOfEach(rawNodes, 'name'), (index, name) => problems.add(`/nodes/${index}/name`, 'file.duplicate-name', `node name "${name}" is used twice. Rename one of the nodes.`));
  const rawEdges = problems.array(root.edges, '/edges', 'edges');
  const edges = rawEdges.map((raw, index) => readEdge(problems, raw, `/edges/${index}`, nodeIds));
  duplicates(fieldOfEach(rawEdges, 'id'), (index, id) => problems.add(`/edges/${index}/id`, 'file.duplicate-id', `edge id "${id}" is used twice. Ids must be unique.`));
  const rawEnvironments = problems.array(root.environments, '/environments', 'environments');
  const environments = rawEnvironments.map((raw, index) => readEnvironment(problems, raw, `/environments/${index}`, nodeIds));
  duplicates(fieldOfEach(rawEnvironments, 'id'), (index, id) => problems.add(`/environments/${index}/id`, 'file.duplicate-id', `environment id "${id}" is used twice. Ids must be unique.`));
  duplicates(fieldOfEach(rawEnvironments, 'name'), (index, name) => problems.add(`/environments/${index}/name`, 'file.duplicate-name', `environment name "${name}" is used twice. Rename one of them.`));
  if (problems.list.length > 0 || projectId === undefined || projectName === undefined) return { diagnostics: problems.list };
  const project: Project = {
    id: projectId,
    name: projectName,
    diagram: { nodes: nodes as DiagramNode[], edges: edges as DiagramEdge[] },
    environments: environments as Environment[],
  };
  if (bundleHashes.length > 0) project.bundleHashes = Object.fromEntries(bundleHashes);
  return { project };
}
