import type { Environment } from '../../../src/core/model/diagram';
import type { ActionContext } from './types';

/** The environment runs act on: the one chosen in the top bar, else the project's first. */
export function runEnvironment(context: Pick<ActionContext, 'diagram' | 'ui'>): Environment | undefined {
  const environments = context.diagram.project?.environments ?? [];
  return environments.find((environment) => environment.id === context.ui.environmentId) ?? environments[0];
}
