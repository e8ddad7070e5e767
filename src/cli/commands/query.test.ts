import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { seedShop } from '../../../test/support/dayTwoSeed';
import { createHost } from '../../host/createHost';
import { main } from '../main';

async function cli(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('driftless query', () => {
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-query-cli-'));
  beforeAll(async () => {
    const host = createHost({ version: 'test', dataDir, shell: 'cli', heartbeatMs: 0, log: () => {} });
    await seedShop(host);
    await host.close();
  });
  const sql = "SELECT environment, value FROM params WHERE param = 'instance_class' ORDER BY environment";

  it('prints a table, JSON or CSV', async () => {
    const plain = await cli('query', sql, '--data-dir', dataDir);
    expect(plain).toMatchObject({ code: 0, stderr: '' });
    expect(plain.stdout).toMatch(/environment\s+value\n-+\s+-+\ndev\s+db\.t3\.micro\nprod\s+db\.r6g\.large\n\(2 rows\)/);
    const json = await cli('query', sql, '--json', '--data-dir', dataDir);
    expect(JSON.parse(json.stdout)).toEqual({ columns: ['environment', 'value'], rows: [['dev', 'db.t3.micro'], ['prod', 'db.r6g.large']], truncated: false });
    const csv = await cli('query', "SELECT 'a,b' AS x, environment FROM environments ORDER BY position", '--csv', '--data-dir', dataDir);
    expect(csv.stdout).toBe('x,environment\r\n"a,b",dev\r\n"a,b",prod');
  });

  it('refuses a write with exit code 1 and one message, no stack trace', async () => {
    const refused = await cli('query', 'DELETE FROM main.nodes', '--data-dir', dataDir);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toMatch(/only reads/);
    expect(refused.stderr).not.toMatch(/\n\s+at /);
    expect((await cli('query', sql, '--json', '--data-dir', dataDir)).stdout).toContain('db.r6g.large');
  });

  it('checks its arguments', async () => {
    expect(await cli('query', '--data-dir', dataDir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/exactly one query/) });
    expect(await cli('query', sql, '--limit', 'x', '--data-dir', dataDir)).toMatchObject({ code: 1, stderr: expect.stringMatching(/--limit must be/) });
    expect(await cli('query', '--help')).toMatchObject({ code: 0, stdout: expect.stringMatching(/driftless query/) });
  });
});
