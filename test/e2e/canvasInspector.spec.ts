import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DiagramPage } from './pages/DiagramPage';
import { chromiumBinary } from './support/browser';
import { useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;

describe.skipIf(!chromiumBinary.available)(`inspector, environments and problems in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new DiagramPage(page), { viewport: { width: 1440, height: 900 }, afterOpen: (app) => app.clearDiagram() });

  it('overrides a param in one environment, marks it as differing from the default, and resets it', async () => {
    await session.app.dragBundle('Local network', { x: 150, y: 150 });
    await session.app.selectNode('local_network');
    await session.app.field('Network name*').fill('shared-net');
    await session.app.field('Network name*').blur();
    await session.app.saved();
    await session.app.page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'default' });
    await session.app.inspector.getByRole('heading', { name: 'Params in default' }).waitFor();
    expect(await session.app.field('Network name*').inputValue()).toBe('shared-net');
    await session.app.field('Network name*').fill('only-here');
    await session.app.field('Network name*').blur();
    const overrides = session.app.inspector.getByRole('list', { name: 'Overrides in default' });
    await overrides.getByText('"only-here"').waitFor();
    expect(await overrides.getByTitle('Differs from default').count()).toBe(1);
    expect(await overrides.textContent()).toContain('(default "shared-net")');
    await session.app.page.screenshot({ path: join(screenshots, 'inspector-environment-override.png') });
    await overrides.getByRole('button', { name: 'Reset name to default' }).click();
    await session.app.inspector.getByText('default uses every default of this node.').waitFor();
    await expect.poll(() => session.app.field('Network name*').inputValue()).toBe('shared-net');
    await session.app.page.getByRole('combobox', { name: 'Environment' }).selectOption({ label: 'Defaults (all environments)' });
    await session.app.inspector.getByRole('heading', { name: 'Params (defaults for every environment)' }).waitFor();
  });

  it('sets, replaces and clears a sensitive param without ever showing its value', async () => {
    await session.app.dragBundle('Local secret', { x: 150, y: 150 });
    await session.app.selectNode('local_secret');
    await session.app.inspector.getByRole('button', { name: 'Set Value' }).click();
    await session.app.inspector.getByLabel('Value', { exact: true }).fill('s3cr3t-value');
    await session.app.inspector.getByRole('button', { name: 'Save' }).click();
    await session.app.inspector.getByText('•••••• (set)').waitFor();
    await session.app.saved();
    expect(await session.app.page.content()).not.toContain('s3cr3t-value');
    await session.app.inspector.getByRole('button', { name: 'Replace Value' }).click();
    await session.app.inspector.getByLabel('Value', { exact: true }).fill('another-one');
    await session.app.inspector.getByRole('button', { name: 'Save' }).click();
    await session.app.inspector.getByText('•••••• (set)').waitFor();
    await session.app.inspector.getByRole('button', { name: 'Clear Value' }).click();
    await session.app.inspector.getByText('Not set', { exact: true }).waitFor();
    await session.app.saved();
  });

  it('lists every diagnostic in Problems; clicking one focuses its node', async () => {
    await session.app.dragBundle('Local network', { x: 100, y: 100 });
    await session.app.dragBundle('Local PostgreSQL database', { x: 500, y: 100 });
    await session.app.saved();
    await session.app.shortcut('Escape');
    await session.app.bottomPanel.getByRole('tab', { name: 'Problems' }).click();
    const problems = session.app.bottomPanel.getByRole('list', { name: 'Problems' });
    const missingNetwork = problems.getByRole('button').filter({ hasText: 'local_database' }).first();
    await missingNetwork.waitFor();
    await session.app.page.screenshot({ path: join(screenshots, 'problems.png') });
    await missingNetwork.click();
    await session.app.inspector.getByRole('textbox', { name: 'Name', exact: true }).and(session.app.page.locator('[value="local_database"]')).waitFor();
  });
});
