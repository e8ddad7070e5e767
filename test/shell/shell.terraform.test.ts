// The escape hatch with real terraform: a shell in the environment's workdir with the run environment.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Host } from '../../src/host/createHost';
import { requireBinary } from '../support/binaries';
import { exampleText, importDiagram, runHost } from '../support/runProjects';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`the environment's shell with real terraform ${tf.reason}`, () => {
  let host: Host;
  beforeAll(() => {
    host = runHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  /** Opens a shell and collects its output (acknowledged at once, as a terminal that keeps up would). */
  async function openShell(projectId: string, environmentId: string, on: Host = host) {
    const output = new Map<string, string>();
    const statuses = new Map<string, string[]>();
    const offOutput = on.events.subscribe('run.output', ({ runId, data }) => {
      output.set(runId, (output.get(runId) ?? '') + data);
      on.runs.ack(runId, data.length);
    });
    const offStatus = on.events.subscribe('run.status', ({ runId, status }) => statuses.set(runId, [...(statuses.get(runId) ?? []), status]));
    const opened = await on.call('run.shell', { projectId, environmentId });
    if (!opened.ok || !opened.value.run) throw new Error(JSON.stringify(opened));
    const id = opened.value.run.id;
    const waitFor = async (pattern: RegExp, timeout = 60000): Promise<RegExpExecArray> => {
      for (const deadline = Date.now() + timeout; Date.now() < deadline; await new Promise((resolve) => setTimeout(resolve, 50))) {
        const match = pattern.exec(output.get(id) ?? '');
        if (match) return match;
      }
      throw new Error(`the shell never printed ${pattern}; it printed:\n${output.get(id) ?? ''}`);
    };
    const ended = async (): Promise<string> => {
      for (let waited = 0; waited < 10000; waited += 50) {
        const last = statuses.get(id)?.at(-1);
        if (last && last !== 'running') return last;
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
      return 'running';
    };
    const input = (data: string) => on.call('run.input', { runId: id, data });
    return { id, run: opened.value.run, input, waitFor, ended, off: () => (offOutput(), offStatus()) };
  }

  it('shows the state address and the workdir, has the secrets as TF_VAR_* only, runs terraform, and ends when closed', async () => {
    const { projectId, environments } = await importDiagram(host, exampleText('local-stack'));
    const environmentId = environments.dev!;
    expect((await host.call('secret.set', { projectId, nodeId: 'database', param: 'password', value: 'shell-password-7', environmentId })).ok).toBe(true);
    const shell = await openShell(projectId, environmentId);
    try {
      expect(shell.run).toMatchObject({ kind: 'shell', status: 'running' });
      // The secret is in the shell's environment, never on its command line.
      expect(JSON.stringify(shell.run.command)).not.toContain('shell-password-7');

      expect(await shell.input('echo "<$TF_HTTP_ADDRESS>"; printf "p%sd=%s\\n" w "$(pwd)"\r')).toMatchObject({ ok: true });
      const address = await shell.waitFor(/<(http:\/\/127\.0\.0\.1:\d+\/state\/[^>]+)>/);
      expect(address[1]).toContain(environmentId);
      const workdir = await shell.waitFor(/pwd=(\/\S+)/);
      expect(workdir[1]).toMatch(new RegExp(`/workspaces/${environmentId}$`));

      await shell.input('printf "s%s=%s\\n" ecrets "$(env | grep "^TF_VAR_" | grep -c shell-password-7)"\r');
      expect((await shell.waitFor(/secrets=(\d+)/))[1]).toBe('1');

      await shell.input('terraform version\r');
      await shell.waitFor(/Terraform v1\.\d+\.\d+/);

      expect(await host.call('run.cancel', { runId: shell.id, kill: true })).toMatchObject({ ok: true });
      // Ended (its recorded status is the runner's: today a killed shell reads as succeeded).
      expect(await shell.ended()).not.toBe('running');
      expect(await shell.input('ls\r')).toMatchObject({ ok: false, error: { code: 'conflict' } });
    } finally {
      shell.off();
    }
  }, 120000);

  it('a shell still open ends when the host closes', async () => {
    const own = runHost();
    const { projectId, environments } = await importDiagram(own, exampleText('local-stack'));
    const shell = await openShell(projectId, environments.dev!, own);
    await shell.input('echo "ready-$((2+3))"\r');
    await shell.waitFor(/ready-5/);
    await own.close();
    expect(await shell.ended()).not.toBe('running');
    shell.off();
  }, 60000);
});
