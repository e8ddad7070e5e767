import type { CatalogBundle } from '../bundles/manifest';
import type { Diagnostic } from '../diagnostics';
import type { DiagramNode, Environment } from '../model/diagram';
import { checkEnvironmentCredentials } from './credentials';
import { identifierProblem, parseBundleRef } from './identifiers';

/** Where a param set is checked: a node's own params, or its effective params in one environment. */
export interface ParamContext {
  nodeId: string;
  /** Environment name, when the params include that environment's overrides. */
  environment?: string;
}

/** Checks params against a bundle's param schema (ajv lives on the host: see src/host/validation). */
export type ValidateParams = (bundle: CatalogBundle, params: Record<string, unknown>, context: ParamContext) => Diagnostic[];

/** The checks of one node that depend on nothing but the node and the catalog. */
export function checkNode(node: DiagramNode, bundle: CatalogBundle | undefined, validateParams?: ValidateParams): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const problem = identifierProblem(node.name);
  if (problem !== undefined) {
    diagnostics.push({
      severity: 'error',
      code: 'diagram.invalid-name',
      message: `Node "${node.name}": ${problem}. Rename the node.`,
      location: { nodeId: node.id, field: 'name' },
    });
  }
  if (bundle === undefined) {
    const ref = parseBundleRef(node.bundle);
    diagnostics.push(
      ref === undefined
        ? {
            severity: 'error',
            code: 'diagram.invalid-bundle-ref',
            message: `Node "${node.name}" names bundle "${node.bundle}", which is not of the form name@version. Pick the bundle again from the palette.`,
            location: { nodeId: node.id, field: 'bundle' },
          }
        : {
            severity: 'error',
            code: 'diagram.missing-bundle',
            message: `Node "${node.name}" uses bundle ${node.bundle}, which is not in the catalog on this machine. The node is kept as a placeholder with its params; add ${ref.name} version ${ref.version} to the catalog or change the node's bundle version.`,
            location: { nodeId: node.id, bundle: node.bundle, field: 'bundle' },
          },
    );
    return diagnostics;
  }
  diagnostics.push(...unknownParams(node, bundle, node.params, undefined));
  if (validateParams) {
    for (const diagnostic of validateParams(bundle, node.params, { nodeId: node.id })) diagnostics.push(Object.assign({ ...diagnostic }, { [PARAM_CHECK]: true }));
  }
  return diagnostics;
}

/** Marks diagnostics of the node's own params (validateParams), which every environment may override. */
export const PARAM_CHECK = Symbol('param check');

/**
 * True when a diagnostic of a node's own param does not apply: every environment overrides that
 * param, so the node's value is never used (the overrides are checked per environment).
 */
export function overriddenEverywhere(diagnostic: Diagnostic, nodeId: string, environments: readonly Environment[]): boolean {
  const field = diagnostic.location?.field;
  if (!(diagnostic as { [PARAM_CHECK]?: boolean })[PARAM_CHECK] || field === undefined || environments.length === 0) return false;
  return environments.every((environment) => {
    const overrides = environment.overrides[nodeId];
    return overrides !== undefined && Object.hasOwn(overrides, field);
  });
}

/** The params a bundle declares, or undefined when its schema lists none (then any is accepted). */
export function declaredParams(bundle: CatalogBundle): Record<string, unknown> | undefined {
  const properties = bundle.manifest.params.properties;
  return typeof properties === 'object' && properties !== null ? (properties as Record<string, unknown>) : undefined;
}

function unknownParams(node: DiagramNode, bundle: CatalogBundle, params: Record<string, unknown>, environment: string | undefined): Diagnostic[] {
  const declared = declaredParams(bundle);
  if (declared === undefined) return [];
  const where = environment === undefined ? '' : ` in environment "${environment}"`;
  const what = environment === undefined ? 'Remove it' : 'Reset the override';
  return Object.keys(params)
    .filter((param) => !Object.hasOwn(declared, param))
    .map((param) => ({
      severity: 'error' as const,
      code: environment === undefined ? 'diagram.unknown-param' : 'diagram.override-unknown-param',
      message: `Node "${node.name}"${where} sets "${param}", which ${bundle.ref} does not have. ${what}, or pick a bundle version that has it.`,
      location: { nodeId: node.id, field: param, ...(environment === undefined ? {} : { environment }) },
    }));
}

/** The checks of one node's overrides in one environment: unknown params and the effective params. */
export function checkOverrides(
  node: DiagramNode,
  bundle: CatalogBundle | undefined,
  environment: Environment,
  overrides: Record<string, unknown>,
  validateParams?: ValidateParams,
): Diagnostic[] {
  if (bundle === undefined) return [];
  const diagnostics = unknownParams(node, bundle, overrides, environment.name);
  if (validateParams) {
    // Problems of the node's own params are reported once, on the node; here only those the overrides cause.
    const effective = validateParams(bundle, { ...node.params, ...overrides }, { nodeId: node.id, environment: environment.name });
    diagnostics.push(...effective.filter((diagnostic) => diagnostic.location?.field === undefined || Object.hasOwn(overrides, diagnostic.location.field)));
  }
  return diagnostics;
}

/** An override for a node the diagram does not have. */
export function overrideOfUnknownNode(environment: Environment, nodeId: string): Diagnostic {
  return {
    severity: 'error',
    code: 'diagram.override-unknown-node',
    message: `Environment "${environment.name}" overrides params of node "${nodeId}", which the diagram does not have. Remove these overrides.`,
    location: { environment: environment.name, nodeId },
  };
}

/** Duplicate node ids and names, and invalid or duplicate environment names: checks across the lists. */
export function checkNames(nodes: readonly DiagramNode[], environments: readonly Environment[]): Diagnostic[] {
  const diagnostics: Diagnostic[] = [];
  const ids = new Set<string>();
  const names = new Map<string, DiagramNode>();
  for (const node of nodes) {
    if (ids.has(node.id)) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.duplicate-node-id',
        message: `Two nodes have the id "${node.id}". Ids must be unique: give one of them a fresh id.`,
        location: { nodeId: node.id },
      });
    }
    ids.add(node.id);
    const first = names.get(node.name);
    if (first !== undefined && first.id !== node.id) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.duplicate-name',
        message: `Two nodes are named "${node.name}". Names become Terraform module names and must be unique: rename one of them.`,
        location: { nodeId: node.id, field: 'name' },
      });
    } else names.set(node.name, node);
  }
  const environmentNames = new Set<string>();
  for (const environment of environments) {
    const problem = identifierProblem(environment.name);
    if (problem !== undefined) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.invalid-environment-name',
        message: `Environment "${environment.name}": ${problem}. Rename the environment.`,
        location: { environment: environment.name, field: 'name' },
      });
    }
    if (environmentNames.has(environment.name)) {
      diagnostics.push({
        severity: 'error',
        code: 'diagram.duplicate-environment-name',
        message: `Two environments are named "${environment.name}". Rename one of them.`,
        location: { environment: environment.name, field: 'name' },
      });
    }
    environmentNames.add(environment.name);
    diagnostics.push(...checkEnvironmentCredentials(environment));
  }
  return diagnostics;
}
