import { canConnect } from '../bundles/compatibility';
import type { CatalogBundle, CatalogSnapshot, ConnectionSpec } from '../bundles/manifest';
import type { Diagnostic, WithDiagnostics } from '../diagnostics';
import { checkEnvironmentCredentials } from '../diagram/credentials';
import type { ValidateParams } from '../diagram/validateNodes';
import { graphOfDiagram } from '../graph/dependencyGraph';
import { topologicalOrder } from '../graph/order';
import { isSecretMarker, type DiagramEdge, type DiagramNode, type Project } from '../model/diagram';
import { effectiveParams, paramSpecs, requiredParams, type ParamSpec } from './params';
import type { ValidatedInput } from './types';

/** Node names become module names and output/variable prefixes. */
const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_-]*$/;

const error = (code: string, message: string, location: Diagnostic['location']): Diagnostic => ({ severity: 'error', code, message, location });
const warning = (code: string, message: string, location: Diagnostic['location']): Diagnostic => ({ severity: 'warning', code, message, location });

function checkNodes(project: Project, catalog: CatalogSnapshot, environment: string, bundles: Map<string, CatalogBundle>): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const byRef = new Map(catalog.bundles.map((bundle) => [bundle.ref, bundle]));
  const broken = new Map<CatalogBundle, boolean>();
  const names = new Map<string, string>();
  for (const node of project.diagram.nodes) {
    if (!IDENTIFIER.test(node.name)) {
      diagnostics.push(error('compile.node-name-invalid', `Node name "${node.name}" is not a Terraform identifier. Rename it using letters, digits, "_" and "-", starting with a letter or "_".`, { nodeId: node.id, environment }));
    }
    if (names.has(node.name)) {
      diagnostics.push(error('compile.node-name-duplicate', `Two nodes are named "${node.name}". Rename one: each node becomes a module of that name.`, { nodeId: node.id, environment }));
    }
    names.set(node.name, node.id);
    const bundle = byRef.get(node.bundle);
    if (!bundle) {
      diagnostics.push(error('compile.bundle-missing', `Node "${node.name}" uses bundle ${node.bundle}, which is not in the catalog. Add that bundle version to the library or switch the node to an installed version.`, { nodeId: node.id, environment, bundle: node.bundle }));
      continue;
    }
    let hasErrors = broken.get(bundle);
    if (hasErrors === undefined) {
      hasErrors = bundle.diagnostics.some((diagnostic) => diagnostic.severity === 'error');
      broken.set(bundle, hasErrors);
    }
    if (hasErrors) {
      diagnostics.push(error('compile.bundle-invalid', `Node "${node.name}" uses bundle ${node.bundle}, which has errors in the catalog. Fix the bundle (see its diagnostics) before compiling.`, { nodeId: node.id, environment, bundle: node.bundle }));
    }
    bundles.set(node.id, bundle);
  }
  for (const node of project.diagram.nodes) {
    if (node.formerNames === undefined) continue;
    for (const former of node.formerNames) {
      const holder = names.get(former);
      if (holder !== undefined && holder !== node.id) {
        diagnostics.push(warning('compile.former-name-reused', `Node "${node.name}" was once named "${former}", a name another node has now; no moved block is written for it. If "${node.name}" was never applied under that name, ignore this.`, { nodeId: node.id, environment }));
      }
    }
  }
  return diagnostics;
}

/** What checking a node's params needs from its bundle, read once per bundle. */
interface ParamRules {
  specs: Record<string, ParamSpec>;
  required: string[];
}

function checkParams(project: Project, input: Omit<ValidatedInput, 'project'>, validateParams?: ValidateParams): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const environment = input.environment;
  const rulesOf = new Map<CatalogBundle, ParamRules>();
  for (const node of project.diagram.nodes) {
    const bundle = input.bundles.get(node.id);
    if (!bundle) continue;
    let rules = rulesOf.get(bundle);
    if (rules === undefined) {
      rules = { specs: paramSpecs(bundle), required: requiredParams(bundle) };
      rulesOf.set(bundle, rules);
    }
    const specs = rules.specs;
    const before = diagnostics.length;
    // read-only: without overrides, the node's own params object
    const values = environment.overrides[node.id] === undefined ? node.params : effectiveParams(node, environment);
    for (const name of Object.keys(values)) {
      const value = values[name];
      const spec = Object.hasOwn(specs, name) ? specs[name] : undefined;
      if (!spec) {
        diagnostics.push(error('compile.param-unknown', `Node "${node.name}" sets param "${name}", which bundle ${bundle.ref} does not have. Remove the value (or its override in environment "${environment.name}").`, { nodeId: node.id, field: name, environment: environment.name }));
      } else if (spec.writeOnly && !isSecretMarker(value) && value !== null) {
        diagnostics.push(error('compile.secret-in-diagram', `Sensitive param "${name}" of node "${node.name}" holds a plain value in the diagram. Set it as a secret instead, so that no file holds it.`, { nodeId: node.id, field: name, environment: environment.name }));
      } else if (!spec.writeOnly && isSecretMarker(value)) {
        diagnostics.push(error('compile.secret-marker-misplaced', `Param "${name}" of node "${node.name}" is marked as a secret, but bundle ${bundle.ref} does not declare it sensitive. Set a plain value.`, { nodeId: node.id, field: name, environment: environment.name }));
      }
    }
    for (const name of rules.required) {
      if (values[name] === undefined && specs[name]?.default === undefined) {
        diagnostics.push(error('compile.param-required', `Node "${node.name}" needs param "${name}" (bundle ${bundle.ref}). Set a value${specs[name]?.writeOnly ? ' (a secret)' : ''}.`, { nodeId: node.id, field: name, environment: environment.name }));
      }
    }
    if (validateParams) {
      // Types, enums, patterns: the schema check; fields reported above are not reported twice.
      const found = validateParams(bundle, values, { nodeId: node.id, environment: environment.name });
      if (found.length > 0) {
        const reported = new Set(diagnostics.slice(before).map((diagnostic) => diagnostic.location?.field));
        for (const diagnostic of found) {
          if (diagnostic.location?.field === undefined || !reported.has(diagnostic.location.field)) diagnostics.push(diagnostic);
        }
      }
    }
  }
  for (const nodeId of Object.keys(environment.overrides)) {
    if (!input.bundles.has(nodeId) && !project.diagram.nodes.some((node) => node.id === nodeId)) {
      diagnostics.push(warning('compile.override-orphaned', `Environment "${environment.name}" overrides params of node ${nodeId}, which is not in the diagram; the overrides are ignored. Remove them.`, { nodeId, environment: environment.name }));
    }
  }
  return diagnostics;
}

/** How many of the edges feed that connection. */
function countInto(edges: DiagramEdge[], connection: string): number {
  let count = 0;
  for (const edge of edges) if (edge.to.connection === connection) count++;
  return count;
}

function checkEdges(project: Project, input: Omit<ValidatedInput, 'project'>): Diagnostic[] {
  // Many edges share a (type, connection) pair: decide each pair once.
  const verdicts = new Map<ConnectionSpec, Map<string, ReturnType<typeof canConnect>>>();
  const diagnostics: Diagnostic[] = [];
  const nodes = input.nodes;
  const incoming = input.incoming;
  for (const edge of project.diagram.edges) {
    const from = nodes.get(edge.from.node);
    const to = nodes.get(edge.to.node);
    if (!from || !to) {
      diagnostics.push(error('compile.edge-dangling', `Connection ${edge.id} points at a node that is not in the diagram. Delete the connection.`, { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name }));
      continue;
    }
    const fromBundle = input.bundles.get(from.id);
    const toBundle = input.bundles.get(to.id);
    if (!fromBundle || !toBundle) continue;
    const artifacts = fromBundle.manifest.artifacts;
    const connections = toBundle.manifest.connections;
    const artifact = Object.hasOwn(artifacts, edge.from.artifact) ? artifacts[edge.from.artifact] : undefined;
    const connection = Object.hasOwn(connections, edge.to.connection) ? connections[edge.to.connection] : undefined;
    if (!artifact) {
      diagnostics.push(error('compile.artifact-unknown', `Node "${from.name}" (${fromBundle.ref}) has no artifact "${edge.from.artifact}". Reconnect "${to.name}" to an artifact it has.`, { nodeId: from.id, port: edge.from.artifact, environment: input.environment.name }));
      continue;
    }
    if (!connection) {
      diagnostics.push(error('compile.connection-unknown', `Node "${to.name}" (${toBundle.ref}) has no connection "${edge.to.connection}". Delete this connection or wire an existing one.`, { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name }));
      continue;
    }
    let byType = verdicts.get(connection);
    if (!byType) {
      byType = new Map();
      verdicts.set(connection, byType);
    }
    let verdict = byType.get(artifact.type);
    if (!verdict) {
      verdict = canConnect(artifact.type, connection, input.catalog.types);
      byType.set(artifact.type, verdict);
    }
    if (!verdict.ok) {
      diagnostics.push(error('compile.connection-incompatible', `"${from.name}.${edge.from.artifact}" cannot feed "${to.name}.${edge.to.connection}": ${verdict.reason}`, { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name }));
    } else if (verdict.needsConfirmation && !edge.confirmedUntyped) {
      diagnostics.push(error('compile.connection-unconfirmed', `"${from.name}.${edge.from.artifact}" → "${to.name}.${edge.to.connection}" wires an untyped value. Confirm the connection in the diagram if the shapes match.`, { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name }));
    }
    const into = incoming.get(to.id);
    if (!into) {
      incoming.set(to.id, [edge]);
      continue;
    }
    if (!connection.list && countInto(into, edge.to.connection) === 1) {
      diagnostics.push(error('compile.connection-multiple', `Connection "${edge.to.connection}" of node "${to.name}" takes one artifact but has several. Keep one.`, { nodeId: edge.to.node, port: edge.to.connection, environment: input.environment.name }));
    }
    into.push(edge);
  }
  // each bundle's required connections, listed once per bundle rather than once per node
  const requiredOf = new Map<CatalogBundle, [string, ConnectionSpec][]>();
  for (const node of project.diagram.nodes) {
    const bundle = input.bundles.get(node.id);
    if (!bundle) continue;
    let required = requiredOf.get(bundle);
    if (required === undefined) {
      required = Object.entries(bundle.manifest.connections).filter(([, connection]) => connection.required);
      requiredOf.set(bundle, required);
    }
    if (required.length === 0) continue;
    const into = incoming.get(node.id);
    for (const [name, connection] of required) {
      if (!into?.some((edge) => edge.to.connection === name)) {
        diagnostics.push(error('compile.connection-required', `Node "${node.name}" needs its "${connection.title}" connection (${connection.type}). Wire an artifact of that type into it.`, { nodeId: node.id, port: name, environment: input.environment.name }));
      }
    }
  }
  // one search both proves the graph acyclic and yields the order the order pass hands on
  const sorted = topologicalOrder(input.graph);
  if (sorted.ok) input.order = sorted.order;
  else {
    const path = sorted.cycle.map((id) => nodes.get(id)!.name).join(' → ');
    diagnostics.push(error('compile.cycle', `The connections form a cycle: ${path}. Remove one of these connections.`, { nodeId: sorted.cycle[0], environment: input.environment.name }));
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
  const nodes = new Map<string, DiagramNode>();
  for (const node of project.diagram.nodes) nodes.set(node.id, node);
  const partial: Omit<ValidatedInput, 'project'> = { environment, catalog, bundles, graph: graphOfDiagram(project.diagram), order: [], nodes, incoming: new Map() };
  diagnostics.push(...checkParams(project, partial, validateParams), ...checkEdges(project, partial), ...checkEnvironmentCredentials(environment));
  return { value: { project, ...partial }, diagnostics };
}
