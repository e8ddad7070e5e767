import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { OperationsPage } from './pages/OperationsPage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const example = localStackExample;

describe.skipIf(!chromiumBinary.available)(`operations: query console and batch matrix in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new OperationsPage(page), { afterOpen: (app) => app.importFile(example, 'network') });

  it('query console: a SELECT returns rows, exports CSV, saves and loads; a DELETE and an ATTACH are refused with their message', async () => {
    const console = await session.app.runQuery("SELECT environment, override_count FROM environments WHERE project = 'local-stack' ORDER BY environment");
    const table = console.getByRole('table', { name: 'Query results' });
    await table.getByRole('cell', { name: 'prod', exact: true }).waitFor();
    expect(await table.locator('tbody tr').allTextContents()).toEqual(['dev0', 'prod10']);

    const download = session.app.page.waitForEvent('download');
    await console.getByRole('button', { name: 'Export CSV' }).click();
    const path = await (await download).path();
    expect(readFileSync(path!, 'utf8')).toBe('environment,override_count\r\ndev,0\r\nprod,10\r\n');

    await console.getByRole('textbox', { name: 'Query name' }).fill('overrides per environment');
    await console.getByRole('button', { name: 'Save query' }).click();
    const load = console.getByRole('button', { name: 'Load saved query overrides per environment' });
    await load.waitFor();

    await session.app.runQuery("DELETE FROM environments WHERE environment = 'dev'");
    const refusal = console.getByRole('alert', { name: 'Query refused' });
    await refusal.filter({ hasText: 'The query console only reads' }).waitFor();
    expect(await table.count()).toBe(0);
    await session.app.runQuery("ATTACH DATABASE '/tmp/x.db' AS x");
    await refusal.filter({ hasText: /ATTACH/ }).waitFor();

    await load.click();
    expect(await console.getByRole('textbox', { name: 'SQL' }).inputValue()).toContain('override_count');
    await console.getByRole('button', { name: 'Delete saved query overrides per environment' }).click();
    await load.waitFor({ state: 'detached' });
    expect(await console.getByRole('list', { name: 'Example queries' }).getByRole('button').count()).toBeGreaterThan(0);
  });

  it('batch matrix: cells changed across environments become overrides, in the matrix and in the inspector; undo takes them back as one', async () => {
    const matrix = await session.app.matrix('local-service', 'replicas');
    const dev = session.app.matrixCell(matrix, 'replicas', 'api', 'dev');
    const prod = session.app.matrixCell(matrix, 'replicas', 'api', 'prod');
    expect([await dev.textContent(), await prod.textContent()]).toEqual(['1', '3']);
    await matrix.getByRole('button', { name: 'Select column dev' }).click();
    await prod.click();
    expect(await dev.getAttribute('aria-pressed')).toBe('true');
    const batch = session.app.operations.getByRole('tabpanel', { name: 'Batch change' });
    await batch.getByRole('textbox', { name: 'New value' }).fill('5');
    await batch.getByRole('button', { name: 'Set selected cells' }).click();
    await batch.getByRole('status', { name: 'Batch status' }).filter({ hasText: 'Set 2 cells' }).waitFor();
    expect([await dev.textContent(), await prod.textContent()]).toEqual(['5', '5']);
    expect(await dev.getAttribute('class')).toContain('override');
    await session.app.saved();

    await session.app.closeOperations();
    for (const environment of ['dev', 'prod']) {
      await session.app.chooseEnvironment(environment);
      await session.app.selectNode('api');
      await session.app.inspector.getByRole('list', { name: `Overrides in ${environment}` }).filter({ hasText: 'replicas = 5' }).waitFor();
    }

    // One undo takes back the whole batch: dev has no override again, prod its old 3.
    await session.app.shortcut('Control+z');
    const again = await session.app.matrix('local-service', 'replicas');
    await session.app.matrixCell(again, 'replicas', 'api', 'prod').filter({ hasText: /^3$/ }).waitFor();
    expect(await session.app.matrixCell(again, 'replicas', 'api', 'dev').textContent()).toBe('1');
  });

  it('environments: fork copies overrides, compare hides identical rows, promote shows its edits and applies them only on confirm', async () => {
    const tools = await session.app.tool('Environments');
    const fork = tools.getByRole('region', { name: 'Fork an environment' });
    await fork.getByRole('combobox', { name: 'Fork from' }).selectOption({ label: 'prod' });
    await fork.getByRole('textbox', { name: 'New environment name' }).fill('staging');
    await fork.getByRole('button', { name: 'Fork environment' }).click();
    await fork.getByRole('status').filter({ hasText: 'Forked "staging"' }).waitFor();

    const compare = tools.getByRole('table', { name: 'Environments side by side' });
    await compare.getByRole('columnheader', { name: 'staging' }).waitFor();
    const replicas = compare.getByRole('row').filter({ has: session.app.page.getByRole('rowheader', { name: 'replicas' }) });
    expect(await replicas.textContent()).toBe('apireplicas133');
    const hiddenRows = await compare.getByRole('row').count();
    await tools.getByRole('checkbox', { name: 'Hide identical' }).uncheck();
    await session.app.page.waitForFunction((count) => document.querySelectorAll('table[aria-label="Environments side by side"] tr').length > count, hiddenRows);

    const promote = tools.getByRole('region', { name: 'Promote a node' });
    await promote.getByRole('combobox', { name: 'Node' }).selectOption({ label: 'api' });
    await promote.getByRole('combobox', { name: 'From environment' }).selectOption({ label: 'dev' });
    await promote.getByRole('combobox', { name: 'To environment' }).selectOption({ label: 'staging' });
    await promote.getByRole('button', { name: 'Review promotion' }).click();
    const edits = promote.getByRole('group', { name: 'Promotion edits' });
    await edits.getByText(/replicas/).waitFor();
    // Reviewing changed nothing yet: staging still plans 3 replicas.
    expect(await replicas.textContent()).toBe('apireplicas133');
    await edits.getByRole('button', { name: 'Apply promotion' }).click();
    await promote.getByRole('status').filter({ hasText: 'Promoted' }).waitFor();
    await replicas.filter({ hasText: /^apireplicas131$/ }).waitFor();
  });
});
