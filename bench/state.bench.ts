import { closeSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStateBackend } from '../src/host/state/http/stateBackend';
import { openDatabase } from '../src/host/store/openDatabase';
import { backendRequest } from '../test/support/stateClient';
import { runTerraform, terraformEnv } from '../test/support/terraform';
import type { Benchmark, Measurement } from './harness';

/** A state of `count` terraform_data resources, about 1 KB each; the serial is the only thing that varies. */
function stateBody(count: number, serial: number): Buffer {
  const resources = Array.from({ length: count }, (_, index) => ({
    mode: 'managed', type: 'terraform_data', name: `item_${index}`, provider: 'provider["terraform.io/builtin/terraform"]',
    instances: [{ schema_version: 0, attributes: { id: `0b1c2d3e-${index}`, input: { value: 'x'.repeat(780), type: 'string' }, output: null, triggers_replace: null }, sensitive_attributes: [] }],
  }));
  return Buffer.from(JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'bench', outputs: {}, resources, check_results: null }, null, 2));
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timed(iterations: number, fn: (index: number) => Promise<unknown> | unknown, between?: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = -2; index < iterations; index++) {
    const start = performance.now();
    await fn(index + 2);
    if (index >= 0) times.push(performance.now() - start);
    await between?.();
  }
  return median(times);
}

function atomicWrite(path: string, body: Buffer): void {
  const temporary = `${path}.tmp`;
  const fd = openSync(temporary, 'w');
  writeSync(fd, body);
  fsyncSync(fd);
  closeSync(fd);
  renameSync(temporary, path);
}

async function terraformApply(dir: string, count: number, env: NodeJS.ProcessEnv, backend: string): Promise<number> {
  mkdirSync(dir, { recursive: true });
  writeFileSync(join(dir, 'main.tf'), `terraform {\n  ${backend}\n}\nresource "terraform_data" "item" {\n  count = ${count}\n  input = "item-\${count.index}"\n}\n`);
  const init = await runTerraform(['init', '-no-color'], { cwd: dir, env });
  if (init.code !== 0) throw new Error(init.stderr);
  const start = performance.now();
  const apply = await runTerraform(['apply', '-auto-approve', '-no-color'], { cwd: dir, env });
  if (apply.code !== 0) throw new Error(apply.stderr);
  return performance.now() - start;
}

const benchmark: Benchmark = {
  name: 'State backend',
  async run() {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-bench-state-'));
    const db = openDatabase(join(dir, 'driftless.db'));
    const backend = await startStateBackend({ db, log: () => {} });
    const auth = { username: backend.username, password: backend.password };
    const address = backend.addressOf('bench');
    const iterations = 9;
    const bodies = Array.from({ length: iterations + 2 }, (_, index) => stateBody(10_000, index + 1));
    const size = bodies[0]!.length;

    // POST is timed to terraform's answer; the deferred work (inventory, WAL checkpoint) is timed apart below
    let serial = 0;
    const post = await timed(iterations, async (index) => {
      const reply = await backendRequest(address, 'POST', { auth, body: bodies[index]! });
      if (reply.status !== 200) throw new Error(`POST ${reply.status}`);
      serial = index + 1;
    }, () => backend.indexer.whenIdle());
    const postAndDeferred = await timed(3, async (index) => {
      const reply = await backendRequest(address, 'POST', { auth, body: stateBody(10_000, serial + 1 + index) });
      if (reply.status !== 200) throw new Error(`POST ${reply.status}`);
      await backend.indexer.whenIdle();
    });
    const filePath = join(dir, 'terraform.tfstate');
    const fileWrite = await timed(iterations, (index) => atomicWrite(filePath, bodies[index]!));
    const get = await timed(iterations, async () => {
      const reply = await backendRequest(address, 'GET', { auth });
      if (reply.status !== 200 || reply.body.length < size) throw new Error(`GET ${reply.status}`);
    });
    const fileRead = await timed(iterations, () => readFileSync(filePath));
    const indexing = await timed(5, () => backend.indexer.indexNow('bench'));

    const measurements: Measurement[] = [
      { case: `atomic file write ${(size / 1e6).toFixed(1)} MB (fsync, rename)`, value: fileWrite, unit: 'ms' },
      { case: 'POST through the backend', value: post, unit: 'ms', baseline: `atomic file write ${(size / 1e6).toFixed(1)} MB (fsync, rename)`, target: '≤ 1.5×' },
      { case: 'POST + its deferred inventory and checkpoint (body built inside)', value: postAndDeferred, unit: 'ms' },
      { case: 'file read', value: fileRead, unit: 'ms' },
      { case: 'GET through the backend', value: get, unit: 'ms', baseline: 'file read', target: '≤ 3×' },
      { case: 'inventory indexing, 10,000 resources', value: indexing, unit: 'ms' },
    ];

    if (process.env.DRIFTLESS_BENCH_SKIP_TERRAFORM !== '1') {
      const count = Number(process.env.DRIFTLESS_BENCH_TF_RESOURCES ?? 1000);
      const env = terraformEnv(join(dir, 'config'), backend.envFor('apply'));
      const local = terraformEnv(join(dir, 'config'));
      const viaLocal = await terraformApply(join(dir, 'local'), count, local, '');
      const viaBackend = await terraformApply(join(dir, 'http'), count, env, 'backend "http" {}');
      measurements.push(
        { case: `terraform apply, ${count} terraform_data, local backend`, value: viaLocal, unit: 'ms' },
        { case: `terraform apply, ${count} terraform_data, Driftless backend`, value: viaBackend, unit: 'ms', baseline: `terraform apply, ${count} terraform_data, local backend`, target: '≤ 0.2× (5× faster)' },
      );
    }
    await backend.close();
    db.close();
    return measurements;
  },
};

export default benchmark;
