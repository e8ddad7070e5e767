import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { channelOf, methodNames } from '../src/core/api/contract';
import { createHost, type Host } from '../src/host/createHost';

type Handler = (event: unknown, request: unknown) => unknown;
const handlers = new Map<string, Handler>();

vi.mock('electron', () => ({
  ipcMain: {
    handle: (channel: string, handler: Handler) => handlers.set(channel, handler),
    removeHandler: (channel: string) => handlers.delete(channel),
    on: vi.fn(),
    removeListener: vi.fn(),
  },
}));

const appUrl = 'file:///app/index.html';
const frame = (url: string, parent: unknown = null) => ({ senderFrame: { url, parent } });

describe('bindApi (Electron mocked, real host)', () => {
  let host: Host;
  let unbind: () => void;

  beforeEach(async () => {
    const { bindApi } = await import('./ipc');
    host = createHost({ version: '0.0.0-test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-ipc-')), shell: 'electron', heartbeatMs: 0 });
    unbind = bindApi(host, (url) => url === appUrl);
  });

  afterEach(async () => {
    unbind();
    await host.close();
  });

  it('binds one channel per method and answers the app frame', async () => {
    expect([...handlers.keys()]).toEqual(methodNames.map(channelOf));
    await expect(handlers.get('api:app.echo')!(frame(appUrl), { text: 'hi' })).resolves.toEqual({ ok: true, value: { text: 'hi' } });
  });

  it('refuses an unknown sender frame, and a subframe of the app', async () => {
    for (const event of [frame('https://evil.example/'), frame(appUrl, { url: 'x' }), { senderFrame: null }]) {
      const result = (await handlers.get('api:app.echo')!(event, { text: 'hi' })) as { ok: boolean; error?: { message: string } };
      expect(result.ok).toBe(false);
      expect(result.error?.message).toContain('did not come from Driftless');
    }
  });

  it('refuses an invalid payload with invalid_request', async () => {
    const result = await handlers.get('api:app.echo')!(frame(appUrl), { text: ['not', 'a', 'string'] });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });
});
