import type { DriftReport, DriftSchedule, ParamSuggestion } from '../../core/api/areas/drift';
import type { RunStarted, RunView } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { Diagnostic } from '../../core/diagnostics';
import { driftReport } from '../../core/drift/driftReport';
import type { Project } from '../../core/model/diagram';
import type { EventHub } from '../api/eventHub';
import type { ProjectService } from '../projects/projectService';
import type { RunService } from '../runs/runService';
import type { HostDatabase } from '../store/hostDatabase';
import { settledRun } from './settledRun';

export interface DriftServiceOptions {
  database: HostDatabase;
  projects: ProjectService;
  runs: RunService;
  events: EventHub;
  /** Reports a scheduled check that could not run (the host's log). */
  log?: (line: string) => void;
}

const schedulePrefix = 'drift.schedule:';

/** Drift checks (refresh-only + normal plan), Accept and Revert, and scheduled checks while the host runs. */
export function createDriftService(options: DriftServiceOptions) {
  const { projects, runs, events } = options;
  const timers = new Map<string, ReturnType<typeof setInterval>>();
  const checking = new Set<string>();
  let started = false;

  async function load(projectId: string): Promise<Project> {
    return (await projects.get(projectId)).project;
  }

  function requirePlanned(runId: string, kind: RunView['kind']): RunView {
    const run = runs.get(runId);
    if (run.kind !== kind) throw new ApiFailure('conflict', `Run ${runId} is a ${run.kind} run, not the ${kind} run of a drift check. Check for drift again.`);
    return run;
  }

  const lastAppliedHash = (environmentId: string): string | undefined => runs.list(environmentId, { kind: 'apply', status: 'succeeded', limit: 1 }).runs[0]?.moduleHash;

  const runOf = (result: RunStarted, what: string): RunView => {
    if (result.run) return result.run;
    const first = result.diagnostics.find((diagnostic) => diagnostic.severity === 'error') ?? result.diagnostics[0];
    throw new ApiFailure('conflict', `The ${what} could not start: ${first?.message ?? 'the diagram does not compile'}. Fix the diagram, then check again.`);
  };

  async function check(projectId: string, environmentId: string): Promise<DriftReport> {
    const project = await load(projectId);
    if (!project.environments.some((environment) => environment.id === environmentId)) {
      throw new ApiFailure('not_found', `There is no environment "${environmentId}" in project "${project.name}".`);
    }
    // Taken before the plans run: the last apply the diagram is compared with.
    const applied = lastAppliedHash(environmentId);
    const drift = runOf(await runs.drift({ projectId, environmentId }), 'refresh-only plan');
    const plan = runOf(await runs.plan({ projectId, environmentId }), 'plan');
    const [driftRun, planRun] = await Promise.all([settledRun(runs, events, drift.id), settledRun(runs, events, plan.id)]);
    const inputs = applied === undefined ? { project, environmentId, driftRun, planRun } : { project, environmentId, driftRun, planRun, lastAppliedHash: applied };
    const report = driftReport(inputs, new Date().toISOString());
    events.emit('drift.checked', report);
    return report;
  }

  async function accept(driftRunId: string, planRunId: string, applyParamEdits: boolean) {
    const driftRun = requirePlanned(driftRunId, 'drift');
    const planRun = requirePlanned(planRunId, 'plan');
    if (driftRun.environmentId !== planRun.environmentId || !driftRun.projectId) {
      throw new ApiFailure('conflict', `Runs ${driftRunId} and ${planRunId} are not one drift check of one environment. Check for drift again.`);
    }
    const project = await load(driftRun.projectId);
    const applied = lastAppliedHash(driftRun.environmentId);
    const base = { project, environmentId: driftRun.environmentId, driftRun, planRun };
    const report = driftReport(applied === undefined ? base : { ...base, lastAppliedHash: applied }, new Date().toISOString());
    // The check's normal plan goes stale with this apply: terraform refuses it once the state moved.
    const apply = runs.apply(driftRunId);
    let diagnostics: Diagnostic[] = [];
    let paramEditsApplied = false;
    const suggestions: ParamSuggestion[] = report.suggestions;
    if (applyParamEdits && suggestions.length > 0) {
      const outcome = await projects.apply(project.id, { kind: 'batch', edits: suggestions.map((suggestion) => suggestion.edit) });
      paramEditsApplied = outcome.applied;
      diagnostics = outcome.diagnostics;
    }
    return { apply, suggestions, paramEditsApplied, diagnostics };
  }

  // Schedules live in the settings table, one row per environment.
  const db = () => options.database.get();
  const keyOf = (projectId: string, environmentId: string) => `${schedulePrefix}${JSON.stringify([projectId, environmentId])}`;

  function getSchedule(projectId: string, environmentId: string): DriftSchedule {
    const row = db().prepare('SELECT value_json FROM settings WHERE key = ?').get(keyOf(projectId, environmentId)) as { value_json: string } | undefined;
    const interval = row ? (JSON.parse(row.value_json) as { intervalMinutes?: unknown }).intervalMinutes : null;
    return { projectId, environmentId, intervalMinutes: typeof interval === 'number' ? interval : null };
  }

  function arm(schedule: DriftSchedule): void {
    const key = keyOf(schedule.projectId, schedule.environmentId);
    clearInterval(timers.get(key));
    timers.delete(key);
    if (schedule.intervalMinutes === null) return;
    const timer = setInterval(() => {
      if (checking.has(key)) return; // the previous check is still running
      checking.add(key);
      check(schedule.projectId, schedule.environmentId)
        .catch((error: unknown) => options.log?.(`scheduled drift check of ${schedule.environmentId} failed: ${(error as Error).message}`))
        .finally(() => checking.delete(key));
    }, schedule.intervalMinutes * 60_000);
    timer.unref();
    timers.set(key, timer);
  }

  async function setSchedule(schedule: DriftSchedule): Promise<DriftSchedule> {
    const project = await load(schedule.projectId);
    if (!project.environments.some((environment) => environment.id === schedule.environmentId)) {
      throw new ApiFailure('not_found', `There is no environment "${schedule.environmentId}" in project "${project.name}".`);
    }
    const key = keyOf(schedule.projectId, schedule.environmentId);
    if (schedule.intervalMinutes === null) db().prepare('DELETE FROM settings WHERE key = ?').run(key);
    else {
      db()
        .prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json')
        .run(key, JSON.stringify(schedule));
    }
    arm(schedule);
    return getSchedule(schedule.projectId, schedule.environmentId);
  }

  return {
    check,
    accept,
    /** Revert: applies the drift check's normal plan (the run service refuses a stale or applied one). */
    revert: (planRunId: string): RunStarted => runs.apply(requirePlanned(planRunId, 'plan').id),
    getSchedule,
    setSchedule,
    /** Arms the saved schedules (once, when the host starts). */
    start(): void {
      if (started) return;
      started = true;
      const rows = db().prepare('SELECT value_json FROM settings WHERE key LIKE ?').all(`${schedulePrefix}%`) as { value_json: string }[];
      for (const row of rows) {
        const saved = JSON.parse(row.value_json) as Partial<DriftSchedule>;
        if (typeof saved.projectId === 'string' && typeof saved.environmentId === 'string' && typeof saved.intervalMinutes === 'number') {
          arm({ projectId: saved.projectId, environmentId: saved.environmentId, intervalMinutes: saved.intervalMinutes });
        }
      }
    },
    close(): void {
      for (const timer of timers.values()) clearInterval(timer);
      timers.clear();
    },
  };
}

export type DriftService = ReturnType<typeof createDriftService>;
