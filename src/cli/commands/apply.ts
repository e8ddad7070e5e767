import type { RunView } from '../../core/api/areas/run';
import type { Command, CommandContext } from '../command';
import { planFor, planOptions, type PlanKind } from './plan';
import { settle, withRunContext, type RunContext } from './runSupport';
import { summaryText } from './runSummary';

/** Applies a planned run and prints the result: 0 applied, 1 otherwise. */
export async function applyPlanned(run: RunContext, planRunId: string, context: CommandContext): Promise<number> {
  let applied: RunView | undefined;
  try {
    applied = await settle(run.host, run.host.runs.apply(planRunId), context.stderr);
  } catch (error) {
    context.stderr((error as Error).message);
    return 1;
  }
  if (!applied) return 1;
  if (context.values.json) context.stdout(JSON.stringify({ ...applied, outputs: run.host.runs.outputs(applied.id) }, null, 2));
  else context.stdout(summaryText(applied, (nodeId) => run.project.diagram.nodes.find((node) => node.id === nodeId)?.name ?? nodeId));
  if (applied.status !== 'succeeded' && !context.values.json) context.stderr(applied.message ?? `The apply ${applied.status}.`);
  return applied.status === 'succeeded' ? 0 : 1;
}

/** Plans (`kind`) and applies right away when there is anything to do. */
export async function planAndApply(kind: PlanKind, run: RunContext, context: CommandContext): Promise<number> {
  const planned = await planFor(kind, run, context);
  if (!planned) return 1;
  if (!planned.hasChanges && kind !== 'drift') {
    context.stderr('Nothing to apply.');
    return 0;
  }
  return applyPlanned(run, planned.id, context);
}

export const applyCommand: Command = {
  name: 'apply',
  summary: 'Apply a saved plan (--plan RUN_ID), or plan and apply at once (--auto-approve)',
  usage: 'driftless apply FILE --env ENV (--plan RUN_ID | --auto-approve) [--target NODE] [--json]',
  options: {
    ...planOptions,
    plan: { type: 'string', description: 'The plan run to apply (from driftless plan); never a fresh plan', valueName: 'RUN_ID' },
    'auto-approve': { type: 'boolean', description: 'Plan and apply without review' },
  },
  details: 'A plan made stale by a later change of the state is refused: plan again.\nExit codes: 0 applied (or nothing to apply), 1 failed, stale, cancelled or refused.',
  run: (context) => {
    const planRunId = context.values.plan as string | undefined;
    if (!planRunId === !context.values['auto-approve']) {
      context.stderr('driftless apply takes either --plan RUN_ID (a plan you reviewed) or --auto-approve. Run "driftless apply --help" for usage.');
      return Promise.resolve(1);
    }
    return withRunContext(context, 'apply', (run) => (planRunId ? applyPlanned(run, planRunId, context) : planAndApply('plan', run, context)));
  },
};
