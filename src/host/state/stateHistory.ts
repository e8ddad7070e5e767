import type { Database } from 'better-sqlite3';
import type { LockSummary, StateDiff, StateVersionInfo } from '../../core/api/areas/state';
import { ApiFailure } from '../../core/api/errors';
import type { InventoryIndexer } from './inventoryIndexer';
import { diffStates } from './stateDiff';
import { StateBodyError } from './stateSealing';
import type { StateRepository, StateVersion } from './stateRepository';
import { writeState } from './writeState';

export const forceUnlockTtlMs = 5 * 60 * 1000;

/** A version as the API shows it (without the row id and MD5). */
export function versionInfo({ id: _id, md5: _md5, ...info }: StateVersion): StateVersionInfo {
  return info;
}

/** History and locks of the state backend: list, diff, download and restore versions; see, release and arm-unlock locks. */
export function createStateHistory(options: { db: Database; repository: StateRepository; indexer: InventoryIndexer }) {
  const { db, repository, indexer } = options;

  function versionOf(environmentId: string, version: number): StateVersion {
    const found = repository.version(environmentId, version);
    if (!found) throw new ApiFailure('not_found', `Environment "${environmentId}" has no state version ${version}. List them with \`driftless state versions ${environmentId}\`.`);
    return found;
  }

  /** The opened body; a body that cannot be opened (wrong key, altered row) is a clear failure, never garbage. */
  function bodyOf(version: StateVersion): Buffer {
    try {
      return repository.body(version.id)!;
    } catch (error) {
      if (error instanceof StateBodyError) throw new ApiFailure('conflict', error.message);
      throw error;
    }
  }

  function parsed(version: StateVersion): unknown {
    if (version.encrypted) throw new ApiFailure('conflict', `State version ${version.version} of "${version.environmentId}" is encrypted (OpenTofu state encryption): Driftless cannot read it.`);
    return JSON.parse(bodyOf(version).toString('utf8'));
  }

  return {
    environments: () => repository.environments(),
    versions: (environmentId: string): StateVersionInfo[] => repository.list(environmentId).map(versionInfo),

    /** The exact bytes of one version. */
    download(environmentId: string, version: number): { version: StateVersionInfo; body: Buffer } {
      const found = versionOf(environmentId, version);
      return { version: versionInfo(found), body: bodyOf(found) };
    },

    diff(environmentId: string, from: number, to: number): StateDiff {
      return diffStates(parsed(versionOf(environmentId, from)), parsed(versionOf(environmentId, to)));
    },

    /** Writes an old version again as the newest one: same lineage, the next serial. Refused while locked. */
    restore(environmentId: string, version: number): StateVersionInfo {
      const old = versionOf(environmentId, version);
      const state = parsed(old) as Record<string, unknown>;
      const latest = repository.latest(environmentId)!;
      if (latest.encrypted) throw new ApiFailure('conflict', `The latest state of "${environmentId}" is encrypted; restore it with OpenTofu instead.`);
      const body = Buffer.from(`${JSON.stringify({ ...state, serial: latest.serial! + 1, lineage: latest.lineage }, null, 2)}\n`);
      const outcome = writeState(db, repository, { environmentId, body, source: 'restore', restoredFrom: old.version });
      if ('refused' in outcome) {
        const locked = outcome.refused.status === 423;
        throw new ApiFailure('conflict', locked ? `The state of "${environmentId}" is locked by a running terraform; restore it once that run ends.` : outcome.refused.message);
      }
      if (!('stored' in outcome)) throw new Error(`restore of ${environmentId} v${version} stored nothing`);
      indexer.schedule(environmentId);
      return versionInfo(outcome.stored);
    },

    locks(): LockSummary[] {
      return repository.locks().map((lock) => {
        let info: Record<string, unknown> = {};
        try {
          info = JSON.parse(lock.info) as Record<string, unknown>;
        } catch {
          // kept as sent; shown without details
        }
        const text = (value: unknown) => (typeof value === 'string' ? value : '');
        return { environmentId: lock.environmentId, lockId: lock.lockId, operation: text(info.Operation), who: text(info.Who), version: text(info.Version), since: lock.createdAt };
      });
    },

    /** Releases a lock now (the app's force-unlock, after confirmation). False when that lock is no longer held. */
    releaseLock: (environmentId: string, lockId: string): boolean => repository.unlock(environmentId, lockId),

    /** Lets the next `terraform force-unlock` (an UNLOCK with an empty body) release the current lock, for 5 minutes. */
    armForceUnlock(environmentId: string): { lockId: string; expiresAt: string } {
      const lock = repository.lock(environmentId);
      if (!lock) throw new ApiFailure('not_found', `The state of "${environmentId}" is not locked: nothing to force-unlock.`);
      return { lockId: lock.lockId, ...repository.armForceUnlock(environmentId, lock.lockId, forceUnlockTtlMs) };
    },
  };
}

export type StateHistory = ReturnType<typeof createStateHistory>;
