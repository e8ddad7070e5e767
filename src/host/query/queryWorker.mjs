// The query console's executor: a child process with its own read-only connection, so that a query
// running past its time limit is ended by killing the process (SQLite's interrupt is not exposed).
// Plain JavaScript so that it starts with `node` alone. The parent has already refused every
// statement that writes; this process opens the file read-only and query_only as a second fence.
import Database from 'better-sqlite3';

let db;

function cell(value) {
  if (Buffer.isBuffer(value)) return `\\x${value.subarray(0, 1024).toString('hex')}${value.length > 1024 ? '…' : ''}`;
  if (typeof value === 'bigint') return value.toString();
  return value;
}

function open(message) {
  db = new Database(message.path, { readonly: true, fileMustExist: true });
  db.pragma('busy_timeout = 5000');
  for (const statement of message.setup) db.exec(statement);
  db.pragma('query_only = ON');
}

function run(message) {
  const statement = db.prepare(message.sql);
  if (!statement.readonly) throw new Error('This statement writes; the query console only reads.');
  if (!statement.reader) {
    statement.run();
    return { columns: [], rows: [], truncated: false };
  }
  const columns = statement.columns().map((column) => column.name);
  const rows = [];
  let truncated = false;
  for (const row of statement.raw(true).iterate()) {
    if (rows.length === message.limit) {
      truncated = true;
      break;
    }
    rows.push(row.map(cell));
  }
  return { columns, rows, truncated };
}

process.on('message', (message) => {
  try {
    if (message.type === 'open') {
      open(message);
      process.send({ id: message.id, ok: true });
    } else if (message.type === 'run') {
      process.send({ id: message.id, ok: true, ...run(message) });
    }
  } catch (error) {
    process.send({ id: message.id, ok: false, message: error.message });
  }
});
process.on('disconnect', () => process.exit(0));
