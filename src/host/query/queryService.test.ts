import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { seedShop } from '../../../test/support/dayTwoSeed';
import { toCsv } from '../../core/query/csv';
import { createHost, type Host } from '../createHost';
import { latestSchemaVersion } from '../store/openDatabase';
import { EXAMPLE_QUERIES } from './examples';

describe('query console', () => {
  let host: Host;
  let seeded: Awaited<ReturnType<typeof seedShop>>;
  const run = (sql: string, extra: { limit?: number; timeoutMs?: number } = {}) => host.call('query.run', { sql, ...extra });

  beforeAll(async () => {
    host = createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-query-')), shell: 'cli', heartbeatMs: 0, log: () => {} });
    seeded = await seedShop(host);
  });
  afterAll(async () => {
    await host?.close();
  });

  it('answers columns and rows from the views, each row naming its project, environment, node and bundle', async () => {
    const result = await run("SELECT environment, node, bundle, value, overridden FROM params WHERE param = 'instance_class' ORDER BY environment");
    expect(result).toMatchObject({
      ok: true,
      value: {
        columns: ['environment', 'node', 'bundle', 'value', 'overridden'],
        rows: [
          ['dev', 'db', 'aws-rds-postgres@1.0.0', 'db.t3.micro', 0],
          ['prod', 'db', 'aws-rds-postgres@1.0.0', 'db.r6g.large', 1],
        ],
        truncated: false,
      },
    });
    const resources = await run("SELECT project, environment, node, bundle, address, resource_id, json_extract(attributes, '$.password') AS password FROM resources WHERE type = 'aws_db_instance' ORDER BY environment");
    expect(resources.ok && resources.value.rows).toEqual([
      ['shop', 'dev', 'db', 'aws-rds-postgres@1.0.0', 'module.db.aws_db_instance.main', 'db-dev', '(sensitive value)'],
      ['shop', 'prod', 'db', 'aws-rds-postgres@1.0.0', 'module.db.aws_db_instance.main', 'db-prod', '(sensitive value)'],
    ]);
  });

  it('covers every documented view with rows from the seeded database', async () => {
    const counts = await run(`SELECT
      (SELECT count(*) FROM projects), (SELECT count(*) FROM environments), (SELECT count(*) FROM nodes),
      (SELECT count(*) FROM overrides), (SELECT count(*) FROM runs), (SELECT count(*) FROM state_versions), (SELECT count(*) FROM resources)`);
    expect(counts.ok && counts.value.rows).toEqual([[1, 2, 2, 1, 2, 2, 4]]);
    const environments = await run('SELECT environment, resource_count, state_version FROM environments ORDER BY position');
    expect(environments.ok && environments.value.rows).toEqual([['dev', 2, 1], ['prod', 2, 1]]);
  });

  it('runs the shipped examples', async () => {
    const [rds, failed, perNode, instanceClass] = await Promise.all(EXAMPLE_QUERIES.map((example) => run(example.sql)));
    expect(rds!.ok && rds!.value.rows).toEqual([
      ['shop', 'dev', 'db', 'module.db.aws_db_instance.main', 'db.t3.micro'],
      ['shop', 'prod', 'db', 'module.db.aws_db_instance.main', 'db.r6g.large'],
    ]);
    expect(failed!.ok && failed!.value.rows.map((row) => [row[2], row[3], row[5]])).toEqual([['prod', 'apply', seeded.failedRunId]]);
    expect(perNode!.ok && perNode!.value.rows.length).toBe(4);
    expect(instanceClass!.ok && instanceClass!.value.rows).toEqual([['shop', 'dev', 'db', 'aws-rds-postgres@1.0.0', 'db.t3.micro', 0]]);
  });

  it.each([
    ['a write', "UPDATE params SET value_json = '\"pwned\"'", /only reads/],
    ['a write through a CTE', "WITH x AS (SELECT 1) DELETE FROM main.params WHERE key IN (SELECT * FROM x)", /writes/],
    ['a write to a raw table', "INSERT INTO main.settings (key, value_json) VALUES ('k', '1')", /only reads/],
    ['a PRAGMA that writes', 'PRAGMA user_version = 99', /changes a setting/],
    ['a PRAGMA that turns writing back on', 'PRAGMA query_only = OFF', /changes a setting/],
    ['a PRAGMA in function form that writes', 'PRAGMA main.journal_mode(DELETE)', /not allowed/],
    ['ATTACH', "ATTACH DATABASE '/tmp/other.db' AS other", /ATTACH is not allowed/],
    ['DETACH', 'DETACH main', /DETACH is not allowed/],
    ['two statements', 'SELECT 1; SELECT 2', /one statement at a time/],
    ['a transaction', 'BEGIN IMMEDIATE', /not a query/],
    ['reading state bodies', 'SELECT body FROM main.state_bodies', /holds secrets/],
    ['reading secrets', 'SELECT count(*) FROM main.secrets', /holds secrets/],
    ['reading a saved plan', 'SELECT plan_json FROM main.runs', /runs\.plan_json/],
    ['a write hidden after a comment', '/* hi */ -- there\nDELETE FROM main.params', /only reads/],
  ])('refuses %s with a clear message, and nothing changes', async (_what, sql, message) => {
    const result = await run(sql);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request', message: expect.stringMatching(message) } });
    const db = host.database.get();
    expect(db.pragma('user_version', { simple: true })).toBe(latestSchemaVersion());
    expect(db.prepare("SELECT count(*) FROM params WHERE value_json LIKE '%pwned%'").pluck().get()).toBe(0);
    expect(db.prepare('SELECT count(*) FROM settings').pluck().get()).toBe(0);
  });

  it('allows reporting pragmas and raw tables that hold no secrets', async () => {
    const info = await run('PRAGMA table_info(resources)');
    expect(info.ok && info.value.rows.map((row) => row[1])).toContain('attributes');
    const raw = await run('SELECT count(*) FROM main.runs');
    expect(raw.ok && raw.value.rows).toEqual([[2]]);
  });

  it('caps rows and says so', async () => {
    const result = await run('WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT x FROM n', { limit: 5 });
    expect(result).toMatchObject({ ok: true, value: { rows: [[1], [2], [3], [4], [5]], truncated: true } });
  });

  it('stops a query past its time limit, then answers the next one', async () => {
    const started = Date.now();
    const slow = await run('WITH RECURSIVE n(x) AS (SELECT 1 UNION ALL SELECT x + 1 FROM n) SELECT count(*) FROM n', { timeoutMs: 300 });
    expect(slow).toMatchObject({ ok: false, error: { code: 'timeout', message: expect.stringMatching(/longer than 0.3 s/) } });
    expect(Date.now() - started).toBeLessThan(5000);
    expect(await run('SELECT 42 AS answer')).toMatchObject({ ok: true, value: { columns: ['answer'], rows: [[42]] } });
  });

  it('saves, lists and deletes queries, and refuses to save a write', async () => {
    const saved = await host.call('query.saved.save', { name: 'big dbs', sql: "SELECT * FROM resources WHERE type = 'aws_db_instance'", description: 'all of them' });
    expect(saved).toMatchObject({ ok: true, value: { name: 'big dbs', description: 'all of them' } });
    expect(await host.call('query.saved.list', {})).toMatchObject({ ok: true, value: [{ name: 'big dbs' }] });
    expect(await host.call('query.saved.save', { name: 'bad', sql: 'DELETE FROM main.params' })).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await host.call('query.saved.delete', { name: 'big dbs' })).toEqual({ ok: true, value: { deleted: true } });
    expect(await host.call('query.saved.list', {})).toEqual({ ok: true, value: [] });
    expect(await host.call('query.examples', {})).toMatchObject({ ok: true, value: EXAMPLE_QUERIES });
  });
});

describe('toCsv', () => {
  it('quotes fields with commas, quotes and line breaks (RFC 4180), empty for null', () => {
    expect(toCsv(['a', 'b,c'], [['x "y"', null], [1.5, 'line\nbreak']])).toBe('a,"b,c"\r\n"x ""y""",\r\n1.5,"line\nbreak"\r\n');
  });
});
