import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { importDiagram, runBundlesDir, taskDiagram } from '../../../test/support/runProjects';
import { createHost, type Host } from '../createHost';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`the terraform binary chosen in the app ${tf.reason}`, () => {
  const launchOverride = process.env.DRIFTLESS_TERRAFORM;
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-binary-setting-'));
  const chosen = join(mkdtempSync(join(tmpdir(), 'driftless-binary-')), 'bin', 'terraform-chosen');
  const open = (terraformBinary?: string): Host =>
    createHost({ version: '0.0.0-test', dataDir, shell: 'cli', heartbeatMs: 0, bundleDirs: [runBundlesDir], terraformBinary });
  const hosts: Host[] = [];

  beforeAll(() => {
    delete process.env.DRIFTLESS_TERRAFORM; // the launch override would win over the setting
    mkdirSync(join(chosen, '..'), { recursive: true });
    symlinkSync(tf.path, chosen);
  });
  afterAll(async () => {
    for (const host of hosts) await host.close();
    if (launchOverride !== undefined) process.env.DRIFTLESS_TERRAFORM = launchOverride;
  });

  it('a path that does not answer as terraform is reported and not saved', async () => {
    const host = open();
    hosts.push(host);
    const refused = await host.call('app.chooseTerraform', { path: join(dataDir, 'no-such-terraform') });
    expect(refused).toMatchObject({ ok: true, value: { found: false, reason: 'not_found', source: 'setting' } });
    const info = await host.call('app.info', {});
    expect(info.ok && info.value.terraform).toMatchObject({ binary: 'terraform', source: 'path' });
  });

  it('a working path is saved, survives a restart, and is what runs start', async () => {
    const first = open();
    hosts.push(first);
    expect(await first.call('app.chooseTerraform', { path: chosen })).toMatchObject({ ok: true, value: { found: true, source: 'setting', path: chosen, version: '1.11.4' } });
    await first.close();

    const again = open();
    hosts.push(again);
    const info = await again.call('app.info', {});
    expect(info.ok && info.value.terraform).toMatchObject({ found: true, source: 'setting', path: chosen });

    // With the chosen file gone, a plan fails naming it: runs read the setting, not PATH.
    rmSync(chosen);
    const { projectId, environments } = await importDiagram(again, taskDiagram('chosen', { one: { command: 'true', url: 'file:///one' } }));
    const started = await again.call('run.plan', { projectId, environmentId: environments.dev! });
    if (!started.ok) throw new Error(started.error.message);
    await again.runs.idle();
    const run = await again.call('run.get', { runId: started.value.run!.id });
    expect(run).toMatchObject({ ok: true, value: { status: 'failed', failure: { code: 'binary_missing' } } });
    expect(run.ok && run.value.message).toContain(chosen);

    expect(await again.call('app.chooseTerraform', { path: null })).toMatchObject({ ok: true, value: { found: true, source: 'path', binary: 'terraform' } });
  });

  it('a launch override (DRIFTLESS_TERRAFORM) wins, and choosing in the app says how to lift it', async () => {
    const host = open(tf.path);
    hosts.push(host);
    const info = await host.call('app.info', {});
    expect(info.ok && info.value.terraform).toMatchObject({ found: true, source: 'launch' });
    const refused = await host.call('app.chooseTerraform', { path: tf.path });
    expect(refused).toMatchObject({ ok: false, error: { code: 'conflict' } });
    expect(!refused.ok && refused.error.message).toMatch(/unset it and restart/);
  });
});
