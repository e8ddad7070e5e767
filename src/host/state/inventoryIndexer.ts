import type { Database } from 'better-sqlite3';
import { inventoryOf } from './inventory';
import type { StateRepository } from './stateRepository';

export interface IndexResult {
  environmentId: string;
  versionId: number | null;
  resources: number;
  error?: string;
}

/**
 * Keeps the `resources` table in step with the latest state of each environment. Writes are
 * answered first and indexed just after (coalesced per environment), so a 10 MB POST does not
 * wait for a full JSON parse; `catchUp` re-indexes whatever a crash left behind. After indexing, a
 * passive WAL checkpoint moves the new state into the database file off the POST's critical path
 * (otherwise the next commit past the auto-checkpoint threshold pays for copying and fsyncing it).
 */
export function createInventoryIndexer(db: Database, repository: StateRepository, log: (message: string) => void = () => {}) {
  const insert = db.prepare(`INSERT INTO resources
    (environment_id, version_id, address, module, node, mode, type, name, index_key, deposed, status, provider, resource_id, attributes)
    VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`);
  const clear = db.prepare('DELETE FROM resources WHERE environment_id = ?');
  const setStatus = db.prepare(`INSERT INTO state_inventory_status (environment_id, version_id, indexed_at, error) VALUES (?, ?, ?, ?)
    ON CONFLICT (environment_id) DO UPDATE SET version_id = excluded.version_id, indexed_at = excluded.indexed_at, error = excluded.error`);
  const statusOf = db.prepare('SELECT version_id FROM state_inventory_status WHERE environment_id = ?').pluck();

  const pending = new Set<string>();
  let idle: Promise<void> = Promise.resolve();
  let running = false;

  function indexNow(environmentId: string): IndexResult {
    const latest = repository.latest(environmentId);
    if (!latest) return { environmentId, versionId: null, resources: 0 };
    let entries: ReturnType<typeof inventoryOf> = [];
    let error: string | undefined;
    if (!latest.encrypted) {
      let text: string | undefined;
      try {
        text = repository.latestWithBody(environmentId)!.body.toString('utf8'); // from memory right after a write
      } catch (cause) {
        error = (cause as Error).message; // a body that cannot be opened: says why and what to do
      }
      try {
        if (text !== undefined) entries = inventoryOf(JSON.parse(text));
      } catch (cause) {
        error = `State version ${latest.version} is not valid JSON: ${(cause as Error).message}`;
      }
    }
    db.transaction(() => {
      clear.run(environmentId);
      for (const entry of entries) {
        insert.run(environmentId, latest.id, entry.address, entry.module, entry.node, entry.mode, entry.type, entry.name,
          entry.indexKey, entry.deposed, entry.status, entry.provider, entry.resourceId, JSON.stringify(entry.attributes));
      }
      setStatus.run(environmentId, latest.id, new Date().toISOString(), error ?? null);
    })();
    if (error) log(`inventory of ${environmentId}: ${error}`);
    return { environmentId, versionId: latest.id, resources: entries.length, error };
  }

  function drain(): void {
    for (const environmentId of pending) {
      pending.delete(environmentId);
      try {
        indexNow(environmentId);
      } catch (cause) {
        log(`inventory of ${environmentId} failed: ${(cause as Error).message}`);
      }
    }
    try {
      db.pragma('wal_checkpoint(PASSIVE)');
    } catch (cause) {
      log(`checkpoint after a state write failed: ${(cause as Error).message}`);
    }
  }

  return {
    indexNow,
    /** Indexes `environmentId` soon (after the current response has been sent). */
    schedule(environmentId: string): void {
      pending.add(environmentId);
      if (running) return;
      running = true;
      idle = new Promise((resolve) =>
        setImmediate(() => {
          drain();
          running = false;
          resolve();
        }),
      );
    },
    /** Resolves once everything scheduled has been indexed. */
    whenIdle: () => idle,
    /** Schedules every environment whose inventory is older than its latest state. */
    catchUp(): void {
      for (const environmentId of repository.environments()) {
        if (statusOf.get(environmentId) !== repository.latest(environmentId)?.id) this.schedule(environmentId);
      }
    },
  };
}

export type InventoryIndexer = ReturnType<typeof createInventoryIndexer>;
