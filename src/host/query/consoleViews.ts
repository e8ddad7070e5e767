import type { Database } from 'better-sqlite3';

/** The documented views of the query console, by the name a user writes (docs/query.md). */
export const CONSOLE_VIEWS = ['projects', 'environments', 'nodes', 'params', 'overrides', 'runs', 'state_versions', 'resources'] as const;

/**
 * The statements that give a console connection its friendly names: a TEMP view per documented
 * view, which shadows the real table of the same name (SQLite looks in `temp` first). The raw
 * tables stay reachable as `main.<table>`.
 */
export function consoleViewStatements(): string[] {
  return CONSOLE_VIEWS.map((name) => `CREATE TEMP VIEW IF NOT EXISTS ${name} AS SELECT * FROM main.query_${name}`);
}

/**
 * Installs the console views on a read-only connection. The temp schema is in memory, so
 * `query_only` is lifted for exactly these statements and set again before anyone else runs one.
 */
export function installConsoleViews(db: Database): void {
  db.pragma('query_only = OFF');
  try {
    for (const statement of consoleViewStatements()) db.exec(statement);
  } finally {
    db.pragma('query_only = ON');
  }
}
