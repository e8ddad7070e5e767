import { dirname } from 'node:path';
import type { Database } from 'better-sqlite3';
import { fileKeyProvider, type KeyProvider } from '../secrets/keyProvider';
import { stateChunkSize } from '../store/migrations/005-state-chunks';
import { createLatestBodies } from './latestBodies';
import { bodyFormat, createStateSealer, StateBodyError, type ChunkPlace } from './stateSealing';

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

interface ChunkRow {
  seq: number;
  body: Buffer;
  format: number;
  nonce: Buffer | null;
  tag: Buffer | null;
  keyId: string | null;
  environmentId: string;
  version: number;
  size: number;
}

/**
 * The state tables (migrations 2, 5, 6), as prepared statements. Synchronous: callers compose
 * transactions. Bodies are sealed with `keys` (default: the key file beside the database, as the
 * host uses) and the latest body of each environment is kept in memory, so GET never decrypts.
 */
export function createStateRepository(db: Database, keys: KeyProvider = fileKeyProvider(dirname(db.name))) {
  const sealer = createStateSealer(keys);
  const latestBodies = createLatestBodies();
  const latestStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? ORDER BY version DESC LIMIT 1`);
  const versionStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? AND version = ?`);
  const listStatement = db.prepare(`SELECT ${versionColumns} FROM state_versions WHERE environment_id = ? ORDER BY version DESC`);
  const chunksStatement = db.prepare(`SELECT seq, body, format, nonce, tag, key_id AS keyId, environment_id AS environmentId, version, size
    FROM state_bodies JOIN state_versions ON state_versions.id = state_bodies.version_id WHERE version_id = ? ORDER BY seq`);
  const plainStatement = db.prepare('SELECT DISTINCT version_id FROM state_bodies WHERE format = 0').pluck();
  const sealStatement = db.prepare('UPDATE state_bodies SET body = ?, format = 1, nonce = ?, tag = ?, key_id = ? WHERE version_id = ? AND seq = ?');
  const insertVersion = db.prepare(`INSERT INTO state_versions
    (environment_id, version, serial, lineage, encrypted, sha256, md5, size, created_at, terraform_version, run_id, source, restored_from)
    VALUES (@environmentId, @version, @serial, @lineage, @encrypted, @sha256, @md5, @size, @createdAt, @terraformVersion, @runId, @source, @restoredFrom)`);
  const insertChunk = db.prepare('INSERT INTO state_bodies (version_id, seq, body, format, nonce, tag, key_id) VALUES (?, ?, ?, 1, ?, ?, ?)');
  const environmentsStatement = db.prepare('SELECT DISTINCT environment_id FROM state_versions ORDER BY environment_id').pluck();
  const lockStatement = db.prepare('SELECT environment_id AS environmentId, lock_id AS lockId, info, created_at AS createdAt FROM state_locks WHERE environment_id = ?');
  const locksStatement = db.prepare('SELECT environment_id AS environmentId, lock_id AS lockId, info, created_at AS createdAt FROM state_locks ORDER BY created_at');
  const tryLockStatement = db.prepare('INSERT INTO state_locks (environment_id, lock_id, info, created_at) VALUES (?, ?, ?, ?) ON CONFLICT DO NOTHING');
  const unlockStatement = db.prepare('DELETE FROM state_locks WHERE environment_id = ? AND lock_id = ?');
  const armStatement = db.prepare(`INSERT INTO state_force_unlock (environment_id, lock_id, armed_at, expires_at) VALUES (?, ?, ?, ?)
    ON CONFLICT (environment_id) DO UPDATE SET lock_id = excluded.lock_id, armed_at = excluded.armed_at, expires_at = excluded.expires_at`);
  const armedStatement = db.prepare('SELECT lock_id AS lockId, expires_at AS expiresAt FROM state_force_unlock WHERE environment_id = ?');
  const disarmStatement = db.prepare('DELETE FROM state_force_unlock WHERE environment_id = ?');

  const placeOf = (row: ChunkRow): ChunkPlace => ({ environmentId: row.environmentId, version: row.version, seq: row.seq, size: row.size });
  const scratch = Buffer.allocUnsafe(stateChunkSize); // reused by every seal: ciphertext is copied by SQLite on insert

  /** The whole body of a version, opened chunk by chunk into one buffer; undefined when it has none. Throws StateBodyError. */
  function body(versionId: number): Buffer | undefined {
    let whole: Buffer | undefined;
    let filled = 0;
    let last: ChunkRow | undefined;
    for (const row of chunksStatement.iterate(versionId) as IterableIterator<ChunkRow>) {
      whole ??= Buffer.allocUnsafe(row.size);
      last = row;
      if (row.format === bodyFormat.plain) {
        if (filled + row.body.length > whole.length) break; // more bytes than recorded: reported below
        filled += row.body.copy(whole, filled);
      } else {
        filled += sealer.openInto({ body: row.body, nonce: row.nonce!, tag: row.tag!, keyId: row.keyId! }, placeOf(row), whole, filled);
      }
    }
    if (!whole || !last) return undefined;
    if (filled !== last.size) {
      throw new StateBodyError(`The stored state version ${last.version} of "${last.environmentId}" does not add up to its recorded ${last.size} bytes: rows are missing or were added. Restore an earlier version, or the database from a backup.`);
    }
    return whole;
  }

  const latest = (environmentId: string) => toVersion(latestStatement.get(environmentId) as VersionRow | undefined);

  return {
    latest,
    version: (environmentId: string, version: number) => toVersion(versionStatement.get(environmentId, version) as VersionRow | undefined),
    list: (environmentId: string) => (listStatement.all(environmentId) as VersionRow[]).map((row) => toVersion(row)!),
    body,
    /**
     * The latest version of an environment and its body, from memory when it is the one last
     * written or read here (checked against the stored row, so another process's write is seen).
     */
    latestWithBody(environmentId: string): { version: StateVersion; body: Buffer } | undefined {
      const version = latest(environmentId);
      if (!version) return undefined;
      const cached = latestBodies.get(environmentId, version);
      if (cached) return { version, body: cached };
      const opened = body(version.id)!;
      latestBodies.set(environmentId, version, opened);
      return { version, body: opened };
    },
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
      // 1 MiB rows, each sealed on its own: SQLite writes these faster than one long overflow chain
      for (let offset = 0, seq = 0; offset < input.body.length || seq === 0; offset += stateChunkSize, seq++) {
        const place = { environmentId: row.environmentId, version: row.version, seq, size: row.size };
        const sealed = sealer.seal(input.body.subarray(offset, offset + stateChunkSize), place, scratch);
        insertChunk.run(id, seq, sealed.body, sealed.nonce, sealed.tag, sealed.keyId);
      }
      const stored = { id, ...row, encrypted: input.encrypted };
      latestBodies.set(row.environmentId, stored, input.body); // checked against the row on read: a rolled-back insert is never served
      return stored;
    },

    /**
     * Seals the rows stored in plain before migration 6, one version per transaction, then
     * rebuilds the file (VACUUM) and empties the WAL: plain bytes also sit on free pages (the
     * replaced rows, and the whole bodies migration 5 dropped). Returns how many versions were
     * sealed (0, after one indexed lookup, once done).
     */
    sealPlain(): number {
      const versions = plainStatement.all() as number[];
      if (versions.length === 0) return 0;
      for (const versionId of versions) {
        db.transaction(() => {
          for (const row of chunksStatement.all(versionId) as ChunkRow[]) {
            if (row.format !== bodyFormat.plain) continue;
            const sealed = sealer.seal(row.body, placeOf(row), row.body.length <= scratch.length ? scratch : Buffer.allocUnsafe(row.body.length));
            sealStatement.run(sealed.body, sealed.nonce, sealed.tag, sealed.keyId, versionId, row.seq);
          }
        }).immediate();
      }
      db.exec('VACUUM');
      db.pragma('wal_checkpoint(TRUNCATE)');
      return versions.length;
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

/**
 * The repository a host or backend works with: created, then any rows left in plain from before
 * migration 6 sealed. Without the key they stay readable and are sealed on a later open.
 */
export function openStateRepository(db: Database, keys: KeyProvider | undefined, log: (message: string) => void): StateRepository {
  const repository = createStateRepository(db, keys);
  try {
    const sealed = repository.sealPlain();
    if (sealed > 0) log(`Sealed ${sealed} state version(s) stored in plain by an older Driftless.`);
  } catch (error) {
    log(`State stored in plain by an older Driftless could not be sealed yet: ${(error as Error).message}`);
  }
  return repository;
}
