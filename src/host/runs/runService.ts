import { existsSync, mkdirSync, rmSync } from 'node:fs';
import { userInfo } from 'node:os';
import { join } from 'node:path';
import type { ArtifactValue, PlanRequest, RunKindView, RunStarted, RunStatusView, RunView } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import type { Diagnostic } from '../../core/diagnostics';
import type { Project } from '../../core/model/diagram';
import type { EventHub } from '../api/eventHub';
import { WorkdirError, writeWorkdir } from '../compiler/writeWorkdir';
import type { ProjectService } from '../projects/projectService';
import { whichBinary } from '../runner/binary';
import { buildRunEnvironment } from '../runner/environment';
import { RunStore } from '../runner/runStore';
import { showPlan } from '../runner/showPlan';
import { InitQueue, moduleHash, needsInit, pluginCacheDir, recordInit, workspaceDir } from '../runner/workspace';
import type { StateService } from '../state/stateService';
import type { HostDatabase } from '../store/hostDatabase';
import { planMeta } from './planView';
import { prepareRun, type PreparedRun } from './prepareRun';
import { newActiveRun, runStep, type ActiveRun, type StepResult } from './ptyStep';
import { artifactValues, readOutputs } from './runOutputs';
import { RunQueue } from './runQueue';
import { startShell } from './shellRun';
import { RunRecords, viewOf, type RunMeta } from './runRecords';

export interface RunServiceOptions {
  database: HostDatabase;
  dataDir: string;
  projects: ProjectService;
  state: StateService;
  events: EventHub;
  catalog: () => Promise<CatalogSnapshot>;
  /** terraform or tofu: a name on PATH or a path. */
  binary: string;
  /** Runs of different environments at once (default 2). */
  parallel?: number;
  /** The user's environment, passed through to terraform. */
  env?: NodeJS.ProcessEnv;
}

type PlanKind = 'plan' | 'destroy' | 'drift';
const planKinds = new Set<string>(['plan', 'destroy', 'drift']);

function who(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

/** Plan → review → apply: queued per environment, run in a pty, kept with their output and per-node summary. */
export function createRunService(options: RunServiceOptions) {
  const queue = new RunQueue(options.parallel ?? 2);
  const inits = new InitQueue();
  const active = new Map<string, ActiveRun>();
  let opened: RunRecords | undefined;

  /** Opens the tables on first use and marks runs a crashed host left behind as interrupted. */
  const records = (): RunRecords => {
    if (opened) return opened;
    const db = options.database.get();
    opened = new RunRecords(db, new RunStore(db));
    opened.recover(() => options.state.history().locks());
    return opened;
  };

  const view = (id: string): RunView => {
    const record = records().store.get(id);
    if (!record) throw new ApiFailure('not_found', `There is no run with id "${id}".`);
    const result = viewOf(record);
    const live = active.get(id);
    if (live && Object.keys(live.live.nodes).length > 0) result.live = nodesById(record, live.live.nodes);
    return result;
  };

  // Node names (module calls) → node ids, from the project the run belongs to.
  const namesToIds = new Map<string, Map<string, string>>();
  const nodesById = <T>(record: { summary?: unknown }, byName: Record<string, T>): Record<string, T> => {
    const projectId = (record.summary as RunMeta | undefined)?.projectId;
    const ids = projectId ? namesToIds.get(projectId) : undefined;
    return Object.fromEntries(Object.entries(byName).map(([name, value]) => [ids?.get(name) ?? name, value]));
  };
  const remember = (project: Project) => namesToIds.set(project.id, new Map(project.diagram.nodes.map((node) => [node.name, node.id])));

  const emitStatus = (id: string) => {
    const run = view(id);
    options.events.emit('run.status', { runId: id, environmentId: run.environmentId, status: run.status, nodes: run.live ?? {} });
  };

  const binaryPath = (): string | undefined => whichBinary(options.binary, { ...process.env, ...options.env });

  const finish = (id: string, status: RunStatusView, meta: Partial<RunMeta>, exitCode?: number) => {
    records().update(id, { status, ended: true, meta, exitCode: exitCode ?? null });
    emitStatus(id);
  };

  /** After a cancel or failure: is the environment's state lock still held? */
  const lockLeft = (environmentId: string): RunMeta['lockLeft'] => {
    const lock = options.state.history().locks().find((candidate) => candidate.environmentId === environmentId);
    return lock && { lockId: lock.lockId, who: lock.who, operation: lock.operation, since: lock.since };
  };

  async function environmentFor(runId: string, environmentId: string, embedded: boolean, variables: Record<string, string>) {
    const backend = embedded ? (await options.state.backend()).envFor(environmentId, runId) : {};
    return buildRunEnvironment({ base: { ...process.env, ...options.env }, variables, pluginCacheDir: pluginCacheDir(options.dataDir), extra: backend });
  }

  function step(id: string, run: ActiveRun, binary: string, args: string[], cwd: string, env: Record<string, string>): Promise<StepResult> {
    return runStep({
      store: records().store, runId: id, active: run, binary, args, cwd, env,
      flowControl: options.events.listenerCount('run.output') > 0,
      onOutput: (data, seq) => options.events.emit('run.output', { runId: id, data, seq }),
      onLive: () => emitStatus(id),
    });
  }

  const failedMeta = (result: StepResult, environmentId: string): Partial<RunMeta> => {
    const meta: Partial<RunMeta> = { failure: result.failure!, message: result.failure!.message };
    const lock = result.failure!.code === 'cancelled' ? lockLeft(environmentId) : undefined;
    if (lock) {
      meta.lockLeft = lock;
      meta.message += ` The state lock ${lock.lockId} is still held: release it (force-unlock) once you are sure no terraform runs.`;
    } else if (result.failure!.code === 'cancelled') meta.message = 'The run was cancelled; terraform stopped and the state lock was released.';
    return meta;
  };

  async function executePlan(id: string, kind: PlanKind, prepared: PreparedRun, planFile: string): Promise<void> {
    const run = newActiveRun();
    active.set(id, run);
    try {
      records().update(id, { status: 'running', started: true });
      emitStatus(id);
      const binary = binaryPath();
      if (!binary) {
        const message = `${options.binary} was not found. Install Terraform 1.5 or newer or OpenTofu, then choose its path in Settings → Terraform (or put it on PATH).`;
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
      const env = await environmentFor(id, environment.id, environment.backend.type === 'embedded', prepared.variables);
      if (needsInit(dir, compiled.files)) {
        const init = await inits.run(() => step(id, run, binary, ['init', '-input=false'], dir, env));
        if (init.failure) return finish(id, init.failure.code === 'cancelled' ? 'cancelled' : 'failed', failedMeta(init, environment.id), init.exit.exitCode);
        recordInit(dir, compiled.files);
      }
      const args = ['plan', '-input=false', `-out=${planFile}`, ...(kind === 'destroy' ? ['-destroy'] : []), ...(kind === 'drift' ? ['-refresh-only'] : []), ...prepared.targets.map((target) => `-target=${target}`)];
      const planned = await step(id, run, binary, args, dir, env);
      if (planned.failure) return finish(id, planned.failure.code === 'cancelled' ? 'cancelled' : 'failed', failedMeta(planned, environment.id), planned.exit.exitCode);
      const shown = await showPlan(binary, planFile, { cwd: dir, env });
      if (!shown.summary) return finish(id, 'failed', { message: shown.diagnostics[0]?.message ?? 'The saved plan could not be read. Plan again.', diagnostics: shown.diagnostics }, planned.exit.exitCode);
      records().store.savePlan(id, shown.json);
      finish(id, 'planned', planMeta(shown.summary, prepared.project), planned.exit.exitCode);
    } finally {
      active.delete(id);
    }
  }

  async function queuePlan(kind: PlanKind, request: PlanRequest): Promise<RunStarted> {
    const prepared = await prepareRun(options.projects, options.catalog, request);
    if ('diagnostics' in prepared) return { diagnostics: prepared.diagnostics };
    remember(prepared.project);
    const { store } = records();
    const record = store.create({ environmentId: prepared.environment.id, kind, command: [], status: 'queued', moduleHash: moduleHash(prepared.compiled.files) });
    const plans = join(options.dataDir, 'plans');
    mkdirSync(plans, { recursive: true, mode: 0o700 });
    const planFile = join(plans, `${record.id}.tfplan`);
    const command = [options.binary, 'plan', '-input=false', `-out=${planFile}`, ...(kind === 'destroy' ? ['-destroy'] : []), ...(kind === 'drift' ? ['-refresh-only'] : []), ...prepared.targets.map((target) => `-target=${target}`)];
    records().db.prepare('UPDATE runs SET command = ? WHERE id = ?').run(JSON.stringify(command), record.id);
    const meta: Partial<RunMeta> = { projectId: prepared.project.id, who: who(), queuedAt: new Date().toISOString(), hostPid: process.pid, planFile };
    if (request.target) meta.target = request.target;
    records().update(record.id, { meta });
    emitStatus(record.id);
    queue.enqueue(record.id, prepared.environment.id, () => executePlan(record.id, kind, prepared, planFile).catch((error: unknown) => finish(record.id, 'failed', { message: `Driftless could not run the plan: ${(error as Error).message}` })));
    return { run: view(record.id), diagnostics: prepared.compiled.diagnostics };
  }

  async function executeApply(id: string, planRun: RunView, planFile: string): Promise<void> {
    const run = newActiveRun();
    active.set(id, run);
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
      emitStatus(id);
      const binary = binaryPath();
      if (!binary) return finish(id, 'failed', { message: `${options.binary} was not found. Install Terraform 1.5 or newer or OpenTofu.` }, 127);
      const dir = workspaceDir(options.dataDir, planRun.environmentId);
      const project = planRun.projectId ? options.projects.repository().load(planRun.projectId) : undefined;
      const environment = project?.environments.find((candidate) => candidate.id === planRun.environmentId);
      if (project) remember(project);
      const env = await environmentFor(id, planRun.environmentId, (environment?.backend.type ?? 'embedded') === 'embedded', {});
      const applied = await step(id, run, binary, ['apply', '-input=false', planFile], dir, env);
      const live = nodesById({ summary: { projectId: planRun.projectId } }, run.live.nodes);
      if (applied.failure?.code === 'stale_plan') {
        records().update(planRun.id, { status: 'stale', meta: { message: 'The state changed since this plan; plan again.' } });
        return finish(id, 'stale', { failure: applied.failure, message: `The state changed since this plan; plan again. (${applied.failure.message})`, live }, applied.exit.exitCode);
      }
      if (applied.failure) {
        return finish(id, applied.failure.code === 'cancelled' ? 'cancelled' : 'failed', { ...failedMeta(applied, planRun.environmentId), live }, applied.exit.exitCode);
      }
      records().update(planRun.id, { status: 'applied', meta: { appliedBy: id } });
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
      active.delete(id);
      rmSync(planFile, { force: true }); // a saved plan holds variable values: keep it no longer than needed
    }
  }

  return {
    plan: (request: PlanRequest) => queuePlan('plan', request),
    destroy: (request: PlanRequest) => queuePlan('destroy', request),
    drift: (request: PlanRequest) => queuePlan('drift', request),

    /** Applies the saved plan of a planned run (never a fresh plan); the result is a new apply run. */
    apply(planRunId: string): RunStarted {
      const planRun = view(planRunId);
      if (!planKinds.has(planRun.kind)) throw new ApiFailure('conflict', `Run ${planRunId} is an ${planRun.kind}, not a plan. Apply a planned run.`);
      if (planRun.status !== 'planned') {
        throw new ApiFailure('conflict', `Run ${planRunId} is ${planRun.status}; only a planned run can be applied, once. Plan again, review it, then apply.`);
      }
      const planFile = records().meta(planRunId).planFile;
      if (!planFile || !existsSync(planFile)) {
        records().update(planRunId, { status: 'stale', meta: { message: 'The saved plan file is gone; plan again.' } });
        throw new ApiFailure('conflict', `The saved plan of run ${planRunId} is gone (deleted, or made on another machine). Plan again, review it, then apply.`);
      }
      const record = records().store.create({ environmentId: planRun.environmentId, kind: 'apply', command: [options.binary, 'apply', '-input=false', planFile], status: 'queued', moduleHash: planRun.moduleHash });
      const meta: Partial<RunMeta> = { who: who(), queuedAt: new Date().toISOString(), hostPid: process.pid, planRunId };
      if (planRun.projectId) meta.projectId = planRun.projectId;
      if (planRun.target) meta.target = planRun.target;
      records().update(record.id, { meta });
      // Applying twice is refused from now on, even while this apply waits in the queue.
      records().update(planRunId, { status: 'applied', meta: { appliedBy: record.id } });
      emitStatus(record.id);
      queue.enqueue(record.id, planRun.environmentId, () => executeApply(record.id, planRun, planFile).catch((error: unknown) => finish(record.id, 'failed', { message: `Driftless could not run the apply: ${(error as Error).message}` })));
      return { run: view(record.id), diagnostics: [] };
    },

    cancel(runId: string, kill = false): { run: RunView; action: 'dequeued' | 'interrupted' | 'killed' | 'none' } {
      view(runId);
      if (queue.remove(runId)) {
        const planRunId = records().meta(runId).planRunId;
        if (planRunId) records().update(planRunId, { status: 'planned' }); // the plan can still be applied
        finish(runId, 'cancelled', { message: 'Cancelled before it started.' });
        return { run: view(runId), action: 'dequeued' };
      }
      const run = active.get(runId);
      if (!run) return { run: view(runId), action: 'none' };
      const first = !run.cancelled;
      run.cancelled = true;
      if (!run.pty) return { run: view(runId), action: 'interrupted' };
      if (kill) {
        run.pty.kill();
        return { run: view(runId), action: 'killed' };
      }
      return { run: view(runId), action: first ? run.pty.cancel() : 'interrupted' };
    },

    /** A shell in the environment's workdir, with the run environment (secrets only when the diagram compiles). */
    async shell(request: { projectId: string; environmentId: string }): Promise<RunStarted> {
      const prepared = await prepareRun(options.projects, options.catalog, request);
      const project = options.projects.repository().load(request.projectId)!;
      const environment = project.environments.find((candidate) => candidate.id === request.environmentId || candidate.name === request.environmentId)!;
      const diagnostics = 'diagnostics' in prepared ? prepared.diagnostics : prepared.compiled.diagnostics;
      const cwd = workspaceDir(options.dataDir, environment.id);
      if (!('diagnostics' in prepared)) writeWorkdir(cwd, prepared.compiled);
      const variables = 'diagnostics' in prepared ? {} : prepared.variables;
      const id = await startShell({
        records: records(), active, environmentId: environment.id, projectId: project.id, who: who(), cwd,
        env: (runId) => environmentFor(runId, environment.id, environment.backend.type === 'embedded', variables),
        flowControl: options.events.listenerCount('run.output') > 0,
        onOutput: (runId, data, seq) => options.events.emit('run.output', { runId, data, seq }),
        onEnd: (runId, exitCode) => finish(runId, exitCode === 0 ? 'succeeded' : 'failed', {}, exitCode),
      });
      emitStatus(id);
      return { run: view(id), diagnostics };
    },
    input(runId: string, data: string): { ok: true } {
      if (view(runId).kind !== 'shell') throw new ApiFailure('conflict', `Run ${runId} is not a shell; terraform runs take no input (cancel them with run.cancel).`);
      const run = active.get(runId);
      if (!run?.pty) throw new ApiFailure('conflict', `The shell ${runId} has ended. Open a new one.`);
      run.pty.write(data);
      return { ok: true };
    },
    get: view,
    list(environmentId: string, filter: { status?: RunStatusView; kind?: RunKindView; limit?: number } = {}): { runs: RunView[] } {
      return { runs: records().list(environmentId, filter).map((record) => view(record.id)) };
    },
    output(runId: string, fromSeq = 0): { chunks: { seq: number; data: string }[]; running: boolean } {
      view(runId);
      return { chunks: [...records().store.chunks(runId, fromSeq)], running: active.has(runId) };
    },
    ack(runId: string, characters: number): { ok: true } {
      const run = active.get(runId);
      if (run) {
        run.lastAckAt = Date.now();
        run.pty?.acknowledge(characters);
      }
      return { ok: true };
    },
    resize(runId: string, cols: number, rows: number): { ok: true } {
      const run = active.get(runId);
      if (run) {
        run.cols = cols;
        run.rows = rows;
        run.pty?.resize(cols, rows);
      }
      return { ok: true };
    },
    outputs(runId: string): { values: ArtifactValue[]; diagnostics: Diagnostic[] } {
      view(runId);
      const meta = records().meta(runId);
      return { values: meta.outputs ?? [], diagnostics: meta.diagnostics ?? [] };
    },
    /** Resolves once no run is queued or running (tests, CLI). */
    idle: () => queue.idle(),
    /** Marks runs a crashed host left running as interrupted (also done on first use). */
    recover: () => void records(),
    /**
     * For host shutdown: drops queued runs, asks running terraform to stop (Ctrl-C: it releases
     * its lock), kills what is still running after `graceMs`, and waits for the runs to end.
     */
    async close(graceMs = 10_000): Promise<void> {
      if (!opened) return;
      const { db } = opened;
      for (const row of db.prepare(`SELECT id FROM runs WHERE status = 'queued'`).all() as { id: string }[]) {
        if (queue.remove(row.id)) finish(row.id, 'cancelled', { message: 'Driftless closed before this run started.' });
      }
      for (const run of active.values()) {
        run.cancelled = true;
        run.pty?.cancel();
      }
      const killer = setTimeout(() => {
        for (const run of active.values()) run.pty?.kill();
      }, graceMs);
      await queue.idle();
      clearTimeout(killer);
      // Shells are not queued: end them too, and let them record their end before the database closes.
      for (const run of active.values()) run.pty?.kill();
      for (let waited = 0; active.size > 0 && waited < 2000; waited += 20) await new Promise((resolve) => setTimeout(resolve, 20));
    },
  };
}

export type RunService = ReturnType<typeof createRunService>;
