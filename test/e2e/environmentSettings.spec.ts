import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { EnvironmentSettingsPage } from './pages/EnvironmentSettingsPage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`View → Environment settings… in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new EnvironmentSettingsPage(page));

  it('renames an environment, showing the host’s diagnostic for a name that is not an identifier and refusing a taken one', async () => {
    const app = session.app;
    await app.importFile(localStackExample, 'network');
    await app.chooseEnvironment('dev');
    await app.openSettings();
    await app.rename('not valid');
    await app.nameProblem().filter({ hasText: 'is not a Terraform identifier' }).waitFor();
    await app.rename('prod');
    await app.nameProblem().filter({ hasText: 'Another environment is named "prod"' }).waitFor();
    await app.rename('development');
    await app.nameProblem().waitFor({ state: 'detached' });
    await app.saved();
    expect(await app.environmentNames()).toEqual(['Defaults (all environments)', 'development', 'prod']);
  });

  it('keeps aws region, refuses credentials, writes an s3 backend into main.tf.json and goes back to embedded', async () => {
    const app = session.app;
    await app.importFile(localStackExample, 'network');
    await app.chooseEnvironment('prod');
    await app.openSettings();

    await app.addProvider('aws');
    const aws = app.provider('aws');
    await aws.getByText('No bundle in this diagram uses aws').waitFor();
    await aws.getByRole('textbox', { name: 'aws region', exact: true }).fill('eu-west-1');
    await aws.getByRole('button', { name: 'Save aws settings' }).click();
    await app.saved();
    await app.closeSettings();
    await app.openSettings();
    expect(await app.provider('aws').getByRole('textbox', { name: 'aws region', exact: true }).inputValue()).toBe('eu-west-1');

    // A credential typed into the config is refused, and nothing is saved.
    await app.chooseBackend('s3');
    await app.backend().getByText('State then lives in Amazon S3, outside Driftless').waitFor();
    await app.backend().getByRole('button', { name: 'Add setting' }).click();
    await app.backend().getByRole('textbox', { name: 's3 key 5' }).fill('secret_key');
    await app.backend().getByRole('textbox', { name: 's3 secret_key', exact: true }).fill('wJalrXUtnFEMI');
    await app.fillBackend('s3', { bucket: 'acme-states', key: 'local-stack/prod.tfstate', region: 'eu-west-1' });
    await app.saveBackend();
    await app.backend().getByRole('alert').filter({ hasText: '"secret_key" is a credential' }).waitFor();
    await app.page.screenshot({ path: join(screenshots, 'environment-settings.png') });
    await app.backend().getByRole('button', { name: 'Remove s3 secret_key' }).click();
    await app.saveBackend();
    await app.saved();
    await app.closeSettings();

    const withS3 = JSON.parse(await app.compiledMain('acme-states')) as { terraform: { backend: Record<string, unknown> } };
    expect(withS3.terraform.backend).toEqual({ s3: { bucket: 'acme-states', key: 'local-stack/prod.tfstate', region: 'eu-west-1' } });

    await app.openSettings();
    await app.chooseBackend('embedded');
    await app.saveBackend();
    await app.saved();
    await app.closeSettings();
    const embedded = JSON.parse(await app.compiledMain('"http"')) as { terraform: { backend: Record<string, unknown> } };
    expect(embedded.terraform.backend).toEqual({ http: {} });
  });

  it('offers region and profile for aws once a bundle needs it, and writes them into the provider block', async () => {
    const app = session.app;
    await app.importFile(localStackExample, 'network');
    await app.openSettings();
    expect(await app.provider('aws').count()).toBe(0);
    await app.closeSettings();

    await app.dragBundle('AWS SQS queue', { x: 200, y: 520 });
    await app.selectNode('aws_sqs_queue');
    await app.field('Queue name*').fill('jobs');
    await app.field('Queue name*').blur();
    await app.saved();

    await app.openSettings();
    const aws = app.provider('aws');
    expect(await aws.getByText('No bundle in this diagram uses aws').count()).toBe(0);
    await aws.getByRole('textbox', { name: 'aws region', exact: true }).fill('eu-west-1');
    await aws.getByRole('textbox', { name: 'aws profile', exact: true }).fill('dev');
    await aws.getByRole('button', { name: 'Save aws settings' }).click();
    await app.saved();
    await app.closeSettings();
    const main = JSON.parse(await app.compiledMain('eu-west-1')) as { provider: Record<string, unknown> };
    expect(main.provider.aws).toEqual({ profile: 'dev', region: 'eu-west-1' });
  });

  it('adds an environment, removes it after a confirmation that keeps its state, and undo brings it back', async () => {
    const app = session.app;
    await app.importFile(localStackExample, 'network');
    await app.openSettings();
    await app.dialog().getByRole('button', { name: 'Add environment' }).click();
    await app.dialog().getByRole('combobox', { name: 'Settings of' }).locator('option', { hasText: 'staging' }).waitFor({ state: 'attached' });
    expect(await app.dialog().getByRole('combobox', { name: 'Settings of' }).inputValue()).not.toBe('');
    expect(await app.environmentNames()).toEqual(['Defaults (all environments)', 'dev', 'prod', 'staging']);

    await app.dialog().getByRole('button', { name: 'Remove environment…' }).click();
    const confirm = app.dialog().getByRole('alertdialog', { name: 'Remove staging' });
    expect(await confirm.textContent()).toContain('Its Terraform state is not deleted');
    await confirm.getByRole('button', { name: 'Remove staging' }).click();
    await app.saved();
    expect(await app.environmentNames()).toEqual(['Defaults (all environments)', 'dev', 'prod']);
    await app.closeSettings();

    await app.shortcut('Control+z');
    await app.page.getByRole('combobox', { name: 'Environment' }).locator('option', { hasText: 'staging' }).waitFor({ state: 'attached' });
    await app.saved();
    expect(await app.environmentNames()).toEqual(['Defaults (all environments)', 'dev', 'prod', 'staging']);
  });
});
