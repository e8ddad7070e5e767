import type { Command } from '../command';
import { detailedExitCode, planFor, planOptions } from './plan';
import { withRunContext } from './runSupport';

export const driftCommand: Command = {
  name: 'drift',
  summary: 'Check one environment for drift (terraform plan -refresh-only); drifted resources per node',
  usage: 'driftless drift FILE --env ENV [--json] [--format markdown]',
  options: planOptions,
  details: 'Exit codes: 0 no drift, 2 drift found, 1 error.',
  run: (context) =>
    withRunContext(context, 'drift', async (run) => {
      const planned = await planFor('drift', run, context);
      return planned ? detailedExitCode('drift', planned) : 1;
    }),
};
