import { spawn, type ChildProcess } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendRequest } from '../../../test/support/stateClient';
import { openDatabase } from '../store/openDatabase';

const childScript = join(import.meta.dirname, '../../../test/support/stateBackendChild.ts');

interface Running {
  child: ChildProcess;
  address: string;
  auth: { username: string; password: string };
}

/** Starts the backend in its own process (node with tsx registered) and reads its settings line. */
function startChild(databasePath: string): Promise<Running> {
  const child = spawn(process.execPath, ['--import', 'tsx', childScript, databasePath, 'crash'], { stdio: ['ignore', 'pipe', 'pipe'] });
  return new Promise((resolve, reject) => {
    let out = '';
    let err = '';
    child.stderr!.on('data', (chunk: Buffer) => (err += chunk.toString()));
    child.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n')[0]!;
      if (!out.includes('\n')) return;
      const settings = JSON.parse(line) as { env: Record<string, string> };
      resolve({ child, address: settings.env.TF_HTTP_ADDRESS!, auth: { username: settings.env.TF_HTTP_USERNAME!, password: settings.env.TF_HTTP_PASSWORD! } });
    });
    child.once('exit', (code) => reject(new Error(`state-backend exited with ${code} before it started: ${err}`)));
  });
}

// every third body is over 1 MiB, so it is sealed as more than one chunk
const bodyOf = (serial: number) =>
  JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'crash-lineage', outputs: {}, resources: [{ mode: 'managed', type: 'terraform_data', name: 'pad', provider: 'p', instances: [{ attributes: { id: String(serial), input: 'x'.repeat((serial % 3 === 0 ? 1_100_000 : 20_000) + ((serial * 7919) % 400_000)) } }] }] });

describe('state backend killed with SIGKILL during a stream of writes', () => {
  it('keeps the database intact and every acknowledged write, in order, round after round', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-crash-'));
    const acknowledged: { serial: number; sha256: string }[] = [];
    let serial = 0;
    const started = Date.now();
    let rounds = 0;
    while (rounds < 10 && Date.now() - started < 45_000) {
      rounds++;
      const running = await startChild(join(dataDir, 'driftless.db'));
      const current = await backendRequest(running.address, 'GET', { auth: running.auth });
      if (current.status === 200) serial = JSON.parse(current.body.toString()).serial;
      let killer: NodeJS.Timeout | undefined;
      let acknowledgedThisRound = 0;
      const exited = new Promise((resolve) => running.child.once('exit', resolve));
      for (;;) {
        // the kill lands at a random moment of the stream, once the first write of the round is in
        if (acknowledgedThisRound > 0 && !killer) killer = setTimeout(() => running.child.kill('SIGKILL'), 20 + Math.floor(Math.random() * 300));
        const body = bodyOf(++serial);
        try {
          const reply = await backendRequest(running.address, 'POST', { auth: running.auth, body });
          if (reply.status !== 200) throw new Error(`POST answered ${reply.status}: ${reply.body.toString()}`);
          acknowledged.push({ serial, sha256: createHash('sha256').update(body).digest('hex') });
          acknowledgedThisRound++;
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code === undefined) throw error;
          break; // the connection died with the process
        }
      }
      clearTimeout(killer);
      await exited;
    }

    const db = openDatabase(join(dataDir, 'driftless.db'));
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    const stored = db.prepare("SELECT serial, sha256 FROM state_versions WHERE environment_id = 'crash' ORDER BY version").all() as { serial: number; sha256: string }[];
    db.close();
    const storedBySerial = new Map(stored.map((row) => [row.serial, row.sha256]));
    for (const write of acknowledged) expect(storedBySerial.get(write.serial), `serial ${write.serial}`).toBe(write.sha256);
    const serials = stored.map((row) => row.serial);
    expect(serials).toEqual([...serials].sort((a, b) => a - b));
    expect(rounds).toBeGreaterThanOrEqual(5);
    expect(acknowledged.length).toBeGreaterThanOrEqual(rounds);
  }, 90_000);
});
