import type { Locator, Page } from 'playwright-core';
import { RunsPage } from './RunsPage';

/** The Operations view: inventory search, the query console, the batch change matrix, environment tools and drift. */
export class OperationsPage extends RunsPage {
  readonly operations: Locator;

  constructor(page: Page) {
    super(page);
    this.operations = page.getByRole('dialog', { name: 'Operations' });
  }

  /** Opens the Operations view on one of its tools and returns that tool's panel. */
  async tool(name: 'Inventory' | 'Query' | 'Batch change' | 'Environments' | 'Drift'): Promise<Locator> {
    if (!(await this.operations.isVisible())) await this.page.getByRole('button', { name: 'Operations', exact: true }).click();
    await this.operations.getByRole('tab', { name }).click();
    return this.operations.getByRole('tabpanel', { name });
  }

  async closeOperations(): Promise<void> {
    await this.operations.getByRole('button', { name: 'Close operations' }).click();
    await this.operations.waitFor({ state: 'hidden' });
  }

  /** Writes SQL into the console and runs it with Ctrl+Enter. */
  async runQuery(sql: string): Promise<Locator> {
    const console = await this.tool('Query');
    const editor = console.getByRole('textbox', { name: 'SQL' });
    await editor.fill(sql);
    await editor.press('Control+Enter');
    return console;
  }

  /** The batch matrix of one param of one bundle. */
  async matrix(bundle: string, param: string): Promise<Locator> {
    const batch = await this.tool('Batch change');
    await batch.getByRole('combobox', { name: 'Bundle' }).selectOption(bundle);
    await batch.getByRole('combobox', { name: 'Param' }).selectOption(param);
    return batch.getByRole('table', { name: `Matrix of ${param}` });
  }

  matrixCell(matrix: Locator, param: string, node: string, environment: string): Locator {
    return matrix.getByRole('button', { name: `${param} of ${node} in ${environment}`, exact: true });
  }

  /** Searches the inventory with the free-text box and returns the results table. */
  async searchInventory(text: string): Promise<Locator> {
    const inventory = await this.tool('Inventory');
    await inventory.getByRole('textbox', { name: 'Search resources' }).fill(text);
    await inventory.getByRole('button', { name: 'Search', exact: true }).click();
    return inventory.getByRole('table', { name: 'Inventory results' });
  }

  /** Runs a drift check from the Drift tool and waits until its summary contains `expected`. */
  async checkDrift(expected: string | RegExp): Promise<Locator> {
    const drift = await this.tool('Drift');
    await drift.getByRole('button', { name: /^Check (for drift|again)$/ }).click();
    await drift.getByRole('status', { name: 'Drift status' }).filter({ hasText: 'Checking' }).waitFor();
    const status = drift.getByRole('status', { name: 'Drift status' });
    await status.filter({ hasText: /^(?!Checking)/ }).waitFor({ timeout: 240000 });
    const text = (await status.textContent()) ?? '';
    if (typeof expected === 'string' ? !text.includes(expected) : !expected.test(text)) throw new Error(`The drift check said "${text}", not ${String(expected)}`);
    return drift;
  }
}
