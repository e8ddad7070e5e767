import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createServer, type AddressInfo, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { commandName, processesUnder, signal } from '../support/processes';
import { RunsPage } from './pages/RunsPage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const screenshots = new URL('../../docs/screenshots', import.meta.url).pathname;
const example = localStackExample;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`plan and apply on the canvas with real terraform in Chromium ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new RunsPage(page));

  it('plans the local example: badges on nodes, totals, terminal output; applies that plan until every node is done', async () => {
    await session.app.importFile(example, 'network');
    await session.app.chooseEnvironment('dev');
    await session.app.setSecret('database', 'Password', 'e2e-password-1');
    await session.app.runButton('Plan').click();
    await session.app.review.waitFor({ timeout: 120000 });
    await session.app.runStatus().filter({ hasText: 'plan planned' }).waitFor();
    await session.app.badge('network', '1 to create').or(session.app.node('network').getByLabel(/to create$/)).first().waitFor();
    await session.app.terminalShows('Plan:');
    // Everything is created, so every edge's value is known only after apply: drawn dashed and marked.
    await session.app.canvas.getByTestId('edge-label').filter({ hasText: '(known after apply)' }).first().waitFor();
    expect(await session.app.canvas.locator('.edge-stroke:not([stroke-dasharray])').count()).toBe(0);
    expect(await session.app.canvas.locator('.edge-stroke[stroke-dasharray]').count()).toBeGreaterThan(0);
    await session.app.selectNode('database');
    await session.app.inspector.getByRole('region', { name: 'Planned changes' }).getByText(/module\.database\./).first().waitFor();
    expect(await session.app.inspector.getByRole('region', { name: 'Planned changes' }).textContent()).not.toContain('e2e-password-1');
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-plan.png') });

    await session.app.review.getByRole('button', { name: 'Apply this plan' }).click();
    await session.app.runStatus().filter({ hasText: /apply (succeeded|applied)/ }).waitFor({ timeout: 120000 });
    for (const name of ['network', 'database']) await session.app.nodeStatus(name, 'done').waitFor();
    await session.app.terminalShows('Apply complete!');
    expect(await session.app.canvas.locator('.edge-stroke[stroke-dasharray]').count()).toBe(0);
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-apply.png') });
    // the inspector shows each artifact's value after the apply (terraform's output), a sensitive one never
    await session.app.selectNode('api');
    await session.app.inspector.getByRole('list', { name: 'Artifacts' }).getByText('"url":"http://api.dev-net.local:8080"', { exact: false }).waitFor();
    await session.app.selectNode('api_key');
    await session.app.inspector.getByRole('list', { name: 'Artifacts' }).getByText('(sensitive value)').waitFor();

    const runs = await session.app.tab('Runs');
    const table = runs.getByRole('table', { name: 'Runs of dev' });
    await table.getByText('applied').first().waitFor();
    expect(await runs.getByRole('button', { name: /^Replay / }).count()).toBeGreaterThanOrEqual(2);
    // each run names the compiled module it ran (the apply the one its plan made), and the apply shows what it applied
    const rows = table.locator('tbody tr');
    const apply = rows.filter({ has: session.app.page.getByRole('cell', { name: 'apply', exact: true }) });
    const plan = rows.filter({ has: session.app.page.getByRole('cell', { name: 'applied', exact: true }) });
    const moduleOf = async (row: typeof rows) => (await row.locator('td').nth(7).textContent()) ?? '';
    expect(await moduleOf(plan)).toMatch(/^[0-9a-f]{12}$/);
    expect(await moduleOf(apply)).toBe(await moduleOf(plan));
    expect(await apply.locator('td').nth(2).textContent()).toBe(await plan.locator('td').nth(2).textContent());
    expect(await apply.locator('td').nth(2).textContent()).toContain('6');
    // filters: by kind, and by a status no run has
    await runs.getByLabel('Kind').selectOption('apply');
    await expect.poll(() => rows.count()).toBe(1);
    expect(await rows.first().locator('td').first().textContent()).toBe('apply');
    await runs.getByLabel('Status').selectOption('failed');
    await runs.getByText('No runs of dev match these filters.').waitFor();
    await runs.getByLabel('Kind').selectOption('');
    await runs.getByLabel('Status').selectOption('');
    await expect.poll(() => rows.count()).toBeGreaterThanOrEqual(2);
  }, 300000);

  it('plans one node, or a node with what it depends on, from the inspector (terraform -target from the diagram)', async () => {
    await session.app.importFile(example, 'network');
    await session.app.chooseEnvironment('dev');
    await session.app.setSecret('database', 'Password', 'e2e-password-1');
    const actions = session.app.inspector.getByRole('region', { name: 'Run on this node' });
    const planned = session.app.review.getByRole('list', { name: 'Changes per node' }).getByRole('button');

    await session.app.selectNode('jobs');
    await actions.getByRole('button', { name: 'Plan this node' }).click();
    await session.app.runStatus().filter({ hasText: /plan planned · only jobs\b/ }).waitFor({ timeout: 120000 });
    await session.app.review.waitFor();
    expect(await planned.allTextContents()).toEqual(['jobs']);
    await session.app.terminalShows('Resource targeting is in effect');

    await session.app.selectNode('api');
    await actions.getByRole('button', { name: 'Plan with what it depends on' }).click();
    await session.app.runStatus().filter({ hasText: 'plan planned · only api and what it depends on' }).waitFor({ timeout: 120000 });
    await session.app.review.waitFor();
    expect((await planned.allTextContents()).sort()).toEqual(['api', 'api_key', 'database', 'jobs', 'network']); // not config, which depends on api

    // nothing is applied yet, so the targeted destroy plan has nothing to destroy
    await session.app.selectNode('network');
    await actions.getByRole('button', { name: 'Plan destroy with what depends on it' }).click();
    await session.app.runStatus().filter({ hasText: 'destroy planned · only network and what depends on it' }).waitFor({ timeout: 120000 });
  }, 300000);

  it('shows the compiled root module with its module blocks, read-only', async () => {
    await session.app.importFile(example, 'network');
    const code = await session.app.tab('Code');
    const module = code.getByLabel(/^Compiled /);
    await module.waitFor();
    const text = (await module.textContent()) ?? '';
    expect(text).toContain('"module"');
    for (const name of ['network', 'database', 'service']) expect(text).toContain(`"${name}"`);
    expect(await module.locator('.json-key').count()).toBeGreaterThan(5);
  });

  it('export → import gives the same diagram', async () => {
    await session.app.importFile(example, 'network');
    const names = async () => (await session.app.nodes().allTextContents()).sort();
    const before = await names();
    const edges = await session.app.edgeTotal();
    const exported = readFileSync(await session.app.exportFile(), 'utf8');
    await session.app.importFile(writeTemp(exported), 'network');
    await session.app.edgeCount(edges);
    expect(await names()).toEqual(before);
    const again = JSON.parse(readFileSync(await session.app.exportFile(), 'utf8')) as { nodes: unknown; edges: unknown; environments: unknown };
    const first = JSON.parse(exported) as typeof again;
    expect(again.nodes).toEqual(first.nodes);
    expect(again.edges).toEqual(first.edges);
  });
});

describe.skipIf(!ready)(`cancel on the canvas: Ctrl-C first, kill after confirmation ${chromiumBinary.reason}${tf.reason}`, () => {
  // An S3 endpoint that accepts connections and never answers: the AWS provider's create waits on it.
  // Alone that is not enough: the provider honours Ctrl-C and terraform stops in a fraction of a
  // second. So the test stops (SIGSTOP) the provider process: terraform gets the Ctrl-C, starts its
  // graceful shutdown and waits on a provider that never answers — a hung provider, what kill is for —
  // for exactly as long as the test takes.
  const sockets: Socket[] = [];
  let connected: (() => void) | undefined;
  const blackhole = createServer((socket) => {
    sockets.push(socket);
    connected?.();
  });
  const nextConnection = () => new Promise<void>((resolve) => (connected = resolve));
  beforeAll(() => new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve)));
  const session = useAppSession((page) => new RunsPage(page), { env: { AWS_ACCESS_KEY_ID: 'AKIAFAKEFAKEFAKEFAKE', AWS_SECRET_ACCESS_KEY: 'fake', AWS_EC2_METADATA_DISABLED: 'true' } });
  afterAll(() => {
    // Nothing this test stopped may outlive it (the kill should have ended them all already).
    if (session.server) for (const pid of processesUnder(session.server.dataDir)) signal(pid, 'SIGKILL');
    for (const socket of sockets) socket.destroy();
    blackhole.close();
  });

  it('the first Cancel sends Ctrl-C; a second asks before killing (Keep waiting keeps the run); confirmed, terraform is killed, the apply ends cancelled and its lock is released by force-unlock', async () => {
    const port = (blackhole.address() as AddressInfo).port;
    const offline = { region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true, s3_use_path_style: true };
    const diagram = {
      format: 1,
      project: { id: 'hang', name: 'hang' },
      bundles: { 'aws-s3-bucket@1.0.0': {} },
      nodes: [{ id: 'assets', name: 'assets', bundle: 'aws-s3-bucket@1.0.0', position: { x: 0, y: 0 }, params: { bucket: 'driftless-e2e-hang', force_destroy: true, versioning: false } }],
      edges: [],
      environments: [{ id: 'hang-dev', name: 'dev', backend: { type: 'embedded' }, overrides: {}, providers: { aws: { ...offline, endpoints: [{ s3: `http://127.0.0.1:${port}` }] } } }],
    };
    await session.app.importFile(writeTemp(JSON.stringify(diagram)), 'assets');
    await session.app.chooseEnvironment('dev');
    await session.app.runButton('Plan').click();
    await session.app.review.waitFor({ timeout: 120000 });
    const creating = nextConnection();
    await session.app.review.getByRole('button', { name: 'Apply this plan' }).click();
    await creating; // the apply's provider is waiting on the endpoint
    await session.app.runStatus().filter({ hasText: 'apply running' }).waitFor();
    const providers = processesUnder(session.server.dataDir).filter((pid) => commandName(pid).startsWith('terraform-provi'));
    expect(providers.length).toBeGreaterThan(0);
    for (const pid of providers) signal(pid, 'SIGSTOP');

    await session.app.runButton('Cancel run').click();
    await session.app.runMessage().filter({ hasText: 'Cancel again to kill it' }).waitFor();
    await session.app.terminalShows('Gracefully shutting down');
    await session.app.runButton('Cancel run').click();
    const kill = session.app.confirmation('Kill terraform');
    await kill.getByRole('button', { name: 'Keep waiting' }).click();
    await kill.waitFor({ state: 'detached' });
    await session.app.page.waitForTimeout(1500);
    expect(await session.app.runStatus().textContent()).toContain('apply running');
    expect(providers.every((pid) => commandName(pid) !== '')).toBe(true);

    await session.app.runButton('Cancel run').click();
    await kill.getByRole('button', { name: 'Kill terraform now' }).click();
    await session.app.runMessage().filter({ hasText: 'Terraform was killed.' }).waitFor();
    await session.app.runStatus().filter({ hasText: 'apply cancelled' }).waitFor({ timeout: 30000 });
    await session.app.nodeStatus('assets', 'interrupted').waitFor(); // not left "creating"
    await expect.poll(() => providers.filter((pid) => commandName(pid) !== '').length, { timeout: 10000 }).toBe(0); // the kill reached the whole process group

    // Killed, terraform could not release the state lock: the run shows it with force-unlock.
    const unlock = session.app.runBar.getByRole('button', { name: /^Force unlock / });
    await unlock.waitFor();
    await session.app.page.screenshot({ path: join(screenshots, 'canvas-cancel-kill.png') });
    await unlock.click();
    await session.app.confirmation('Force unlock state').getByRole('button', { name: 'Force unlock', exact: true }).click();
    await session.app.runBar.getByRole('status').filter({ hasText: 'The lock was released.' }).waitFor();
    // Released for real: terraform can lock the state again (a plan takes the lock).
    await session.app.runButton('Plan').click();
    await session.app.review.waitFor({ timeout: 120000 });
    await session.app.runStatus().filter({ hasText: 'plan planned' }).waitFor();
  }, 420000); // three terraform runs with the AWS provider: minutes on a loaded machine
});

function writeTemp(text: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'driftless-export-')), 'exported.driftless.json');
  writeFileSync(path, text);
  return path;
}
