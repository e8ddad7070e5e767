import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiagramPage } from './pages/DiagramPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`inspector, environments and problems in Chromium ${chromiumBinary.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;
  let context: BrowserContext;
  let app: DiagramPage;
  let errors: string[];

  beforeAll(async () => {
    server = await startServe();
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    app = new DiagramPage(page);
    await app.openDiagram(server.url);
    await app.clearDiagram();
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('overrides a param in one environment, marks it as differing from the default, and resets it', async () => {
    await app.dragBundle('Local network', { x: 150, y: 150 });
    await app.selectNode('local_network');
    await app.field('Network name*').fill('shared-net');
    await app.field('Network name*').blur();
    await app.saved();
    await app.page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'default' });
    await app.inspector.getByRole('heading', { name: 'Params in default' }).waitFor();
    expect(await app.field('Network name*').inputValue()).toBe('shared-net');
    await app.field('Network name*').fill('only-here');
    await app.field('Network name*').blur();
    const overrides = app.inspector.getByRole('list', { name: 'Overrides in default' });
    await overrides.getByText('"only-here"').waitFor();
    expect(await overrides.getByTitle('Differs from default').count()).toBe(1);
    expect(await overrides.textContent()).toContain('(default "shared-net")');
    await app.page.screenshot({ path: join(screenshots, 'inspector-environment-override.png') });
    await overrides.getByRole('button', { name: 'Reset name to default' }).click();
    await app.inspector.getByText('default uses every default of this node.').waitFor();
    await expect.poll(() => app.field('Network name*').inputValue()).toBe('shared-net');
    await app.page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Defaults (all environments)' });
    await app.inspector.getByRole('heading', { name: 'Params (defaults for every environment)' }).waitFor();
  });

  it('sets, replaces and clears a sensitive param without ever showing its value', async () => {
    await app.dragBundle('Local secret', { x: 150, y: 150 });
    await app.selectNode('local_secret');
    await app.inspector.getByRole('button', { name: 'Set Value' }).click();
    await app.inspector.getByLabel('Value', { exact: true }).fill('s3cr3t-value');
    await app.inspector.getByRole('button', { name: 'Save' }).click();
    await app.inspector.getByText('•••••• (set)').waitFor();
    await app.saved();
    expect(await app.page.content()).not.toContain('s3cr3t-value');
    await app.inspector.getByRole('button', { name: 'Replace Value' }).click();
    await app.inspector.getByLabel('Value', { exact: true }).fill('another-one');
    await app.inspector.getByRole('button', { name: 'Save' }).click();
    await app.inspector.getByText('•••••• (set)').waitFor();
    await app.inspector.getByRole('button', { name: 'Clear Value' }).click();
    await app.inspector.getByText('Not set', { exact: true }).waitFor();
    await app.saved();
  });

  it('lists every diagnostic in Problems; clicking one focuses its node', async () => {
    await app.dragBundle('Local network', { x: 100, y: 100 });
    await app.dragBundle('Local PostgreSQL database', { x: 500, y: 100 });
    await app.saved();
    await app.shortcut('Escape');
    await app.bottomPanel.getByRole('tab', { name: 'Problems' }).click();
    const problems = app.bottomPanel.getByRole('list', { name: 'Problems' });
    const missingNetwork = problems.getByRole('button').filter({ hasText: 'local_database' }).first();
    await missingNetwork.waitFor();
    await app.page.screenshot({ path: join(screenshots, 'problems.png') });
    await missingNetwork.click();
    await app.inspector.getByRole('textbox', { name: 'Name', exact: true }).and(app.page.locator('[value="local_database"]')).waitFor();
  });
});
