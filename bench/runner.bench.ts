import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { spawn } from 'node-pty';
import { summarizePlan } from '../src/core/terraform/plan';
import { buildRunEnvironment } from '../src/host/runner/environment';
import { startPtyRun } from '../src/host/runner/ptyRun';
import { RunStore } from '../src/host/runner/runStore';
import { openDatabase } from '../src/host/store/openDatabase';
import { whichBinary } from '../src/host/runner/binary';
import { providerMirror, terraformEnv } from '../test/support/terraform';
import { medianMs, type Benchmark, type Measurement } from './harness';

const size = 50_000_000;
// Coloured, plan-like lines ('Q' written in octal so nothing is special about the command line).
const flood = `head -c ${size} /dev/zero | tr '\\000' '\\121' | fold -w 120`;
const env = buildRunEnvironment();

function execTerraform(terraform: string, args: string[], options: { cwd: string; env: NodeJS.ProcessEnv }): Promise<void> {
  return new Promise((resolve, reject) => execFile(terraform, args, options, (error) => (error ? reject(error) : resolve())));
}

/** A run through ptyRun (the exit-marker wrapper, 5 ms batches) whose consumer acknowledges at once. */
async function viaPtyRun(file: string, args: string[], cwd: string, runEnv: Record<string, string>): Promise<number> {
  const run = startPtyRun({ file, args, cwd, env: runEnv, onData: (chunk) => run.acknowledge(chunk.length) });
  return (await run.exited).exitCode;
}

/** node-pty alone, no wrapper: ends at the pty's exit (and may lose a long tail; see ptyRun). */
function directPty(file: string, args: string[], cwd: string, runEnv: Record<string, string>): Promise<void> {
  return new Promise((resolve) => {
    const pty = spawn(file, args, { cols: 120, rows: 30, cwd, env: runEnv });
    pty.onData(() => undefined);
    pty.onExit(() => resolve());
  });
}

function execShell(script: string): Promise<void> {
  return new Promise((resolve, reject) => execFile('/bin/sh', ['-c', script], { env }, (error) => (error ? reject(error) : resolve())));
}

/** node-pty alone: one listener counting characters, no batching, no flow control, no storage. */
function barePty(): Promise<number> {
  return new Promise((resolve) => {
    const pty = spawn('/bin/sh', ['-c', flood], { cols: 120, rows: 30, cwd: tmpdir(), env });
    let characters = 0;
    pty.onData((data) => (characters += data.length));
    pty.onExit(() => resolve(characters));
  });
}

async function driftlessPty(store?: RunStore): Promise<number> {
  const record = store?.create({ environmentId: 'bench', kind: 'apply', command: ['flood'] });
  const run = startPtyRun({
    file: '/bin/sh',
    args: ['-c', flood],
    cwd: tmpdir(),
    env,
    sink: store && record ? { write: (chunk) => void store.append(record.id, chunk) } : undefined,
    // A consumer that acknowledges right away, as a renderer keeping up would.
    onData: (chunk) => run.acknowledge(chunk.length),
  });
  return (await run.exited).outputLength;
}

/** A plan of about `bytes` bytes: 50 nodes, resources with nested attributes, some sensitive. */
function syntheticPlan(bytes: number): string {
  const changes: unknown[] = [];
  const actions = [['create'], ['update'], ['delete', 'create'], ['delete'], ['no-op'], ['read']];
  let length = 0;
  for (let i = 0; length < bytes; i++) {
    const node = `node_${i % 50}`;
    const attributes = { name: `resource-${i}`, tags: { team: 'platform', index: String(i) }, rules: Array.from({ length: 8 }, (_, n) => ({ port: 1000 + n, cidr: `10.0.${n}.0/24` })), password: `secret-${i}`, description: 'x'.repeat(200) };
    const change = {
      address: `module.${node}.aws_thing.item[${i}]`, module_address: `module.${node}`, mode: 'managed', type: 'aws_thing', name: 'item', index: i,
      provider_name: 'registry.terraform.io/hashicorp/aws',
      change: { actions: actions[i % actions.length], before: attributes, after: { ...attributes, name: `resource-${i}-b` }, after_unknown: { id: true }, before_sensitive: { password: true }, after_sensitive: { password: true } },
    };
    length += JSON.stringify(change).length + 1;
    changes.push(change);
  }
  return JSON.stringify({ format_version: '1.2', terraform_version: '1.11.4', resource_changes: changes, output_changes: {}, errored: false, applyable: true, complete: true });
}

/** Medians of `a` and `b` run alternately, so both see the same machine load (the machine is shared). */
async function interleaved(a: () => Promise<unknown>, b: () => Promise<unknown>, iterations: number): Promise<[number, number]> {
  const times: [number[], number[]] = [[], []];
  await a();
  await b();
  for (let i = 0; i < iterations; i++) {
    for (const [index, fn] of [a, b].entries()) {
      const start = performance.now();
      await fn();
      times[index]!.push(performance.now() - start);
    }
  }
  const median = (list: number[]) => list.sort((x, y) => x - y)[Math.floor(list.length / 2)]!;
  return [median(times[0]), median(times[1])];
}

const benchmark: Benchmark = {
  name: 'Runner',
  async run() {
    const results: Measurement[] = [];
    const dir = mkdtempSync(join(tmpdir(), 'driftless-bench-runner-'));
    try {
      // 1. Output throughput, 50 MB.
      const floor = await medianMs(() => execShell(`${flood} > /dev/null`), 3, 0);
      const [bare, ours] = await interleaved(barePty, () => driftlessPty(), 2);
      // Ctrl-C during a flood whose consumer never acknowledges (the pty is paused): time to exit.
      const interrupts: number[] = [];
      for (let i = 0; i < 3; i++) {
        const run = startPtyRun({ file: '/bin/sh', args: ['-c', flood], cwd: tmpdir(), env, onData: () => undefined });
        while (!run.paused) await new Promise((resolve) => setTimeout(resolve, 2));
        const start = performance.now();
        run.cancel();
        await run.exited;
        interrupts.push(performance.now() - start);
      }
      const interrupt = interrupts.sort((a, b) => a - b)[1]!;
      const db = openDatabase(join(dir, 'driftless.db'));
      const stored = await medianMs(() => driftlessPty(new RunStore(db)), 1, 0);
      db.close();
      results.push(
        { case: '50 MB generated to /dev/null (no terminal)', value: floor, unit: 'ms' },
        { case: '50 MB through bare node-pty', value: bare, unit: 'ms', baseline: '50 MB generated to /dev/null (no terminal)' },
        { case: '50 MB through ptyRun (5 ms batches, flow control)', value: ours, unit: 'ms', baseline: '50 MB through bare node-pty', target: '≈ 1×' },
        { case: '50 MB through ptyRun + stored in SQLite', value: stored, unit: 'ms', baseline: '50 MB through bare node-pty' },
        { case: 'Ctrl-C during a paused flood → exit', value: interrupt, unit: 'ms', target: '< 100 ms' },
      );

      // 2. Overhead per terraform command, same run, interleaved.
      const terraform = whichBinary('terraform', env);
      if (terraform) {
        const [bareCli, viaPty] = await interleaved(
          () => execTerraform(terraform, ['version'], { env, cwd: dir }),
          () => viaPtyRun(terraform, ['version'], dir, env),
          10,
        );
        const [, bareDirect] = await interleaved(
          () => viaPtyRun(terraform, ['version'], dir, env),
          () => directPty(terraform, ['version'], dir, env),
          6,
        );
        results.push(
          { case: 'terraform version, bare execFile', value: bareCli, unit: 'ms' },
          { case: 'terraform version via ptyRun', value: viaPty, unit: 'ms', baseline: 'terraform version, bare execFile', target: '≤ 1.05×' },
          { case: 'terraform version in node-pty, no wrapper (loses tails)', value: bareDirect, unit: 'ms', baseline: 'terraform version, bare execFile' },
        );

        // 2b. Re-init with warm providers (AWS from the mirror through a plugin cache) in one workdir.
        if (providerMirror()) {
          const workdir = join(dir, 'reinit');
          const cache = join(dir, 'plugin-cache');
          mkdirSync(cache, { recursive: true });
          mkdirSync(workdir, { recursive: true });
          writeFileSync(join(workdir, 'main.tf.json'), JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } } } }));
          const initEnv = terraformEnv(join(dir, 'cli'), { TF_PLUGIN_CACHE_DIR: cache }) as Record<string, string>;
          await execTerraform(terraform, ['init', '-input=false'], { cwd: workdir, env: initEnv }); // warms the cache
          const [bareInit, ourInit] = await interleaved(
            () => execTerraform(terraform, ['init', '-input=false'], { cwd: workdir, env: initEnv }),
            async () => {
              if ((await viaPtyRun(terraform, ['init', '-input=false'], workdir, initEnv)) !== 0) throw new Error('init failed');
            },
            4,
          );
          results.push(
            { case: 'terraform init, warm providers, bare execFile', value: bareInit, unit: 'ms' },
            { case: 'terraform init, warm providers, via ptyRun', value: ourInit, unit: 'ms', baseline: 'terraform init, warm providers, bare execFile', target: '≤ 1.2×' },
          );
        }
      }

      // 3. Plan to badges, 50 MB plan JSON.
      const planPath = join(dir, 'plan.json');
      writeFileSync(planPath, syntheticPlan(50_000_000));
      const [parseOnly, badges] = await interleaved(
        async () => JSON.parse(readFileSync(planPath, 'utf8')),
        async () => {
          const summary = summarizePlan(readFileSync(planPath, 'utf8')).value!;
          return Object.values(summary.nodes).map((node) => node.counts);
        },
        3,
      );
      results.push(
        { case: '50 MB plan: read + JSON.parse', value: parseOnly, unit: 'ms' },
        { case: '50 MB plan: read + per-node badges', value: badges, unit: 'ms', baseline: '50 MB plan: read + JSON.parse', target: '≤ 1.2×' },
      );
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
    return results;
  },
};

export default benchmark;
