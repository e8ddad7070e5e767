import { readFileSync } from 'node:fs';
import { MAX_QUERY_ROWS } from '../../core/api/areas/query';
import { toCsv, type QueryCell } from '../../core/query/csv';
import type { Command } from '../command';
import { withHost } from './import';

function table(columns: string[], rows: QueryCell[][]): string {
  const text = (cell: QueryCell) => (cell === null ? 'NULL' : String(cell).replace(/\r?\n/g, '⏎'));
  const widths = columns.map((column, index) => Math.min(60, Math.max(column.length, ...rows.map((row) => text(row[index]!).length))));
  const line = (cells: string[]) => cells.map((cell, index) => (cell.length > widths[index]! ? `${cell.slice(0, widths[index]! - 1)}…` : cell.padEnd(widths[index]!))).join('  ').trimEnd();
  return [line(columns), line(widths.map((width) => '-'.repeat(width))), ...rows.map((row) => line(row.map(text)))].join('\n');
}

export const queryCommand: Command = {
  name: 'query',
  summary: 'Run one read-only SQL query over the documented views (docs/query.md)',
  usage: 'driftless query "SQL" [--json | --csv] [--limit N] [--timeout SECONDS]   (SQL "-" reads standard input)',
  options: {
    json: { type: 'boolean', description: 'Print {columns, rows, truncated} as JSON' },
    csv: { type: 'boolean', description: 'Print CSV (RFC 4180) with a header row' },
    limit: { type: 'string', description: `Most rows to print (default 1000, at most ${MAX_QUERY_ROWS})`, valueName: 'N' },
    timeout: { type: 'string', description: 'Stop the query after this many seconds (default 10)', valueName: 'SECONDS' },
    examples: { type: 'boolean', description: 'List the example queries shipped with Driftless' },
  },
  details: [
    'Views: projects, environments, nodes, params, overrides, runs, state_versions, resources.',
    'Writes, ATTACH/DETACH, PRAGMAs that set something and more than one statement are refused.',
    "Example: driftless query \"SELECT environment, node, value FROM params WHERE param = 'instance_class'\"",
    'Exit codes: 0 answered, 1 refused or failed.',
  ].join('\n'),
  async run({ values, positionals, stdout, stderr }) {
    if (values.examples) {
      return withHost(values, async (host) => {
        const examples = await host.call('query.examples', {});
        if (!examples.ok) {
          stderr(examples.error.message);
          return 1;
        }
        stdout(values.json ? JSON.stringify(examples.value, null, 2) : examples.value.map((example) => `-- ${example.title}: ${example.description}\n${example.sql};\n`).join('\n'));
        return 0;
      });
    }
    if (positionals.length !== 1) {
      stderr('Give exactly one query, quoted, for example: driftless query "SELECT * FROM resources LIMIT 10" (or "-" to read it from standard input).');
      return 1;
    }
    if (values.json && values.csv) {
      stderr('Choose one output: --json or --csv.');
      return 1;
    }
    const limit = values.limit === undefined ? undefined : Number(values.limit);
    if (limit !== undefined && (!Number.isInteger(limit) || limit < 1 || limit > MAX_QUERY_ROWS)) {
      stderr(`--limit must be a whole number from 1 to ${MAX_QUERY_ROWS}, not "${values.limit as string}".`);
      return 1;
    }
    const seconds = values.timeout === undefined ? undefined : Number(values.timeout);
    if (seconds !== undefined && (!Number.isFinite(seconds) || seconds < 0.1 || seconds > 60)) {
      stderr(`--timeout must be a number of seconds from 0.1 to 60, not "${values.timeout as string}".`);
      return 1;
    }
    const sql = positionals[0] === '-' ? readFileSync(0, 'utf8') : positionals[0]!;
    return withHost(values, async (host) => {
      const result = await host.call('query.run', { sql, ...(limit ? { limit } : {}), ...(seconds ? { timeoutMs: Math.round(seconds * 1000) } : {}) });
      if (!result.ok) {
        stderr(result.error.message);
        return 1;
      }
      const { columns, rows, truncated } = result.value;
      if (values.json) stdout(JSON.stringify({ columns, rows, truncated }, null, 2));
      else if (values.csv) stdout(toCsv(columns, rows).replace(/\r\n$/, ''));
      else stdout(`${table(columns, rows)}\n(${rows.length} row${rows.length === 1 ? '' : 's'}${truncated ? ', more not shown: raise --limit or narrow the query' : ''})`);
      if (truncated && (values.json || values.csv)) stderr(`Only the first ${rows.length} rows: raise --limit or narrow the query.`);
      return 0;
    });
  },
};
