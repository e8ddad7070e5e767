import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppPage } from './support/AppPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`app shell in Chromium through the web shell ${chromiumBinary.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;

  beforeAll(async () => {
    server = await startServe({ DRIFTLESS_HEARTBEAT_MS: '200' });
    browser = await launchChromium();
  });

  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('loads the four areas and the status bar, with app.info round-tripped', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const errors: string[] = [];
    page.on('console', (message) => {
      if (message.type() === 'error') errors.push(message.text());
    });
    page.on('pageerror', (error) => errors.push(error.message));
    const app = new AppPage(page);
    await app.open(server.url);
    for (const area of [app.palette, app.canvas, app.inspector, app.bottomPanel, app.statusBar]) {
      expect(await area.isVisible()).toBe(true);
    }
    expect(await app.statusBar.getByTestId('app-version').textContent()).toMatch(/^Driftless \d+\.\d+\.\d+/);
    expect(await app.terraformStatus().textContent()).toMatch(/^terraform (\d+\.\d+\.\d+|not found)$/);
    expect(await app.statusBar.getByTestId('data-dir').textContent()).toBe(server.dataDir);
    expect(page.url()).not.toContain('token=');
    expect(errors).toEqual([]);
  });

  it('receives host events (heartbeats) over the socket', async () => {
    const page = await browser.newPage();
    const app = new AppPage(page);
    await app.open(server.url);
    await app.heartbeat().filter({ hasText: /live #\d+/ }).waitFor({ timeout: 10000 });
    const first = Number((await app.heartbeat().textContent())!.replace(/\D+/g, ''));
    await page.waitForFunction(
      (seen) => Number(document.querySelector('[data-testid="heartbeat"]')!.textContent!.replace(/\D+/g, '')) > seen,
      first,
    );
  });

  it('refuses a page and a socket without the token', async () => {
    const page = await browser.newPage();
    const response = await page.goto(server.origin);
    expect(response?.status()).toBe(401);
    const socketRefused = await page.evaluate(
      (url) =>
        new Promise<boolean>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => resolve(false);
          ws.onerror = () => resolve(true);
        }),
      `${server.origin.replace('http', 'ws')}/api`,
    );
    expect(socketRefused).toBe(true);
  });

  it('saves a screenshot of the shell for the README', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const app = new AppPage(page);
    await app.open(server.url);
    await app.heartbeat().filter({ hasText: /live/ }).waitFor();
    mkdirSync(screenshots, { recursive: true });
    const path = join(screenshots, 'app-shell.png');
    await page.screenshot({ path });
    expect(statSync(path).size).toBeGreaterThan(10_000);
  });
});
