import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHost, type Host } from '../createHost';
import { importDiagram, runBundlesDir, taskDiagram } from '../../../test/support/runProjects';

describe('run API area (no terraform needed)', () => {
  let host: Host;
  beforeAll(() => {
    host = createHost({ version: '0.0.0-test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-run-api-')), shell: 'cli', heartbeatMs: 0, bundleDirs: [runBundlesDir], terraformBinary: '/nonexistent/terraform' });
  });
  afterAll(async () => {
    await host.close();
  });

  it('requests are validated exactly; unknown runs and projects are not_found', async () => {
    expect(await host.call('run.list', { environmentId: 'dev' })).toEqual({ ok: true, value: { runs: [] } });
    const extra = await host.call('run.plan', { projectId: 'p', environmentId: 'dev', destroy: true } as never);
    expect(extra).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    const badMode = await host.call('run.plan', { projectId: 'p', environmentId: 'dev', target: { nodeId: 'n', mode: 'everything' } } as never);
    expect(badMode).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
    expect(await host.call('run.get', { runId: 'missing' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.call('run.plan', { projectId: 'missing', environmentId: 'dev' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
    expect(await host.call('run.ack', { runId: 'missing', characters: 10 })).toEqual({ ok: true, value: { ok: true } });
  });

  it('a compile error or a secret without value refuses the plan with diagnostics and no run', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('refused', { missing: { command: 'true', url: 42 } }));
    const refused = await host.call('run.plan', { projectId, environmentId: environments.dev! });
    expect(refused.ok).toBe(true);
    if (!refused.ok) return;
    expect(refused.value.run).toBeUndefined();
    expect(refused.value.diagnostics.some((diagnostic) => diagnostic.severity === 'error')).toBe(true);
    expect(await host.call('run.list', { environmentId: environments.dev! })).toEqual({ ok: true, value: { runs: [] } });
  });

  it('a missing binary fails the run with what to install; the failed plan cannot be applied', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('nobinary', { one: { command: 'true', url: 'file:///one' } }));
    const started = await host.call('run.plan', { projectId, environmentId: environments.dev! });
    if (!started.ok) throw new Error(started.error.message);
    await host.runs.idle();
    const run = await host.call('run.get', { runId: started.value.run!.id });
    expect(run).toMatchObject({ ok: true, value: { status: 'failed', kind: 'plan', exitCode: 127, failure: { code: 'binary_missing' } } });
    expect(run.ok && run.value.message).toMatch(/Install Terraform 1\.5 or newer or OpenTofu/);
    const output = await host.call('run.output', { runId: started.value.run!.id });
    expect(output.ok && output.value.chunks[0]!.data).toContain('/nonexistent/terraform was not found');
    expect(await host.call('run.apply', { runId: started.value.run!.id })).toMatchObject({ ok: false, error: { code: 'conflict' } });
    const listed = await host.call('run.list', { environmentId: environments.dev!, status: 'failed' });
    expect(listed.ok && listed.value.runs.map((entry) => entry.id)).toEqual([started.value.run!.id]);
  });

  it("a shell opens in the environment's workdir with the backend variables, takes input, and ends as a run", async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('shell', { one: { command: 'true', url: 'file:///one' } }));
    const environmentId = environments.dev!;
    const output: string[] = [];
    const shell: { id?: string } = {}; // known once run.shell answers; status events come before
    let ended!: (status: string) => void;
    const end = new Promise<string>((resolve) => (ended = resolve));
    const offOutput = host.events.subscribe('run.output', ({ data }) => output.push(data));
    const offStatus = host.events.subscribe('run.status', ({ status, runId }) => {
      if (runId === shell.id && status !== 'running') ended(status);
    });
    const opened = await host.call('run.shell', { projectId, environmentId });
    if (!opened.ok) throw new Error(opened.error.message);
    const shellId = (shell.id = opened.value.run!.id);
    expect(opened.value.run).toMatchObject({ kind: 'shell', status: 'running' });
    for (const chunk of output) host.runs.ack(shellId, chunk.length);
    expect(await host.call('run.input', { runId: shellId, data: 'printf "[%s|%s]\\n" "$TF_HTTP_ADDRESS" "$PWD"; exit\r' })).toEqual({ ok: true, value: { ok: true } });
    expect(await end).toBe('succeeded');
    offOutput();
    offStatus();
    const text = output.join('');
    expect(text).toMatch(new RegExp(`\\[http://127\\.0\\.0\\.1:\\d+/state/${environmentId}[^|]*\\|[^\\]]*/workspaces/${environmentId}\\]`));
    expect(host.runs.list(environmentId, { kind: 'shell' }).runs.map((run) => run.id)).toEqual([shellId]);
    expect(await host.call('run.input', { runId: shellId, data: 'ls\r' })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  });

  it('a shell whose window stopped acknowledging (closed) is not stalled: after ~10 s its output stops waiting', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('gone', { one: { command: 'true', url: 'file:///one' } }));
    let text = '';
    let shellId: string | undefined;
    let ended!: (status: string) => void;
    const end = new Promise<string>((resolve) => (ended = resolve));
    const offStatus = host.events.subscribe('run.status', ({ status, runId }) => {
      if (runId === shellId && status !== 'running') ended(status);
    });
    let finished!: () => void;
    const done = new Promise<void>((resolve) => (finished = resolve));
    // A listener that never acknowledges: flow control is on, and nobody answers it.
    const offOutput = host.events.subscribe('run.output', ({ data }) => {
      text = (text + data).slice(-200);
      if (text.includes('FLOOD-DONE')) finished();
    });
    try {
      const opened = await host.call('run.shell', { projectId, environmentId: environments.dev! });
      if (!opened.ok) throw new Error(opened.error.message);
      shellId = opened.value.run!.id;
      // 4 MB: forty times the 100k window. Resuming 100k per stale period would take minutes.
      await host.call('run.input', { runId: opened.value.run!.id, data: 'head -c 4000000 /dev/zero | tr "\\0" x; echo; echo FLOOD-""DONE; exit\r' });
      const started = Date.now();
      await done;
      expect(Date.now() - started).toBeLessThan(40_000);
      expect(await end).toBe('succeeded');
    } finally {
      offOutput();
      offStatus();
    }
  }, 60_000);
});
