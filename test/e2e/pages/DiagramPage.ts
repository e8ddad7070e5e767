import type { Locator, Page } from 'playwright-core';
import { AppPage } from '../support/AppPage';

/** The canvas, palette and inspector as tests speak of them: bundles, nodes, ports and fields. */
export class DiagramPage extends AppPage {
  constructor(page: Page) {
    super(page);
  }

  /** Opens the app and waits until the project and the catalog are loaded. */
  async openDiagram(url: string): Promise<void> {
    await this.open(url);
    await this.saveStatus().filter({ hasText: 'All changes saved' }).waitFor();
    await this.palette.getByRole('button').first().waitFor();
  }

  saveStatus(): Locator {
    return this.statusBar.getByTestId('save-status');
  }

  /** Waits until every edit has reached the host. */
  async saved(): Promise<void> {
    await this.saveStatus().filter({ hasText: 'All changes saved' }).waitFor();
  }

  paletteItem(title: string): Locator {
    return this.palette.getByRole('button', { name: title, exact: true });
  }

  node(name: string): Locator {
    return this.canvas.getByRole('group', { name: `Node ${name}`, exact: true });
  }

  nodes(): Locator {
    return this.canvas.locator('.react-flow__node');
  }

  /** The edges drawn on the canvas: the edge layer says how many it drew (it draws alike edges as one path). */
  async edgeTotal(): Promise<number> {
    return Number(await this.canvas.getByTestId('edge-layer').getAttribute('data-edges'));
  }

  /** Waits until the canvas draws exactly `count` edges. */
  async edgeCount(count: number): Promise<void> {
    await this.page.waitForFunction((expected) => document.querySelector('[data-testid="edge-layer"]')?.getAttribute('data-edges') === String(expected), count);
  }

  /**
   * A point of the screen on a drawn edge stroke, a quarter along it (away from its label), taken
   * from the browser's own geometry of the path.
   */
  async pointOnEdge(stroke: Locator = this.canvas.locator('.edge-stroke').first()): Promise<{ x: number; y: number }> {
    return stroke.evaluate((path: SVGPathElement) => {
      const point = path.getPointAtLength(path.getTotalLength() / 4);
      const onScreen = new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM()!);
      return { x: onScreen.x, y: onScreen.y };
    });
  }

  /** How many nodes are drawn wholly inside the canvas pane. */
  async nodesInPane(): Promise<number> {
    return this.canvas.locator('.react-flow__pane').evaluate((pane) => {
      const bounds = pane.getBoundingClientRect();
      return Array.from(document.querySelectorAll('.react-flow__node')).filter((node) => {
        const box = node.getBoundingClientRect();
        return box.left >= bounds.left && box.top >= bounds.top && box.right <= bounds.right && box.bottom <= bounds.bottom;
      }).length;
    });
  }

  /** Where the only drawn edge ends on screen: its stroke's last point, from the browser's geometry of the path. */
  async edgeEnd(): Promise<{ x: number; y: number }> {
    return this.canvas.locator('.edge-stroke').first().evaluate((path: SVGPathElement) => {
      const point = path.getPointAtLength(path.getTotalLength());
      const onScreen = new DOMPoint(point.x, point.y).matrixTransform(path.getScreenCTM()!);
      return { x: onScreen.x, y: onScreen.y };
    });
  }

  /** A port handle of a node, named "<port> (<artifact type>)". */
  handle(nodeName: string, port: string, artifactType: string): Locator {
    return this.node(nodeName).getByLabel(`${port} (${artifactType})`, { exact: true });
  }

  notice(): Locator {
    return this.canvas.getByRole('alert');
  }

  /** Drags a bundle from the palette onto the canvas at an offset from its top-left corner. */
  async dragBundle(title: string, at: { x: number; y: number }): Promise<void> {
    await this.paletteItem(title).dragTo(this.canvas.locator('.react-flow__pane'), { targetPosition: at });
  }

  /** Drags a connection from one handle to another with the mouse, step by step as a person would. */
  async connect(from: Locator, to: Locator): Promise<void> {
    const start = await from.boundingBox();
    const end = await to.boundingBox();
    if (!start || !end) throw new Error('a handle to connect is not visible');
    await this.page.mouse.move(start.x + start.width / 2, start.y + start.height / 2);
    await this.page.mouse.down();
    await this.page.mouse.move(end.x + end.width / 2, end.y + end.height / 2, { steps: 12 });
    await this.page.mouse.up();
  }

  async selectNode(name: string): Promise<void> {
    await this.node(name).locator('.bundle-node-header').click();
    await this.inspector.getByLabel('Name', { exact: true }).and(this.page.locator(`[value="${name}"]`)).waitFor();
  }

  field(label: string): Locator {
    return this.inspector.getByLabel(label, { exact: true });
  }

  /** Presses a shortcut with the canvas focused (not a text field). */
  async shortcut(keys: string): Promise<void> {
    await this.page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await this.page.keyboard.press(keys);
  }

  /** Deletes every node (confirming the downstream warning) so a test starts from an empty diagram. */
  async clearDiagram(): Promise<void> {
    if ((await this.nodes().count()) === 0) return;
    await this.shortcut('Control+a');
    await this.shortcut('Delete');
    const confirm = this.page.getByRole('alertdialog', { name: 'Delete nodes' });
    if (await confirm.isVisible()) await confirm.getByRole('button', { name: 'Delete' }).click();
    await this.nodes().first().waitFor({ state: 'detached' });
    await this.saved();
  }

  /** Adds a bundle with the keyboard: focus its palette item and press Enter. */
  async addWithKeyboard(title: string): Promise<void> {
    await this.paletteItem(title).focus();
    await this.page.keyboard.press('Enter');
  }

  /** Presses the mouse at `from`, moves it by `by` in `steps`, and releases it. */
  async dragFrom(from: { x: number; y: number }, by: { x: number; y: number }, steps = 10): Promise<void> {
    await this.page.mouse.move(from.x, from.y);
    await this.page.mouse.down();
    await this.page.mouse.move(from.x + by.x, from.y + by.y, { steps });
    await this.page.mouse.up();
  }

  /** Moves a node by dragging its header. */
  async dragNode(name: string, by: { x: number; y: number }): Promise<void> {
    const box = await this.node(name).locator('.bundle-node-header').boundingBox();
    if (!box) throw new Error(`node ${name} is not visible`);
    await this.dragFrom({ x: box.x + 20, y: box.y + 10 }, by);
  }

  /** Pans the view by dragging the empty pane from the middle of its bottom edge. */
  async pan(by: { x: number; y: number }): Promise<void> {
    const pane = await this.canvas.locator('.react-flow__pane').boundingBox();
    if (!pane) throw new Error('the canvas pane is not visible');
    await this.dragFrom({ x: pane.x + pane.width / 2, y: pane.y + pane.height - 40 }, by, 8);
  }

  /** The node's position on the canvas: React Flow's transform of it. */
  async nodePosition(name: string): Promise<string | null> {
    const inner = this.page.getByRole('group', { name: `Node ${name}`, exact: true });
    const style = await this.canvas.locator('.react-flow__node').filter({ has: inner }).getAttribute('style');
    return /transform: ([^;]+)/.exec(style ?? '')?.[1] ?? null;
  }

  /** Waits until the viewport stops moving (fit-view animations end), comparing transforms a few frames apart. */
  async viewportSettled(): Promise<void> {
    await this.page.waitForFunction(
      () =>
        new Promise<boolean>((resolve) => {
          const read = () => document.querySelector('.react-flow__viewport')?.getAttribute('style');
          const before = read();
          let frames = 10;
          const tick = () => (--frames > 0 ? requestAnimationFrame(tick) : resolve(read() === before));
          requestAnimationFrame(tick);
        }),
    );
  }
}
