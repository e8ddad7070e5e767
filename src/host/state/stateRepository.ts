import type { Database } from 'better-sqlite3';
import { stateChunkSize } from '../store/migrations/005-state-chunks';

/** One stored state version, without its body. */
export interface StateVersion {
  id: number;
  environmentId: string;
  version: number;
  serial: number | null;
  lineage: string | null;
  encrypted: boolean;
  sha256: string;
  md5: string;
  size: number;
  createdAt: string;
  terraformVersion: string | null;
  runId: string | null;
  source: 'backend' | 'restore';
  restoredFrom: number | null;
}

export interface StateLock {
  environmentId: string;
  lockId: string;
  /** The lock info JSON exactly as terraform sent it. */
  info: string;
  createdAt: string;
}

export interface NewStateVersion {
  environmentId: string;
  serial: number | null;
  lineage: string | null;
  encrypted: boolean;
  sha256: string;
  md5: string;
  body: Buffer;
  terraformVersion?: string;
  runId?: string;
  source?: 'backend' | 'restore';
  restoredFrom?: number;
}

const versionColumns = `id, environment_id AS environmentId, version, serial, lineage, encrypted, sha256, md5, size,
  created_at AS createdAt, terraform_version AS terraformVersion, run_id AS runId, source, restored_from AS restoredFrom`;

type VersionRow = Omit<StateVersion, 'encrypted'> & { encrypted: number };
const toVersion = (row: VersionRow | undefined): StateVersion | undefined =>
  row ? { ...row, encrypted: row.encrypted === 1 } : undefined;

/** The state tables (migration 2), as prepared statements. Synchronous: callers compose transactions. */
export function createStateRepository(db: Database) {
  const latestStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? ORDER BY version DESC LIMIT 1`);
  const versionStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? AND version = ?`);
  const listStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? ORDER BY version DESC`);
  const chunksStatement = db.prepare('SELECT body FROM state_bodies WHERE version_id = ? ORDER BY seq').pluck();
  const insertVersion = db.prepare(`INSERT INTO state_versions
    (environment_id, version, serial, lineage, encrypted, sha256, md5, size, created_at, terraform_version, run_id, source, restored_from)
    VALUES (@environmentId, @version, @serial, @lineage, @encrypted, @sha256, @md5, @size, @createdAt, @terraformVersion, @runId, @source, @restoredFrom)`);
  const insertChunk = db.prepare('INSERT INTO state_bodies (version_id, seq, body) VALUES (?, ?, ?)');
  const environmentsStatement = db.prepare('SELECT DISTINCT environment_id FROM state_versions ORDER BY environment_id').pluck();
  const lockStatement = db.prepare('SELECT environment_id AS environmentId, lock_id AS lockId, info, created_at AS createdAt FROM state_locks WHERE environment_id = ?');
  const locksStatement = db.prepare('SELECT environment_id AS environmentId, lock_id AS lockId, info, created_at AS createdAt FROM state_locks ORDER BY created_at');
  const tryLockStatement = db.prepare('INSERT INTO state_locks (environment_id, lock_id, info, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const unlockStatement = db.prepare('DELETE FROM state_locks WHERE environment_id = ? AND lock_id = ?');
  const armStatement = db.prepare(`INSERT INTO state_force_unlock (environment_id, lock_id, armed_at, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (environment_id) DO UPDATE SET lock_id = excluded.lock_id, armed_at = excluded.armed_at, expires_at = excluded.expires_at`);
  const armedStatement = db.prepare('SELECT lock_id AS lockId, expires_at AS expiresAt FROM state_force_unlock WHERE environment_id = ?');
  const disarmStatement = db.prepare('DELETE FROM state_force_unlock WHERE environment_id = ?');

  return {
    latest: (environmentId: string) => toVersion(latestStatement.get(environmentId) as VersionRow | undefined),
    version: (environmentId: string, version: number) => toVersion(versionStatement.get(environmentId, version) as VersionRow | undefined),
    list: (environmentId: string) => (listStatement.all(environmentId) as VersionRow[]).map((row) => toVersion(row)!),
    /** The whole body of a version; undefined when it has none. */
    body(versionId: number): Buffer | undefined {
      const chunks = chunksStatement.all(versionId) as Buffer[];
      if (chunks.length === 0) return undefined;
      return chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks);
    },
    /** The body of a version in its stored pieces, in order (none when it has no body). */
    bodyChunks: (versionId: number) => chunksStatement.iterate(versionId) as IterableIterator<Buffer>,
    environments: () => environmentsStatement.all() as string[],

    /** Appends a version (next number for its environment) and its body. Call inside a transaction. */
    insert(input: NewStateVersion): StateVersion {
      const previous = latestStatement.get(input.environmentId) as VersionRow | undefined;
      const row = {
        environmentId: input.environmentId,
        version: (previous?.version ?? 0) + 1,
        serial: input.serial,
        lineage: input.lineage,
        encrypted: input.encrypted ? 1 : 0,
        sha256: input.sha256,
        md5: input.md5,
        size: input.body.byteLength,
        createdAt: new Date().toISOString(),
        terraformVersion: input.terraformVersion ?? null,
        runId: input.runId ?? null,
        source: input.source ?? 'backend',
        restoredFrom: input.restoredFrom ?? null,
      };
      const id = Number(insertVersion.run(row).lastInsertRowid);
      // 1 MiB rows (views of the body, no copy): SQLite writes these faster than one long overflow chain
      for (let offset = 0, seq = 0; offset < input.body.length || seq === 0; offset += stateChunkSize, seq++) {
        insertChunk.run(id, seq, input.body.subarray(offset, offset + stateChunkSize));
      }
      return { id, ...row, encrypted: input.encrypted };
    },

    lock: (environmentId: string) => lockStatement.get(environmentId) as StateLock | undefined,
    locks: () => locksStatement.all() as StateLock[],
    /** True when the lock was taken; false when someone holds it. */
    tryLock: (environmentId: string, lockId: string, info: string) =>
      tryLockStatement.run(environmentId, lockId, info, new Date().toISOString()).changes === 1,
    unlock: (environmentId: string, lockId: string) => unlockStatement.run(environmentId, lockId).changes === 1,

    armForceUnlock(environmentId: string, lockId: string | null, ttlMs: number): { expiresAt: string } {
      const now = Date.now();
      const expiresAt = new Date(now + ttlMs).toISOString();
      armStatement.run(environmentId, lockId, new Date(now).toISOString(), expiresAt);
      return { expiresAt };
    },
    /** Whether an unexpired arming covers `lockId`; consumes it either way once looked at. */
    takeForceUnlock(environmentId: string, lockId: string): boolean {
      const armed = armedStatement.get(environmentId) as { lockId: string | null; expiresAt: string } | undefined;
      if (!armed) return false;
      disarmStatement.run(environmentId);
      return Date.parse(armed.expiresAt) > Date.now() && (armed.lockId === null || armed.lockId === lockId);
    },
  };
}

export type StateRepository = ReturnType<typeof createStateRepository>;
