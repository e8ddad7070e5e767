import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DiagramPage } from './pages/DiagramPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`canvas editing in Chromium through the web shell ${chromiumBinary.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;
  let context: BrowserContext;
  let app: DiagramPage;
  let errors: string[];

  beforeAll(async () => {
    server = await startServe();
    browser = await launchChromium();
    mkdirSync(screenshots, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: server.origin });
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

  it('drags a bundle from the palette, adds one by keyboard, and keeps both after a reload', async () => {
    await app.dragBundle('Local network', { x: 150, y: 150 });
    await app.node('local_network').waitFor();
    expect(await app.node('local_network').textContent()).toContain('local-network@1.0.0');
    await app.addWithKeyboard('Local PostgreSQL database');
    await app.node('local_database').waitFor();
    await app.saved();
    await app.page.reload();
    await app.node('local_database').waitFor();
    expect(await app.nodes().count()).toBe(2);
  });

  it('connects compatible handles, highlighting them while dragging, and labels the edge with its type', async () => {
    await app.dragBundle('Local network', { x: 80, y: 120 });
    await app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    await app.dragBundle('Local service', { x: 480, y: 360 });
    const from = app.handle('local_network', 'network', 'local-network');
    const box = (await from.boundingBox())!;
    await app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await app.page.mouse.down();
    await app.page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
    await app.node('local_database').locator('.port-compatible').first().waitFor();
    expect(await app.node('local_service').locator('.port-dimmed').count()).toBeGreaterThan(0);
    await app.page.mouse.up();
    await app.connect(from, app.handle('local_database', 'network', 'local-network'));
    await app.edgeCount(1);
    expect(await app.canvas.getByTestId('edge-label').allTextContents()).toEqual(['local-network']);
    await app.saved();
    await app.page.screenshot({ path: join(screenshots, 'canvas-wired.png') });
  });

  it('refuses an incompatible connection and says why', async () => {
    await app.dragBundle('Local PostgreSQL database', { x: 80, y: 120 });
    await app.dragBundle('Local service', { x: 480, y: 120 });
    await app.connect(app.handle('local_database', 'database', 'postgres-connection'), app.handle('local_service', 'network', 'local-network'));
    await app.notice().filter({ hasText: 'Cannot connect' }).waitFor();
    expect(await app.notice().textContent()).toContain('takes Local network (local-network)');
    expect(await app.edges().count()).toBe(0);
    await app.page.screenshot({ path: join(screenshots, 'canvas-refused-connection.png') });
  });

  it('validates a param live and accepts the fix', async () => {
    await app.dragBundle('Local network', { x: 150, y: 150 });
    await app.selectNode('local_network');
    const name = app.field('Network name*');
    await name.fill('Bad Name');
    const error = app.inspector.getByText('must match pattern');
    await error.waitFor();
    await app.page.screenshot({ path: join(screenshots, 'inspector-validation.png') });
    await name.fill('dev-net');
    await error.waitFor({ state: 'detached' });
    await name.blur();
    await app.saved();
    await app.page.reload();
    await app.selectNode('local_network');
    expect(await app.field('Network name*').inputValue()).toBe('dev-net');
  });

  it('renames a node, noting that infrastructure is moved, not recreated', async () => {
    await app.dragBundle('Local network', { x: 150, y: 150 });
    await app.selectNode('local_network');
    expect(await app.inspector.textContent()).toContain('moved to the new name, not recreated');
    const name = app.inspector.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('core_net');
    await name.press('Enter');
    await app.node('core_net').waitFor();
    expect(await app.inspector.textContent()).toContain('Formerly local_network');
    await name.fill('core net!');
    await app.inspector.getByRole('alert').filter({ hasText: 'Use letters, digits' }).waitFor();
  });

  it('undoes and redoes each kind of edit: add, move, connect, param, rename, delete', async () => {
    await app.dragBundle('Local network', { x: 80, y: 120 });
    await app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    const before = await app.nodePosition('local_network');
    await app.dragNode('local_network', { x: 0, y: 160 });
    await expect.poll(() => app.nodePosition('local_network')).not.toBe(before);
    const moved = await app.nodePosition('local_network');
    await app.connect(app.handle('local_network', 'network', 'local-network'), app.handle('local_database', 'network', 'local-network'));
    await app.edgeCount(1);
    await app.selectNode('local_network');
    await app.page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Development' });
    await expect.poll(() => app.field('Network name*').inputValue()).toBe('dev-net');
    const rename = app.inspector.getByRole('textbox', { name: 'Name', exact: true });
    await rename.fill('net');
    await rename.press('Enter');
    await app.node('net').waitFor();
    await app.shortcut('Delete');
    await app.page.getByRole('alertdialog', { name: 'Delete nodes' }).getByRole('listitem').filter({ hasText: 'local_database' }).waitFor();
    await app.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await app.node('net').waitFor({ state: 'detached' });

    await app.shortcut('Control+z'); // delete
    await app.node('net').waitFor();
    expect(await app.edges().count()).toBe(1);
    await app.shortcut('Control+z'); // rename
    await app.node('local_network').waitFor();
    await app.shortcut('Control+z'); // preset params
    await app.selectNode('local_network');
    await expect.poll(() => app.field('Network name*').inputValue()).toBe('');
    await app.shortcut('Control+z'); // connect
    await expect.poll(() => app.edges().count()).toBe(0);
    await app.shortcut('Control+z'); // move
    await expect.poll(() => app.nodePosition('local_network')).toBe(before);
    await app.shortcut('Control+z'); // add database
    await app.node('local_database').waitFor({ state: 'detached' });

    await app.shortcut('Control+Shift+z');
    await app.node('local_database').waitFor();
    await app.shortcut('Control+Shift+z');
    await expect.poll(() => app.nodePosition('local_network')).toBe(moved);
    await app.shortcut('Control+y');
    await app.edgeCount(1);
    await app.shortcut('Control+Shift+z');
    await app.shortcut('Control+Shift+z');
    await app.node('net').waitFor();
    await app.shortcut('Control+Shift+z');
    await app.node('net').waitFor({ state: 'detached' });
    await app.saved();
  });

  it('copies nodes as diagram JSON and pastes them with their edge', async () => {
    await app.dragBundle('Local network', { x: 80, y: 120 });
    await app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    await app.connect(app.handle('local_network', 'network', 'local-network'), app.handle('local_database', 'network', 'local-network'));
    await app.edgeCount(1);
    await app.shortcut('Control+a');
    await app.shortcut('Control+c');
    await app.notice().filter({ hasText: 'Copied 2 node(s)' }).waitFor();
    const clipboard = await app.page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(clipboard)).toMatchObject({ format: 1, nodes: [{ name: 'local_network' }, { name: 'local_database' }], edges: [{ from: { artifact: 'network' } }] });
    await app.shortcut('Control+v');
    await app.node('local_database_2').waitFor();
    await app.node('local_network_2').waitFor();
    await expect.poll(() => app.edges().count()).toBe(2);
  });

  it('finds a node and runs actions from the command palette; lists shortcuts in the help overlay', async () => {
    await app.dragBundle('Local PostgreSQL database', { x: 80, y: 120 });
    await app.dragBundle('Local network', { x: 480, y: 300 });
    await app.connect(app.handle('local_network', 'network', 'local-network'), app.handle('local_database', 'network', 'local-network'));
    await app.edgeCount(1);
    await app.page.keyboard.press('Control+k');
    const palette = app.page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('searchbox', { name: 'Search actions and nodes' }).fill('local_database');
    await app.page.screenshot({ path: join(screenshots, 'command-palette.png') });
    await app.page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await app.inspector.getByRole('textbox', { name: 'Name', exact: true }).and(app.page.locator('[value="local_database"]')).waitFor();
    await app.page.keyboard.press('Control+k');
    await palette.getByRole('searchbox').fill('auto-layout');
    await app.page.keyboard.press('Enter');
    // Left to right along the edge: the network (upstream) ends up left of the database.
    await expect.poll(async () => (await app.node('local_network').boundingBox())!.x < (await app.node('local_database').boundingBox())!.x).toBe(true);
    await app.saved();
    await app.shortcut('?');
    const help = app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const shortcut of ['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+K', 'Delete', 'Ctrl+C', 'Ctrl+V']) expect(await help.textContent()).toContain(shortcut);
    await help.getByRole('button', { name: 'Close' }).click();
    await app.viewportSettled();
    await app.page.screenshot({ path: join(screenshots, 'canvas-laid-out.png') });
    expect(statSync(join(screenshots, 'canvas-laid-out.png')).size).toBeGreaterThan(10_000);
  });
});
