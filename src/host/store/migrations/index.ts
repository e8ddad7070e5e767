import type { Database } from 'better-sqlite3';
import { diagramsMigration } from './001-diagrams';
import { stateMigration } from './002-state';
import { runsMigration } from './003-runs';
import { viewsMigration } from './004-views';
import { stateChunksMigration } from './005-state-chunks';
import { sealedStateMigration } from './006-sealed-state';
import { inventorySearchMigration } from './007-inventory-search';

/** One forward-only schema step. `version` is its number; `user_version` records the last applied. */
export interface Migration {
  version: number;
  name: string;
  up(db: Database): void;
}

/**
 * Every migration, in order. Append only: never edit or reorder one that has shipped.
 * (Numbers are reserved per feature so parallel work does not collide: 1 diagrams, 2 state.)
 */
export const migrations: Migration[] = [
  diagramsMigration,
  stateMigration,
  runsMigration,
  viewsMigration,
  stateChunksMigration,
  sealedStateMigration,
  inventorySearchMigration,
];
