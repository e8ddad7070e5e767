import { closeSync, existsSync, openSync } from 'node:fs';
import Database, { type Database as SqliteDatabase } from 'better-sqlite3';
import { migrations as allMigrations, type Migration } from './migrations/index';

export class StoreError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StoreError';
  }
}

export interface OpenOptions {
  migrations?: Migration[];
  readonly?: boolean;
}

/** Latest schema version this build knows. */
export function latestSchemaVersion(migrations: Migration[] = allMigrations): number {
  return migrations.reduce((max, migration) => Math.max(max, migration.version), 0);
}

/**
 * Opens (or creates, mode 0600) Driftless's database: WAL, foreign keys, synchronous=NORMAL,
 * migrated forward. A damaged file or one from a newer Driftless is refused with a clear message
 * and left untouched.
 */
export function openDatabase(path: string, options: OpenOptions = {}): SqliteDatabase {
  const migrations = [...(options.migrations ?? allMigrations)].sort((a, b) => a.version - b.version);
  const isNew = !existsSync(path);
  if (isNew && !options.readonly) closeSync(openSync(path, 'wx', 0o600));

  let db: SqliteDatabase;
  try {
    db = new Database(path, { readonly: options.readonly ?? false, fileMustExist: true });
  } catch (error) {
    throw new StoreError(`Cannot open the database ${path}: ${(error as Error).message}`);
  }
  let version: number;
  try {
    version = db.pragma('user_version', { simple: true }) as number;
    db.prepare('SELECT count(*) FROM sqlite_master').get();
  } catch (error) {
    db.close();
    throw new StoreError(
      `${path} is not a Driftless database, or it is damaged (${(error as Error).message}). It was left untouched: ` +
        'move it aside to start fresh, or restore it from a backup.',
    );
  }
  const latest = latestSchemaVersion(migrations);
  if (version > latest) {
    db.close();
    throw new StoreError(
      `${path} was written by a newer Driftless (schema ${version}; this version knows up to ${latest}). ` +
        'It was left untouched: update Driftless to open it.',
    );
  }
  if (options.readonly) {
    db.pragma('query_only = ON');
    return db;
  }
  if (isNew) db.pragma('page_size = 16384'); // bigger pages: state blobs of many MB read and write in fewer pages
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  for (const migration of migrations) {
    if (migration.version <= version) continue;
    db.transaction(() => {
      migration.up(db);
      db.pragma(`user_version = ${migration.version}`);
    })();
  }
  return db;
}
