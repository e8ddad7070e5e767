import type { Locator, Page } from 'playwright-core';

/** Page object of the app shell: tests speak of areas, not selectors. */
export class AppPage {
  readonly palette: Locator;
  readonly canvas: Locator;
  readonly inspector: Locator;
  readonly bottomPanel: Locator;
  readonly statusBar: Locator;

  constructor(readonly page: Page) {
    this.palette = page.getByRole('complementary', { name: 'Bundle palette' });
    this.canvas = page.getByRole('main', { name: 'Canvas' });
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.bottomPanel = page.getByRole('region', { name: 'Bottom panel' });
    this.statusBar = page.getByRole('status', { name: 'Status bar' });
  }

  async open(url: string): Promise<void> {
    await this.page.goto(url);
    await this.statusBar.getByTestId('app-version').filter({ hasText: 'Driftless' }).waitFor();
  }

  terraformStatus(): Locator {
    return this.statusBar.getByTestId('terraform-status');
  }

  heartbeat(): Locator {
    return this.statusBar.getByTestId('heartbeat');
  }
}
