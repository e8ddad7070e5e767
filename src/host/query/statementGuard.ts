import type { Database, Statement } from 'better-sqlite3';

/** Tables the console never reads: encrypted secrets, and state bodies (Terraform keeps secrets in clear there). */
const PROTECTED_TABLES = new Set(['secrets', 'state_bodies']);
/** Columns the console never reads: a saved plan's JSON holds sensitive values in clear. */
const PROTECTED_COLUMNS: Record<string, string[]> = { runs: ['plan_json'] };

const READ_KEYWORDS = new Set(['SELECT', 'WITH', 'VALUES', 'PRAGMA', 'EXPLAIN']);
/** Pragmas that only report; the ones taking an argument name a table or index. */
const READ_PRAGMAS = new Set([
  'table_info', 'table_xinfo', 'table_list', 'index_list', 'index_info', 'index_xinfo', 'foreign_key_list',
  'user_version', 'schema_version', 'page_size', 'page_count', 'freelist_count', 'encoding', 'collation_list',
  'function_list', 'pragma_list', 'compile_options', 'database_list', 'integrity_check', 'quick_check', 'foreign_key_check',
]);

/** A statement the console refuses to run; the message says why and what to do. */
export class QueryRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'QueryRefused';
  }
}

function withoutLeadingComments(sql: string): string {
  let rest = sql;
  for (;;) {
    const trimmed = rest.trimStart();
    if (trimmed.startsWith('--')) rest = trimmed.slice(trimmed.indexOf('\n') < 0 ? trimmed.length : trimmed.indexOf('\n'));
    else if (trimmed.startsWith('/*')) rest = trimmed.slice(trimmed.indexOf('*/') < 0 ? trimmed.length : trimmed.indexOf('*/') + 2);
    else return trimmed;
  }
}

const readOnly = 'The query console only reads: write with the canvas, the API or the CLI commands instead.';

function checkPragma(text: string): void {
  const match = /^PRAGMA\s+(?:(\w+)\s*\.\s*)?(\w+)\s*(=|\()?/i.exec(text);
  const name = match?.[2]?.toLowerCase();
  if (!name) throw new QueryRefused('This PRAGMA could not be read. Write it as "PRAGMA name" or "PRAGMA table_info(table)".');
  if (match?.[3] === '=') throw new QueryRefused(`"PRAGMA ${name} = …" changes a setting. ${readOnly}`);
  const takesArgument = ['table_info', 'table_xinfo', 'index_list', 'index_info', 'index_xinfo', 'foreign_key_list', 'integrity_check', 'quick_check', 'foreign_key_check', 'table_list'];
  if (!READ_PRAGMAS.has(name) || (match?.[3] === '(' && !takesArgument.includes(name))) {
    throw new QueryRefused(`PRAGMA ${name} is not allowed in the query console: it can change the connection or the database. Allowed: ${[...READ_PRAGMAS].join(', ')}.`);
  }
}

/** Root page → table name, for the tables and indexes of protected tables in `main`. */
function protectedPages(db: Database): Map<number, string> {
  const rows = db.prepare("SELECT rootpage, tbl_name FROM main.sqlite_master WHERE type IN ('table', 'index') AND rootpage > 0").all() as { rootpage: number; tbl_name: string }[];
  const pages = new Map<number, string>();
  for (const row of rows) if (PROTECTED_TABLES.has(row.tbl_name) || row.tbl_name in PROTECTED_COLUMNS) pages.set(row.rootpage, row.tbl_name);
  return pages;
}

/** Refuses a statement whose bytecode opens a protected table or reads a protected column. */
function checkReads(db: Database, sql: string): void {
  const pages = protectedPages(db);
  const program = db.prepare(`EXPLAIN ${sql}`).all() as { opcode: string; p1: number; p2: number; p3: number }[];
  const cursors = new Map<number, string>();
  for (const step of program) {
    if ((step.opcode === 'OpenRead' || step.opcode === 'ReopenIdx') && step.p3 === 0 && pages.has(step.p2)) {
      const table = pages.get(step.p2)!;
      if (PROTECTED_TABLES.has(table)) throw new QueryRefused(`The table ${table} is not readable in the query console: it holds secrets. Query the documented views (docs/query.md).`);
      cursors.set(step.p1, table);
    }
  }
  for (const step of program) {
    const table = step.opcode === 'Column' ? cursors.get(step.p1) : undefined;
    if (table === undefined) continue;
    const columns = db.prepare(`SELECT name FROM pragma_table_info(?, 'main') ORDER BY cid`).pluck().all(table) as string[];
    const column = columns[step.p2];
    if (column !== undefined && PROTECTED_COLUMNS[table]!.includes(column)) {
      throw new QueryRefused(`${table}.${column} is not readable in the query console: it can hold secrets in clear. Leave that column out.`);
    }
  }
}

/**
 * Prepares `sql` on a read-only console connection, or throws QueryRefused: anything that writes,
 * ATTACH/DETACH, transaction control, a PRAGMA that sets or is not a known report, more than one
 * statement, and reads of secrets.
 */
export function prepareReadOnly(db: Database, sql: string): Statement {
  const text = withoutLeadingComments(sql);
  if (text.replace(/;\s*$/, '').trim() === '') throw new QueryRefused('The query is empty. Write one SELECT, for example: SELECT * FROM resources LIMIT 10');
  const keyword = /^[A-Za-z]+/.exec(text)?.[0]?.toUpperCase() ?? '';
  if (keyword === 'ATTACH' || keyword === 'DETACH') {
    throw new QueryRefused(`${keyword} is not allowed: the query console reads only Driftless's own database, through its documented views.`);
  }
  if (!READ_KEYWORDS.has(keyword)) {
    throw new QueryRefused(`${keyword || 'This statement'} is not a query. ${readOnly} Start with SELECT, WITH, VALUES, EXPLAIN or a reporting PRAGMA.`);
  }
  if (keyword === 'PRAGMA') checkPragma(text);
  let statement: Statement;
  try {
    statement = db.prepare(sql);
  } catch (error) {
    const message = (error as Error).message;
    if (/more than one statement/i.test(message)) throw new QueryRefused('Run one statement at a time: the query holds more than one (separated by ";").');
    if (/cannot modify|readonly|read-only/i.test(message)) throw new QueryRefused(`This statement writes (${message}). ${readOnly}`);
    throw new QueryRefused(`SQL error: ${message}. The views and their columns are in docs/query.md.`);
  }
  if (!statement.readonly) throw new QueryRefused(`This statement writes. ${readOnly}`);
  if (!statement.reader && keyword !== 'PRAGMA') throw new QueryRefused(`This statement returns no rows. ${readOnly}`);
  if (keyword !== 'EXPLAIN' && keyword !== 'PRAGMA') checkReads(db, sql);
  return statement;
}
