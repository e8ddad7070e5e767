import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { backendRequest } from '../../../test/support/stateClient';
import { createHost } from '../../host/createHost';
import { main } from '../main';

const stateWith = (serial: number, id: string) =>
  JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'cli', outputs: {}, resources: [{ mode: 'managed', type: 'terraform_data', name: `r_${id}`, provider: 'p', instances: [{ attributes: { id } }] }] });

async function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('driftless state', () => {
  let dataDir: string;
  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'driftless-state-cli-'));
    const host = createHost({ version: 'test', dataDir, shell: 'cli', heartbeatMs: 0, log: () => {} });
    const backend = await host.state.backend();
    await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body: stateWith(1, 'a') });
    await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body: stateWith(2, 'b') });
    await backendRequest(backend.addressOf('dev'), 'LOCK', { auth: backend, body: JSON.stringify({ ID: 'held', Operation: 'OperationTypeApply', Who: 'me@box' }) });
    await host.close();
  });

  it('lists versions and diffs two of them', async () => {
    const versions = await run('state', 'versions', 'dev', '--json', '--data-dir', dataDir);
    expect(versions.code).toBe(0);
    expect(JSON.parse(versions.stdout).map((version: { serial: number }) => version.serial)).toEqual([2, 1]);
    const unknown = await run('state', 'versions', 'prod', '--data-dir', dataDir);
    expect(unknown).toMatchObject({ code: 0, stdout: 'No state stored for "prod". Environments with stored state (by id): dev.' });
    const diff = await run('state', 'diff', 'dev', '1', '2', '--data-dir', dataDir);
    expect(diff.stdout).toContain('+ terraform_data.r_b (b)');
    expect(diff.stdout).toContain('- terraform_data.r_a (a)');
  });

  it('shows a version into a file, and refuses a restore without --yes or while locked', async () => {
    const file = join(dataDir, 'v1.tfstate');
    expect((await run('state', 'show', 'dev', '1', '--output', file, '--data-dir', dataDir)).code).toBe(0);
    expect(readFileSync(file, 'utf8')).toBe(stateWith(1, 'a'));
    const unconfirmed = await run('state', 'restore', 'dev', '1', '--data-dir', dataDir);
    expect(unconfirmed).toMatchObject({ code: 1, stderr: expect.stringMatching(/Add --yes/) });
    const locked = await run('state', 'restore', 'dev', '1', '--yes', '--data-dir', dataDir);
    expect(locked).toMatchObject({ code: 1, stderr: expect.stringMatching(/locked by a running terraform/) });
    const badVersion = await run('state', 'diff', 'dev', 'one', '2', '--data-dir', dataDir);
    expect(badVersion).toMatchObject({ code: 1, stderr: expect.stringMatching(/FROM must be a version number/) });
  });

  it('lists locks, arms force-unlock, releases with --yes, then restores', async () => {
    expect((await run('state', 'locks', '--data-dir', dataDir)).stdout).toMatch(/dev {2}held {2}OperationTypeApply {2}me@box/);
    expect((await run('state', 'unlock', 'dev', '--arm', '--data-dir', dataDir)).stdout).toMatch(/terraform force-unlock held/);
    expect((await run('state', 'unlock', 'dev', '--data-dir', dataDir)).code).toBe(1);
    expect((await run('state', 'unlock', 'dev', '--yes', '--data-dir', dataDir)).stdout).toMatch(/Released lock held/);
    const restored = await run('state', 'restore', 'dev', '1', '--yes', '--data-dir', dataDir);
    expect(restored).toMatchObject({ code: 0, stdout: 'Restored v1 as v3 (serial 3).' });
  });
});
