import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendRequest } from '../../../test/support/stateClient';
import { createHost, type Host } from '../createHost';

const stateWith = (serial: number, input: string) =>
  JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'api', outputs: {}, resources: [
    { module: 'module.web', mode: 'managed', type: 'terraform_data', name: 'item', provider: 'p', instances: [{ attributes: { id: 'i-1', input }, sensitive_attributes: [[{ type: 'get_attr', value: 'input' }]] }] },
  ] });
const lockInfo = JSON.stringify({ ID: 'lock-1', Operation: 'OperationTypeApply', Info: '', Who: 'me@box', Version: '1.11.4', Created: '2026-01-01T00:00:00Z', Path: '' });

let host: Host;
beforeEach(() => {
  host = createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-state-api-')), shell: 'cli', heartbeatMs: 0, log: () => {} });
});
afterEach(() => host.close());

describe('state API area', () => {
  it('lists, diffs (masked), downloads and restores versions written through the host backend', async () => {
    const backend = await host.state.backend();
    const address = backend.addressOf('dev');
    for (const [serial, input] of [[1, 'first-secret'], [2, 'second-secret']] as const) {
      expect((await backendRequest(address, 'POST', { auth: backend, body: stateWith(serial, input) })).status).toBe(200);
    }
    const versions = await host.call('state.versions', { environmentId: 'dev' });
    expect(versions.ok && versions.value.map((version) => version.serial)).toEqual([2, 1]);
    expect(await host.call('state.environments', {})).toEqual({ ok: true, value: ['dev'] });

    const diff = await host.call('state.diff', { environmentId: 'dev', from: 1, to: 2 });
    expect(diff).toMatchObject({ ok: true, value: { changed: [{ address: 'module.web.terraform_data.item', node: 'web', changes: [{ attribute: 'input', before: '(sensitive value)', after: '(sensitive value)' }] }] } });
    expect(JSON.stringify(diff)).not.toContain('secret"');

    const download = await host.call('state.download', { environmentId: 'dev', version: 1 });
    expect(download.ok && download.value.text).toBe(stateWith(1, 'first-secret'));

    expect(await host.call('state.restore', { environmentId: 'dev', version: 1 } as never)).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const restored = await host.call('state.restore', { environmentId: 'dev', version: 1, confirm: true });
    expect(restored).toMatchObject({ ok: true, value: { version: 3, serial: 3, lineage: 'api', source: 'restore', restoredFrom: 1 } });
    const current = await backendRequest(address, 'GET', { auth: backend });
    expect(JSON.parse(current.body.toString())).toMatchObject({ serial: 3, resources: [{ instances: [{ attributes: { input: 'first-secret' } }] }] });

    expect(await host.call('state.diff', { environmentId: 'dev', from: 1, to: 9 })).toMatchObject({ ok: false, error: { code: 'not_found', message: expect.stringMatching(/no state version 9/) } });
  });

  it('shows locks, refuses restore while locked, arms terraform force-unlock and releases a lock after confirmation', async () => {
    const backend = await host.state.backend();
    const address = backend.addressOf('dev');
    await backendRequest(address, 'POST', { auth: backend, body: stateWith(1, 'x') });
    await backendRequest(address, 'LOCK', { auth: backend, body: lockInfo });
    expect(await host.call('state.locks', {})).toMatchObject({ ok: true, value: [{ environmentId: 'dev', lockId: 'lock-1', operation: 'OperationTypeApply', who: 'me@box' }] });
    expect(await host.call('state.restore', { environmentId: 'dev', version: 1, confirm: true })).toMatchObject({ ok: false, error: { code: 'conflict', message: expect.stringMatching(/locked/) } });

    expect(await host.call('state.armForceUnlock', { environmentId: 'dev' })).toMatchObject({ ok: true, value: { lockId: 'lock-1' } });
    expect((await backendRequest(address, 'UNLOCK', { auth: backend })).status).toBe(200);

    await backendRequest(address, 'LOCK', { auth: backend, body: lockInfo });
    expect(await host.call('state.forceUnlock', { environmentId: 'dev', lockId: 'lock-1', confirm: true })).toEqual({ ok: true, value: { released: true } });
    expect(await host.call('state.locks', {})).toEqual({ ok: true, value: [] });
    expect(await host.call('state.armForceUnlock', { environmentId: 'dev' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
