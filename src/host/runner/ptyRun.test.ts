import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { buildRunEnvironment } from './environment';
import { startPtyRun } from './ptyRun';
import { RunStore } from './runStore';

const env = buildRunEnvironment();
const sh = (script: string) => ({ file: '/bin/sh', args: ['-c', script], cwd: tmpdir(), env });
const count = (text: string, character: string) => text.split(character).length - 1;

describe('pty runs', () => {
  it('runs a command in a real terminal and reports its exit code', async () => {
    const chunks: string[] = [];
    const run = startPtyRun({ ...sh('test -t 1 && echo "a tty: $TERM"; exit 3'), onData: (chunk) => { chunks.push(chunk); run.acknowledge(chunk.length); } });
    const exit = await run.exited;
    expect(exit).toMatchObject({ exitCode: 3, cancelled: false, killed: false });
    expect(chunks.join('')).toBe('a tty: xterm-256color\r\n');
  });

  it('ends when the command ends, with all its output, not when the terminal closes (a process left behind holds it open)', async () => {
    let lastOutputAt = 0;
    let output = '';
    // The background sleep keeps the pty open after the wrapper exits: node-pty then waits 200 ms
    // before it reports an exit. The run must not wait for that, nor for the wrapper.
    const run = startPtyRun({ ...sh("(trap '' HUP; sleep 30) & echo last words; exit 4"), sink: { write: (chunk) => { output += chunk; lastOutputAt = performance.now(); } } });
    const exit = await run.exited;
    const endedAfterOutput = performance.now() - lastOutputAt;
    run.kill(); // the sleep left behind
    expect(exit.exitCode).toBe(4);
    expect(output).toBe('last words\r\n');
    expect(endedAfterOutput).toBeLessThan(150);
  });

  it('batches output into few chunks', async () => {
    const chunks: string[] = [];
    const run = startPtyRun({ ...sh('i=0; while [ $i -lt 2000 ]; do echo line $i; i=$((i+1)); done'), batchMs: 20, onData: (chunk) => { chunks.push(chunk); run.acknowledge(chunk.length); } });
    await run.exited;
    expect(count(chunks.join(''), '\n')).toBe(2000);
    expect(chunks.length).toBeLessThan(200);
  });

  it('resizes the terminal', async () => {
    let output = '';
    const run = startPtyRun({ ...sh('sleep 0.5; stty size'), cols: 80, rows: 24, sink: { write: (chunk) => (output += chunk) } });
    run.resize(100, 40);
    await run.exited;
    expect(output).toContain('40 100');
  });

  it('first cancel sends Ctrl-C to the whole foreground group; the process ends at once', async () => {
    const run = startPtyRun(sh('sleep 60 | cat'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    const started = Date.now();
    expect(run.cancel()).toBe('interrupted');
    const exit = await run.exited;
    expect(Date.now() - started).toBeLessThan(3000);
    expect(exit.cancelled).toBe(true);
    expect(exit.killed).toBe(false);
  });

  it('Ctrl-C is answered during a flood while the pty is paused by flow control', async () => {
    const run = startPtyRun({ ...sh("head -c 500000000 /dev/zero | tr '\\000' '\\121'"), onData: () => undefined });
    while (!run.paused) await new Promise((resolve) => setTimeout(resolve, 5));
    const started = Date.now();
    run.cancel();
    const exit = await run.exited;
    expect(Date.now() - started).toBeLessThan(2000);
    expect(exit.cancelled).toBe(true);
    expect(exit.outputLength).toBeLessThan(500_000_000);
  });

  it('a consumer that acknowledges as the sink receives a chunk (same process) never leaves the pty paused', async () => {
    const size = 5_000_000;
    let acknowledged = 0;
    const run = startPtyRun({
      ...sh(`head -c ${size} /dev/zero | tr '\\000' '\\121'; echo; echo END`),
      batchMs: 300, // batches bigger than the window, as a busy event loop gathers them
      onData: () => undefined,
      sink: { write: (chunk) => { acknowledged += chunk.length; run.acknowledge(chunk.length); } },
    });
    const outcome = await Promise.race([run.exited, new Promise<'stalled'>((resolve) => setTimeout(() => resolve('stalled'), 30_000))]);
    expect(outcome).not.toBe('stalled');
    expect(acknowledged).toBe(size + '\r\nEND\r\n'.length);
  }, 40_000);

  it('a second cancel kills what ignores Ctrl-C', async () => {
    const run = startPtyRun(sh('trap "" INT; sleep 60'));
    await new Promise((resolve) => setTimeout(resolve, 300));
    run.cancel();
    const stillRunning = await Promise.race([run.exited.then(() => false), new Promise((resolve) => setTimeout(() => resolve(true), 500))]);
    expect(stillRunning).toBe(true);
    expect(run.cancel()).toBe('killed');
    const exit = await run.exited;
    expect(exit).toMatchObject({ cancelled: true, killed: true });
  });

  it('flood: 50 MB to a slow consumer is stored complete while the pty pauses and memory stays bounded', async () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-flood-')), 'driftless.db'));
    const store = new RunStore(db);
    const record = store.create({ environmentId: 'dev', kind: 'apply', command: ['flood'] });
    const size = 50_000_000;
    // 'Q' written as octal so the command line itself holds none.
    const script = `head -c ${size} /dev/zero | tr '\\000' '\\121'`;
    const queue: string[] = [];
    let received = 0;
    let maxQueued = 0;
    let queued = 0;
    let pausedSeen = false;
    const run = startPtyRun({
      ...sh(script),
      sink: { write: (chunk) => void store.append(record.id, chunk) },
      onData: (chunk) => {
        queue.push(chunk);
        queued += chunk.length;
        maxQueued = Math.max(maxQueued, queued);
      },
    });
    const rssBefore = process.memoryUsage().rss;
    let rssPeak = rssBefore;
    // The slow consumer: stalled for its first 500 ms, then every 2 ms it processes at most 64k
    // characters and acknowledges them.
    const stalledUntil = Date.now() + 500;
    const consumer = setInterval(() => {
      pausedSeen ||= run.paused;
      rssPeak = Math.max(rssPeak, process.memoryUsage().rss);
      if (Date.now() < stalledUntil) return;
      let budget = 65536;
      while (budget > 0 && queue.length > 0) {
        const chunk = queue.shift()!;
        received += count(chunk, 'Q');
        budget -= chunk.length;
        queued -= chunk.length;
        run.acknowledge(chunk.length);
      }
    }, 2);
    const exit = await run.exited;
    await new Promise((resolve) => setTimeout(resolve, 50));
    clearInterval(consumer);
    expect(exit.exitCode).toBe(0);
    expect(exit.outputLength).toBe(size);
    expect(received).toBe(size);
    expect(store.outputLength(record.id)).toBe(size);
    expect(pausedSeen).toBe(true);
    // Paused above 100k unacknowledged: the backlog is one batch past that, never megabytes.
    expect(maxQueued).toBeLessThan(1_000_000);
    expect(rssPeak - rssBefore).toBeLessThan(100 * 1024 * 1024);
    db.close();
  }, 120_000);
});
