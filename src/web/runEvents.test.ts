import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import type { Host } from '../host/createHost';
import { requireBinary } from '../../test/support/binaries';
import { importDiagram, runHost, taskDiagram } from '../../test/support/runProjects';
import { readOutputFrame } from '../core/api/wire';
import { startWebShell, type WebShell } from './webShell';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`run events over the web shell's socket ${tf.reason}`, () => {
  let host: Host;
  let shell: WebShell;
  beforeAll(async () => {
    host = runHost();
    const dir = mkdtempSync(join(tmpdir(), 'driftless-static-'));
    mkdirSync(join(dir, 'assets'));
    writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Driftless</title>');
    shell = await startWebShell({ host, staticDir: dir });
  });
  afterAll(async () => {
    await shell?.close();
    await host?.close();
  });

  it('a plan started over the socket streams run.output as binary frames (acknowledged with run.ack) and run.status until planned; the replay matches, non-ASCII included', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('socket', { one: { command: 'echo one ✓ ünï 🚀', url: 'file:///one' } }));
    const origin = `http://127.0.0.1:${shell.port}`;
    const ws = new WebSocket(`ws://127.0.0.1:${shell.port}/api?token=${shell.token}`, { headers: { Origin: origin } });
    await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
    let nextId = 1;
    const pending = new Map<number, (result: unknown) => void>();
    const call = (method: string, request: unknown) =>
      new Promise<{ ok: boolean; value?: any; error?: unknown }>((resolve) => { // eslint-disable-line @typescript-eslint/no-explicit-any -- wire results
        const id = nextId++;
        pending.set(id, resolve as (result: unknown) => void);
        ws.send(JSON.stringify({ type: 'call', id, method, request }));
      });
    const output: string[] = [];
    const statuses: string[] = [];
    let planned!: () => void;
    const done = new Promise<void>((resolve) => (planned = resolve));
    const seqs: number[] = [];
    let jsonOutput = 0;
    ws.on('message', (data: Buffer, isBinary: boolean) => {
      if (isBinary) {
        const frame = readOutputFrame(new Uint8Array(data.buffer, data.byteOffset, data.byteLength))!;
        const text = data.subarray(frame.dataOffset).toString('utf8');
        output.push(text);
        seqs.push(frame.seq);
        void call('run.ack', { runId: frame.runId, characters: text.length });
        return;
      }
      const message = JSON.parse(data.toString()) as { type: string; id?: number; result?: unknown; event?: string; payload?: { runId: string; data?: string; status?: string } };
      if (message.type === 'result') pending.get(message.id!)?.(message.result);
      else if (message.event === 'run.output') jsonOutput++;
      else if (message.event === 'run.status') {
        statuses.push(message.payload!.status!);
        if (message.payload!.status === 'planned' || message.payload!.status === 'failed') planned();
      }
    });
    ws.send(JSON.stringify({ type: 'subscribe', event: 'run.output' }));
    ws.send(JSON.stringify({ type: 'subscribe', event: 'run.status' }));
    const started = await call('run.plan', { projectId, environmentId: environments.dev });
    expect(started.ok).toBe(true);
    await done;
    expect(statuses).toEqual(expect.arrayContaining(['running', 'planned']));
    const replay = await call('run.output', { runId: started.value.run.id });
    expect(replay.value.chunks.map((chunk: { data: string }) => chunk.data)).toEqual(output);
    expect(replay.value.chunks.map((chunk: { seq: number }) => chunk.seq)).toEqual(seqs);
    expect(jsonOutput).toBe(0);
    expect(output.join('')).toContain('one ✓ ünï 🚀');
    expect(output.join('')).toContain('Plan:');
    const run = await call('run.get', { runId: started.value.run.id });
    expect(run.value.nodes['one-id'].counts.create).toBe(1);
    ws.close();
  }, 60_000);
});
