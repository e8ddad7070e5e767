import { existsSync, rmSync } from 'node:fs';
import type { RunStarted, RunView } from '../../core/api/areas/run';
import { endLiveNodes } from '../../core/terraform/applyStatus';
import { ApiFailure } from '../../core/api/errors';
import { workspaceDir } from '../runner/workspace';
import { PlanFileError } from './planFiles';
import { newActiveRun } from './ptyStep';
import { who, type RunContext } from './runContext';
import { artifactValues, readOutputs } from './runOutputs';
import type { RunMeta } from './runRecords';

const planKinds = new Set<string>(['plan', 'destroy', 'drift']);

/** `apply` of the saved plan with live per-node status, then the outputs checked against their artifact types. */
async function executeApply(context: RunContext, id: string, planRun: RunView): Promise<void> {
  const { options, records, finish } = context;
  const run = newActiveRun();
  context.active.set(id, run);
  const dir = workspaceDir(options.dataDir, planRun.environmentId);
  const clearPlan = context.planFiles.clearPath(dir, planRun.id);
  try {
    records().update(id, { status: 'running', started: true });
    // Every planned change starts out waiting; replaces take two hooks.
    for (const node of Object.values(planRun.nodes ?? {})) {
      for (const resource of node.resources) {
        if (resource.kind === 'no-op') continue;
        const action = resource.kind === 'replace' ? 'replace' : resource.kind;
        run.live.resources[resource.address] = { address: resource.address, node: node.name, status: 'waiting', planned: action, remaining: action === 'replace' ? 2 : 1 };
        run.live.nodes[node.name] = 'waiting';
      }
    }
    context.emitStatus(id);
    const binary = context.binaryPath();
    if (!binary) return finish(id, 'failed', { message: `${options.binary()} was not found. Install Terraform 1.5 or newer or OpenTofu, then choose its path in File → Terraform binary… in the app (or put it on PATH).` }, 127);
    const project = planRun.projectId ? options.projects.repository().load(planRun.projectId) : undefined;
    const environment = project?.environments.find((candidate) => candidate.id === planRun.environmentId);
    if (project) context.remember(project);
    const env = await context.environmentFor(id, planRun.environmentId, (environment?.backend.type ?? 'embedded') === 'embedded', {});
    try {
      context.planFiles.unseal(planRun.id, context.planFiles.sealedPath(planRun.id), clearPlan);
    } catch (error) {
      if (!(error instanceof PlanFileError)) throw error;
      records().update(planRun.id, { status: 'stale', meta: { message: error.message } });
      return finish(id, 'failed', { message: error.message });
    }
    const applied = await context.step(id, run, binary, ['apply', '-input=false', clearPlan], dir, env);
    const live = context.nodesById({ summary: { projectId: planRun.projectId } }, endLiveNodes(run.live.nodes, !applied.failure));
    if (applied.failure?.code === 'stale_plan') {
      records().update(planRun.id, { status: 'stale', meta: { message: 'The state changed since this plan; plan again.' } });
      return finish(id, 'stale', { failure: applied.failure, message: `The state changed since this plan; plan again. (${applied.failure.message})`, live }, applied.exit.exitCode);
    }
    if (applied.failure) {
      return finish(id, applied.failure.code === 'cancelled' ? 'cancelled' : 'failed', { ...context.failedMeta(applied, planRun.environmentId), live }, applied.exit.exitCode);
    }
    records().update(planRun.id, { status: 'applied', meta: { appliedBy: id } });
    staleOthers(context, planRun.environmentId, id);
    const meta: Partial<RunMeta> = { live };
    if (project && planRun.kind !== 'destroy') {
      const outputs = await readOutputs(binary, dir, env);
      if (outputs !== undefined) {
        const { values, diagnostics } = artifactValues(outputs, project, options.projects.catalog() ?? (await options.catalog()));
        meta.outputs = values;
        meta.diagnostics = diagnostics;
      }
    }
    finish(id, 'succeeded', meta, applied.exit.exitCode);
  } finally {
    context.active.delete(id);
    // A saved plan holds variable values: the clear copy lives only for the apply, the sealed one until it is used.
    rmSync(clearPlan, { force: true });
    context.planFiles.remove(planRun.id);
  }
}

/** After an apply changed the state, the environment's other saved plans can only be stale: say so and delete them. */
function staleOthers(context: RunContext, environmentId: string, applyRunId: string): void {
  for (const other of context.records().list(environmentId, { status: 'planned', limit: 10_000 })) {
    context.records().update(other.id, { status: 'stale', meta: { message: `Apply ${applyRunId} changed the state since this plan; plan again.` } });
    context.planFiles.remove(other.id);
    context.emitStatus(other.id);
  }
}

/** Queues the apply of a planned run's saved plan (never a fresh plan); the result is a new apply run. */
export function queueApply(context: RunContext, planRunId: string): RunStarted {
  const { options, records } = context;
  const planRun = context.view(planRunId);
  if (!planKinds.has(planRun.kind)) throw new ApiFailure('conflict', `Run ${planRunId} is an ${planRun.kind}, not a plan. Apply a planned run.`);
  if (planRun.status !== 'planned') {
    throw new ApiFailure('conflict', `Run ${planRunId} is ${planRun.status}; only a planned run can be applied, once. Plan again, review it, then apply.`);
  }
  const planFile = context.planFiles.sealedPath(planRunId);
  if (!existsSync(planFile)) {
    records().update(planRunId, { status: 'stale', meta: { message: 'The saved plan file is gone; plan again.' } });
    throw new ApiFailure('conflict', `The saved plan of run ${planRunId} is gone (deleted, or made on another machine). Plan again, review it, then apply.`);
  }
  const record = records().store.create({ environmentId: planRun.environmentId, kind: 'apply', command: [options.binary(), 'apply', '-input=false', context.planFiles.clearPath(workspaceDir(options.dataDir, planRun.environmentId), planRunId)], status: 'queued', moduleHash: planRun.moduleHash });
  const meta: Partial<RunMeta> = { who: who(), queuedAt: new Date().toISOString(), hostPid: process.pid, planRunId };
  if (planRun.projectId) meta.projectId = planRun.projectId;
  if (planRun.target) meta.target = planRun.target;
  if (planRun.totals) meta.totals = planRun.totals; // what it applies: the history shows it beside the plan's
  records().update(record.id, { meta });
  // Applying twice is refused from now on, even while this apply waits in the queue.
  records().update(planRunId, { status: 'applied', meta: { appliedBy: record.id } });
  context.emitStatus(record.id);
  const fail = (error: unknown) => context.finish(record.id, 'failed', { message: `Driftless could not run the apply: ${(error as Error).message}` });
  context.queue.enqueue(record.id, planRun.environmentId, () => executeApply(context, record.id, planRun).catch(fail));
  return { run: context.view(record.id), diagnostics: [] };
}
