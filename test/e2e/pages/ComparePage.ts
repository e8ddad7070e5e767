import type { Locator } from 'playwright-core';
import { RunsPage } from './RunsPage';

/** Two environments side by side: the bottom Compare tab (params) and the canvas's compare mode (plans). */
export class ComparePage extends RunsPage {
  /** Plans the current environment and waits until the plan is ready, closing its review. */
  async planEnvironment(name: string): Promise<void> {
    await this.chooseEnvironment(name);
    await this.runButton('Plan').click();
    await this.review.getByRole('heading', { name: `Plan of ${name}` }).waitFor({ timeout: 180000 });
    await this.runStatus().filter({ hasText: 'plan planned' }).waitFor();
    await this.review.getByRole('button', { name: 'Close' }).click();
  }

  /** Turns on the canvas's compare mode for two environments ("dev and prod"). */
  async comparePlans(pair: string): Promise<void> {
    await this.page.getByRole('group', { name: 'Compare plans' }).getByRole('combobox', { name: 'Compare plans' }).selectOption({ label: pair });
  }

  /** A node's badges in one compared environment. */
  nodePlan(nodeName: string, environment: string): Locator {
    return this.node(nodeName).getByRole('group', { name: `Plan of ${environment}`, exact: true });
  }

  planTotals(environment: string): Locator {
    return this.page.getByRole('status', { name: `Plan totals of ${environment}`, exact: true });
  }

  /** The Compare tab's table of two environments' params. */
  async paramsTable(left: string, right: string): Promise<Locator> {
    const panel = await this.tab('Compare');
    return panel.getByRole('table', { name: `Params of ${left} and ${right}` });
  }

  /** A row of the params table: the node's name and the param. */
  paramRow(table: Locator, node: string, param: string): Locator {
    return table.getByRole('row').filter({ has: this.page.getByRole('cell', { name: node, exact: true }) }).filter({ has: this.page.getByRole('rowheader', { name: param, exact: true }) });
  }
}
