import type { Locator, Page } from 'playwright-core';
import { DiagramPage } from './DiagramPage';

/** The diagram with its runs: the run bar, the plan review, the terminal, run history, code and files. */
export class RunsPage extends DiagramPage {
  readonly runBar: Locator;
  readonly review: Locator;

  constructor(page: Page) {
    super(page);
    this.runBar = page.getByRole('toolbar', { name: /^Runs of / });
    this.review = page.getByRole('dialog', { name: 'Plan review' });
  }

  /** Runs one command of the File menu. */
  async fileCommand(label: string): Promise<void> {
    await this.page.locator('.file-menu summary').click();
    await this.page.getByRole('menuitem', { name: label }).click();
  }

  /** Imports a diagram file through the File menu and waits until its first node shows. */
  async importFile(path: string, firstNode: string): Promise<void> {
    const picker = this.page.getByRole('combobox', { name: 'Project' });
    const before = await picker.inputValue();
    const chooser = this.page.waitForEvent('filechooser');
    await this.fileCommand('Import diagram file');
    await (await chooser).setFiles(path);
    // The imported project is a new one: wait until it is the open project.
    await this.page.waitForFunction((old) => (document.querySelector('.project-picker select') as HTMLSelectElement | null)?.value !== old, before);
    await this.node(firstNode).waitFor();
  }

  async exportFile(): Promise<string> {
    const download = this.page.waitForEvent('download');
    await this.fileCommand('Export diagram file');
    const file = await download;
    const path = await file.path();
    if (!path) throw new Error('the export was not downloaded');
    return path;
  }

  async chooseEnvironment(name: string): Promise<void> {
    await this.page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: name });
  }

  async setSecret(nodeName: string, title: string, value: string): Promise<void> {
    await this.selectNode(nodeName);
    await this.inspector.getByRole('button', { name: new RegExp(`^(Set|Replace) ${title}$`) }).click();
    await this.inspector.getByLabel(title, { exact: true }).fill(value);
    await this.inspector.getByRole('button', { name: 'Save' }).click();
    await this.inspector.getByText('•••••• (set)').waitFor();
    await this.saved();
  }

  runButton(label: string): Locator {
    return this.runBar.getByRole('button', { name: label, exact: true });
  }

  /** The run bar's message (why a request failed, or what a cancel is doing). */
  runMessage(): Locator {
    return this.runBar.getByRole('alert');
  }

  /** A confirmation the run bar asks for (kill terraform, force-unlock). */
  confirmation(title: string): Locator {
    return this.page.getByRole('alertdialog', { name: title });
  }

  runStatus(): Locator {
    return this.runBar.getByRole('status', { name: 'Run status' });
  }

  badge(nodeName: string, label: string): Locator {
    return this.node(nodeName).getByLabel(label, { exact: true });
  }

  nodeStatus(nodeName: string, status: string): Locator {
    return this.node(nodeName).getByRole('status', { name: `Status ${status}` });
  }

  async tab(name: string): Promise<Locator> {
    await this.bottomPanel.getByRole('tab', { name }).click();
    return this.bottomPanel.getByRole('tabpanel', { name });
  }

  /**
   * Waits until the terminal shows `text`, scrolling back through its scrollback when needed (xterm
   * renders only the rows in view).
   */
  async terminalShows(text: string, timeout = 60000): Promise<void> {
    const rows = this.terminal().locator('.xterm-rows');
    const deadline = Date.now() + timeout;
    await rows.waitFor();
    while (Date.now() < deadline) {
      for (let step = 0; step < 40; step++) {
        if ((await rows.textContent())?.includes(text)) return;
        await this.terminal().hover();
        await this.page.mouse.wheel(0, -120);
      }
      await this.page.waitForTimeout(250);
      await this.terminal().hover();
      await this.page.mouse.wheel(0, 100000);
    }
    throw new Error(`the terminal never showed "${text}"`);
  }

  terminal(): Locator {
    return this.bottomPanel.getByRole('log', { name: 'Terminal output' });
  }
}
