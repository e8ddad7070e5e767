import { mkdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { DiagramPage } from './pages/DiagramPage';
import { chromiumBinary } from './support/browser';
import { useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`canvas editing in Chromium through the web shell ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new DiagramPage(page), { viewport: { width: 1440, height: 900 }, permissions: ['clipboard-read', 'clipboard-write'], afterOpen: (app) => app.clearDiagram() });

  beforeAll(() => mkdirSync(screenshots, { recursive: true }));

  it('drags a bundle from the palette, adds one by keyboard, and keeps both after a reload', async () => {
    await session.app.dragBundle('Local network', { x: 150, y: 150 });
    await session.app.node('local_network').waitFor();
    expect(await session.app.node('local_network').textContent()).toContain('local-network@1.0.0');
    await session.app.addWithKeyboard('Local PostgreSQL database');
    await session.app.node('local_database').waitFor();
    await session.app.saved();
    await session.app.pan({ x: -60, y: -40 });
    await session.app.viewportSettled();
    const viewport = () => session.app.canvas.locator('.react-flow__viewport').getAttribute('style');
    const panned = await viewport();
    await session.app.page.reload();
    await session.app.node('local_database').waitFor();
    expect(await session.app.nodes().count()).toBe(2);
    // Reopened as it was left: the same view, nothing selected.
    await session.app.viewportSettled();
    expect(await viewport()).toBe(panned);
    expect(await session.app.canvas.locator('.react-flow__node.selected').count()).toBe(0);
  });

  it('leaves the view where it is when the first bundle lands on an empty diagram with no saved view', async () => {
    const { page } = session.app;
    await page.evaluate(() => localStorage.removeItem('driftless.viewport'));
    await session.app.openDiagram(session.server.url);
    await session.app.viewportSettled();
    const viewport = () => session.app.canvas.locator('.react-flow__viewport').getAttribute('style');
    const before = await viewport();
    await session.app.dragBundle('Local network', { x: 150, y: 150 });
    await session.app.node('local_network').waitFor();
    await session.app.saved();
    await session.app.viewportSettled();
    expect(await viewport()).toBe(before);
    // The node sits where it was dropped (its corner at the pointer, snapped to the 16 px grid).
    const [pane, node] = [(await session.app.canvas.locator('.react-flow__pane').boundingBox())!, (await session.app.node('local_network').boundingBox())!];
    expect(Math.abs(node.x - (pane.x + 150))).toBeLessThanOrEqual(16);
    expect(Math.abs(node.y - (pane.y + 150))).toBeLessThanOrEqual(16);
  });

  it('connects compatible handles, highlighting them while dragging, and labels the edge with its type', async () => {
    await session.app.dragBundle('Local network', { x: 80, y: 120 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    await session.app.dragBundle('Local service', { x: 480, y: 360 });
    const from = session.app.handle('local_network', 'network', 'local-network');
    const box = (await from.boundingBox())!;
    await session.app.page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    await session.app.page.mouse.down();
    await session.app.page.mouse.move(box.x + 60, box.y + 40, { steps: 5 });
    await session.app.node('local_database').locator('.port-compatible').first().waitFor();
    expect(await session.app.node('local_service').locator('.port-dimmed').count()).toBeGreaterThan(0);
    await session.app.page.mouse.up();
    await session.app.connect(from, session.app.handle('local_database', 'network', 'local-network'));
    await session.app.edgeCount(1);
    expect(await session.app.canvas.getByTestId('edge-label').allTextContents()).toEqual(['local-network']);
    await session.app.saved();
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-wired.png') });

    // Panned so the label's place leaves the view while the edge stays: the label goes, and comes back with the view.
    const label = (await session.app.canvas.getByTestId('edge-label').boundingBox())!;
    const pane = (await session.app.canvas.locator('.react-flow__pane').boundingBox())!;
    const away = -(label.x + label.width - pane.x + 80);
    await session.app.pan({ x: away, y: 0 });
    await session.app.canvas.getByTestId('edge-label').waitFor({ state: 'detached' });
    await session.app.edgeCount(1);
    await session.app.pan({ x: -away, y: 0 });
    await session.app.canvas.getByTestId('edge-label').waitFor();
  });

  it('hovers, selects and deletes an edge by its stroke; a node click or the empty pane clears the edge selection', async () => {
    await session.app.dragBundle('Local network', { x: 80, y: 120 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 520, y: 320 });
    await session.app.connect(session.app.handle('local_network', 'network', 'local-network'), session.app.handle('local_database', 'network', 'local-network'));
    await session.app.edgeCount(1);
    const selected = session.app.canvas.locator('.edge-layer path.edge-selected');
    const hovered = session.app.canvas.locator('.edge-layer path.edge-hovered');
    const onEdge = await session.app.pointOnEdge();

    await session.app.page.mouse.move(onEdge.x, onEdge.y);
    await hovered.waitFor({ state: 'attached' });
    expect(await session.app.canvas.locator('.react-flow').getAttribute('class')).toContain('edge-hover');
    await session.app.page.mouse.move(onEdge.x, onEdge.y + 30);
    await hovered.waitFor({ state: 'detached' });

    await session.app.page.mouse.click(onEdge.x, onEdge.y);
    await selected.waitFor({ state: 'attached' });
    await session.app.page.mouse.click(onEdge.x, onEdge.y + 30);
    await selected.waitFor({ state: 'detached' });
    await session.app.page.mouse.click(onEdge.x, onEdge.y);
    await selected.waitFor({ state: 'attached' });
    await session.app.node('local_database').locator('.bundle-node-header').click();
    await selected.waitFor({ state: 'detached' });

    // Clicking the label selects its edge too; Delete removes it without asking (nothing depends on an edge), undo restores it.
    const label = (await session.app.canvas.getByTestId('edge-label').boundingBox())!;
    await session.app.page.mouse.click(label.x + label.width / 2, label.y + label.height / 2);
    await selected.waitFor({ state: 'attached' });
    await session.app.shortcut('Delete');
    await session.app.edgeCount(0);
    expect(await session.app.nodes().count()).toBe(2);
    await session.app.saved();
    await session.app.shortcut('Control+z');
    await session.app.edgeCount(1);

    // By keyboard: the inspector lists the node's connections, each with a Disconnect button.
    await session.app.selectNode('local_database');
    const disconnect = session.app.inspector.getByRole('button', { name: 'Disconnect local_network.network from network' });
    await disconnect.focus();
    await session.app.page.keyboard.press('Enter');
    await session.app.edgeCount(0);
    await session.app.inspector.getByRole('list', { name: 'Connections' }).getByText('not connected').first().waitFor();
  });

  it('draws an edge at its handle while its node is dragged and after the drop', async () => {
    await session.app.dragBundle('Local network', { x: 80, y: 120 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 520, y: 320 });
    const target = session.app.handle('local_database', 'network', 'local-network');
    await session.app.connect(session.app.handle('local_network', 'network', 'local-network'), target);
    await session.app.edgeCount(1);
    // A connection enters at its handle's left side, vertically centred.
    const targetAnchor = async () => {
      const box = (await target.boundingBox())!;
      return { x: box.x, y: box.y + box.height / 2 };
    };
    const expectEdgeAtHandle = async () => {
      const [end, anchor] = [await session.app.edgeEnd(), await targetAnchor()];
      expect(Math.abs(end.x - anchor.x)).toBeLessThan(1);
      expect(Math.abs(end.y - anchor.y)).toBeLessThan(1);
    };
    await expectEdgeAtHandle();

    const header = (await session.app.node('local_database').locator('.bundle-node-header').boundingBox())!;
    const press = { x: header.x + 20, y: header.y + 10 };
    await session.app.page.mouse.move(press.x, press.y);
    await session.app.page.mouse.down();
    const before = await targetAnchor();
    await session.app.page.mouse.move(press.x - 120, press.y - 80, { steps: 6 });
    // Mid-drag the node has moved and its edge, now in the moving layer, ends at the handle's new place.
    await expect.poll(async () => (await targetAnchor()).x).toBeLessThan(before.x - 60);
    expect(await session.app.edgeTotal()).toBe(1);
    await expectEdgeAtHandle();
    await session.app.page.mouse.move(press.x - 200, press.y - 40, { steps: 4 });
    await expectEdgeAtHandle();
    await session.app.page.mouse.up();
    // Dropped: the edge is back among the still ones, still at the handle.
    await expectEdgeAtHandle();
    expect(await session.app.edgeTotal()).toBe(1);
    await session.app.saved();
  });

  it('refuses an incompatible connection and says why', async () => {
    await session.app.dragBundle('Local PostgreSQL database', { x: 80, y: 120 });
    await session.app.dragBundle('Local service', { x: 480, y: 120 });
    await session.app.connect(session.app.handle('local_database', 'database', 'postgres-connection'), session.app.handle('local_service', 'network', 'local-network'));
    await session.app.notice().filter({ hasText: 'Cannot connect' }).waitFor();
    expect(await session.app.notice().textContent()).toContain('takes Local network (local-network)');
    expect(await session.app.edgeTotal()).toBe(0);
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-refused-connection.png') });
  });

  it('validates a param live and accepts the fix', async () => {
    await session.app.dragBundle('Local network', { x: 150, y: 150 });
    await session.app.selectNode('local_network');
    const name = session.app.field('Network name*');
    await name.fill('Bad Name');
    const error = session.app.inspector.getByText('must match pattern');
    await error.waitFor();
    await session.app.page.screenshot({ path: join(screenshots, 'inspector-validation.png') });
    await name.fill('dev-net');
    await error.waitFor({ state: 'detached' });
    await name.blur();
    await session.app.saved();
    await session.app.page.reload();
    await session.app.selectNode('local_network');
    expect(await session.app.field('Network name*').inputValue()).toBe('dev-net');
  });

  it('renames a node, noting that infrastructure is moved, not recreated', async () => {
    await session.app.dragBundle('Local network', { x: 150, y: 150 });
    await session.app.selectNode('local_network');
    expect(await session.app.inspector.textContent()).toContain('moved to the new name, not recreated');
    const name = session.app.inspector.getByRole('textbox', { name: 'Name', exact: true });
    await name.fill('core_net');
    await name.press('Enter');
    await session.app.node('core_net').waitFor();
    expect(await session.app.inspector.textContent()).toContain('Formerly local_network');
    await name.fill('core net!');
    await session.app.inspector.getByRole('alert').filter({ hasText: 'Use letters, digits' }).waitFor();
  });

  it('undoes and redoes each kind of edit: add, move, connect, param, rename, delete', async () => {
    await session.app.dragBundle('Local network', { x: 80, y: 120 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    const before = await session.app.nodePosition('local_network');
    await session.app.dragNode('local_network', { x: 0, y: 160 });
    await expect.poll(() => session.app.nodePosition('local_network')).not.toBe(before);
    const moved = await session.app.nodePosition('local_network');
    await session.app.connect(session.app.handle('local_network', 'network', 'local-network'), session.app.handle('local_database', 'network', 'local-network'));
    await session.app.edgeCount(1);
    await session.app.selectNode('local_network');
    await session.app.page.getByRole('combobox', { name: 'Preset' }).selectOption({ label: 'Development' });
    await expect.poll(() => session.app.field('Network name*').inputValue()).toBe('dev-net');
    const rename = session.app.inspector.getByRole('textbox', { name: 'Name', exact: true });
    await rename.fill('net');
    await rename.press('Enter');
    await session.app.node('net').waitFor();
    await session.app.shortcut('Delete');
    await session.app.page.getByRole('alertdialog', { name: 'Delete nodes' }).getByRole('listitem').filter({ hasText: 'local_database' }).waitFor();
    await session.app.page.getByRole('alertdialog').getByRole('button', { name: 'Delete' }).click();
    await session.app.node('net').waitFor({ state: 'detached' });

    await session.app.shortcut('Control+z'); // delete
    await session.app.node('net').waitFor();
    expect(await session.app.edgeTotal()).toBe(1);
    await session.app.shortcut('Control+z'); // rename
    await session.app.node('local_network').waitFor();
    await session.app.shortcut('Control+z'); // preset params
    await session.app.selectNode('local_network');
    await expect.poll(() => session.app.field('Network name*').inputValue()).toBe('');
    await session.app.shortcut('Control+z'); // connect
    await expect.poll(() => session.app.edgeTotal()).toBe(0);
    await session.app.shortcut('Control+z'); // move
    await expect.poll(() => session.app.nodePosition('local_network')).toBe(before);
    await session.app.shortcut('Control+z'); // add database
    await session.app.node('local_database').waitFor({ state: 'detached' });

    await session.app.shortcut('Control+Shift+z');
    await session.app.node('local_database').waitFor();
    await session.app.shortcut('Control+Shift+z');
    await expect.poll(() => session.app.nodePosition('local_network')).toBe(moved);
    await session.app.shortcut('Control+y');
    await session.app.edgeCount(1);
    await session.app.shortcut('Control+Shift+z');
    await session.app.shortcut('Control+Shift+z');
    await session.app.node('net').waitFor();
    await session.app.shortcut('Control+Shift+z');
    await session.app.node('net').waitFor({ state: 'detached' });
    await session.app.saved();
  });

  it('copies nodes as diagram JSON and pastes them with their edge', async () => {
    await session.app.dragBundle('Local network', { x: 80, y: 120 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 480, y: 120 });
    await session.app.connect(session.app.handle('local_network', 'network', 'local-network'), session.app.handle('local_database', 'network', 'local-network'));
    await session.app.edgeCount(1);
    await session.app.shortcut('Control+a');
    await session.app.shortcut('Control+c');
    await session.app.notice().filter({ hasText: 'Copied 2 node(s)' }).waitFor();
    const clipboard = await session.app.page.evaluate(() => navigator.clipboard.readText());
    expect(JSON.parse(clipboard)).toMatchObject({ format: 1, nodes: [{ name: 'local_network' }, { name: 'local_database' }], edges: [{ from: { artifact: 'network' } }] });
    await session.app.shortcut('Control+v');
    await session.app.node('local_database_2').waitFor();
    await session.app.node('local_network_2').waitFor();
    await expect.poll(() => session.app.edgeTotal()).toBe(2);
  });

  it('finds a node and runs actions from the command palette; lists shortcuts in the help overlay', async () => {
    await session.app.dragBundle('Local PostgreSQL database', { x: 80, y: 120 });
    await session.app.dragBundle('Local network', { x: 480, y: 300 });
    await session.app.connect(session.app.handle('local_network', 'network', 'local-network'), session.app.handle('local_database', 'network', 'local-network'));
    await session.app.edgeCount(1);
    await session.app.page.keyboard.press('Control+k');
    const palette = session.app.page.getByRole('dialog', { name: 'Command palette' });
    await palette.getByRole('searchbox', { name: 'Search actions and nodes' }).fill('local_database');
    await session.app.page.screenshot({ path: join(screenshots, 'command-palette.png') });
    await session.app.page.keyboard.press('Enter');
    await palette.waitFor({ state: 'detached' });
    await session.app.inspector.getByRole('textbox', { name: 'Name', exact: true }).and(session.app.page.locator('[value="local_database"]')).waitFor();
    await session.app.page.keyboard.press('Control+k');
    await palette.getByRole('searchbox').fill('auto-layout');
    await session.app.page.keyboard.press('Enter');
    // Left to right along the edge: the network (upstream) ends up left of the database.
    await expect.poll(async () => (await session.app.node('local_network').boundingBox())!.x < (await session.app.node('local_database').boundingBox())!.x).toBe(true);
    await session.app.saved();
    await session.app.shortcut('?');
    const help = session.app.page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await help.waitFor();
    for (const shortcut of ['Ctrl+Z', 'Ctrl+Shift+Z', 'Ctrl+K', 'Delete', 'Ctrl+C', 'Ctrl+V']) expect(await help.textContent()).toContain(shortcut);
    expect(await help.getByRole('table', { name: 'Canvas gestures' }).textContent()).toContain('Click it or its label');
    await help.getByRole('button', { name: 'Close' }).click();
    await session.app.viewportSettled();
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-laid-out.png') });
    expect(statSync(join(screenshots, 'canvas-laid-out.png')).size).toBeGreaterThan(10_000);
  });
});
