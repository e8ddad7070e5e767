import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import type { Database } from 'better-sqlite3';
import type { ExampleQuery, QueryResult, SavedQuery } from '../../core/api/areas/query';
import { ApiFailure } from '../../core/api/errors';
import type { HostDatabase } from '../store/hostDatabase';
import { openDatabase, StoreError } from '../store/openDatabase';
import { consoleViewStatements, installConsoleViews } from './consoleViews';
import { EXAMPLE_QUERIES } from './examples';
import { prepareReadOnly, QueryRefused } from './statementGuard';

export const DEFAULT_QUERY_ROWS = 1000;
export const DEFAULT_QUERY_MS = 10_000;

interface WorkerReply {
  id: number;
  ok: boolean;
  message?: string;
  columns?: string[];
  rows?: QueryResult['rows'];
  truncated?: boolean;
}

const workerPath = fileURLToPath(new URL('./queryWorker.mjs', import.meta.url));

/**
 * The query console: read-only SQL over the documented views. Statements are checked on a
 * read-only connection of our own (never the host's writing one), then run in a child process
 * with its own read-only connection, killed when it passes the time limit.
 */
export function createQueryService(options: { database: HostDatabase }) {
  let reader: Database | undefined;
  let worker: { child: ChildProcess; ready: Promise<void> } | undefined;
  let nextId = 0;
  const waiting = new Map<number, (reply: WorkerReply) => void>();

  function consoleConnection(): Database {
    if (!reader) {
      try {
        options.database.get(); // creates and migrates the file; the console itself never writes
        reader = openDatabase(options.database.path, { readonly: true });
        installConsoleViews(reader);
      } catch (error) {
        if (error instanceof StoreError) throw new ApiFailure('unavailable', error.message);
        throw error;
      }
    }
    return reader;
  }

  function send(child: ChildProcess, message: Record<string, unknown>): Promise<WorkerReply> {
    const id = ++nextId;
    return new Promise((resolve) => {
      waiting.set(id, resolve);
      child.send({ ...message, id });
    });
  }

  function stopWorker(): void {
    if (!worker) return;
    worker.child.kill('SIGKILL');
    worker = undefined;
    for (const [id, resolve] of waiting) resolve({ id, ok: false, message: 'The query process ended.' });
    waiting.clear();
  }

  function startWorker() {
    if (worker) return worker;
    const child = fork(workerPath, [], { stdio: ['ignore', 'ignore', 'ignore', 'ipc'], serialization: 'advanced' });
    // An idle console never keeps the host process alive; a query waiting on it holds its timer.
    child.unref();
    child.channel?.unref();
    child.on('message', (reply: WorkerReply) => {
      waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id);
    });
    child.on('exit', () => {
      if (worker?.child === child) stopWorker();
    });
    child.on('error', () => {
      if (worker?.child === child) stopWorker();
    });
    const ready = send(child, { type: 'open', path: options.database.path, setup: consoleViewStatements() }).then((reply) => {
      if (!reply.ok) {
        if (worker?.child === child) stopWorker(); // the next query starts afresh
        throw new ApiFailure('unavailable', `The query console cannot open the database: ${reply.message}`);
      }
    });
    worker = { child, ready };
    return worker;
  }

  function check(sql: string): void {
    try {
      prepareReadOnly(consoleConnection(), sql);
    } catch (error) {
      if (error instanceof QueryRefused) throw new ApiFailure('invalid_request', error.message);
      throw error;
    }
  }

  const savedRow = (row: { name: string; sql: string; description: string; created_at: string; updated_at: string }): SavedQuery => ({
    name: row.name,
    sql: row.sql,
    description: row.description,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  });

  return {
    /** Runs one read-only statement; refused statements and timeouts are ApiFailures with a clear message. */
    async run(sql: string, limits: { limit?: number; timeoutMs?: number } = {}): Promise<QueryResult> {
      check(sql);
      const limit = limits.limit ?? DEFAULT_QUERY_ROWS;
      const timeoutMs = limits.timeoutMs ?? DEFAULT_QUERY_MS;
      const started = performance.now();
      const current = startWorker();
      let timer: NodeJS.Timeout | undefined;
      const timeout = new Promise<never>((_, reject) => {
        timer = setTimeout(() => {
          if (worker === current) stopWorker();
          reject(new ApiFailure('timeout', `The query ran longer than ${timeoutMs / 1000} s and was stopped. Narrow it (WHERE, LIMIT) or raise the time limit.`));
        }, timeoutMs);
      });
      try {
        const reply = await Promise.race([current.ready.then(() => send(current.child, { type: 'run', sql, limit })), timeout]);
        if (!reply.ok) throw new ApiFailure('invalid_request', `SQL error: ${reply.message}`);
        return { columns: reply.columns!, rows: reply.rows!, truncated: reply.truncated!, elapsedMs: Math.round((performance.now() - started) * 10) / 10 };
      } finally {
        clearTimeout(timer);
      }
    },
    saved: {
      list(): SavedQuery[] {
        return (options.database.get().prepare('SELECT * FROM saved_queries ORDER BY name').all() as Parameters<typeof savedRow>[0][]).map(savedRow);
      },
      save(name: string, sql: string, description = ''): SavedQuery {
        check(sql);
        const now = new Date().toISOString();
        const row = options.database
          .get()
          .prepare(
            `INSERT INTO saved_queries (name, sql, description, created_at, updated_at) VALUES (?, ?, ?, ?, ?)
             ON CONFLICT (name) DO UPDATE SET sql = excluded.sql, description = excluded.description, updated_at = excluded.updated_at
             RETURNING *`,
          )
          .get(name, sql, description, now, now) as Parameters<typeof savedRow>[0];
        return savedRow(row);
      },
      delete(name: string): { deleted: boolean } {
        return { deleted: options.database.get().prepare('DELETE FROM saved_queries WHERE name = ?').run(name).changes > 0 };
      },
    },
    examples: (): ExampleQuery[] => EXAMPLE_QUERIES,
    close(): void {
      stopWorker();
      reader?.close();
      reader = undefined;
    },
  };
}

export type QueryService = ReturnType<typeof createQueryService>;
