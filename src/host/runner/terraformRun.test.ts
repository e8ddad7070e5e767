import { existsSync, mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizePlan } from '../../core/terraform/plan';
import { requireBinary } from '../../../test/support/binaries';
import { runTerraform, terraformEnv } from '../../../test/support/terraform';
import { openDatabase } from '../store/openDatabase';
import { buildRunEnvironment } from './environment';
import { startRecordedRun, type RecordedRunOptions } from './recordedRun';
import { showPlan } from './showPlan';
import { RunStore } from './runStore';

const tf = requireBinary('terraform');

/** A root module calling two modules, `app` (a sensitive input) and `job` (a local-exec running `command`). */
function rootModule(command: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'driftless-run-'));
  const files: Record<string, string> = {
    'app/main.tf': `variable "secret" {\n  type      = string\n  sensitive = true\n}\nresource "terraform_data" "server" { input = { secret = var.secret } }\n`,
    'job/main.tf': `resource "terraform_data" "task" {\n  provisioner "local-exec" { command = ${JSON.stringify(command)} }\n}\n`,
    'root/main.tf': `variable "secret" {\n  type      = string\n  sensitive = true\n}\nmodule "app" {\n  source = "../app"\n  secret = var.secret\n}\nmodule "job" { source = "../job" }\n`,
  };
  for (const [name, text] of Object.entries(files)) {
    mkdirSync(join(dir, name, '..'), { recursive: true });
    writeFileSync(join(dir, name), text);
  }
  return join(dir, 'root');
}

describe.skipIf(!tf.available)(`terraform in a pty ${tf.reason}`, () => {
  let db: ReturnType<typeof openDatabase>;
  let store: RunStore;
  beforeAll(() => {
    db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-runs-')), 'driftless.db'));
    store = new RunStore(db);
  });
  afterAll(() => db.close());

  async function prepared(command: string) {
    const cwd = rootModule(command);
    const env = buildRunEnvironment({ base: terraformEnv(join(cwd, '..', 'config')) as Record<string, string>, variables: { secret: 'pa55word-xyz' } });
    const init = await runTerraform(['init', '-input=false'], { cwd, env });
    expect(init.code).toBe(0);
    return { cwd, env };
  }

  const run = (options: Omit<RecordedRunOptions, 'store' | 'environmentId' | 'binary'>) =>
    startRecordedRun({ store, environmentId: 'dev', binary: tf.path, ...options });

  it('terraform version: output streamed, stored and replayable, run succeeded', async () => {
    const received: string[] = [];
    const started = run({ kind: 'version', args: ['version'], cwd: tmpdir(), env: buildRunEnvironment(), onData: (chunk) => { received.push(chunk); started.pty!.acknowledge(chunk.length); } });
    const outcome = await started.finished;
    expect(outcome.record.status).toBe('succeeded');
    expect(outcome.record.exitCode).toBe(0);
    expect(received.join('')).toContain('Terraform v1.11.4');
    expect([...store.chunks(started.id)].map((chunk) => chunk.data)).toEqual(received);
  });

  it('plan: per-node live status from the stream and the saved plan summarised per node', async () => {
    const { cwd, env } = await prepared('echo done');
    const outcome = await run({ kind: 'plan', args: ['plan', '-json', '-out=saved.tfplan'], cwd, env }).finished;
    expect(outcome.record.status).toBe('succeeded');
    expect(outcome.live.nodes).toEqual({ app: 'waiting', job: 'waiting' });
    expect(outcome.live.summary).toMatchObject({ add: 2, operation: 'plan' });
    const shown = await showPlan(tf.path, 'saved.tfplan', { cwd, env });
    expect(shown.diagnostics).toEqual([]);
    store.savePlan(outcome.record.id, shown.json);
    const plan = shown.summary!;
    expect(summarizePlan(store.planOf(outcome.record.id)!).value!.totals.create).toBe(2);
    expect(plan.nodes.app!.counts.create).toBe(1);
    expect(plan.nodes.job!.counts.create).toBe(1);
    expect(JSON.stringify(plan)).not.toContain('pa55word-xyz');
  });

  it('cancel: a sleeping local-exec stops on SIGINT, the run is cancelled, the lock released, the next run works', async () => {
    const { cwd, env } = await prepared('sleep 60');
    let provisioning!: () => void;
    const reached = new Promise<void>((resolve) => (provisioning = resolve));
    const started = run({
      kind: 'apply', args: ['apply', '-json', '-auto-approve'], cwd, env,
      onLive: (live) => { if (live.nodes.job === 'creating') provisioning(); },
    });
    await reached;
    await new Promise((resolve) => setTimeout(resolve, 500)); // inside the sleep
    const cancelledAt = Date.now();
    started.pty!.cancel();
    const outcome = await started.finished;
    expect(Date.now() - cancelledAt).toBeLessThan(10_000);
    expect(outcome.record.status).toBe('cancelled');
    expect(outcome.failure!.code).toBe('cancelled');
    expect(existsSync(join(cwd, '.terraform.tfstate.lock.info'))).toBe(false);
    const next = await runTerraform(['plan', '-input=false', '-lock-timeout=0s', '-detailed-exitcode'], { cwd, env });
    expect(next.code).toBe(2); // the job still has to be created: a plan with changes, not a lock error
  }, 60_000);

  it('failing apply: a local-exec that exits 1 fails the run with the resource named', async () => {
    const { cwd, env } = await prepared('echo about to fail; exit 1');
    const outcome = await run({ kind: 'apply', args: ['apply', '-json', '-auto-approve'], cwd, env }).finished;
    expect(outcome.record.status).toBe('failed');
    expect(outcome.record.exitCode).toBe(1);
    expect(outcome.failure).toMatchObject({ code: 'resource_failed', address: 'module.job.terraform_data.task' });
    expect(outcome.live.nodes).toEqual({ app: 'done', job: 'failed' });
    expect(store.get(outcome.record.id)!.summary).toMatchObject({ failure: { code: 'resource_failed' } });
  });

  it('stale plan: applying a saved plan after the state changed fails as stale_plan with what to do', async () => {
    const { cwd, env } = await prepared('echo ok');
    expect((await runTerraform(['plan', '-out=saved.tfplan'], { cwd, env })).code).toBe(0);
    expect((await runTerraform(['apply', '-auto-approve'], { cwd, env })).code).toBe(0);
    const outcome = await run({ kind: 'apply', args: ['apply', '-json', 'saved.tfplan'], cwd, env }).finished;
    expect(outcome.record.status).toBe('failed');
    expect(outcome.failure!.code).toBe('stale_plan');
    expect(outcome.failure!.message).toMatch(/Plan again/);
    expect((await showPlan(tf.path, 'missing.tfplan', { cwd, env })).diagnostics[0]!.code).toBe('plan.show-failed');
  });

  it('flood through terraform: every character of a local-exec flood is stored', async () => {
    // Terraform itself relays local-exec output at about 0.5 MB/s here, so 4 MB (50 MB: bench and ptyRun tests).
    const size = 4_000_000;
    const { cwd, env } = await prepared(`head -c ${size} /dev/zero | tr '\\000' '\\121' | fold -w 2000`);
    const started = run({ kind: 'apply', args: ['apply', '-auto-approve'], cwd, env, onData: (chunk) => setTimeout(() => started.pty!.acknowledge(chunk.length), 1) });
    const outcome = await started.finished;
    expect(outcome.record.status).toBe('succeeded');
    let stored = 0;
    for (const chunk of store.chunks(started.id)) stored += chunk.data.split('Q').length - 1;
    expect(stored).toBe(size);
  }, 90_000);

  it('missing binary: the run fails with a message saying what to install', async () => {
    const outcome = await startRecordedRun({ store, environmentId: 'dev', binary: '/nonexistent/terraform', kind: 'plan', args: ['plan'], cwd: tmpdir(), env: buildRunEnvironment() }).finished;
    expect(outcome.record.status).toBe('failed');
    expect(outcome.failure).toMatchObject({ code: 'binary_missing' });
    expect(outcome.failure!.message).toMatch(/Install Terraform 1\.5 or newer or OpenTofu/);
    expect([...store.chunks(outcome.record.id)][0]!.data).toContain('/nonexistent/terraform was not found');
  });
});
