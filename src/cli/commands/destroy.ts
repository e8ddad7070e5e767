import type { Command } from '../command';
import { planAndApply } from './apply';
import { detailedExitCode, planFor, planOptions, printApplyHint } from './plan';
import { withRunContext } from './runSupport';

export const destroyCommand: Command = {
  name: 'destroy',
  summary: 'Plan the destruction of one environment; with --auto-approve, destroy it',
  usage: 'driftless destroy FILE --env ENV [--auto-approve] [--json]',
  options: { ...planOptions, 'auto-approve': { type: 'boolean', description: 'Destroy without review' } },
  details: [
    'Without --auto-approve, prints the destroy plan; apply it with driftless apply FILE --env ENV --plan RUN_ID.',
    'Exit codes: with --auto-approve 0 destroyed, 1 failed; without, 0 nothing to destroy, 2 a destroy plan to review, 1 error.',
  ].join('\n'),
  run: (context) =>
    withRunContext(context, 'destroy', async (run) => {
      if (context.values['auto-approve']) return planAndApply('destroy', run, context);
      const planned = await planFor('destroy', run, context);
      if (!planned) return 1;
      printApplyHint(planned, context);
      return detailedExitCode('destroy', planned);
    }),
};
