// A Chromium page driven over a bare DevTools pipe that enables nothing but Runtime.
//
// Playwright enables the DevTools Network domain on every page, and Chromium then copies each
// WebSocket frame to the driver (binary frames base64-encoded). Measured here: node → Chromium over
// a WebSocket reached 24 MB/s under Playwright and 60–84 MB/s without it, the renderer's main thread
// at 89% doing the copies. A user never has that inspector attached, so the terminal benchmark must
// not either: it drives its page through this instead.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Readable, Writable } from 'node:stream';
import { chromiumBinary, chromiumFlags } from '../test/e2e/support/browser';

export interface BarePage {
  /** Evaluates `expression` in the page (awaiting a promise) and returns its JSON value. */
  evaluate<T>(expression: string): Promise<T>;
  close(): Promise<void>;
}

interface Reply {
  id?: number;
  result?: Record<string, unknown>;
  error?: { message: string };
}

export async function openBarePage(url: string): Promise<BarePage> {
  const profile = mkdtempSync(join(tmpdir(), 'driftless-bare-chromium-'));
  const browser = spawn(
    chromiumBinary.path,
    [
      '--headless',
      '--remote-debugging-pipe',
      `--user-data-dir=${profile}`,
      ...chromiumFlags,
      '--window-size=1280,800',
      'about:blank',
    ],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe', 'pipe'] },
  );
  // The pipe protocol: JSON messages ended by a NUL byte, ours on fd 3, Chromium's on fd 4.
  const toBrowser = browser.stdio[3] as Writable;
  const fromBrowser = browser.stdio[4] as Readable;
  const waiting = new Map<number, (reply: Reply) => void>();
  let nextId = 1;
  let buffered = '';
  fromBrowser.setEncoding('utf8');
  fromBrowser.on('data', (text: string) => {
    buffered += text;
    for (let end = buffered.indexOf('\0'); end >= 0; end = buffered.indexOf('\0')) {
      const reply = JSON.parse(buffered.slice(0, end)) as Reply;
      buffered = buffered.slice(end + 1);
      if (reply.id !== undefined) waiting.get(reply.id)?.(reply);
      waiting.delete(reply.id ?? -1);
    }
  });
  // A Chromium that dies (or never starts) answers every command still waiting with an error, not silence.
  let gone: string | undefined;
  browser.once('exit', (code, signal) => {
    gone = `Chromium exited (${signal ?? `code ${code}`}) before answering`;
    for (const answer of waiting.values()) answer({ error: { message: gone } });
    waiting.clear();
  });
  toBrowser.on('error', () => undefined); // a write racing Chromium's death (EPIPE): its exit answers instead
  const command = (method: string, params: Record<string, unknown>, sessionId?: string) =>
    new Promise<Record<string, unknown>>((resolve, reject) => {
      if (gone) return reject(new Error(`${method}: ${gone}`));
      const id = nextId++;
      waiting.set(id, (reply) => (reply.error ? reject(new Error(`${method}: ${reply.error.message}`)) : resolve(reply.result ?? {})));
      toBrowser.write(`${JSON.stringify({ id, method, params, ...(sessionId ? { sessionId } : {}) })}\0`);
    });

  const quit = async () => {
    const exited = gone ? Promise.resolve() : new Promise((resolve) => browser.once('exit', resolve));
    await command('Browser.close', {}).catch(() => browser.kill());
    await exited;
    rmSync(profile, { recursive: true, force: true, maxRetries: 10 });
  };
  let sessionId: string;
  try {
    const { targetId } = await command('Target.createTarget', { url });
    ({ sessionId } = (await command('Target.attachToTarget', { targetId, flatten: true })) as { sessionId: string });
  } catch (error) {
    await quit();
    throw error;
  }
  return {
    async evaluate<T>(expression: string): Promise<T> {
      const reply = (await command('Runtime.evaluate', { expression, awaitPromise: true, returnByValue: true }, sessionId)) as {
        result: { value: T };
        exceptionDetails?: { exception?: { description?: string }; text: string };
      };
      if (reply.exceptionDetails) throw new Error(reply.exceptionDetails.exception?.description ?? reply.exceptionDetails.text);
      return reply.result.value;
    },
    close: quit,
  };
}
