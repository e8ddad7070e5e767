import { parseArgs } from 'node:util';
import { DataDirError } from '../host/dataDir';
import { WebShellError } from '../web/webShell';
import { globalOptions, helpOf, type Command } from './command';
import { applyCommand } from './commands/apply';
import { BundleFolderError } from './commands/bundleFolders';
import { bundlesCommand } from './commands/bundles';
import { compileCommand } from './commands/compile';
import { destroyCommand } from './commands/destroy';
import { diffCommand } from './commands/diff';
import { driftCommand } from './commands/drift';
import { exportCommand } from './commands/export';
import { importCommand } from './commands/import';
import { infoCommand } from './commands/info';
import { mergeCommand } from './commands/merge';
import { planCommand } from './commands/plan';
import { queryCommand } from './commands/query';
import { serveCommand } from './commands/serve';
import { stateCommand } from './commands/state';
import { stateBackendCommand } from './commands/state-backend';
import { validateCommand } from './commands/validate';
import { packageVersion } from './packageRoot';

/** Every subcommand; later features add theirs here. */
export const commands: Command[] = [serveCommand, infoCommand, bundlesCommand, importCommand, exportCommand, stateBackendCommand, stateCommand, validateCommand, diffCommand, mergeCommand, compileCommand, queryCommand, planCommand, applyCommand, destroyCommand, driftCommand];

/** Errors that are the user's to fix: a message, never a stack trace. */
const expectedErrors = [DataDirError, WebShellError, BundleFolderError];

function overview(): string {
  const rows = commands.map((command) => `  ${command.name.padEnd(14)}${command.summary}`);
  return [
    `driftless ${packageVersion()} — design infrastructure on a canvas, plan and apply it with real Terraform`,
    '',
    'Usage: driftless <command> [options]',
    '',
    'Commands:',
    ...rows,
    '',
    'Global options: --data-dir DIR (or DRIFTLESS_DATA_DIR), --help. Run "driftless <command> --help" for more.',
    'Exit codes: 0 success, 1 failure or conflict (and 2 where a command says so).',
  ].join('\n');
}

/** Runs the CLI with `argv` (without node and script); resolves to the exit code. */
export async function main(
  argv: string[],
  io = { stdout: (text: string) => console.log(text), stderr: (text: string) => console.error(text) },
): Promise<number> {
  const [name, ...rest] = argv;
  if (name === undefined || name === '--help' || name === '-h' || name === 'help') {
    io.stdout(overview());
    return 0;
  }
  if (name === '--version' || name === '-v') {
    io.stdout(packageVersion());
    return 0;
  }
  const command = commands.find((candidate) => candidate.name === name);
  if (!command) {
    io.stderr(`Unknown command "${name}". Run "driftless --help" to see the commands.`);
    return 1;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: { ...command.options, ...globalOptions }, allowPositionals: true, strict: true });
  } catch (error) {
    io.stderr(`${(error as Error).message}\nRun "driftless ${command.name} --help" for usage.`);
    return 1;
  }
  if (parsed.values.help) {
    io.stdout(helpOf(command));
    return 0;
  }
  try {
    return await command.run({ values: parsed.values, positionals: parsed.positionals, ...io });
  } catch (error) {
    if (expectedErrors.some((type) => error instanceof type)) {
      io.stderr((error as Error).message);
      return 1;
    }
    io.stderr(`driftless ${command.name} failed: ${(error as Error).message ?? String(error)}`);
    return 1;
  }
}
