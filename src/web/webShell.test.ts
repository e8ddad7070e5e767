import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { createHost, type Host } from '../host/createHost';
import { startWebShell, type WebShell } from './webShell';

function staticDir(): string {
  const dir = mkdtempSync(join(tmpdir(), 'driftless-static-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>Driftless</title>');
  writeFileSync(join(dir, 'assets', 'app.js'), 'console.log(1)');
  return dir;
}

function openSocket(url: string, headers: Record<string, string> = {}): Promise<WebSocket> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { headers });
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_, response) => reject(new Error(`HTTP ${response.statusCode}`)));
    ws.once('error', reject);
  });
}

function nextMessage(ws: WebSocket): Promise<Record<string, unknown>> {
  return new Promise((resolve) => ws.once('message', (data) => resolve(JSON.parse(data.toString()))));
}

describe('web shell', () => {
  let host: Host;
  let shell: WebShell;
  let origin: string;

  beforeAll(async () => {
    host = createHost({ version: '0.0.0-test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-web-')), shell: 'web', heartbeatMs: 50 });
    shell = await startWebShell({ host, staticDir: staticDir() });
    origin = `http://127.0.0.1:${shell.port}`;
  });

  afterAll(async () => {
    await shell.close();
    await host.close();
  });

  it('prints a loopback URL with the token', () => {
    expect(shell.url).toBe(`${origin}/?token=${shell.token}`);
    expect(shell.token.length).toBeGreaterThanOrEqual(40);
  });

  it('refuses requests without the token, or with a wrong one', async () => {
    for (const path of ['/', '/assets/app.js', '/?token=wrong', '/api']) {
      const response = await fetch(origin + path, { redirect: 'manual' });
      expect(response.status, path).toBe(401);
    }
  });

  it('trades the token for an HttpOnly cookie and serves the app with a strict CSP', async () => {
    const login = await fetch(shell.url, { redirect: 'manual' });
    expect(login.status).toBe(303);
    expect(login.headers.get('location')).toBe('/');
    const cookie = login.headers.get('set-cookie')!;
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Strict');
    const page = await fetch(`${origin}/`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>Driftless</title>');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    const escape = await fetch(`${origin}/..%2f..%2f..%2fetc%2fpasswd`, { headers: { cookie: cookie.split(';')[0]! } });
    expect(await escape.text()).not.toContain('root:');
  });

  it('refuses a socket without the token, or from another origin', async () => {
    await expect(openSocket(`ws://127.0.0.1:${shell.port}/api`)).rejects.toThrow('HTTP 401');
    await expect(openSocket(`ws://127.0.0.1:${shell.port}/api?token=nope`)).rejects.toThrow('HTTP 401');
    await expect(
      openSocket(`ws://127.0.0.1:${shell.port}/api?token=${shell.token}`, { Origin: 'https://evil.example' }),
    ).rejects.toThrow('HTTP 401');
  });

  it('answers calls, validates them, and streams events over the socket', async () => {
    const ws = await openSocket(`ws://127.0.0.1:${shell.port}/api?token=${shell.token}`, { Origin: origin });
    ws.send(JSON.stringify({ type: 'call', id: 1, method: 'app.info', request: {} }));
    const info = await nextMessage(ws);
    expect(info).toMatchObject({ type: 'result', id: 1, result: { ok: true, value: { name: 'Driftless', shell: 'web' } } });

    ws.send(JSON.stringify({ type: 'call', id: 2, method: 'app.echo', request: { text: 7 } }));
    expect(await nextMessage(ws)).toMatchObject({ id: 2, result: { ok: false, error: { code: 'invalid_request' } } });

    ws.send('garbage');
    expect(await nextMessage(ws)).toMatchObject({ id: -1, result: { ok: false, error: { code: 'invalid_request' } } });

    ws.send(JSON.stringify({ type: 'subscribe', event: 'app.heartbeat' }));
    expect(await nextMessage(ws)).toMatchObject({ type: 'event', event: 'app.heartbeat' });
    ws.close();
    await new Promise((resolve) => ws.once('close', resolve));
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(host.events.listenerCount('app.heartbeat')).toBe(0);
  });

  it('says clearly when the port is taken', async () => {
    const blocker = createServer();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    const port = (blocker.address() as { port: number }).port;
    await expect(startWebShell({ host, staticDir: staticDir(), port })).rejects.toThrow(`Port ${port} on 127.0.0.1 is already in use`);
    blocker.close();
  });

  it('refuses a non-loopback address without --allow-remote', async () => {
    await expect(startWebShell({ host, staticDir: staticDir(), hostname: '0.0.0.0' })).rejects.toThrow('--allow-remote');
  });
});
