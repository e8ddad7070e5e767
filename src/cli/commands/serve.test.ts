import { spawn } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { runBundlesDir } from '../../../test/support/runProjects';

const bin = fileURLToPath(new URL('../../../bin/driftless.mjs', import.meta.url));

/** Starts `driftless serve` with these arguments; resolves with its printed URL and a stop function. */
async function serve(args: string[]): Promise<{ url: URL; stop: () => void }> {
  const staticDir = mkdtempSync(join(tmpdir(), 'driftless-serve-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>Driftless</title>');
  const child = spawn(process.execPath, [bin, 'serve', '--data-dir', mkdtempSync(join(tmpdir(), 'driftless-serve-')), '--static-dir', staticDir, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  const url = await new Promise<URL>((resolve, reject) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) resolve(new URL(match[1]!));
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.once('exit', (code) => reject(new Error(`driftless serve exited with ${code}:\n${output}`)));
  });
  return { url, stop: () => child.kill('SIGTERM') };
}

/** One API call over the web shell's socket, authenticated by the URL's token. */
async function call(url: URL, method: string): Promise<{ ok: boolean; value?: unknown }> {
  const ws = new WebSocket(`ws://${url.host}/api?token=${url.searchParams.get('token')}`, { headers: { Origin: url.origin } });
  await new Promise((resolve, reject) => ws.once('open', resolve).once('error', reject));
  ws.send(JSON.stringify({ type: 'call', id: 1, method, request: {} }));
  const message = await new Promise<{ result: { ok: boolean; value?: unknown } }>((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
  ws.close();
  return message.result;
}

it('serve --bundles DIR adds that folder to the catalog the web shell offers', async () => {
  const server = await serve(['--bundles', runBundlesDir]);
  try {
    const catalog = await call(server.url, 'catalog.list');
    expect(catalog.ok).toBe(true);
    const refs = (catalog.value as { bundles: { ref: string }[] }).bundles.map((bundle) => bundle.ref);
    expect(refs).toContain('local-task@1.0.0');
  } finally {
    server.stop();
  }
}, 60000);
