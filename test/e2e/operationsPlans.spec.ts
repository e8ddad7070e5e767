import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { OperationsPage } from './pages/OperationsPage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const example = localStackExample;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`operations with real terraform in Chromium: batch plans, inventory ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new OperationsPage(page));

  it('a batch change plans every affected environment side by side, applies only the confirmed one; the inventory then traces its resources to their nodes', async () => {
    await session.app.importFile(example, 'network');
    await session.app.setSecret('database', 'Password', 'e2e-password-ops');

    const matrix = await session.app.matrix('local-service', 'replicas');
    await matrix.getByRole('button', { name: 'Select column dev' }).click();
    await matrix.getByRole('button', { name: 'Select column prod' }).click();
    const batch = session.app.operations.getByRole('tabpanel', { name: 'Batch change' });
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
    const before = await session.app.searchInventory('terraform_data');
    await session.app.operations.getByText('No resource matches.').waitFor();
    expect(await before.count()).toBe(0);

    await (await session.app.tool('Batch change')).getByRole('button', { name: 'Apply to dev…' }).click();
    await plans.getByRole('button', { name: 'Confirm apply to dev' }).click();
    await plans.getByRole('status', { name: 'Apply status of dev' }).filter({ hasText: /apply (applied|succeeded)/ }).waitFor({ timeout: 180000 });
    expect(await plans.getByRole('status', { name: 'Apply status of prod' }).count()).toBe(0);

    const results = await session.app.searchInventory('terraform_data');
    const apiRow = results.getByRole('row').filter({ hasText: 'module.api.terraform_data.service' });
    await apiRow.waitFor();
    expect(await apiRow.textContent()).toContain('local-service@1.0.0');
    expect(await results.getByRole('row').filter({ hasText: 'prod' }).count()).toBe(0);
    expect(await results.locator('tbody tr').count()).toBe(6);

    await apiRow.getByRole('button', { name: /^Show .* on canvas$/ }).click();
    await session.app.operations.waitFor({ state: 'hidden' });
    await session.app.inspector.getByLabel('Name', { exact: true }).and(session.app.page.locator('[value="api"]')).waitFor();
    expect(await session.app.page.getByRole('combobox', { name: 'Environment' }).locator('option:checked').textContent()).toBe('dev');

    // The reverse trace: the selected node lists its resources per environment.
    const inventory = await session.app.tool('Inventory');
    const own = inventory.getByRole('region', { name: 'Resources of api' });
    await own.getByRole('list', { name: 'Resources of api in dev' }).getByText('module.api.terraform_data.service').waitFor();
    await own.getByText("No resources in prod's latest state.").waitFor();
  }, 400000);
});
