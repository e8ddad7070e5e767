import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { WebSocket, WebSocketServer } from 'ws';
import { createHost } from '../src/host/createHost';
import { startWebShell } from '../src/web/webShell';
import { medianMs, type Benchmark } from './harness';

async function socketRoundTrip(url: string, message: string, iterations: number, headers = {}): Promise<number> {
  const ws = new WebSocket(url, { headers });
  await new Promise((resolve) => ws.once('open', resolve));
  const once = () =>
    new Promise<void>((resolve) => {
      ws.once('message', () => resolve());
      ws.send(message);
    });
  const ms = await medianMs(once, iterations);
  ws.close();
  return ms;
}

const benchmark: Benchmark = {
  name: 'API transport',
  async run() {
    const host = createHost({ version: 'bench', dataDir: mkdtempSync(join(tmpdir(), 'driftless-bench-')), shell: 'web', heartbeatMs: 0 });
    const request = { text: 'x'.repeat(100) };
    const direct = await medianMs(() => ({ text: request.text }), 2000);
    const dispatched = await medianMs(() => host.dispatcher.call('app.echo', request), 2000);

    const shell = await startWebShell({ host, staticDir: tmpdir() });
    const call = JSON.stringify({ type: 'call', id: 1, method: 'app.echo', request });
    const viaShell = await socketRoundTrip(`ws://127.0.0.1:${shell.port}/api?token=${shell.token}`, call, 500);
    await shell.close();

    const echo = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((resolve) => echo.once('listening', resolve));
    echo.on('connection', (ws) => ws.on('message', (data) => ws.send(data.toString())));
    const port = (echo.address() as { port: number }).port;
    const bare = await socketRoundTrip(`ws://127.0.0.1:${port}`, call, 500);
    echo.close();
    await host.close();

    return [
      { case: 'handler called directly', value: direct * 1000, unit: 'µs' },
      { case: 'validated dispatch (ajv)', value: dispatched * 1000, unit: 'µs', baseline: 'handler called directly' },
      { case: 'bare WebSocket echo', value: bare * 1000, unit: 'µs' },
      { case: 'web shell call round trip', value: viaShell * 1000, unit: 'µs', baseline: 'bare WebSocket echo' },
    ];
  },
};

export default benchmark;
