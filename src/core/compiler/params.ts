import type { CatalogBundle } from '../bundles/manifest';
import type { DiagramNode, Environment } from '../model/diagram';

/** The JSON Schema of one param, as far as the compiler reads it. */
export interface ParamSpec {
  type?: unknown;
  default?: unknown;
  writeOnly?: boolean;
}

/** Param name → its schema, from the bundle's params JSON Schema. */
export function paramSpecs(bundle: CatalogBundle): Record<string, ParamSpec> {
  const properties = bundle.manifest.params.properties;
  return properties && typeof properties === 'object' ? (properties as Record<string, ParamSpec>) : {};
}

/** Params the bundle's schema lists as required. */
export function requiredParams(bundle: CatalogBundle): string[] {
  const required = bundle.manifest.params.required;
  return Array.isArray(required) ? required.filter((name): name is string => typeof name === 'string') : [];
}

/** The values a node has in an environment: the node's params with the environment's overrides on top. */
export function effectiveParams(node: DiagramNode, environment: Environment): Record<string, unknown> {
  const values: Record<string, unknown> = { ...node.params };
  for (const [name, value] of Object.entries(environment.overrides[node.id] ?? {})) {
    if (value !== undefined) values[name] = value;
  }
  return values;
}

/** The Terraform type of a root variable for a param (a best effort from its JSON Schema type). */
export function terraformTypeOf(spec: ParamSpec): string {
  switch (spec.type) {
    case 'string':
      return 'string';
    case 'number':
    case 'integer':
      return 'number';
    case 'boolean':
      return 'bool';
    default:
      return 'any';
  }
}
