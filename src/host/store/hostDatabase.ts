import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { openDatabase } from './openDatabase';

/**
 * The host's one connection to `<dataDir>/driftless.db`, opened on first use (so `driftless
 * --help` or `info` never touch it) and shared by every service: projects, state, runs.
 */
export interface HostDatabase {
  readonly path: string;
  /** The open connection; opens (creating and migrating) on the first call. Throws StoreError. */
  get(): Database;
  /** True once `get` has opened it. */
  readonly isOpen: boolean;
  close(): void;
}

export function createHostDatabase(dataDir: string, open: (path: string) => Database = (path) => openDatabase(path)): HostDatabase {
  const path = join(dataDir, 'driftless.db');
  let db: Database | undefined;
  return {
    path,
    get() {
      db ??= open(path);
      return db;
    },
    get isOpen() {
      return db !== undefined;
    },
    close() {
      db?.close();
      db = undefined;
    },
  };
}
