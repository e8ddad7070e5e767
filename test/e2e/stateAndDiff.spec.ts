import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { StatePage } from './pages/StatePage';
import { chromiumBinary } from './support/browser';
import { startStateBackend } from './support/stateBackendProcess';
import { localStackExample, useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const example = localStackExample;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`state history and diagram diff in Chromium ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new StatePage(page));

  it('lists the versions two applies wrote, diffs them, downloads one, restores the first and force-unlocks a held lock, each after confirmation', async () => {
    await session.app.importFile(example, 'network');
    await session.app.chooseEnvironment('dev');
    await session.app.setSecret('database', 'Password', 'e2e-password-1');
    await session.app.planAndApply();
    await session.app.stateTab();
    const first = await session.app.versionsAtLeast('dev', 1);

    await session.app.selectNode('network');
    await session.app.field('Address range*').fill('10.20.0.0/24');
    await session.app.field('Address range*').blur();
    await session.app.saved();
    await session.app.planAndApply();
    // downstream nodes were planned to update (the network's value was unknown until applied) but came
    // out the same: terraform never started them, and once the apply succeeds none is left waiting
    for (const name of ['network', 'database', 'api', 'config']) await session.app.nodeStatus(name, 'done').waitFor();
    expect(await session.app.canvas.getByRole('status', { name: 'Status waiting' }).count()).toBe(0);
    await session.app.stateTab();
    const newest = await session.app.versionsAtLeast('dev', first + 1);
    expect(await session.app.versionRows('dev').first().locator('td').nth(1).textContent()).toBe(String(newest));

    const diff = await session.app.compareVersions(first, newest);
    const network = diff.getByRole('list', { name: /^Changes of module\.network\./ });
    await network.first().waitFor();
    expect(await network.first().textContent()).toContain('10.20.0.0/24');
    expect(await diff.textContent()).not.toContain('e2e-password-1');
    await diff.scrollIntoViewIfNeeded();
    await session.app.page.screenshot({ path: join(screenshots, 'state-versions-diff.png') });

    const download = session.app.page.waitForEvent('download');
    await session.app.bottomPanel.getByRole('button', { name: `Download version ${newest}`, exact: true }).click();
    const file = await download;
    const saved = await file.path();
    const environmentId = /^(.+)-state-v\d+\.tfstate$/.exec(file.suggestedFilename())![1]!;
    expect((JSON.parse(readFileSync(saved!, 'utf8')) as { serial: number }).serial).toBeGreaterThan(0);

    await session.app.restoreButton(first).click();
    const dialog = session.app.confirmDialog('Restore state version');
    await dialog.waitFor();
    await dialog.getByRole('button', { name: 'Cancel' }).click();
    await dialog.waitFor({ state: 'hidden' });
    expect(await session.app.versionRows('dev').count()).toBe(newest);

    await session.app.restoreButton(first).click();
    await dialog.getByRole('button', { name: `Restore version ${first}` }).click();
    await session.app.bottomPanel.getByRole('status').filter({ hasText: `Version ${first} restored as version ${newest + 1}.` }).waitFor();
    await session.app.versionsAtLeast('dev', newest + 1);
    expect(await session.app.versionRows('dev').first().textContent()).toContain(`restored from ${first}`);
    const lockRegion = session.app.bottomPanel.getByRole('region', { name: 'State lock' });
    await lockRegion.getByText("dev's state is not locked.").waitFor();

    // A hand-run terraform (through `driftless state-backend` on the same database) holds the lock.
    const backend = await startStateBackend(session.server.dataDir, environmentId);
    try {
      const status = await backend.lock({ ID: 'e2e-lock-1', Operation: 'OperationTypeApply', Who: 'someone@laptop', Version: '1.11.4', Created: new Date().toISOString(), Path: '', Info: '' });
      expect(status).toBe(200);
    } finally {
      await backend.stop();
    }
    await session.app.bottomPanel.getByRole('button', { name: 'Refresh', exact: true }).click();
    await lockRegion.getByText('someone@laptop').waitFor();
    expect(await lockRegion.textContent()).toContain('OperationTypeApply');
    await lockRegion.getByRole('button', { name: 'Force unlock' }).click();
    const unlock = session.app.confirmDialog('Force unlock state');
    await unlock.getByRole('button', { name: 'Force unlock' }).click();
    await lockRegion.getByText("dev's state is not locked.").waitFor();
  }, 600000);

  it('compares the project with an exported and edited copy: the param change in words, grouped by node, focusing it', async () => {
    await session.app.importFile(example, 'network');
    const exported = JSON.parse(readFileSync(await session.app.exportFile(), 'utf8')) as { nodes: { name: string; params: Record<string, unknown> }[] };
    exported.nodes.find((node) => node.name === 'network')!.params.cidr = '10.99.0.0/24';
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-diff-')), 'edited.driftless.json');
    writeFileSync(path, JSON.stringify(exported, null, 2));

    const view = await session.app.compareWithFile(path, 'edited.driftless.json');
    const changes = view.getByRole('list', { name: 'Changes of Node network' });
    await changes.waitFor();
    expect(await changes.textContent()).toBe('~ node "network": cidr "10.10.0.0/24" → "10.99.0.0/24"');
    expect(await view.getByRole('list').count()).toBe(1);
    await session.app.page.screenshot({ path: join(screenshots, 'diagram-diff.png') });

    await view.getByRole('button', { name: 'Show Node network on the canvas' }).click();
    await session.app.field('Name').and(session.app.page.locator('[value="network"]')).waitFor();

    const unchanged = await session.app.compareWithFile(writeCopy(readFileSync(await session.app.exportFile(), 'utf8')), 'same.driftless.json');
    await unchanged.getByText('nothing differs').waitFor();
  });
});

function writeCopy(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'driftless-diff-')), 'same.driftless.json');
  writeFileSync(path, text);
  return path;
}
