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

  /** Opens a top bar menu and reads its items' labels (without their shortcuts); the menu stays open. */
  async menuItems(menu: string): Promise<string[]> {
    await this.page.locator('header.top-bar details.top-menu > summary', { hasText: menu }).click();
    const items = this.page.getByRole('menu', { name: menu }).getByRole('menuitem');
    await items.first().waitFor();
    return items.evaluateAll((elements) => elements.map((element) => element.firstChild?.textContent?.trim() ?? ''));
  }

  /** Opens the command palette with nothing typed and reads the actions it offers (not the "Go to <node>" entries). */
  async paletteActions(): Promise<string[]> {
    await this.shortcut('Control+k');
    const palette = this.page.getByRole('dialog', { name: 'Command palette' });
    const options = palette.getByRole('option');
    await options.first().waitFor();
    const labels = await options.evaluateAll((elements) => elements.map((element) => element.querySelector('span')?.textContent ?? ''));
    await this.page.keyboard.press('Escape');
    return labels.filter((label) => !label.startsWith('Go to '));
  }

  /** Clicks an empty corner of the canvas so that no node is selected. */
  async selectNothing(): Promise<void> {
    await this.canvas.locator('.react-flow__pane').click({ position: { x: 8, y: 8 } });
    await this.inspector.getByText('Select a node to edit its params.').waitFor();
  }

  /** A node's badges in one compared environment. */
  nodePlan(nodeName: string, environment: string): Locator {
    return this.node(nodeName).getByRole('group', { name: `Plan of ${environment}`, exact: true });
  }

  planTotals(environment: string): Locator {
    return this.page.getByRole('status', { name: `Plan totals of ${environment}`, exact: true });
  }

  /**
   * Top bar controls that do not fit its one line: outside the bar's box, or overlapping another
   * control (a shrunk group draws its items over each other). Empty when everything fits.
   */
  async topBarOverflow(): Promise<string[]> {
    return this.page.locator('header.top-bar').evaluate((bar) => {
      const box = bar.getBoundingClientRect();
      const controls = [...bar.querySelectorAll('button, select, summary, [role="status"]')].filter((element) => element.getBoundingClientRect().width > 0);
      const name = (element: Element) => element.getAttribute('aria-label') ?? element.textContent?.trim() ?? element.tagName;
      const problems: string[] = [];
      for (const [index, element] of controls.entries()) {
        const own = element.getBoundingClientRect();
        if (own.right > box.right + 0.5 || own.left < box.left - 0.5 || own.top < box.top - 0.5 || own.bottom > box.bottom + 0.5) problems.push(`${name(element)} is outside the bar`);
        for (const other of controls.slice(index + 1)) {
          if (element.contains(other) || other.contains(element)) continue;
          const theirs = other.getBoundingClientRect();
          const overlap = Math.min(own.right, theirs.right) - Math.max(own.left, theirs.left) > 1 && Math.min(own.bottom, theirs.bottom) - Math.max(own.top, theirs.top) > 1;
          if (overlap) problems.push(`${name(element)} overlaps ${name(other)}`);
        }
      }
      if (bar.scrollWidth > bar.clientWidth) problems.push('the bar scrolls');
      return problems;
    });
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
