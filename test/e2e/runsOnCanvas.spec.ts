import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext } from 'playwright-core';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { writeCliConfig } from '../support/terraform';
import { RunsPage } from './pages/RunsPage';
import { chromiumBinary, launchChromium } from './support/browser';
import { startServe, type RunningWebShell } from './support/webShellProcess';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const example = new URL('../../examples/local-stack.driftless.json', import.meta.url).pathname;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`plan and apply on the canvas with real terraform in Chromium ${chromiumBinary.reason}${tf.reason}`, () => {
  let server: RunningWebShell;
  let browser: Browser;
  let context: BrowserContext;
  let app: RunsPage;
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
    context = await browser.newContext({ viewport: { width: 1600, height: 1000 }, acceptDownloads: true });
    const page = await context.newPage();
    errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    app = new RunsPage(page);
    await app.openDiagram(server.url);
  });
  afterEach(async () => {
    await context?.close();
    expect(errors).toEqual([]);
  });

  it('plans the local example: badges on nodes, totals, terminal output; applies that plan until every node is done', async () => {
    await app.importFile(example, 'network');
    await app.chooseEnvironment('dev');
    await app.setSecret('database', 'Password', 'e2e-password-1');
    await app.runButton('Plan').click();
    await app.review.waitFor({ timeout: 120000 });
    await app.runStatus().filter({ hasText: 'plan planned' }).waitFor();
    await app.badge('network', '1 to create').or(app.node('network').getByLabel(/to create$/)).first().waitFor();
    await app.terminalShows('Plan:');
    await app.selectNode('database');
    await app.inspector.getByRole('region', { name: 'Planned changes' }).getByText(/module\.database\./).first().waitFor();
    expect(await app.inspector.getByRole('region', { name: 'Planned changes' }).textContent()).not.toContain('e2e-password-1');
    await app.page.screenshot({ path: join(screenshots, 'canvas-plan.png') });

    await app.review.getByRole('button', { name: 'Apply this plan' }).click();
    await app.runStatus().filter({ hasText: /apply (succeeded|applied)/ }).waitFor({ timeout: 120000 });
    for (const name of ['network', 'database']) await app.nodeStatus(name, 'done').waitFor();
    await app.terminalShows('Apply complete!');
    await app.page.screenshot({ path: join(screenshots, 'canvas-apply.png') });

    const runs = await app.tab('Runs');
    await runs.getByRole('table', { name: 'Runs of dev' }).getByText('applied').first().waitFor();
    expect(await runs.getByRole('button', { name: /^Replay / }).count()).toBeGreaterThanOrEqual(2);
  }, 300000);

  it('shows the compiled root module with its module blocks, read-only', async () => {
    await app.importFile(example, 'network');
    const code = await app.tab('Code');
    const module = code.getByLabel(/^Compiled /);
    await module.waitFor();
    const text = (await module.textContent()) ?? '';
    expect(text).toContain('"module"');
    for (const name of ['network', 'database', 'service']) expect(text).toContain(`"${name}"`);
    expect(await module.locator('.json-key').count()).toBeGreaterThan(5);
  });

  it('export → import gives the same diagram', async () => {
    await app.importFile(example, 'network');
    const names = async () => (await app.nodes().allTextContents()).sort();
    const before = await names();
    const edges = await app.edges().count();
    const exported = readFileSync(await app.exportFile(), 'utf8');
    await app.importFile(writeTemp(exported), 'network');
    await app.edgeCount(edges);
    expect(await names()).toEqual(before);
    const again = JSON.parse(readFileSync(await app.exportFile(), 'utf8')) as { nodes: unknown; edges: unknown; environments: unknown };
    const first = JSON.parse(exported) as typeof again;
    expect(again.nodes).toEqual(first.nodes);
    expect(again.edges).toEqual(first.edges);
  });
});

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'driftless-export-')), 'exported.driftless.json');
  writeFileSync(path, text);
  return path;
}
