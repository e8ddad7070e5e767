import { spawn } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { backendRequest } from '../../../test/support/stateClient';
import { exportLines } from './state-backend';

const cli = join(import.meta.dirname, '../../../bin/driftless.mjs');

describe('driftless state-backend', () => {
  it('quotes export lines for a POSIX shell', () => {
    expect(exportLines({ TF_HTTP_PASSWORD: "a'b" })).toEqual([`export TF_HTTP_PASSWORD='a'\\''b'`]);
  });

  it('prints the exact TF_HTTP_* lines and the empty backend block, serves state with them, and exits 0 on SIGTERM', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-state-backend-cli-'));
    const child = spawn(process.execPath, [cli, 'state-backend', '--environment', 'mine', '--data-dir', dataDir], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    await new Promise<void>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('terraform init')) resolve();
      });
      child.once('exit', (code) => reject(new Error(`exited ${code}`)));
    });
    const env = Object.fromEntries([...output.matchAll(/^export (TF_HTTP_[A-Z_]+)='([^']*)'$/gm)].map((match) => [match[1], match[2]]));
    expect(Object.keys(env).sort()).toEqual(['TF_HTTP_ADDRESS', 'TF_HTTP_LOCK_ADDRESS', 'TF_HTTP_LOCK_METHOD', 'TF_HTTP_PASSWORD', 'TF_HTTP_UNLOCK_ADDRESS', 'TF_HTTP_UNLOCK_METHOD', 'TF_HTTP_USERNAME']);
    expect(env.TF_HTTP_ADDRESS).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/state\/mine$/);
    expect(output).toContain('terraform {\n  backend "http" {}\n}');
    const reply = await backendRequest(env.TF_HTTP_ADDRESS!, 'GET', { auth: { username: env.TF_HTTP_USERNAME!, password: env.TF_HTTP_PASSWORD! } });
    expect(reply.status).toBe(204);
    const exited = new Promise((resolve) => child.once('exit', resolve));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });
});
