import { canConnect } from '../bundles/compatibility';
import type { CatalogBundle, CatalogSnapshot } from '../bundles/manifest';
import type { Diagnostic, WithDiagnostics } from '../diagnostics';
import type { ValidateParams } from '../diagram/validateNodes';
import { graphOfDiagram } from '../graph/dependencyGraph';
import { findCycle } from '../graph/order';
import { isSecretMarker, type Project } from '../model/diagram';
import { effectiveParams, paramSpecs, requiredParams } from './params';
import type { ValidatedInput } from './types';

/** Node names become module names and output/variable prefixes. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const error = (code: string, message: string, location: Diagnostic['location']): Diagnostic => ({ severity: 'error', code, message, location });
const warning = (code: string, message: string, location: Diagnostic['location']): Diagnostic => ({ severity: 'warning', code, message, location });

function checkNodes(project: Project, catalog: CatalogSnapshot, environment: string, bundles: Map<string, CatalogBundle>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byRef = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const names = new Map<string, string>();
  for (const node of project.diagram.nodes) {
    const at = { nodeId: node.id, environment };
    if (!IDENTIFIER.test(node.name)) {
      diagnostics.push(error('compile.node-name-invalid', `Node name "${node.name}" is not a Terraform identifier. Rename it using letters, digits, "_" and "-", starting with a letter or "_".`, at));
    }
    if (names.has(node.name)) {
      diagnostics.push(error('compile.node-name-duplicate', `Two nodes are named "${node.name}". Rename one: each node becomes a module of that name.`, at));
    }
    names.set(node.name, node.id);
    const bundle = byRef.get(node.bundle);
    if (!bundle) {
      diagnostics.push(error('compile.bundle-missing', `Node "${node.name}" uses bundle ${node.bundle}, which is not in the catalog. Add that bundle version to the library or switch the node to an installed version.`, { ...at, bundle: node.bundle }));
      continue;
    }
    if (bundle.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) {
      diagnostics.push(error('compile.bundle-invalid', `Node "${node.name}" uses bundle ${node.bundle}, which has errors in the catalog. Fix the bundle (see its diagnostics) before compiling.`, { ...at, bundle: node.bundle }));
    }
    bundles.set(node.id, bundle);
  }
  for (const node of project.diagram.nodes) {
    for (const former of node.formerNames ?? []) {
      const holder = names.get(former);
      if (holder !== undefined && holder !== node.id) {
        diagnostics.push(warning('compile.former-name-reused', `Node "${node.name}" was once named "${former}", a name another node has now; no moved block is written for it. If "${node.name}" was never applied under that name, ignore this.`, { nodeId: node.id, environment }));
      }
    }
  }
  return diagnostics;
}

function checkParams(project: Project, input: Omit<ValidatedInput, 'project'>, validateParams?: ValidateParams): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const environment = input.environment;
  for (const node of project.diagram.nodes) {
    const bundle = input.bundles.get(node.id);
    if (!bundle) continue;
    const specs = paramSpecs(bundle);
    const values = effectiveParams(node, environment);
    for (const [name, value] of Object.entries(values)) {
      const at = { nodeId: node.id, field: name, environment: environment.name };
      const spec = specs[name];
      if (!spec) {
        diagnostics.push(error('compile.param-unknown', `Node "${node.name}" sets param "${name}", which bundle ${bundle.ref} does not have. Remove the value (or its override in environment "${environment.name}").`, at));
      } else if (spec.writeOnly && !isSecretMarker(value) && value !== null) {
        diagnostics.push(error('compile.secret-in-diagram', `Sensitive param "${name}" of node "${node.name}" holds a plain value in the diagram. Set it as a secret instead, so that no file holds it.`, at));
      } else if (!spec.writeOnly && isSecretMarker(value)) {
        diagnostics.push(error('compile.secret-marker-misplaced', `Param "${name}" of node "${node.name}" is marked as a secret, but bundle ${bundle.ref} does not declare it sensitive. Set a plain value.`, at));
      }
    }
    for (const name of requiredParams(bundle)) {
      if (values[name] === undefined && specs[name]?.default === undefined) {
        diagnostics.push(error('compile.param-required', `Node "${node.name}" needs param "${name}" (bundle ${bundle.ref}). Set a value${specs[name]?.writeOnly ? ' (a secret)' : ''}.`, { nodeId: node.id, field: name, environment: environment.name }));
      }
    }
    if (validateParams) {
      // Types, enums, patterns: the schema check; fields reported above are not reported twice.
      const reported = new Set(diagnostics.filter((diagnostic) => diagnostic.location?.nodeId === node.id).map((diagnostic) => diagnostic.location?.field));
      for (const diagnostic of validateParams(bundle, values, { nodeId: node.id, environment: environment.name })) {
        if (diagnostic.location?.field === undefined || !reported.has(diagnostic.location.field)) diagnostics.push(diagnostic);
      }
    }
  }
  for (const nodeId of Object.keys(environment.overrides)) {
    if (!project.diagram.nodes.some((node) => node.id === nodeId)) {
      diagnostics.push(warning('compile.override-orphaned', `Environment "${environment.name}" overrides params of node ${nodeId}, which is not in the diagram; the overrides are ignored. Remove them.`, { nodeId, environment: environment.name }));
    }
  }
  return diagnostics;
}

function checkEdges(project: Project, input: Omit<ValidatedInput, 'project'>): Diagnostic[] {
  // Many edges share a (type, connection) pair: decide each pair once.
  const verdicts = new Map<string, ReturnType<typeof canConnect>>();
  const diagnostics: Diagnostic[] = [];
  const nodes = new Map(project.diagram.nodes.map((node) => [node.id, node]));
  const incoming = new Map<string, number>();
  for (const edge of project.diagram.edges) {
    const from = nodes.get(edge.from.node);
    const to = nodes.get(edge.to.node);
    const at = { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name };
    if (!from || !to) {
      diagnostics.push(error('compile.edge-dangling', `Connection ${edge.id} points at a node that is not in the diagram. Delete the connection.`, at));
      continue;
    }
    const fromBundle = input.bundles.get(from.id);
    const toBundle = input.bundles.get(to.id);
    if (!fromBundle || !toBundle) continue;
    const artifact = fromBundle.manifest.artifacts[edge.from.artifact];
    const connection = toBundle.manifest.connections[edge.to.connection];
    if (!artifact) {
      diagnostics.push(error('compile.artifact-unknown', `Node "${from.name}" (${fromBundle.ref}) has no artifact "${edge.from.artifact}". Reconnect "${to.name}" to an artifact it has.`, { ...at, nodeId: from.id, port: edge.from.artifact }));
      continue;
    }
    if (!connection) {
      diagnostics.push(error('compile.connection-unknown', `Node "${to.name}" (${toBundle.ref}) has no connection "${edge.to.connection}". Delete this connection or wire an existing one.`, at));
      continue;
    }
    const pair = `${artifact.type}\u0000${toBundle.ref}\u0000${edge.to.connection}`;
    let verdict = verdicts.get(pair);
    if (!verdict) {
      verdict = canConnect(artifact.type, connection, input.catalog.types);
      verdicts.set(pair, verdict);
    }
    if (!verdict.ok) {
      diagnostics.push(error('compile.connection-incompatible', `"${from.name}.${edge.from.artifact}" cannot feed "${to.name}.${edge.to.connection}": ${verdict.reason}`, at));
    } else if (verdict.needsConfirmation && !edge.confirmedUntyped) {
      diagnostics.push(error('compile.connection-unconfirmed', `"${from.name}.${edge.from.artifact}" → "${to.name}.${edge.to.connection}" wires an untyped value. Confirm the connection in the diagram if the shapes match.`, at));
    }
    const key = `${to.id}\u0000${edge.to.connection}`;
    incoming.set(key, (incoming.get(key) ?? 0) + 1);
    if (!connection.list && incoming.get(key) === 2) {
      diagnostics.push(error('compile.connection-multiple', `Connection "${edge.to.connection}" of node "${to.name}" takes one artifact but has several. Keep one.`, at));
    }
  }
  for (const node of project.diagram.nodes) {
    const bundle = input.bundles.get(node.id);
    for (const [name, connection] of Object.entries(bundle?.manifest.connections ?? {})) {
      if (connection.required && !incoming.has(`${node.id}\u0000${name}`)) {
        diagnostics.push(error('compile.connection-required', `Node "${node.name}" needs its "${connection.title}" connection (${connection.type}). Wire an artifact of that type into it.`, { nodeId: node.id, port: name, environment: input.environment.name }));
      }
    }
  }
  const cycle = findCycle(input.graph);
  if (cycle) {
    const path = cycle.map((id) => nodes.get(id)!.name).join(' → ');
    diagnostics.push(error('compile.cycle', `The connections form a cycle: ${path}. Remove one of these connections.`, { nodeId: cycle[0], environment: input.environment.name }));
  }
  return diagnostics;
}

/** Pass 1: everything compile needs exists and fits — environment, bundles, names, params, edges, no cycle. */
export function validatePass(project: Project, environmentId: string, catalog: CatalogSnapshot, validateParams?: ValidateParams): WithDiagnostics<ValidatedInput | undefined> {
  const environment = project.environments.find((candidate) => candidate.id === environmentId || candidate.name === environmentId);
  if (!environment) {
    const known = project.environments.map((candidate) => candidate.name).join(', ') || 'none';
    return { value: undefined, diagnostics: [error('compile.environment-unknown', `Project "${project.name}" has no environment "${environmentId}" (it has: ${known}). Pick one of those.`, { environment: environmentId })] };
  }
  const bundles = new Map<string, CatalogBundle>();
  const diagnostics = checkNodes(project, catalog, environment.name, bundles);
  const partial = { environment, catalog, bundles, graph: graphOfDiagram(project.diagram) };
  diagnostics.push(...checkParams(project, partial, validateParams), ...checkEdges(project, partial));
  return { value: { project, ...partial }, diagnostics };
}
