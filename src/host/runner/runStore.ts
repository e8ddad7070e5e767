import { randomUUID } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { redactPlanJson } from '../../core/terraform/redactPlan';

export type RunKind = 'plan' | 'apply' | 'destroy' | 'drift' | 'output' | 'init' | 'shell' | 'version';
export type RunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'cancelled' | 'interrupted';

export interface RunRecord {
  id: string;
  environmentId: string;
  kind: RunKind;
  status: RunStatus;
  /** argv; never holds a secret (those travel in TF_VAR_* / TF_HTTP_*). */
  command: string[];
  startedAt?: string;
  endedAt?: string;
  exitCode?: number;
  moduleHash?: string;
  summary?: unknown;
}

interface RunRow {
  id: string;
  environment_id: string;
  kind: RunKind;
  status: RunStatus;
  command: string;
  started_at: string | null;
  ended_at: string | null;
  exit_code: number | null;
  module_hash: string | null;
  summary: string | null;
}

function recordOf(row: RunRow): RunRecord {
  const record: RunRecord = { id: row.id, environmentId: row.environment_id, kind: row.kind, status: row.status, command: JSON.parse(row.command) as string[] };
  if (row.started_at !== null) record.startedAt = row.started_at;
  if (row.ended_at !== null) record.endedAt = row.ended_at;
  if (row.exit_code !== null) record.exitCode = row.exit_code;
  if (row.module_hash !== null) record.moduleHash = row.module_hash;
  if (row.summary !== null) record.summary = JSON.parse(row.summary);
  return record;
}

const columns = 'id, environment_id, kind, status, command, started_at, ended_at, exit_code, module_hash, summary';

/** Buffered chunks are written together after this long… */
const APPEND_FLUSH_MS = 50;
/** …or once this many characters wait, whichever comes first. */
const APPEND_FLUSH_CHARACTERS = 1_000_000;

/**
 * Runs and their output chunks in SQLite (migration 3). Chunks replay exactly, in order. Appends are
 * buffered and written in one transaction per ~50 ms (one transaction per chunk cost a 50 MB flood
 * most of its time); every read of output and `finish` write what is buffered first.
 */
export class RunStore {
  private readonly insertChunks;
  private readonly nextSeq = new Map<string, number>();
  private buffered: [string, number, string][] = [];
  private bufferedCharacters = 0;
  private timer: NodeJS.Timeout | undefined;

  constructor(private readonly db: Database) {
    const insertChunk = db.prepare('INSERT INTO run_output (run_id, seq, data) VALUES (?, ?, ?)');
    this.insertChunks = db.transaction((rows: [string, number, string][]) => {
      for (const row of rows) insertChunk.run(...row);
    });
  }

  /** Writes buffered output chunks now (a closed database keeps nothing: runs finish before close). */
  flush(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = undefined;
    if (this.buffered.length === 0 || !this.db.open) return;
    const rows = this.buffered;
    this.buffered = [];
    this.bufferedCharacters = 0;
    this.insertChunks(rows);
  }

  /** Creates a run (status `running` with a start time unless given `queued`). */
  create(input: { environmentId: string; kind: RunKind; command: string[]; moduleHash?: string; status?: RunStatus }): RunRecord {
    const id = randomUUID();
    const status = input.status ?? 'running';
    const startedAt = status === 'running' ? new Date().toISOString() : null;
    this.db
      .prepare('INSERT INTO runs (id, environment_id, kind, status, command, started_at, module_hash) VALUES (?, ?, ?, ?, ?, ?, ?)')
      .run(id, input.environmentId, input.kind, status, JSON.stringify(input.command), startedAt, input.moduleHash ?? null);
    return this.get(id)!;
  }

  get(id: string): RunRecord | undefined {
    const row = this.db.prepare(`SELECT ${columns} FROM runs WHERE id = ?`).get(id) as RunRow | undefined;
    return row && recordOf(row);
  }

  /** Runs of one environment, newest first, optionally of some statuses/kinds only. */
  list(environmentId: string, filter: { status?: RunStatus; kind?: RunKind; limit?: number } = {}): RunRecord[] {
    const rows = this.db
      .prepare(
        `SELECT ${columns} FROM runs WHERE environment_id = ? AND (? IS NULL OR status = ?) AND (? IS NULL OR kind = ?)
         ORDER BY started_at IS NULL, started_at DESC LIMIT ?`,
      )
      .all(environmentId, filter.status ?? null, filter.status ?? null, filter.kind ?? null, filter.kind ?? null, filter.limit ?? 100) as RunRow[];
    return rows.map(recordOf);
  }

  /** Ends a run: status, exit code, end time and an optional summary. */
  finish(id: string, result: { status: RunStatus; exitCode?: number | null; summary?: unknown }): void {
    this.flush();
    this.db
      .prepare('UPDATE runs SET status = ?, exit_code = ?, ended_at = ?, summary = coalesce(?, summary) WHERE id = ?')
      .run(result.status, result.exitCode ?? null, new Date().toISOString(), result.summary === undefined ? null : JSON.stringify(result.summary), id);
    this.nextSeq.delete(id);
  }

  /** Stores the `show -json` text of a run's saved plan, every secret in it redacted first. */
  savePlan(id: string, planJson: string): void {
    this.db.prepare('UPDATE runs SET plan_json = ? WHERE id = ?').run(Buffer.from(redactPlanJson(planJson), 'utf8'), id);
  }

  planOf(id: string): string | undefined {
    const row = this.db.prepare('SELECT plan_json FROM runs WHERE id = ?').get(id) as { plan_json: Buffer | null } | undefined;
    return row?.plan_json ? row.plan_json.toString('utf8') : undefined;
  }

  /** Appends one output chunk (written within ~50 ms, see `flush`); returns its sequence number. */
  append(id: string, data: string): number {
    let seq = this.nextSeq.get(id);
    if (seq === undefined) {
      const row = this.db.prepare('SELECT max(seq) AS last FROM run_output WHERE run_id = ?').get(id) as { last: number | null };
      seq = (row.last ?? -1) + 1;
    }
    this.buffered.push([id, seq, data]);
    this.bufferedCharacters += data.length;
    this.nextSeq.set(id, seq + 1);
    if (this.bufferedCharacters >= APPEND_FLUSH_CHARACTERS) this.flush();
    else if (!this.timer) {
      this.timer = setTimeout(() => this.flush(), APPEND_FLUSH_MS);
      this.timer.unref(); // buffered output never keeps the process alive on its own
    }
    return seq;
  }

  /** Every chunk of a run, in order (for replay into a terminal). */
  *chunks(id: string, fromSeq = 0): Generator<{ seq: number; data: string }> {
    this.flush();
    yield* this.db.prepare('SELECT seq, data FROM run_output WHERE run_id = ? AND seq >= ? ORDER BY seq').iterate(id, fromSeq) as Iterable<{ seq: number; data: string }>;
  }

  /** Total characters (code points) of stored output. */
  outputLength(id: string): number {
    this.flush();
    return (this.db.prepare('SELECT coalesce(sum(length(data)), 0) AS total FROM run_output WHERE run_id = ?').get(id) as { total: number }).total;
  }

  /** Marks runs left `running` by a crashed host as interrupted; returns them (crash recovery). */
  markInterrupted(): RunRecord[] {
    const rows = this.db.prepare(`SELECT ${columns} FROM runs WHERE status = 'running'`).all() as RunRow[];
    this.db.prepare(`UPDATE runs SET status = 'interrupted', ended_at = ? WHERE status = 'running'`).run(new Date().toISOString());
    return rows.map((row) => ({ ...recordOf(row), status: 'interrupted' as const }));
  }
}
