import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { requireBinary } from '../support/binaries';
import { taskDiagram } from '../support/runProjects';
import { StatePage } from './pages/StatePage';
import { chromiumBinary } from './support/browser';
import { useAppSession } from './support/appSession';

const runBundles = new URL('../fixtures/run-bundles', import.meta.url).pathname;
const tf = requireBinary('terraform');
const ready = chromiumBinary.available && tf.available;

describe.skipIf(!ready)(`artifact checks after an apply in Chromium ${chromiumBinary.reason}${tf.reason}`, () => {
  const session = useAppSession((page) => new StatePage(page), { args: ['--bundles', runBundles] });

  it('an artifact value that does not match its type is listed in Problems, and focuses its node', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'driftless-e2e-mismatch-')), 'mismatch.driftless.json');
    // a task without a url: its queue artifact misses the url the message-queue type requires
    writeFileSync(file, taskDiagram('mismatch', { nourl: { command: 'true', name: 'n' } }));
    await session.app.importFile(file, 'nourl');
    await session.app.planAndApply();
    const problems = await session.app.tab('Problems');
    const problem = problems.getByRole('button', { name: /does not match artifact type "message-queue"/ });
    const selected = session.app.canvas.locator('.react-flow__node.selected');
    expect(await selected.count()).toBe(0);
    await problem.click();
    await expect.poll(() => selected.count()).toBe(1);
    await expect.poll(() => session.app.inspector.getByRole('textbox', { name: 'Name', exact: true }).first().inputValue()).toBe('nourl') // the rename field, above the params;
  }, 180000);
});
