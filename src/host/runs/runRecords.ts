import type { Database } from 'better-sqlite3';
import type { ArtifactValue, RunStatusView, RunView } from '../../core/api/areas/run';
import type { LockSummary } from '../../core/api/areas/state';
import type { RunRecord, RunStore } from '../runner/runStore';

/** What the run service keeps in a run's `summary` column besides the terraform facts. */
export type RunMeta = Omit<RunView, 'id' | 'environmentId' | 'kind' | 'status' | 'command' | 'startedAt' | 'endedAt' | 'exitCode' | 'moduleHash' | 'durationMs'> & {
  /** The host process that ran it (crash recovery leaves other live hosts' runs alone). */
  hostPid?: number;
  /** Absolute path of the sealed saved plan (plans only; see PlanFiles). */
  planFile?: string;
  /** Artifact values after an apply; sensitive ones carry no value. */
  outputs?: ArtifactValue[];
};

/**
 * The run service's statuses and metadata over the Runner's `runs` table (migration 3): the
 * status column is free text, so `planned`, `applied` and `stale` live beside the store's own.
 */
export class RunRecords {
  constructor(
    readonly db: Database,
    readonly store: RunStore,
  ) {}

  meta(id: string): RunMeta {
    return (this.store.get(id)?.summary ?? {}) as RunMeta;
  }

  /** Merges `meta` into the run's summary and optionally sets its status/times/exit code. */
  update(id: string, change: { status?: RunStatusView; meta?: Partial<RunMeta>; started?: boolean; ended?: boolean; exitCode?: number | null; moduleHash?: string }): void {
    const summary = change.meta ? JSON.stringify({ ...this.meta(id), ...change.meta }) : null;
    const now = new Date().toISOString();
    this.db
      .prepare(
        `UPDATE runs SET status = coalesce(?, status), summary = coalesce(?, summary),
           started_at = CASE WHEN ? THEN ? ELSE started_at END, ended_at = CASE WHEN ? THEN ? ELSE ended_at END,
           exit_code = CASE WHEN ? THEN ? ELSE exit_code END, module_hash = coalesce(?, module_hash) WHERE id = ?`,
      )
      .run(change.status ?? null, summary, change.started ? 1 : 0, now, change.ended ? 1 : 0, now, change.exitCode !== undefined ? 1 : 0, change.exitCode ?? null, change.moduleHash ?? null, id);
  }

  /** Runs of any status, newest first (queued ones, which have no start time, first). */
  list(environmentId: string, filter: { status?: RunStatusView; kind?: string; limit?: number }): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT id FROM runs WHERE environment_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR kind = ?)
         ORDER BY started_at IS NOT NULL, started_at DESC, rowid DESC LIMIT ?`,
      )
      .all(environmentId, filter.status ?? null, filter.status ?? null, filter.kind ?? null, filter.kind ?? null, filter.limit ?? 100) as { id: string }[];
    return rows.map((row) => this.store.get(row.id)!);
  }

  /** Marks the runs a gone host left `running` or `queued` as interrupted, noting a state lock they left. */
  recover(locksNow: () => LockSummary[]): void {
    const orphans = this.orphans();
    const locks = orphans.length > 0 ? locksNow() : [];
    for (const orphan of orphans) {
      const lock = locks.find((candidate) => candidate.environmentId === orphan.environmentId);
      const meta: Partial<RunMeta> = { message: 'Driftless stopped while this run was going; it was interrupted.' };
      if (lock) {
        meta.lockLeft = { lockId: lock.lockId, who: lock.who, operation: lock.operation, since: lock.since };
        meta.message += ` It left the state lock ${lock.lockId}: release it (force-unlock) before the next run.`;
      }
      this.update(orphan.id, { status: 'interrupted', ended: true, meta });
    }
  }

  /** Plan run ids whose saved plan may still be used: planned, being planned, or being applied. */
  plansInUse(): Set<string> {
    const rows = this.db.prepare(`SELECT id, kind, summary FROM runs WHERE status IN ('planned', 'running', 'queued')`).all() as { id: string; kind: string; summary: string | null }[];
    const ids = new Set<string>();
    for (const row of rows) {
      if (row.kind !== 'apply') ids.add(row.id);
      else {
        const planRunId = row.summary ? (JSON.parse(row.summary) as RunMeta).planRunId : undefined;
        if (planRunId) ids.add(planRunId);
      }
    }
    return ids;
  }

  /** Runs left `running` or `queued` by a host that is gone. */
  orphans(): RunRecord[] {
    const rows = this.db.prepare(`SELECT id FROM runs WHERE status IN ('running', 'queued')`).all() as { id: string }[];
    return rows
      .map((row) => this.store.get(row.id)!)
      .filter((record) => {
        const pid = (record.summary as RunMeta | undefined)?.hostPid;
        if (pid === undefined || pid === process.pid) return pid === undefined;
        try {
          process.kill(pid, 0);
          return false; // that host still runs it
        } catch {
          return true;
        }
      });
  }
}

/** The view of a stored run. */
export function viewOf(record: RunRecord): RunView {
  const { hostPid: _pid, planFile: _file, outputs: _outputs, ...meta } = (record.summary ?? {}) as RunMeta;
  const view: RunView = { ...meta, id: record.id, environmentId: record.environmentId, kind: record.kind as RunView['kind'], status: record.status as RunStatusView, command: record.command };
  if (record.startedAt) view.startedAt = record.startedAt;
  if (record.endedAt) view.endedAt = record.endedAt;
  if (record.startedAt && record.endedAt) view.durationMs = Date.parse(record.endedAt) - Date.parse(record.startedAt);
  if (record.exitCode !== undefined) view.exitCode = record.exitCode;
  if (record.moduleHash) view.moduleHash = record.moduleHash;
  return view;
}
