import { createServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo } from 'node:net';
import { closeSync, fstatSync, fsyncSync, mkdirSync, mkdtempSync, openSync, readFileSync, readSync, renameSync, writeFileSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startStateBackend } from '../src/host/state/http/stateBackend';
import { createStateRepository } from '../src/host/state/stateRepository';
import { writeState } from '../src/host/state/writeState';
import { openDatabase } from '../src/host/store/openDatabase';
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
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

/**
 * Requests sent from a worker thread (terraform is another process); resolves with the time the
 * worker measured. The worker uses node:http with a keep-alive agent: fetch (undici) took 4–5× as
 * long for the same 12.9 MB GET here, so it would measure the client, not the server.
 */
function threadClient() {
  const worker = new Worker(new URL('./httpClientWorker.mjs', import.meta.url));
  let next = 0;
  const waiting = new Map<number, (reply: { status: number; length: number; ms: number; error?: string }) => void>();
  worker.on('message', (reply) => waiting.get(reply.id)?.(reply));
  return {
    async send(url: string, method: string, auth: { username: string; password: string }, body?: Buffer) {
      const headers: Record<string, string> = { Authorization: `Basic ${Buffer.from(`${auth.username}:${auth.password}`).toString('base64')}` };
      if (body) Object.assign(headers, { 'Content-Type': 'application/json', 'Content-MD5': createHash('md5').update(body).digest('base64'), 'Content-Length': String(body.length) });
      const id = ++next;
      const reply = await new Promise<{ status: number; length: number; ms: number; error?: string }>((resolve) => {
        waiting.set(id, resolve);
        worker.postMessage({ id, url, method, headers, body });
      });
      waiting.delete(id);
      if (reply.error || reply.status !== 200) throw new Error(`${method} answered ${reply.status ?? reply.error}`);
      return reply;
    },
    close: () => worker.terminate(),
  };
}

/**
 * The floor under any HTTP answer here: the same bytes over a bare loopback TCP socket, read by a
 * client in a worker thread like the HTTP cases (one byte asks, `size` bytes answer).
 */
async function rawTcpTransfer(body: Buffer, iterations: number): Promise<number> {
  const server = createNetServer((socket) => socket.on('data', () => socket.write(body)));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const worker = new Worker(
    `const { parentPort, workerData } = require('node:worker_threads');
    const socket = require('node:net').connect(workerData.port, '127.0.0.1');
    parentPort.on('message', () => {
      const start = performance.now();
      let received = 0;
      const onData = (chunk) => {
        received += chunk.length;
        if (received < workerData.size) return;
        socket.off('data', onData);
        parentPort.postMessage(performance.now() - start);
      };
      socket.on('data', onData);
      socket.write('x');
    });`,
    { eval: true, workerData: { port: (server.address() as AddressInfo).port, size: body.length } },
  );
  const once = () => new Promise<number>((resolve) => {
    worker.once('message', resolve);
    worker.postMessage('go');
  });
  const ms = await timedBy(iterations, once);
  await worker.terminate();
  server.close();
  return ms;
}

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!;

async function timedBy(iterations: number, fn: (index: number) => Promise<number>, between?: () => Promise<unknown>): Promise<number> {
  const times: number[] = [];
  for (let index = -2; index < iterations; index++) {
    const ms = await fn(index + 2);
    if (index >= 0) times.push(ms);
    await between?.();
  }
  return median(times);
}

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

/**
 * The http backend protocol with no storage at all (GET answers the last POST from memory, LOCK
 * and UNLOCK always succeed): what terraform's apply costs through any http backend.
 */
async function bareStateServer(): Promise<{ env: Record<string, string>; requests: string[]; close(): void }> {
  let latest: Buffer | undefined;
  const requests: string[] = [];
  const server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      const body = Buffer.concat(chunks);
      requests.push(request.method ?? '');
      if (request.method === 'POST') latest = body;
      if (request.method === 'GET') return latest ? response.writeHead(200, { 'Content-Type': 'application/json' }).end(latest) : response.writeHead(204).end();
      response.writeHead(200, { 'Content-Type': 'application/json' }).end(request.method === 'LOCK' ? body : '{}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = `http://127.0.0.1:${(server.address() as AddressInfo).port}/state/bare`;
  return {
    env: { TF_HTTP_ADDRESS: address, TF_HTTP_LOCK_ADDRESS: address, TF_HTTP_UNLOCK_ADDRESS: address, TF_HTTP_LOCK_METHOD: 'LOCK', TF_HTTP_UNLOCK_METHOD: 'UNLOCK' },
    requests,
    close: () => server.close(),
  };
}

/** "GET×3 LOCK×1 …": how often each method was sent. */
const tally = (methods: string[]) =>
  [...new Set(methods)].map((method) => `${method}×${methods.filter((other) => other === method).length}`).join(' ');

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

    // POST is timed to the answer terraform waits for; the deferred work (inventory, WAL checkpoint) is timed apart below
    const client = threadClient();
    const post = await timedBy(iterations, async (index) => (await client.send(address, 'POST', auth, bodies[index]!)).ms, () => backend.indexer.whenIdle());
    const postAndDeferred = await timed(3, async (index) => {
      await client.send(address, 'POST', auth, stateBody(10_000, iterations + 3 + index));
      await backend.indexer.whenIdle();
    });
    const filePath = join(dir, 'terraform.tfstate');
    const fileWrite = await timed(iterations, (index) => atomicWrite(filePath, bodies[index]!));
    const get = await timedBy(iterations, async () => (await client.send(address, 'GET', auth)).ms);

    // The same bytes through a bare node:http server (POST discarded, GET from memory): what HTTP alone costs
    const latest = bodies[bodies.length - 1]!;
    const bare = createServer((request, response) => {
      request.resume();
      request.on('end', () => (request.method === 'GET' ? response.end(latest) : response.end()));
    });
    await new Promise<void>((resolve) => bare.listen(0, '127.0.0.1', resolve));
    const bareUrl = `http://127.0.0.1:${(bare.address() as AddressInfo).port}/`;
    const barePost = await timedBy(iterations, async (index) => (await client.send(bareUrl, 'POST', auth, bodies[index]!)).ms);
    const bareGet = await timedBy(iterations, async () => (await client.send(bareUrl, 'GET', auth)).ms);
    bare.close();
    await client.close();
    const fileRead = await timed(iterations, () => readFileSync(filePath));
    // readFileSync's fresh 12.9 MB buffer costs page faults unless the allocator hands back the one
    // just freed, so that baseline swings 1–8 ms between runs; a read into one reused buffer is the
    // page-cache copy alone.
    const descriptor = openSync(filePath, 'r');
    const reused = Buffer.allocUnsafe(fstatSync(descriptor).size);
    const fileReadReused = await timed(iterations, () => readSync(descriptor, reused, 0, reused.length, 0));
    closeSync(descriptor);
    const rawTcp = await rawTcpTransfer(latest, iterations);
    // without HTTP: the sealed write itself, and a GET's work when the body is not in memory (after a restart)
    const inProcessWrite = await timed(iterations, (index) => {
      writeState(db, backend.repository, { environmentId: `in-process-${index}`, body: bodies[index]! }); // a first write each: no serial to bump
    }, async () => db.pragma('wal_checkpoint(PASSIVE)'));
    const coldOpen = await timed(iterations, () => createStateRepository(db).latestWithBody('bench'));
    const indexing = await timed(5, () => backend.indexer.indexNow('bench'));

    const measurements: Measurement[] = [
      { case: `atomic file write ${(size / 1e6).toFixed(1)} MB (fsync, rename)`, value: fileWrite, unit: 'ms' },
      { case: 'POST through the backend (answered once the version is flushed to disk)', value: post, unit: 'ms', baseline: `atomic file write ${(size / 1e6).toFixed(1)} MB (fsync, rename)`, target: '≤ 1.5×' },
      { case: 'POST + its deferred inventory and checkpoint (body built inside)', value: postAndDeferred, unit: 'ms' },
      { case: 'bare node:http POST, body discarded', value: barePost, unit: 'ms' },
      { case: 'POST through the backend ', value: post, unit: 'ms', baseline: 'bare node:http POST, body discarded' },
      { case: 'file read', value: fileRead, unit: 'ms' },
      { case: 'GET through the backend', value: get, unit: 'ms', baseline: 'file read', target: '≤ 3×' },
      { case: 'file read into one reused buffer', value: fileReadReused, unit: 'ms' },
      { case: 'GET through the backend   ', value: get, unit: 'ms', baseline: 'file read into one reused buffer' },
      { case: 'bare node:http GET from memory', value: bareGet, unit: 'ms' },
      { case: 'GET through the backend ', value: get, unit: 'ms', baseline: 'bare node:http GET from memory' },
      { case: 'raw loopback TCP transfer of the same bytes (no HTTP)', value: rawTcp, unit: 'ms' },
      { case: 'bare node:http GET from memory ', value: bareGet, unit: 'ms', baseline: 'raw loopback TCP transfer of the same bytes (no HTTP)' },
      { case: 'GET through the backend  ', value: get, unit: 'ms', baseline: 'raw loopback TCP transfer of the same bytes (no HTTP)' },
      { case: 'seal + store in-process, flushed to disk (writeState, no HTTP)', value: inProcessWrite, unit: 'ms', baseline: `atomic file write ${(size / 1e6).toFixed(1)} MB (fsync, rename)` },
      { case: 'open the latest body from the database (cache miss, no HTTP)', value: coldOpen, unit: 'ms', baseline: 'file read' },
      { case: 'inventory indexing, 10,000 resources', value: indexing, unit: 'ms' },
    ];

    if (process.env.DRIFTLESS_BENCH_SKIP_TERRAFORM !== '1') {
      const count = Number(process.env.DRIFTLESS_BENCH_TF_RESOURCES ?? 1000);
      const env = terraformEnv(join(dir, 'config'), backend.envFor('apply'));
      const local = terraformEnv(join(dir, 'config'));
      const viaLocal = await terraformApply(join(dir, 'local'), count, local, '');
      const viaBackend = await terraformApply(join(dir, 'http'), count, env, 'backend "http" {}');
      // terraform POSTs the state at most every 20 s and at the end, so the apply is mostly terraform's own work: this is its floor
      const bareServer = await bareStateServer();
      const viaBare = await terraformApply(join(dir, 'bare'), count, terraformEnv(join(dir, 'config'), bareServer.env), 'backend "http" {}');
      bareServer.close();
      const localCase = `terraform apply, ${count} terraform_data, local backend`;
      const bareCase = `terraform apply, ${count} terraform_data, bare http server (no storage; init + apply sent ${tally(bareServer.requests)})`;
      measurements.push(
        { case: localCase, value: viaLocal, unit: 'ms' },
        { case: `terraform apply, ${count} terraform_data, Driftless backend`, value: viaBackend, unit: 'ms', baseline: localCase, target: '≤ 0.2× (5× faster)' },
        { case: bareCase, value: viaBare, unit: 'ms', baseline: localCase },
        { case: `terraform apply, ${count} terraform_data, Driftless backend `, value: viaBackend, unit: 'ms', baseline: bareCase },
      );
    }
    await backend.close();
    db.close();
    return measurements;
  },
};

export default benchmark;
