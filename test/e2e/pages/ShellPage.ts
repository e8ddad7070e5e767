import type { Locator, Page } from 'playwright-core';
import { RunsPage } from './RunsPage';

/** The Shell tab of the bottom panel: the user's shell in the current environment's workdir. */
export class ShellPage extends RunsPage {
  readonly shellBar: Locator;
  readonly shellTerminal: Locator;

  constructor(page: Page) {
    super(page);
    this.shellBar = this.bottomPanel.getByRole('toolbar', { name: 'Shell' });
    this.shellTerminal = this.bottomPanel.getByRole('application', { name: 'Shell terminal' });
  }

  /** Opens the Shell tab and starts a shell in the environment chosen in the top bar. */
  async openShell(environment: string): Promise<void> {
    await this.tab('Shell');
    await this.shellBar.getByRole('button', { name: `Open shell in ${environment}` }).click();
    await this.shellBar.getByRole('button', { name: 'End shell' }).waitFor();
  }

  /** Types into the shell as the user would (keystrokes into xterm), then Enter. */
  async typeLine(line: string): Promise<void> {
    await this.shellTerminal.click();
    await this.page.keyboard.type(line);
    await this.page.keyboard.press('Enter');
  }

  /** Waits until the shell's visible rows show `text`. */
  async shellShows(text: string, timeout = 30000): Promise<void> {
    await this.page.waitForFunction(
      (expected) => document.querySelector('[aria-label="Shell terminal"] .xterm-rows')?.textContent?.includes(expected) ?? false,
      text,
      { timeout },
    );
  }

  /** The run terminal's text (hidden while the Shell tab shows). */
  async runTerminalText(): Promise<string> {
    return this.page.evaluate(() => document.querySelector('[aria-label="Terminal output"] .xterm-rows')?.textContent ?? '');
  }

  async endShell(): Promise<void> {
    await this.shellBar.getByRole('button', { name: 'End shell' }).click();
    await this.shellBar.getByRole('button', { name: /^Open shell in / }).waitFor();
  }
}
