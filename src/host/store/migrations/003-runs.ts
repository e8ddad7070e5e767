import type { Migration } from './index';

/**
 * Terraform runs and their terminal output. Output is kept as the exact chunks the pty produced
 * (seq 0, 1, 2…), so a finished run replays byte for byte. `environment_id` is an opaque TEXT key,
 * like the state tables'. `plan_json` is the `show -json` of the saved plan (it may hold secrets in
 * clear: terraform does not redact it), `summary` the per-node summary shown in the UI.
 */
export const runsMigration: Migration = {
  version: 3,
  name: 'runs',
  up(db) {
    db.exec(`
      CREATE TABLE runs (
        id TEXT PRIMARY KEY,
        environment_id TEXT NOT NULL,
        kind TEXT NOT NULL,               -- plan, apply, destroy, drift, output, init, shell, …
        status TEXT NOT NULL,             -- queued, running, succeeded, failed, cancelled, interrupted
        command TEXT NOT NULL,            -- argv as JSON; never holds a secret
        started_at TEXT,
        ended_at TEXT,
        exit_code INTEGER,
        module_hash TEXT,
        plan_json BLOB,
        summary TEXT                      -- JSON
      );
      CREATE INDEX runs_by_environment ON runs (environment_id, started_at);
      CREATE TABLE run_output (
        run_id TEXT NOT NULL REFERENCES runs (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        data TEXT NOT NULL,
        PRIMARY KEY (run_id, seq)
      ) WITHOUT ROWID;
    `);
  },
};
