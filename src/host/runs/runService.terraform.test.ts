import { existsSync, readdirSync, readFileSync, readlinkSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../core/api/areas/run';
import type { Host } from '../createHost';
import { requireBinary } from '../../../test/support/binaries';
import { commandName, processesUnder, signal } from '../../../test/support/processes';
import { workspaceDir } from '../runner/workspace';
import { exampleText, importDiagram, runHost, settledRun, taskDiagram } from '../../../test/support/runProjects';

const tf = requireBinary('terraform');

const cwdOf = (pid: number): string => {
  try {
    return readlinkSync(`/proc/${pid}/cwd`);
  } catch {
    return ''; // gone
  }
};

describe.skipIf(!tf.available)(`run service: plan → review → apply with real terraform ${tf.reason}`, () => {
  let host: Host;
  beforeAll(() => {
    host = runHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  const settled = (run: RunView | undefined): Promise<RunView> => settledRun(host, run);

  const filesUnder = (dir: string): string[] =>
    readdirSync(dir, { withFileTypes: true }).flatMap((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : entry.isFile() ? [join(dir, entry.name)] : []));
  // The sealed plans of one environment (the tests share a host).
  const savedPlans = (environmentId: string) =>
    (existsSync(join(host.dataDir, 'plans')) ? readdirSync(join(host.dataDir, 'plans')).sort() : []).filter((name) => host.runs.get(name.split('.')[0]!).environmentId === environmentId);
  // A plan in clear anywhere under the data dir: by name, or by its zip signature outside the provider binaries.
  const clearPlans = () =>
    filesUnder(host.dataDir).filter((path) => path.endsWith('.tfplan') || (!/plugin-cache|\/providers\//.test(path) && readFileSync(path).subarray(0, 4).equals(Buffer.from('PK\x03\x04', 'latin1'))));

  const plan = async (projectId: string, environmentId: string) => settled((await host.runs.plan({ projectId, environmentId })).run);
  const apply = async (planRunId: string) => settled(host.runs.apply(planRunId).run);
  /** Plans and starts the apply of one `sleep 60` task; `creating` resolves once its node is being created. */
  const applySleeper = async (name: string) => {
    const { projectId, environments } = await importDiagram(host, taskDiagram(name, { sleeper: { command: 'sleep 60', url: 'file:///s' } }));
    const environmentId = environments.dev!;
    const planned = await plan(projectId, environmentId);
    const creating = new Promise<void>((resolve) => {
      const unsubscribe = host.events.subscribe('run.status', ({ nodes }) => {
        if (nodes['sleeper-id'] !== 'creating') return;
        unsubscribe();
        resolve();
      });
    });
    return { projectId, environmentId, started: host.runs.apply(planned.id).run!, creating };
  };

  it('examples/local-stack: plan per node, apply with live status and outputs, destroy; output replays exactly', async () => {
    const { projectId, environments } = await importDiagram(host, exampleText('local-stack'));
    const secret = await host.call('secret.set', { projectId, nodeId: 'database', param: 'password', value: 'example-password-1', environmentId: environments.dev! });
    expect(secret.ok).toBe(true);
    const streamed = new Map<string, string[]>();
    const unsubscribe = host.events.subscribe('run.output', ({ runId, data }) => streamed.set(runId, [...(streamed.get(runId) ?? []), data]));
    const statuses: string[] = [];
    const unsubscribeStatus = host.events.subscribe('run.status', ({ status }) => statuses.push(status));
    try {
      const planned = await plan(projectId, environments.dev!);
      expect(planned.status).toBe('planned');
      expect(planned.hasChanges).toBe(true);
      expect(planned.moduleHash).toMatch(/^[0-9a-f]{64}$/);
      expect(Object.keys(planned.nodes!).sort()).toEqual(['api', 'apikey', 'config', 'database', 'network', 'queue']);
      expect(planned.nodes!.queue).toMatchObject({ name: 'jobs', counts: { create: 1 } });
      expect(planned.nodes!.queue!.resources.map((resource) => resource.address)).toEqual(['module.jobs.terraform_data.queue']);
      // Artifacts known only after apply, per node (their edges show it); the queue's are known now.
      expect(planned.nodes!.network!.unknownArtifacts).toEqual(['network']);
      expect(planned.nodes!.config!.unknownArtifacts).toEqual(['file']);
      expect(planned.nodes!.queue!.unknownArtifacts).toBeUndefined();
      expect(JSON.stringify(planned)).not.toContain('example-password-1');
      expect(statuses).toContain('queued');
      expect(statuses).toContain('running');

      const applied = await apply(planned.id);
      expect(applied).toMatchObject({ status: 'succeeded', kind: 'apply', planRunId: planned.id, exitCode: 0 });
      expect(Object.values(applied.live!).every((status) => status === 'done')).toBe(true);
      expect(Object.keys(applied.live!).sort()).toEqual(['api', 'apikey', 'config', 'database', 'network', 'queue']);
      expect(host.runs.get(planned.id)).toMatchObject({ status: 'applied', appliedBy: applied.id });
      const outputs = host.runs.outputs(applied.id);
      expect(outputs.diagnostics).toEqual([]);
      expect(outputs.values.find((value) => value.nodeId === 'queue')).toMatchObject({ artifact: 'queue', value: { name: 'jobs' } });
      const database = outputs.values.find((value) => value.nodeId === 'database')!;
      expect(database.sensitive).toBe(true);
      expect(database).not.toHaveProperty('value');
      expect(JSON.stringify(host.runs.get(applied.id))).not.toContain('example-password-1');
      // The state went through the embedded backend, recorded with the apply's run id.
      const versions = await host.call('state.versions', { environmentId: environments.dev! });
      expect(versions.ok && versions.value.some((version) => version.runId === applied.id)).toBe(true);
      // The same plan cannot be applied twice.
      expect(() => host.runs.apply(planned.id)).toThrow(/only a planned run can be applied/);

      const replay = host.runs.output(applied.id).chunks.map((chunk) => chunk.data);
      expect(replay).toEqual(streamed.get(applied.id));
      expect(replay.join('')).toContain('Apply complete!');

      const destroyPlan = await settled((await host.runs.destroy({ projectId, environmentId: environments.dev! })).run);
      expect(destroyPlan).toMatchObject({ status: 'planned', kind: 'destroy' });
      expect(destroyPlan.nodes!.network!.counts.delete).toBe(1);
      const destroyed = await apply(destroyPlan.id);
      expect(destroyed.status).toBe('succeeded');
      const again = await plan(projectId, environments.dev!);
      expect(again.totals!.create).toBe(planned.totals!.create);

      const history = host.runs.list(environments.dev!).runs;
      expect(history.map((run) => run.id)).toEqual(expect.arrayContaining([planned.id, applied.id, destroyPlan.id, destroyed.id, again.id]));
      expect(host.runs.list(environments.dev!, { kind: 'apply' }).runs.map((run) => run.id).sort()).toEqual([applied.id, destroyed.id].sort());
      expect(history.find((run) => run.id === applied.id)).toMatchObject({ who: expect.any(String), durationMs: expect.any(Number) });
    } finally {
      unsubscribe();
      unsubscribeStatus();
    }
  }, 180_000);

  it('stale plan: the state changed outside the service (a restore) → terraform refuses the saved plan, the run is stale with what to do', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('stale', { one: { command: 'echo one', url: 'file:///one' } }));
    const environmentId = environments.dev!;
    expect((await apply((await plan(projectId, environmentId)).id)).status).toBe('succeeded');
    const planned = await plan(projectId, environmentId);
    // A second path to the state: restoring a version writes the next serial, so the saved plan's prior state is old.
    const [latest] = await host.state.history().versions(environmentId);
    expect(await host.call('state.restore', { environmentId, version: latest!.version, confirm: true })).toMatchObject({ ok: true });
    const stale = await apply(planned.id);
    expect(stale.status).toBe('stale');
    expect(stale.failure?.code).toBe('stale_plan');
    expect(stale.message).toMatch(/the state changed since this plan; plan again/i);
    expect(host.runs.output(stale.id).chunks.map((chunk) => chunk.data).join('')).toContain('Saved plan is stale');
    expect(host.runs.get(planned.id).status).toBe('stale');
    expect(() => host.runs.apply(planned.id)).toThrow(/is stale; only a planned run can be applied/);
    expect(savedPlans(environmentId)).toEqual([]);
  }, 120_000);

  it('saved plans: sealed at rest, clear only for the apply (0600), other plans of the environment made stale and deleted; no file holds the secret', async () => {
    const canary = 'canary-plan-5d2b8e71';
    const { projectId, environments } = await importDiagram(host, exampleText('local-stack'), 'sealed');
    const environmentId = environments.dev!;
    expect((await host.call('secret.set', { projectId, nodeId: 'database', param: 'password', value: canary, environmentId })).ok).toBe(true);
    const neverApplied = await plan(projectId, environmentId);
    const applied = await plan(projectId, environmentId);
    expect([neverApplied.status, applied.status]).toEqual(['planned', 'planned']);
    expect(savedPlans(environmentId)).toEqual([`${applied.id}.tfplan.sealed`, `${neverApplied.id}.tfplan.sealed`].sort());
    expect(statSync(join(host.dataDir, 'plans', `${applied.id}.tfplan.sealed`)).mode & 0o777).toBe(0o600);
    expect(clearPlans()).toEqual([]);

    expect((await apply(applied.id)).status).toBe('succeeded');
    expect(host.runs.get(neverApplied.id)).toMatchObject({ status: 'stale', message: expect.stringMatching(/changed the state since this plan; plan again/) });
    expect(() => host.runs.apply(neverApplied.id)).toThrow(/is stale/);
    expect(savedPlans(environmentId)).toEqual([]);
    expect(clearPlans()).toEqual([]);
    // Everything under the data dir but the database (its state bodies are the state engineer's): no secret, no plan in clear.
    // (Provider binaries are skipped: read, not written, by a run.)
    for (const file of filesUnder(host.dataDir).filter((path) => !/driftless\.db(-wal|-shm)?$|plugin-cache|\/providers\//.test(path))) {
      expect(readFileSync(file).includes(Buffer.from(canary)), file).toBe(false);
    }

    // The apply reads the plan unsealed into the workdir, 0600, and it is gone afterwards.
    const { projectId: taskProject, environments: taskEnvironments } = await importDiagram(host, taskDiagram('unsealed', { mode: { command: 'stat -c "plan-mode=%a" .terraform/driftless-*.tfplan', url: 'file:///m' } }));
    const modeRun = await apply((await plan(taskProject, taskEnvironments.dev!)).id);
    expect(modeRun.status).toBe('succeeded');
    expect(host.runs.output(modeRun.id).chunks.map((chunk) => chunk.data).join('')).toContain('plan-mode=600');
    expect(clearPlans()).toEqual([]);
  }, 180_000);

  it('failing apply: a local-exec exiting 1 fails the run, naming the node and resource', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('failing', { ok: { command: 'echo fine', url: 'file:///ok' }, broken: { command: 'echo about to fail; exit 1', url: 'file:///x' } }));
    const failed = await apply((await plan(projectId, environments.dev!)).id);
    expect(failed.status).toBe('failed');
    expect(failed.exitCode).toBe(1);
    expect(failed.failure).toMatchObject({ code: 'resource_failed', address: 'module.broken.terraform_data.task' });
    expect(failed.message).toContain('module.broken.terraform_data.task failed');
    expect(failed.live).toEqual({ 'ok-id': 'done', 'broken-id': 'failed' });
    expect(clearPlans()).toEqual([]); // removed even though the apply failed
    expect(savedPlans(environments.dev!)).toEqual([]);
  }, 120_000);

  it('artifact values that do not match their type are a diagnostic on the node', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('mismatch', { nourl: { command: 'true', name: 'n' } }));
    const applied = await apply((await plan(projectId, environments.dev!)).id);
    expect(applied.status).toBe('succeeded');
    const { diagnostics } = host.runs.outputs(applied.id);
    expect(diagnostics).toEqual([expect.objectContaining({ code: 'run.artifact-mismatch', location: { nodeId: 'nourl-id' } })]);
    expect(diagnostics[0]!.message).toMatch(/does not match artifact type "message-queue"/);
  }, 120_000);

  it('cancel: a sleeping local-exec stops on SIGINT, the run is cancelled, the lock released, the next run succeeds', async () => {
    const { projectId, environmentId, started, creating } = await applySleeper('cancel');
    // A second plan of the same environment waits in the queue, visible and cancellable.
    const waiting = (await host.runs.plan({ projectId, environmentId })).run!;
    expect(host.runs.get(waiting.id).status).toBe('queued');
    expect(host.runs.cancel(waiting.id).action).toBe('dequeued');
    await creating;
    await new Promise((resolve) => setTimeout(resolve, 500));
    const cancelledAt = Date.now();
    expect(host.runs.cancel(started.id).action).toBe('interrupted');
    const cancelled = await settled(started);
    expect(Date.now() - cancelledAt).toBeLessThan(15_000);
    expect(cancelled.status).toBe('cancelled');
    expect(cancelled.lockLeft).toBeUndefined();
    expect(host.state.history().locks().filter((lock) => lock.environmentId === environmentId)).toEqual([]);
    expect(host.runs.get(waiting.id).status).toBe('cancelled');
    const next = await plan(projectId, environmentId);
    expect(next.status).toBe('planned');
  }, 120_000);

  it('kill: a terraform that does not stop after Ctrl-C is killed with its whole process group; the run is cancelled and reports the lock it left, which force-unlock releases', async () => {
    const { projectId, environmentId, started, creating } = await applySleeper('kill');
    await creating;
    // A terraform that never gets to stop (SIGSTOP: the Ctrl-C stays pending), what kill is for.
    // Only this environment's workdir: a terraform of an earlier test may still be exiting, and
    // terraform may run as more than one process (all in the run's process group, which kill ends).
    const workdir = workspaceDir(host.dataDir, environmentId);
    const processes = processesUnder(host.dataDir).filter((pid) => commandName(pid) !== '' && cwdOf(pid) === workdir);
    const terraform = processes.filter((pid) => commandName(pid) === 'terraform');
    expect(terraform.length).toBeGreaterThan(0);
    try {
      for (const pid of terraform) signal(pid, 'SIGSTOP');
      expect(host.runs.cancel(started.id).action).toBe('interrupted');
      await new Promise((resolve) => setTimeout(resolve, 1000));
      expect(host.runs.get(started.id).status).toBe('running');
      expect(host.runs.cancel(started.id, true).action).toBe('killed');
      const killed = await settled(started);
      expect(killed.status).toBe('cancelled');
      expect(killed.live).toEqual({ 'sleeper-id': 'interrupted' }); // not left "creating" on the canvas
      expect(processes.filter((pid) => commandName(pid) !== '')).toEqual([]); // terraform, sleep: the whole group
      const held = host.state.history().locks().filter((lock) => lock.environmentId === environmentId);
      expect(held).toHaveLength(1);
      expect(killed.lockLeft?.lockId).toBe(held[0]!.lockId);
      expect(killed.message).toContain('force-unlock');
      const unlocked = await host.call('state.forceUnlock', { environmentId, lockId: killed.lockLeft!.lockId, confirm: true });
      expect(unlocked.ok && unlocked.value.released).toBe(true);
      expect((await plan(projectId, environmentId)).status).toBe('planned');
    } finally {
      for (const pid of processesUnder(host.dataDir)) signal(pid, 'SIGKILL');
    }
  }, 120_000);

  it('targeted plan covers only the node; a flood through run.output with run.ack is stored and streamed complete', async () => {
    const size = 1_000_000;
    const { projectId, environments } = await importDiagram(host, taskDiagram('flood', { quiet: { command: 'echo quiet', url: 'file:///q' }, loud: { command: `head -c ${size} /dev/zero | tr '\\000' '\\121' | fold -w 1000`, url: 'file:///l' } }));
    const environmentId = environments.dev!;
    const targeted = await settled((await host.runs.plan({ projectId, environmentId, target: { nodeId: 'quiet-id', mode: 'node' } })).run);
    expect(targeted).toMatchObject({ status: 'planned', target: { nodeId: 'quiet-id', mode: 'node' } });
    expect(Object.keys(targeted.nodes!)).toEqual(['quiet-id']);
    expect(targeted.command).toContain('-target=module.quiet');
    const refused = await host.runs.plan({ projectId, environmentId, target: { nodeId: 'nope', mode: 'node' } });
    expect(refused.run).toBeUndefined();
    expect(refused.diagnostics[0]!.code).toBe('run.target-unknown');

    const planned = await plan(projectId, environmentId);
    let streamed = 0;
    const unsubscribe = host.events.subscribe('run.output', ({ runId, data }) => {
      streamed += data.split('Q').length - 1;
      setTimeout(() => host.runs.ack(runId, data.length), 2); // a terminal that takes its time
    });
    try {
      const applied = await apply(planned.id);
      expect(applied.status).toBe('succeeded');
      let stored = 0;
      for (const chunk of host.runs.output(applied.id).chunks) stored += chunk.data.split('Q').length - 1;
      expect(stored).toBe(size);
      expect(streamed).toBe(size);
    } finally {
      unsubscribe();
    }
  }, 120_000);

  it('AWS diagram plans offline with real AWS resource changes mapped to their nodes', async () => {
    const offline = { region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true };
    const text = exampleText('aws-web-app', (document) => {
      for (const environment of document.environments as { providers: Record<string, Record<string, unknown>> }[]) environment.providers.aws = { ...environment.providers.aws, ...offline };
    });
    const { projectId, environments } = await importDiagram(host, text);
    const environmentId = environments.dev!;
    const project = await host.call('project.get', { id: projectId });
    if (!project.ok) throw new Error(project.error.message);
    for (const node of project.value.project.diagram.nodes) {
      for (const [param, value] of Object.entries(node.params)) {
        if (typeof value === 'object' && value !== null && '$secret' in value) {
          expect((await host.call('secret.set', { projectId, nodeId: node.id, param, value: 'example-password-1', environmentId })).ok).toBe(true);
        }
      }
    }
    const planned = await plan(projectId, environmentId);
    expect(planned.status, JSON.stringify(host.runs.output(planned.id).chunks.map((chunk) => chunk.data).join('')).slice(-2000)).toBe('planned');
    const byType = Object.fromEntries(Object.values(planned.nodes!).map((node) => [node.name, [...new Set(node.resources.map((resource) => resource.type))].sort()]));
    const types = Object.values(byType).flat();
    expect(types).toContain('aws_s3_bucket');
    expect(types).toContain('aws_db_instance');
    for (const node of Object.values(planned.nodes!)) {
      expect(node.resources.every((resource) => resource.address.startsWith(`module.${node.name}.`))).toBe(true);
      expect(node.counts.create).toBeGreaterThan(0);
    }
  }, 300_000);
});
