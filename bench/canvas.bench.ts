// The canvas in headless Chromium: a 1,000-node / 1,500-edge diagram drawn by our Canvas (BundleNode
// from the store) against a bare React Flow page of default nodes with the same graph, both
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
import type { Benchmark, Measurement } from './harness';

const rendererRoot = fileURLToPath(new URL('../renderer', import.meta.url));
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript', '.css': 'text/css' };

async function buildPage(outDir: string): Promise<void> {
  await build({
    root: rendererRoot,
    base: './',
    logLevel: 'error',
    plugins: [react()],
    build: { outDir, emptyOutDir: true, chunkSizeWarningLimit: 5000, rolldownOptions: { input: join(rendererRoot, 'bench/index.html') } },
  });
}

function serve(dir: string): Promise<{ server: Server; origin: string }> {
  const server = createServer((request, response) => {
    const path = join(dir, decodeURIComponent(new URL(request.url ?? '/', 'http://x').pathname));
    if (!path.startsWith(dir) || !existsSync(path)) return void response.writeHead(404).end();
    response.writeHead(200, { 'content-type': types[extname(path)] ?? 'application/octet-stream' });
    createReadStream(path).pipe(response);
  });
  return new Promise((resolve) => server.listen(0, '127.0.0.1', () => resolve({ server, origin: `http://127.0.0.1:${(server.address() as { port: number }).port}` })));
}

const percentile = (values: number[], p: number) => [...values].sort((a, b) => a - b)[Math.min(values.length - 1, Math.floor(values.length * p))]!;

/**
 * Time of each step of a mouse drag inside the page: from the pointer event's timestamp to just after
 * the next frame that follows it. Measured in the page so the DevTools round trip of each step (large
 * and erratic on a loaded machine) is left out; only the page's own work and frame wait count.
 */
async function dragFrames(page: Page, from: { x: number; y: number }, steps = 60): Promise<number[]> {
  await page.evaluate(() => {
    const record = window as unknown as { frameTimes: number[]; frameListener?: (event: Event) => void };
    record.frameTimes = [];
    if (record.frameListener) return;
    record.frameListener = (event: Event) => {
      const start = event.timeStamp;
      requestAnimationFrame(() => setTimeout(() => record.frameTimes.push(performance.now() - start), 0));
    };
    window.addEventListener('pointermove', record.frameListener, { capture: true });
  });
  await page.mouse.move(from.x, from.y);
  await page.mouse.down();
  for (let step = 1; step <= steps; step++) {
    await page.mouse.move(from.x + step * 3, from.y + step * 2);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0))));
  }
  await page.mouse.up();
  // Every step's frame has been recorded once the loop has waited for it; the first move (before the press) is not a drag step.
  const times = await page.evaluate(() => (window as unknown as { frameTimes: number[] }).frameTimes);
  return times.slice(-steps);
}

interface Run {
  firstRender: number;
  drag: number[];
  pan: number[];
}

/** React Flow's transform of an element, to check that a drag moved what it meant to move. */
const transformOf = (page: Page, selector: string) => page.locator(selector).first().evaluate((element) => (element as HTMLElement).style.transform);

async function measure(page: Page, url: string, nodes: number): Promise<Run> {
  await page.goto(url);
  // The page sets window.benchRendered once every node is in the DOM (renderer/bench/benchMain.tsx).
  await page.waitForFunction(() => (window as { benchRendered?: number }).benchRendered !== undefined, undefined, { timeout: 60000 });
  const firstRender = await page.evaluate(() => (window as { benchRendered?: number }).benchRendered!);
  // A service node in view: generated nodes sit 40 to a row and the first tenth are networks, so
  // the first service that starts a row is at the left edge (n120 of 1,000, n40 of 100).
  const networks = Math.max(1, Math.floor(nodes / 10));
  const selector = `.react-flow__node[data-id="n${Math.ceil(networks / 40) * 40}"]`;
  const box = (await page.locator(selector).boundingBox())!;
  const before = await transformOf(page, selector);
  const drag = await dragFrames(page, { x: box.x + 10, y: box.y + 8 });
  if ((await transformOf(page, selector)) === before) throw new Error(`the drag did not move ${selector}: the figures would measure nothing`);
  // Pan from a point of the empty pane (not on a node, the minimap or the controls).
  const start = await page.evaluate(() => {
    const pane = document.querySelector('.react-flow__pane')!.getBoundingClientRect();
    for (let y = pane.top + 20; y < pane.bottom - 200; y += 7)
      for (let x = pane.left + 20; x < pane.right - 300; x += 13) if (document.elementFromPoint(x, y)?.classList.contains('react-flow__pane')) return { x, y };
    return undefined;
  });
  if (!start) throw new Error('no empty spot of the pane to pan from');
  const viewportBefore = await transformOf(page, '.react-flow__viewport');
  const pan = await dragFrames(page, start);
  if ((await transformOf(page, '.react-flow__viewport')) === viewportBefore) throw new Error('the pan did not move the viewport');
  return { firstRender, drag, pan };
}

const ROUNDS = 3;

/** The rounds of one page as one run: frames pooled, first render the fastest (load only adds time). */
function pooled(runs: Run[]): Run {
  return { firstRender: Math.min(...runs.map((run) => run.firstRender)), drag: runs.flatMap((run) => run.drag), pan: runs.flatMap((run) => run.pan) };
}

const benchmark: Benchmark = {
  name: 'Canvas in Chromium (1,000 nodes / 1,500 edges)',
  async run() {
    if (!chromiumBinary.available) return [];
    const outDir = mkdtempSync(join(tmpdir(), 'driftless-canvas-bench-'));
    await buildPage(outDir);
    const { server, origin } = await serve(outDir);
    const browser = await launchChromium();
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      // A p95 of one 60-step drag is its fourth-worst frame, so one stray frame moved it by half.
      // The three pages are measured in alternated rounds and each percentile pools every round.
      const rounds: Run[][] = [];
      for (let round = 0; round < ROUNDS; round++) {
        rounds.push([
          await measure(page, `${origin}/bench/index.html?mode=bare&nodes=1000&edges=1500`, 1000),
          await measure(page, `${origin}/bench/index.html?mode=driftless&nodes=1000&edges=1500`, 1000),
          await measure(page, `${origin}/bench/index.html?mode=driftless&nodes=100&edges=150`, 100),
        ]);
      }
      const [bare, ours, small] = [0, 1, 2].map((page) => pooled(rounds.map((round) => round[page]!))) as [Run, Run, Run];
      const rows: Measurement[] = [
        { case: 'bare React Flow: first render', value: bare.firstRender, unit: 'ms' },
        { case: 'Driftless canvas: first render', value: ours.firstRender, unit: 'ms', baseline: 'bare React Flow: first render' },
        { case: 'bare React Flow: drag frame p95', value: percentile(bare.drag, 0.95), unit: 'ms' },
        { case: 'Driftless canvas: drag frame p95', value: percentile(ours.drag, 0.95), unit: 'ms', baseline: 'bare React Flow: drag frame p95', target: '≤ 1.25×' },
        { case: 'Driftless canvas 100 nodes: drag frame p95', value: percentile(small.drag, 0.95), unit: 'ms' },
        { case: 'Driftless canvas 1,000 nodes: drag frame p95', value: percentile(ours.drag, 0.95), unit: 'ms', baseline: 'Driftless canvas 100 nodes: drag frame p95', target: '≤ 1.5×' },
        { case: 'bare React Flow: drag frame median', value: percentile(bare.drag, 0.5), unit: 'ms' },
        { case: 'Driftless canvas: drag frame median', value: percentile(ours.drag, 0.5), unit: 'ms', baseline: 'bare React Flow: drag frame median', target: '< 16 ms' },
        { case: 'bare React Flow: pan frame p95', value: percentile(bare.pan, 0.95), unit: 'ms' },
        { case: 'Driftless canvas: pan frame p95', value: percentile(ours.pan, 0.95), unit: 'ms', baseline: 'bare React Flow: pan frame p95' },
      ];
      return rows;
    } finally {
      await browser.close();
      server.close();
      rmSync(outDir, { recursive: true, force: true });
    }
  },
};

export default benchmark;
