import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { writeCliConfig } from '../support/terraform';
import { OperationsPage } from './pages/OperationsPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const example = new URL('../../examples/local-stack.driftless.json', import.meta.url).pathname;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`operations with real terraform in Chromium: batch plans, inventory ${chromiumBinary.reason}${tf.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;
  let context: BrowserContext;
  let app: OperationsPage;
  let errors: string[];

  beforeAll(async () => {
    const config = mkdtempSync(join(tmpdir(), 'driftless-e2e-tf-'));
    server = await startServe({ TF_CLI_CONFIG_FILE: writeCliConfig(config), CHECKPOINT_DISABLE: '1', TF_IN_AUTOMATION: '1', TF_INPUT: '0' });
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  beforeEach(async () => {
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 } });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    app = new OperationsPage(page);
    await app.openDiagram(server.url);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('a batch change plans every affected environment side by side, applies only the confirmed one; the inventory then traces its resources to their nodes', async () => {
    await app.importFile(example, 'network');
    await app.setSecret('database', 'Password', 'e2e-password-ops');

    const matrix = await app.matrix('local-service', 'replicas');
    await matrix.getByRole('button', { name: 'Select column dev' }).click();
    await matrix.getByRole('button', { name: 'Select column prod' }).click();
    const batch = app.operations.getByRole('tabpanel', { name: 'Batch change' });
    await batch.getByRole('textbox', { name: 'New value' }).fill('2');
    await batch.getByRole('button', { name: 'Set selected cells' }).click();
    await batch.getByRole('button', { name: 'Plan affected environments (2)' }).click();

    const plans = batch.getByRole('region', { name: 'Plans of affected environments' });
    for (const environment of ['dev', 'prod']) {
      await plans.getByRole('status', { name: `Plan status of ${environment}` }).filter({ hasText: 'plan planned' }).waitFor({ timeout: 180000 });
      await plans.getByRole('list', { name: `Changes per node in ${environment}` }).filter({ hasText: 'api' }).waitFor();
    }
    // Nothing applied yet: no apply status anywhere, and the inventory knows no resource of this project.
    expect(await plans.getByRole('status', { name: /^Apply status of / }).count()).toBe(0);
    const before = await app.searchInventory('terraform_data');
    await app.operations.getByText('No resource matches.').waitFor();
    expect(await before.count()).toBe(0);

    await (await app.tool('Batch change')).getByRole('button', { name: 'Apply to dev…' }).click();
    await plans.getByRole('button', { name: 'Confirm apply to dev' }).click();
    await plans.getByRole('status', { name: 'Apply status of dev' }).filter({ hasText: /apply (applied|succeeded)/ }).waitFor({ timeout: 180000 });
    expect(await plans.getByRole('status', { name: 'Apply status of prod' }).count()).toBe(0);

    const results = await app.searchInventory('terraform_data');
    const apiRow = results.getByRole('row').filter({ hasText: 'module.api.terraform_data.service' });
    await apiRow.waitFor();
    expect(await apiRow.textContent()).toContain('local-service@1.0.0');
    expect(await results.getByRole('row').filter({ hasText: 'prod' }).count()).toBe(0);
    expect(await results.locator('tbody tr').count()).toBe(6);

    await apiRow.getByRole('button', { name: /^Show .* on canvas$/ }).click();
    await app.operations.waitFor({ state: 'hidden' });
    await app.inspector.getByLabel('Name', { exact: true }).and(app.page.locator('[value="api"]')).waitFor();
    expect(await app.page.getByRole('combobox', { name: 'Environment' }).locator('option:checked').textContent()).toBe('dev');

    // The reverse trace: the selected node lists its resources per environment.
    const inventory = await app.tool('Inventory');
    const own = inventory.getByRole('region', { name: 'Resources of api' });
    await own.getByRole('list', { name: 'Resources of api in dev' }).getByText('module.api.terraform_data.service').waitFor();
    await own.getByText("No resources in prod's latest state.").waitFor();
  }, 400000);
});
