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

  edges(): Locator {
    return this.canvas.locator('.react-flow__edge');
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
    await this.canvas.locator('.react-flow__pane').focus().catch(() => undefined);
    await this.page.keyboard.press(keys);
  }
}
