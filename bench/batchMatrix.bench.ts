// The batch change matrix in headless Chromium: 500 nodes × 5 environments drawn by MatrixTable
// (selectable cells, sources, accessible names) against a plain table of the same cell texts, both
// production builds, measured in the same run. Needs chromium; prints nothing when it is absent.
import { createReadStream, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import type { Page } from 'playwright-core';
import { build } from 'vite';
import { chromiumBinary, launchChromium } from '../test/e2e/support/browser';
import type { Benchmark } from './harness';

const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const page = 'src/operations/bench/matrix.html';
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

/** Median render-to-frame time the page measured over its rounds. */
async function measure(browserPage: Page, url: string): Promise<number> {
  await browserPage.goto(url);
  await browserPage.waitForFunction(() => (window as { benchResult?: number }).benchResult !== undefined, undefined, { timeout: 90000 });
  return browserPage.evaluate(() => (window as { benchResult?: number }).benchResult!);
}

const benchmark: Benchmark = {
  name: 'Batch matrix in Chromium (500 nodes × 5 environments)',
  async run() {
    if (!chromiumBinary.available) return [];
    const outDir = mkdtempSync(join(tmpdir(), 'driftless-matrix-bench-'));
    await build({ root: rendererRoot, base: './', logLevel: 'error', plugins: [react()], build: { outDir, emptyOutDir: true, rolldownOptions: { input: join(rendererRoot, page) } } });
    const { server, origin } = await serve(outDir);
    const browser = await launchChromium();
    try {
      const browserPage = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      const query = 'nodes=500&environments=5&rounds=15';
      const plain = await measure(browserPage, `${origin}/${page}?mode=plain&${query}`);
      const matrix = await measure(browserPage, `${origin}/${page}?mode=matrix&${query}`);
      return [
        { case: 'plain table of the same cells: render', value: plain, unit: 'ms' },
        { case: 'batch matrix: render', value: matrix, unit: 'ms', baseline: 'plain table of the same cells: render' },
      ];
    } finally {
      await browser.close();
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
