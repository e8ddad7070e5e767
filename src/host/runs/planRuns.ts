import { rmSync } from 'node:fs';
import type { PlanRequest, RunStarted } from '../../core/api/areas/run';
import { WorkdirError, writeWorkdir } from '../compiler/writeWorkdir';
import { showPlan } from '../runner/showPlan';
import { moduleHash, needsInit, recordInit, workspaceDir } from '../runner/workspace';
import { planMeta } from './planView';
import { prepareRun, type PreparedRun } from './prepareRun';
import { newActiveRun } from './ptyStep';
import { who, type RunContext } from './runContext';
import type { RunMeta } from './runRecords';

export type PlanKind = 'plan' | 'destroy' | 'drift';

const planArgs = (kind: PlanKind, planFile: string, targets: string[]) => [
  'plan',
  '-input=false',
  `-out=${planFile}`,
  ...(kind === 'destroy' ? ['-destroy'] : []),
  ...(kind === 'drift' ? ['-refresh-only'] : []),
  ...targets.map((target) => `-target=${target}`),
];

/** Init when needed, `plan -out`, `show -json` of the saved plan (stored with the run per node), then the plan sealed. */
async function executePlan(context: RunContext, id: string, kind: PlanKind, prepared: PreparedRun, clearPlan: string): Promise<void> {
  const { options, records, finish } = context;
  const run = newActiveRun();
  context.active.set(id, run);
  try {
    records().update(id, { status: 'running', started: true });
    context.emitStatus(id);
    const binary = context.binaryPath();
    if (!binary) {
      const message = `${options.binary()} was not found. Install Terraform 1.5 or newer or OpenTofu, then choose its path in File → Terraform binary… in the app (or put it on PATH).`;
      records().store.append(id, `${message}\r\n`);
      return finish(id, 'failed', { failure: { code: 'binary_missing', message }, message }, 127);
    }
    const { environment, compiled } = prepared;
    const dir = workspaceDir(options.dataDir, environment.id);
    try {
      writeWorkdir(dir, compiled);
    } catch (error) {
      if (!(error instanceof WorkdirError)) throw error;
      return finish(id, 'failed', { message: error.message });
    }
    const env = await context.environmentFor(id, environment.id, environment.backend.type === 'embedded', prepared.variables);
    if (needsInit(dir, compiled.files)) {
      // -reconfigure: an environment whose backend was switched in the app is initialised on the new
      // one (state is never migrated between backends; the environment settings say so).
      const init = await context.inits.run(() => context.step(id, run, binary, ['init', '-input=false', '-reconfigure'], dir, env));
      if (init.failure) return finish(id, init.failure.code === 'cancelled' ? 'cancelled' : 'failed', context.failedMeta(init, environment.id), init.exit.exitCode);
      recordInit(dir, compiled.files);
    }
    context.planFiles.prepare(clearPlan);
    const planned = await context.step(id, run, binary, planArgs(kind, clearPlan, prepared.targets), dir, env);
    if (planned.failure) return finish(id, planned.failure.code === 'cancelled' ? 'cancelled' : 'failed', context.failedMeta(planned, environment.id), planned.exit.exitCode);
    const shown = await showPlan(binary, clearPlan, { cwd: dir, env });
    if (!shown.summary) return finish(id, 'failed', { message: shown.diagnostics[0]?.message ?? 'The saved plan could not be read. Plan again.', diagnostics: shown.diagnostics }, planned.exit.exitCode);
    const planFile = context.planFiles.seal(id, clearPlan);
    records().store.savePlan(id, shown.json);
    finish(id, 'planned', { ...planMeta(shown.summary, prepared.project), planFile }, planned.exit.exitCode);
  } finally {
    context.active.delete(id);
    rmSync(clearPlan, { force: true }); // the clear plan holds variable values: only the sealed one stays
  }
}

/** Compiles, checks and queues a plan, destroy plan or drift check of one environment. */
export async function queuePlan(context: RunContext, kind: PlanKind, request: PlanRequest): Promise<RunStarted> {
  const { options, records } = context;
  const prepared = await prepareRun(options.projects, options.catalog, request);
  if ('diagnostics' in prepared) return { diagnostics: prepared.diagnostics };
  context.remember(prepared.project);
  const { store } = records();
  const record = store.create({ environmentId: prepared.environment.id, kind, command: [], status: 'queued', moduleHash: moduleHash(prepared.compiled.files) });
  const clearPlan = context.planFiles.clearPath(workspaceDir(options.dataDir, prepared.environment.id), record.id);
  const command = [options.binary(), ...planArgs(kind, clearPlan, prepared.targets)];
  records().db.prepare('UPDATE runs SET command = ? WHERE id = ?').run(JSON.stringify(command), record.id);
  const meta: Partial<RunMeta> = { projectId: prepared.project.id, who: who(), queuedAt: new Date().toISOString(), hostPid: process.pid };
  if (request.target) meta.target = request.target;
  records().update(record.id, { meta });
  context.emitStatus(record.id);
  const fail = (error: unknown) => context.finish(record.id, 'failed', { message: `Driftless could not run the plan: ${(error as Error).message}` });
  context.queue.enqueue(record.id, prepared.environment.id, () => executePlan(context, record.id, kind, prepared, clearPlan).catch(fail));
  return { run: context.view(record.id), diagnostics: prepared.compiled.diagnostics };
}
