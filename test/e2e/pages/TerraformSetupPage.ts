import type { Locator } from 'playwright-core';
import { DiagramPage } from './DiagramPage';

/** The Terraform binary screen: shown by itself when no usable terraform is found, or from the status bar. */
export class TerraformSetupPage extends DiagramPage {
  dialog(): Locator {
    return this.page.getByRole('dialog', { name: 'Terraform binary' });
  }

  current(): Locator {
    return this.dialog().getByTestId('terraform-current');
  }

  async choose(path: string): Promise<void> {
    await this.dialog().getByLabel('Path to terraform or tofu').fill(path);
    await this.dialog().getByRole('button', { name: 'Use this binary' }).click();
  }

  refusal(): Locator {
    return this.dialog().locator('.terraform-refused');
  }
}
