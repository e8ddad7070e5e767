import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { ComparePage } from './pages/ComparePage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const tf = requireBinary('terraform');

describe.skipIf(!chromiumBinary.available)(`the bottom Compare tab in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new ComparePage(page));

  it('shows two environments’ params side by side, hides identical rows until asked, and says when both are the same', async () => {
    await session.app.importFile(localStackExample, 'network');
    // Opening the imported project fits the view to it: every node is drawn inside the pane.
    const exampleNodes = (JSON.parse(readFileSync(localStackExample, 'utf8')) as { nodes: unknown[] }).nodes.length;
    await expect.poll(() => session.app.nodesInPane()).toBe(exampleNodes);
    const table = await session.app.paramsTable('dev', 'prod');
    await table.waitFor();
    const cidr = session.app.paramRow(table, 'network', 'cidr');
    expect(await cidr.getByRole('cell').allTextContents()).toEqual(['network', '10.10.0.0/24', '10.0.0.0/16']);
    // prod overrides 10 params; everything else is identical and hidden.
    expect(await table.locator('tbody tr').count()).toBe(10);
    expect(await table.locator('tbody tr.identical').count()).toBe(0);
    expect(await session.app.paramRow(table, 'database', 'port').count()).toBe(0);
    const panel = session.app.bottomPanel.getByRole('tabpanel', { name: 'Compare' });
    const hidden = Number(/(\d+) identical hidden/.exec((await panel.getByText(/identical hidden/).textContent()) ?? '')?.[1]);
    expect(hidden).toBeGreaterThan(0);

    await panel.getByRole('checkbox', { name: 'Hide identical' }).uncheck();
    const port = session.app.paramRow(table, 'database', 'port');
    await port.waitFor();
    expect(await port.getByRole('cell').allTextContents()).toEqual(['database', '5432', '5432']);
    expect(await table.locator('tbody tr').count()).toBe(10 + hidden);
    expect(await table.locator('tbody tr.identical').count()).toBe(hidden);

    await panel.getByRole('checkbox', { name: 'Hide identical' }).check();
    await panel.getByRole('combobox', { name: 'Right' }).selectOption({ label: 'dev' });
    await panel.getByText('dev and dev plan the same params.').waitFor();
  });
});

describe.skipIf(!chromiumBinary.available)(`the regrouped top bar at 1280×800 in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new ComparePage(page), { viewport: { width: 1280, height: 800 } });

  it('fits one line, and its menus and run bar hold every action the command palette lists', async () => {
    await session.app.importFile(localStackExample, 'network');
    await session.app.chooseEnvironment('dev');
    await session.app.comparePlans('dev and prod');
    await session.app.planTotals('prod').waitFor();
    expect(await session.app.topBarOverflow()).toEqual([]);

    const placed = new Set<string>();
    for (const menu of ['File', 'Edit', 'View']) {
      for (const label of await session.app.menuItems(menu)) placed.add(label);
      if (menu === 'View') await session.app.page.screenshot({ path: join(screenshots, 'top-bar-menu.png'), clip: { x: 0, y: 0, width: 1280, height: 400 } });
      await session.app.page.keyboard.press('Escape');
    }
    for (const label of await session.app.runBar.getByRole('button').allTextContents()) placed.add(label);
    // Applying is offered where the plan is reviewed; the palette itself is Ctrl+K.
    placed.add('Apply reviewed plan');
    const listed = await session.app.paletteActions();
    expect(listed.length).toBeGreaterThan(20);
    expect(listed.filter((label) => !placed.has(label))).toEqual([]);
  });
});

describe.skipIf(!chromiumBinary.available || !tf.available)(`two environments' plans side by side on the canvas with real terraform ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new ComparePage(page));

  it('plans dev and prod, then shows both on every node (labelled badges), totals per environment, and a node’s changes in both', async () => {
    await session.app.importFile(localStackExample, 'network');
    await session.app.setSecret('database', 'Password', 'e2e-password-compare');
    await session.app.planEnvironment('dev');
    await session.app.planEnvironment('prod');

    await session.app.comparePlans('dev and prod');
    for (const environment of ['dev', 'prod']) {
      await session.app.nodePlan('network', environment).getByLabel('1 to create', { exact: true }).waitFor();
      await session.app.nodePlan('api', environment).getByLabel(/to create$/).waitFor();
      await session.app.planTotals(environment).getByLabel(/^\d+ to create$/).waitFor();
    }
    const devTotal = await session.app.planTotals('dev').getByLabel(/to create$/).textContent();
    const prodTotal = await session.app.planTotals('prod').getByLabel(/to create$/).textContent();
    expect(devTotal).toMatch(/^\+\d+$/);
    expect(prodTotal).toBe(devTotal);

    // Nothing selected: the inspector shows both plans' per-node columns (the Operations batch view's).
    await session.app.selectNothing();
    const compared = session.app.inspector.getByRole('region', { name: 'Compared plans' });
    for (const environment of ['dev', 'prod']) await compared.getByRole('status', { name: `Plan status of ${environment}` }).filter({ hasText: 'plan planned' }).waitFor();

    // The crowded state of the top bar (a plan shown, compare mode on) still fits one line at 1280×800.
    await session.app.page.setViewportSize({ width: 1280, height: 800 });
    await session.app.page.screenshot({ path: join(screenshots, 'top-bar-1280.png'), clip: { x: 0, y: 0, width: 1280, height: 400 } });
    const overflow = await session.app.topBarOverflow();
    expect(overflow).toEqual([]);
    await session.app.page.setViewportSize({ width: 1600, height: 1000 });

    await session.app.selectNode('network');
    const changes = session.app.inspector.getByRole('region', { name: 'Planned changes in dev and prod' });
    const table = changes.getByRole('table', { name: /^Changes of module\.network\..* per environment$/ }).first();
    await table.waitFor();
    const headers = await table.getByRole('columnheader').allTextContents();
    expect(headers).toEqual(['Attribute', 'dev create', 'prod create']);
    // The network's name param differs: each column shows its own environment's value.
    const text = (await changes.textContent()) ?? '';
    expect(text).toContain('dev-net');
    expect(text).toContain('prod-net');
    expect(text).not.toContain('e2e-password-compare');
    // Only the two environments' changes: the one current run's section is not shown beside them.
    expect(await session.app.inspector.getByRole('region', { name: 'Planned changes', exact: true }).count()).toBe(0);
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-compare-plans.png') });

    // Off again: the canvas shows the current run's badges, not labelled ones.
    await session.app.comparePlans('Off');
    await session.app.nodePlan('network', 'dev').waitFor({ state: 'detached' });
    await session.app.badge('network', '1 to create').waitFor();
    await session.app.inspector.getByRole('region', { name: 'Planned changes', exact: true }).waitFor();
  }, 400000);
});
