import type { QueryCell } from '../../query/csv';
import { emptyRequest, method, type JsonSchema } from '../schema';

/** The answer of one console query: column names and rows of cells, at most `limit` rows. */
export interface QueryResult {
  columns: string[];
  rows: QueryCell[][];
  /** True when the query had more rows than the limit. */
  truncated: boolean;
  elapsedMs: number;
}

export interface SavedQuery {
  name: string;
  sql: string;
  description: string;
  createdAt: string;
  updatedAt: string;
}

/** A query shipped with Driftless, shown as a starting point. */
export interface ExampleQuery {
  title: string;
  description: string;
  sql: string;
}

/** The most rows one query returns; the default is lower. */
export const MAX_QUERY_ROWS = 10_000;
export const MAX_QUERY_MS = 60_000;

const sql: JsonSchema = { type: 'string', minLength: 1, maxLength: 100_000 };
const name: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };

export const queryMethods = {
  'query.run': method<{ sql: string; limit?: number; timeoutMs?: number }, QueryResult>(
    'Runs one read-only SQL statement over the documented views (docs/query.md) on a read-only connection.',
    {
      type: 'object',
      properties: { sql, limit: { type: 'integer', minimum: 1, maximum: MAX_QUERY_ROWS }, timeoutMs: { type: 'integer', minimum: 100, maximum: MAX_QUERY_MS } },
      required: ['sql'],
      additionalProperties: false,
    },
  ),
  'query.saved.list': method<Record<string, never>, SavedQuery[]>('The saved queries, by name.', emptyRequest),
  'query.saved.save': method<{ name: string; sql: string; description?: string }, SavedQuery>(
    'Saves (or replaces) a named query; a statement the console would refuse is not saved.',
    { type: 'object', properties: { name, sql, description: { type: 'string', maxLength: 2000 } }, required: ['name', 'sql'], additionalProperties: false },
  ),
  'query.saved.delete': method<{ name: string }, { deleted: boolean }>(
    'Deletes a saved query.',
    { type: 'object', properties: { name }, required: ['name'], additionalProperties: false },
  ),
  'query.examples': method<Record<string, never>, ExampleQuery[]>('The example queries shipped with Driftless.', emptyRequest),
};
