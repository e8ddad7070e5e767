import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../store/openDatabase';
import { createProjectRepository } from './projectRepository';

const CHILD = new URL('./editLoopChild.ts', import.meta.url).pathname;
const ROUNDS = 20;
/** On a loaded machine stop after this long, once MIN_ROUNDS kills are done: each round starts a fresh tsx process. */
const BUDGET_MS = 75_000;
const MIN_ROUNDS = 8;

/** Starts the edit loop, kills it with SIGKILL after a few acknowledged edits, and returns the last acknowledged revision. */
function runAndKill(path: string, afterAcks: number): Promise<number> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', CHILD, path], { stdio: ['ignore', 'pipe', 'pipe'] });
    let buffer = '';
    let acked = 0;
    let count = 0;
    let stderr = '';
    const deadline = setTimeout(() => child.kill('SIGKILL'), 15000);
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
    child.stdout.on('data', (chunk: Buffer) => {
      buffer += chunk.toString();
      const lines = buffer.split('\n');
      buffer = lines.pop()!;
      for (const line of lines) {
        if (line === 'ready') continue;
        acked = Number(line);
        if (++count === afterAcks) child.kill('SIGKILL');
      }
    });
    child.on('exit', (_code, signal) => {
      clearTimeout(deadline);
      if (signal !== 'SIGKILL') reject(new Error(`the edit loop exited by itself: ${stderr}`));
      else resolve(acked);
    });
  });
}

describe('crash safety', () => {
  it(`keeps every acknowledged edit and an intact database across ${MIN_ROUNDS} to ${ROUNDS} SIGKILLs`, async () => {
    const started = Date.now();
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-crash-')), 'driftless.db');
    let acknowledged = 0;
    let round = 0;
    for (; round < ROUNDS && (round < MIN_ROUNDS || Date.now() - started < BUDGET_MS); round++) {
      acknowledged = Math.max(acknowledged, await runAndKill(path, 1 + ((round * 37) % 200)));
      const db = openDatabase(path);
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const repository = createProjectRepository({ db });
      const revision = repository.revision('crash');
      expect(revision).toBeGreaterThanOrEqual(acknowledged);
      const log = db.prepare("SELECT count(*) AS n, max(seq) AS last FROM edit_log WHERE project_id = 'crash'").get();
      expect(log).toEqual({ n: revision, last: revision === 0 ? null : revision });
      const nodes = repository.load('crash')!.diagram.nodes;
      for (let seq = Math.max(1, revision - 199); seq <= revision; seq++) expect(nodes[seq % 200]!.params.counter).toBe(seq);
      db.close();
    }
    expect(round).toBeGreaterThanOrEqual(MIN_ROUNDS);
    expect(acknowledged).toBeGreaterThan(round);
  }, 180000);
});
