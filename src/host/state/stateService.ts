import type { KeyProvider } from '../secrets/keyProvider';
import type { HostDatabase } from '../store/hostDatabase';
import { startStateBackend, type StateBackend } from './http/stateBackend';
import { createInventoryIndexer } from './inventoryIndexer';
import { createStateHistory, type StateHistory } from './stateHistory';
import { openStateRepository, type StateRepository } from './stateRepository';

/**
 * The host's state feature: history and locks over the shared database, and the http backend,
 * started on first use (the Runner calls `backend()` and passes `envFor(environmentId, runId)` to
 * terraform). Nothing opens before the first call; the first call seals state left in plain by
 * an older Driftless. Bodies are sealed with `keys` (the secret store's key).
 */
export function createStateService(options: { database: HostDatabase; keys?: KeyProvider; log?: (message: string) => void }) {
  let parts: { history: StateHistory; repository: StateRepository; indexer: ReturnType<typeof createInventoryIndexer> } | undefined;
  let backend: Promise<StateBackend> | undefined;

  function open() {
    if (!parts) {
      const db = options.database.get();
      const repository = openStateRepository(db, options.keys, options.log ?? (() => {}));
      const indexer = createInventoryIndexer(db, repository, options.log);
      parts = { repository, indexer, history: createStateHistory({ db, repository, indexer }) };
    }
    return parts;
  }

  return {
    history: () => open().history,
    /** The running backend on 127.0.0.1 (started on the first call, then shared). */
    backend(): Promise<StateBackend> {
      const { repository, indexer } = open();
      backend ??= startStateBackend({ db: options.database.get(), repository, indexer, log: options.log });
      return backend;
    },
    async close(): Promise<void> {
      if (backend) await (await backend).close();
      else await parts?.indexer.whenIdle();
      backend = undefined;
      parts = undefined;
    },
  };
}

export type StateService = ReturnType<typeof createStateService>;
