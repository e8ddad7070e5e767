import type { ArtifactValue, PlanRequest, RunKindView, RunStarted, RunStatusView, RunView } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { Diagnostic } from '../../core/diagnostics';
import { writeWorkdir } from '../compiler/writeWorkdir';
import { workspaceDir } from '../runner/workspace';
import { queueApply } from './applyRuns';
import { queuePlan } from './planRuns';
import { prepareRun } from './prepareRun';
import { createRunContext, who, type RunServiceOptions } from './runContext';
import { startShell } from './shellRun';

/** Plan → review → apply: queued per environment, run in a pty, kept with their output and per-node summary. */
export function createRunService(options: RunServiceOptions) {
  const context = createRunContext(options);
  const { active, queue, records, view, finish } = context;
  // As soon as the records open: runs a crashed host left behind are marked interrupted, and saved
  // plans no run can use any more (and clear ones a crash left behind) are deleted.
  context.whenOpened((opened) => {
    opened.recover(() => options.state.history().locks());
    const inUse = opened.plansInUse();
    context.planFiles.prune((planRunId) => inUse.has(planRunId));
  });

  return {
    plan: (request: PlanRequest) => queuePlan(context, 'plan', request),
    destroy: (request: PlanRequest) => queuePlan(context, 'destroy', request),
    drift: (request: PlanRequest) => queuePlan(context, 'drift', request),
    /** Applies the saved plan of a planned run (never a fresh plan); the result is a new apply run. */
    apply: (planRunId: string): RunStarted => queueApply(context, planRunId),

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
        env: (runId) => context.environmentFor(runId, environment.id, environment.backend.type === 'embedded', variables),
        flowControl: options.events.listenerCount('run.output') > 0,
        onOutput: (runId, data, seq) => options.events.emit('run.output', { runId, data, seq }),
        onEnd: (runId, exitCode) => finish(runId, exitCode === 0 ? 'succeeded' : 'failed', {}, exitCode),
      });
      context.emitStatus(id);
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
        run.consumerGone = false;
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
    /**
     * At launch (createHost): marks runs a crashed host left running as interrupted and prunes unused
     * saved plans. A database that cannot be opened is logged here and reported by the first call.
     */
    recover(log: (message: string) => void = () => undefined): void {
      try {
        records();
      } catch (error) {
        log(`Driftless could not check for interrupted runs: ${(error as Error).message}`);
      }
    },
    /**
     * For host shutdown: drops queued runs, asks running terraform to stop (Ctrl-C: it releases
     * its lock), kills what is still running after `graceMs`, and waits for the runs to end.
     */
    async close(graceMs = 10_000): Promise<void> {
      if (!context.isOpen()) return;
      const { db } = records();
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
