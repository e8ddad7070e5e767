import type { Database } from 'better-sqlite3';

/**
 * Runs `write` (which commits one transaction) with its commit flushed to disk before it returns.
 * The connection otherwise runs WAL with synchronous=NORMAL: such a commit survives a crash of
 * the process, but not of the machine (power loss, kernel panic). A state version terraform was
 * told is stored must survive both: terraform keeps no copy, so a lost version orphans whatever
 * the apply created. SQLite refuses to change this setting inside a transaction, so call this
 * outside one.
 */
export function durably<T>(db: Database, write: () => T): T {
  if (db.inTransaction) throw new Error('durably() was called inside a transaction: its commit would not be flushed. Call it outside.');
  const previous = db.pragma('synchronous', { simple: true }) as number;
  db.pragma('synchronous = FULL');
  try {
    return write();
  } finally {
    db.pragma(`synchronous = ${previous}`);
  }
}
