import type { Locator } from 'playwright-core';
import { RunsPage } from './RunsPage';

/** View → Environment settings…: name, provider settings, state backend; add and remove environments. */
export class EnvironmentSettingsPage extends RunsPage {
  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Environment settings' });
  }

  async openSettings(): Promise<void> {
    await this.page.locator('.view-menu summary').click();
    await this.page.getByRole('menuitem', { name: 'Environment settings…' }).click();
    await this.dialog().waitFor();
  }

  async closeSettings(): Promise<void> {
    await this.dialog().getByRole('button', { name: 'Close', exact: true }).click();
    await this.dialog().waitFor({ state: 'detached' });
  }

  async rename(name: string): Promise<void> {
    await this.dialog().getByRole('textbox', { name: 'Name', exact: true }).fill(name);
    await this.dialog().getByRole('button', { name: 'Rename' }).click();
  }

  nameProblem(): Locator {
    return this.dialog().getByRole('form', { name: 'Environment name' }).getByRole('alert');
  }

  provider(name: string): Locator {
    return this.dialog().getByRole('group', { name: `Provider ${name}` });
  }

  async addProvider(name: string): Promise<void> {
    await this.dialog().getByRole('textbox', { name: 'Provider name' }).fill(name);
    await this.dialog().getByRole('button', { name: 'Add provider settings' }).click();
    await this.provider(name).waitFor();
  }

  backend(): Locator {
    return this.dialog().getByRole('region', { name: 'State backend' });
  }

  async chooseBackend(type: string): Promise<void> {
    await this.backend().getByRole('combobox', { name: 'Backend' }).selectOption(type);
  }

  /** Fills the backend's config values by key (rows for the usual keys are there already). */
  async fillBackend(type: string, settings: Record<string, string>): Promise<void> {
    for (const [key, value] of Object.entries(settings)) await this.backend().getByRole('textbox', { name: `${type} ${key}`, exact: true }).fill(value);
  }

  async saveBackend(): Promise<void> {
    await this.backend().getByRole('button', { name: 'Save backend' }).click();
  }

  /** The Code tab's compiled main.tf.json, once it contains `expected`. */
  async compiledMain(expected: string): Promise<string> {
    const code = await this.tab('Code');
    const module = code.getByLabel('Compiled main.tf.json');
    await module.filter({ hasText: expected }).waitFor();
    return (await module.textContent()) ?? '';
  }

  environmentNames(): Promise<string[]> {
    return this.page.getByRole('combobox', { name: 'Environment' }).locator('option').allTextContents();
  }
}
