import { jsonEqual } from '../diagramFile/jsonEqual';
import type { Environment, Project } from '../model/diagram';
import { effectiveValue, paramNames, type EffectiveValue } from './effectiveParams';

/** One node param across the compared environments. */
export interface ComparisonRow {
  nodeId: string;
  node: string;
  bundle: string;
  param: string;
  /** One cell per compared environment, in the order asked. */
  cells: (EffectiveValue & { environmentId: string })[];
  /** True when every environment plans the same value. */
  identical: boolean;
}

export interface Comparison {
  environments: { id: string; name: string }[];
  rows: ComparisonRow[];
  /** Rows left out because they were identical (when asked to hide them). */
  hiddenIdentical: number;
}

/** Params and effective values of environments side by side, node by node (diagram order), identical rows hideable. */
export function compareEnvironments(project: Project, environments: Environment[], options: { hideIdentical?: boolean } = {}): Comparison {
  const rows: ComparisonRow[] = [];
  let hiddenIdentical = 0;
  for (const node of project.diagram.nodes) {
    for (const param of paramNames(project, environments, node.id)) {
      const cells = environments.map((environment) => ({ environmentId: environment.id, ...effectiveValue(project, environment, node.id, param) }));
      const identical = cells.every((cell) => (cell.source === 'unset') === (cells[0]!.source === 'unset') && jsonEqual(cell.value, cells[0]!.value));
      if (identical && options.hideIdentical) hiddenIdentical++;
      else rows.push({ nodeId: node.id, node: node.name, bundle: node.bundle, param, cells, identical });
    }
  }
  return { environments: environments.map((environment) => ({ id: environment.id, name: environment.name })), rows, hiddenIdentical };
}
