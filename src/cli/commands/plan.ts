import type { RunView } from '../../core/api/areas/run';
import type { Command, CommandContext } from '../command';
import { formatDiagnostic } from './diagramFileInput';
import { runOptions, settle, targetOf, withRunContext, type RunContext } from './runSupport';
import { driftCount, summaryMarkdown, summaryText } from './runSummary';

export type PlanKind = 'plan' | 'destroy' | 'drift';

/** Plans one kind of run for a command; prints its summary. Undefined (after printing why) when refused or failed. */
export async function planFor(kind: PlanKind, run: RunContext, context: CommandContext): Promise<RunView | undefined> {
  const target = targetOf(run.project, context.values.target);
  if (target && 'severity' in target) {
    context.stderr(formatDiagnostic(target));
    return undefined;
  }
  const request = { projectId: run.projectId, environmentId: run.environmentId, ...(target ? { target } : {}) };
  const started = kind === 'plan' ? await run.host.runs.plan(request) : kind === 'destroy' ? await run.host.runs.destroy(request) : await run.host.runs.drift(request);
  const planned = await settle(run.host, started, context.stderr);
  if (!planned) return undefined;
  if (context.values.json) context.stdout(JSON.stringify(planned, null, 2));
  else if (context.values.format === 'markdown') context.stdout(summaryMarkdown(planned, `Driftless ${kind} of ${run.project.name} (${context.values.env as string})`));
  else context.stdout(summaryText(planned));
  if (planned.status !== 'planned') {
    if (!context.values.json) context.stderr(planned.message ?? `The ${kind} ${planned.status}.`);
    return undefined;
  }
  return planned;
}

/** 0 nothing to do, 2 changes (or drift), like terraform's -detailed-exitcode. */
export function detailedExitCode(kind: PlanKind, planned: RunView): number {
  if (kind === 'drift') return driftCount(planned) > 0 ? 2 : 0;
  return planned.hasChanges ? 2 : 0;
}

/** How to apply a plan with changes, once reviewed (not with --json: scripts read the run id there). */
export function printApplyHint(planned: RunView, context: CommandContext): void {
  if (planned.hasChanges && !context.values.json) context.stderr(`Review it, then: driftless apply ${context.positionals[0]} --env ${context.values.env as string} --plan ${planned.id}`);
}

export const planOptions = {
  ...runOptions,
  target: { type: 'string' as const, description: 'Plan only this node (name or id) and what it depends on', valueName: 'NODE' },
  format: { type: 'string' as const, description: 'Summary format: text (default) or markdown (for CI comments)', valueName: 'FORMAT' },
};

export const planCommand: Command = {
  name: 'plan',
  summary: 'Plan one environment of a diagram file with terraform; prints the per-node summary',
  usage: 'driftless plan FILE --env ENV [--target NODE] [--json] [--format markdown]',
  options: planOptions,
  details: [
    'Imports FILE into the data dir on first use (reused by its id after), compiles, and runs',
    'terraform plan in a terminal (its output goes to stderr) with the embedded state backend.',
    'Apply the saved plan with: driftless apply FILE --env ENV --plan RUN_ID',
    'Secrets: DRIFTLESS_SECRET_<NODE>_<PARAM> or the values stored in the app.',
    'Exit codes: 0 no changes, 2 changes, 1 error (like terraform plan -detailed-exitcode).',
  ].join('\n'),
  run: (context) =>
    withRunContext(context, 'plan', async (run) => {
      if (context.values.format !== undefined && context.values.format !== 'markdown' && context.values.format !== 'text') {
        context.stderr(`--format takes text or markdown, not "${String(context.values.format)}".`);
        return 1;
      }
      const planned = await planFor('plan', run, context);
      if (!planned) return 1;
      printApplyHint(planned, context);
      return detailedExitCode('plan', planned);
    }),
};
