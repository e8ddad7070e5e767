import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const example = new URL('../../examples/local-stack.driftless.json', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`the Shell tab in Chromium ${chromiumBinary.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;
  let context: BrowserContext;
  let app: ShellPage;
  let errors: string[];

  beforeAll(async () => {
    server = await startServe({ SHELL: '/bin/bash' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    app = new ShellPage(page);
    await app.openDiagram(server.url);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it("runs what the user types in the environment's shell and shows its output; End shell ends it", async () => {
    await app.importFile(example, 'network');
    await app.chooseEnvironment('dev');
    await app.openShell('dev');
    await app.typeLine('echo driftless-$((6*7))');
    await app.shellShows('driftless-42');
    // The arithmetic ran in the shell: the typed line itself never contains the result.
    await app.typeLine('echo "[$TF_HTTP_ADDRESS]"');
    await app.shellShows('/state/');
    await app.endShell();
    await app.shellShows('[shell closed]');
    // The run terminal did not receive the shell's output.
    expect(await app.runTerminalText()).not.toContain('driftless-42');
  });
});
