import { describe, expect, it } from 'vitest';
import { ShellPage } from './pages/ShellPage';
import { chromiumBinary } from './support/browser';
import { localStackExample, useAppSession } from './support/appSession';

const example = localStackExample;

describe.skipIf(!chromiumBinary.available)(`the Shell tab in Chromium ${chromiumBinary.reason}`, () => {
  const session = useAppSession((page) => new ShellPage(page), { viewport: { width: 1400, height: 900 }, env: { SHELL: '/bin/bash' } });

  it("runs what the user types in the environment's shell and shows its output; End shell ends it", async () => {
    await session.app.importFile(example, 'network');
    await session.app.chooseEnvironment('dev');
    await session.app.openShell('dev');
    await session.app.typeLine('echo driftless-$((6*7))');
    await session.app.shellShows('driftless-42');
    // The arithmetic ran in the shell: the typed line itself never contains the result.
    await session.app.typeLine('echo "[$TF_HTTP_ADDRESS]"');
    await session.app.shellShows('/state/');
    await session.app.endShell();
    await session.app.shellShows('[shell closed]');
    // The run terminal did not receive the shell's output.
    expect(await session.app.runTerminalText()).not.toContain('driftless-42');
  });
});
