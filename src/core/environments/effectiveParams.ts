import type { Environment, Project } from '../model/diagram';

/** Where an environment's value of a param comes from. */
export type ParamSource = 'override' | 'node' | 'unset';

/** One param's value in one environment: its override, else the node's value for every environment. */
export interface EffectiveValue {
  value: unknown;
  source: ParamSource;
}

/** The value `environment` plans `param` of `nodeId` with (bundle defaults are not known here: `unset`). */
export function effectiveValue(project: Project, environment: Environment, nodeId: string, param: string): EffectiveValue {
  const overrides = environment.overrides[nodeId];
  if (overrides !== undefined && Object.hasOwn(overrides, param)) return { value: overrides[param], source: 'override' };
  const node = project.diagram.nodes.find((candidate) => candidate.id === nodeId);
  if (node !== undefined && Object.hasOwn(node.params, param)) return { value: node.params[param], source: 'node' };
  return { value: undefined, source: 'unset' };
}

/** Every param name a node has a value for, on the node or in any of `environments`, sorted. */
export function paramNames(project: Project, environments: Environment[], nodeId: string): string[] {
  const names = new Set(Object.keys(project.diagram.nodes.find((node) => node.id === nodeId)?.params ?? {}));
  for (const environment of environments) for (const name of Object.keys(environment.overrides[nodeId] ?? {})) names.add(name);
  return [...names].sort();
}
