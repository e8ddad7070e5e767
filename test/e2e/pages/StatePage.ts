import type { Locator, Page } from 'playwright-core';
import { RunsPage } from './RunsPage';

/** The diagram with its State tab (versions, diff, restore, lock) and the Diff tab (Compare with file…). */
export class StatePage extends RunsPage {
  constructor(page: Page) {
    super(page);
  }

  /** Plans the current environment and applies that plan, waiting until terraform has finished. */
  async planAndApply(): Promise<void> {
    await this.runButton('Plan').click();
    await this.review.waitFor({ timeout: 120000 });
    await this.runStatus().filter({ hasText: 'plan planned' }).waitFor({ timeout: 120000 });
    await this.review.getByRole('button', { name: 'Apply this plan' }).click();
    await this.runStatus().filter({ hasText: /apply (succeeded|applied)/ }).waitFor({ timeout: 180000 });
  }

  async stateTab(): Promise<Locator> {
    return this.tab('State');
  }

  versionTable(environment: string): Locator {
    return this.bottomPanel.getByRole('table', { name: `State versions of ${environment}` });
  }

  versionRows(environment: string): Locator {
    return this.versionTable(environment).locator('tbody tr');
  }

  /** Waits until the environment lists at least `count` state versions; returns how many it lists. */
  async versionsAtLeast(environment: string, count: number): Promise<number> {
    await this.versionRows(environment).nth(count - 1).waitFor();
    return this.versionRows(environment).count();
  }

  async compareVersions(from: number, to: number): Promise<Locator> {
    await this.bottomPanel.getByRole('checkbox', { name: `Compare version ${from}`, exact: true }).check();
    await this.bottomPanel.getByRole('checkbox', { name: `Compare version ${to}`, exact: true }).check();
    const diff = this.bottomPanel.getByRole('region', { name: `State diff ${from} → ${to}` });
    await diff.waitFor();
    return diff;
  }

  restoreButton(version: number): Locator {
    return this.bottomPanel.getByRole('button', { name: `Restore version ${version}`, exact: true });
  }

  confirmDialog(title: string): Locator {
    return this.page.getByRole('alertdialog', { name: title });
  }

  /** Runs File → Compare with file… with the given file and returns the Diff tab's view of it. */
  async compareWithFile(path: string, fileName: string): Promise<Locator> {
    const chooser = this.page.waitForEvent('filechooser');
    await this.fileCommand('Compare with file…');
    await (await chooser).setFiles(path);
    const view = this.bottomPanel.getByRole('region', { name: `Changes from this project to ${fileName}` });
    await view.waitFor();
    return view;
  }
}
