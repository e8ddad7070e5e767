import Database from 'better-sqlite3';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { OperationsPage } from './pages/OperationsPage';
import { StatePage } from './pages/StatePage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';
import { startStateBackend } from './support/stateBackendProcess';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

interface StateFile {
  serial: number;
  resources: { module?: string; type: string; instances: { attributes: { input: { value: { cidr: string } }; output: { value: { cidr: string } } } }[] }[];
}

describe.skipIf(!ready)(`operations → drift with real terraform in Chromium ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new OperationsPage(page));

  /** The id of an environment of the imported example, read from the app's database. */
  function environmentIdOf(name: string): string {
    const db = new Database(join(session.server.dataDir, 'driftless.db'), { readonly: true });
    try {
      return db.prepare("SELECT e.id FROM environments e JOIN projects p ON p.id = e.project_id WHERE p.name = 'local-stack' AND e.name = ?").pluck().get(name) as string;
    } finally {
      db.close();
    }
  }

  /** Someone changes the network's recorded cidr by hand, through `driftless state-backend` (the next serial). */
  async function changeCidrOutside(environmentId: string, cidr: string): Promise<void> {
    const backend = await startStateBackend(session.server.dataDir, environmentId);
    try {
      const headers = { authorization: `Basic ${Buffer.from(`${backend.env.TF_HTTP_USERNAME}:${backend.env.TF_HTTP_PASSWORD}`).toString('base64')}` };
      const state = (await (await fetch(backend.env.TF_HTTP_ADDRESS!, { headers })).json()) as StateFile;
      const network = state.resources.find((resource) => resource.module === 'module.network' && resource.type === 'terraform_data')!.instances[0]!.attributes;
      // terraform_data keeps its dynamic values as {value, type}.
      network.input.value.cidr = cidr;
      network.output.value.cidr = cidr;
      state.serial += 1;
      const posted = await fetch(backend.env.TF_HTTP_ADDRESS!, { method: 'POST', headers: { ...headers, 'content-type': 'application/json' }, body: JSON.stringify(state) });
      expect(posted.status).toBe(200);
    } finally {
      await backend.stop();
    }
  }

  async function recordedCidr(environmentId: string): Promise<string> {
    const backend = await startStateBackend(session.server.dataDir, environmentId);
    try {
      const headers = { authorization: `Basic ${Buffer.from(`${backend.env.TF_HTTP_USERNAME}:${backend.env.TF_HTTP_PASSWORD}`).toString('base64')}` };
      const state = (await (await fetch(backend.env.TF_HTTP_ADDRESS!, { headers })).json()) as StateFile;
      return state.resources.find((resource) => resource.module === 'module.network' && resource.type === 'terraform_data')!.instances[0]!.attributes.input.value.cidr;
    } finally {
      await backend.stop();
    }
  }

  it('finds a hand-edited state and badges the node; Revert applies the reviewed plan after confirmation, Accept keeps reality and sets the param the user confirms; each leaves no drift', async () => {
    const app = session.app;
    await app.importFile(localStackExample, 'network');
    await app.chooseEnvironment('dev');
    await app.setSecret('database', 'Password', 'e2e-password-drift');
    await new StatePage(app.page).planAndApply();
    const dev = environmentIdOf('dev');

    let drift = await app.checkDrift('No drift in dev');

    // Revert: the plan made with the check is shown, and applied only after confirmation.
    await changeCidrOutside(dev, '10.10.7.0/24');
    drift = await app.checkDrift('dev has drifted');
    const drifted = drift.getByRole('table', { name: 'Drifted resources' });
    expect(await drifted.getByRole('row').filter({ hasText: 'module.network.terraform_data.network' }).textContent()).toContain('recorded state changed outside Driftless');
    await app.closeOperations();
    await app.badge('network', '1 to update').waitFor();
    drift = await app.tool('Drift');
    const revert = drift.getByRole('article', { name: 'Revert drift in dev' });
    await revert.getByRole('button', { name: 'Review the revert plan…' }).click();
    await revert.getByRole('region', { name: 'Revert plan of dev' }).getByText('module.network.terraform_data.network').waitFor();
    await revert.getByRole('button', { name: 'Revert dev…' }).click();
    await revert.getByRole('group', { name: 'Confirm revert in dev' }).getByRole('button', { name: 'Cancel' }).click();
    expect(await recordedCidr(dev)).toBe('10.10.7.0/24');
    await revert.getByRole('button', { name: 'Revert dev…' }).click();
    await revert.getByRole('button', { name: 'Confirm revert' }).click();
    await revert.getByRole('status', { name: 'Revert status of dev' }).filter({ hasText: 'Reverted: dev matches the diagram again.' }).waitFor({ timeout: 180000 });
    expect(await drift.getByRole('button', { name: 'Accept reality…' }).isDisabled()).toBe(true);
    expect(await recordedCidr(dev)).toBe('10.10.0.0/24');
    await app.checkDrift('No drift in dev');

    // Accept: reality is recorded, then the suggested param edit is applied only when chosen.
    await changeCidrOutside(dev, '10.10.9.0/24');
    drift = await app.checkDrift('dev has drifted');
    await app.page.screenshot({ path: join(screenshots, 'operations-drift.png') });
    const accept = drift.getByRole('article', { name: 'Accept drift in dev' });
    await accept.getByRole('button', { name: 'Accept reality…' }).click();
    await accept.getByRole('group', { name: 'Confirm accept in dev' }).getByRole('button', { name: 'Confirm accept' }).click();
    await accept.getByRole('status', { name: 'Accept status of dev' }).filter({ hasText: "Accepted: dev's state records reality." }).waitFor({ timeout: 180000 });
    const suggestions = accept.getByRole('region', { name: 'Suggested param changes' });
    const cidr = suggestions.getByRole('checkbox', { name: 'Set cidr of network to 10.10.9.0/24' });
    const set = suggestions.getByRole('button', { name: /^Set \d+ selected params?$/ });
    expect(await set.isDisabled()).toBe(true);
    await cidr.check();
    await set.click();
    await suggestions.getByRole('status', { name: 'Param changes' }).filter({ hasText: 'Set 1 param in dev' }).waitFor();
    await app.saved();
    expect(await recordedCidr(dev)).toBe('10.10.9.0/24');
    await app.checkDrift('No drift in dev');

    // The diagram keeps the value reality has: an override in dev, undoable like any edit.
    await app.closeOperations();
    await app.selectNode('network');
    await app.inspector.getByRole('list', { name: 'Overrides in dev' }).filter({ hasText: 'cidr = "10.10.9.0/24"' }).or(app.inspector.getByRole('list', { name: 'Overrides in dev' }).filter({ hasText: 'cidr = 10.10.9.0/24' })).waitFor();

    // Automatic checks: an interval per environment, and off again.
    drift = await app.tool('Drift');
    const schedule = drift.getByRole('form', { name: 'Automatic drift checks' });
    await schedule.getByRole('spinbutton', { name: 'Check every (minutes)' }).fill('30');
    await schedule.getByRole('button', { name: 'Save schedule' }).click();
    await schedule.getByRole('status', { name: 'Schedule status' }).filter({ hasText: 'Checks dev every 30 minutes while Driftless runs.' }).waitFor();
    await schedule.getByRole('button', { name: 'Turn off' }).click();
    await schedule.getByRole('status', { name: 'Schedule status' }).filter({ hasText: 'Automatic checks of dev are off.' }).waitFor();
  }, 900000);
});
