import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { commands, main } from './main';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('driftless CLI', () => {
  it('lists its commands', async () => {
    const { code, stdout } = await run(['--help']);
    expect(code).toBe(0);
    for (const command of commands) expect(stdout).toContain(command.name);
  });

  it.each(commands.map((command) => command.name))('%s has --help', async (name) => {
    const { code, stdout } = await run([name, '--help']);
    expect(code).toBe(0);
    expect(stdout).toContain(`Usage: driftless ${name}`);
    expect(stdout).toContain('--data-dir');
  });

  it('refuses an unknown command and an unknown option with a message, exit 1', async () => {
    expect(await run(['frobnicate'])).toMatchObject({ code: 1, stderr: expect.stringContaining('Unknown command "frobnicate"') });
    expect(await run(['info', '--nope'])).toMatchObject({ code: 1, stderr: expect.stringContaining("Unknown option '--nope'") });
  });

  it('prints app info as JSON', async () => {
    const dataDir = join(mkdtempSync(join(tmpdir(), 'driftless-cli-')), 'data');
    const { code, stdout } = await run(['info', '--json', '--data-dir', dataDir]);
    expect(code).toBe(0);
    expect(JSON.parse(stdout)).toMatchObject({ name: 'Driftless', dataDir, shell: 'cli' });
  });

  it('names a data dir that is a file', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'driftless-file-')), 'data');
    writeFileSync(file, 'not a folder');
    const { code, stderr } = await run(['info', '--data-dir', file]);
    expect(code).toBe(1);
    expect(stderr).toContain(file);
  });

  it('names a data dir that cannot be created', async () => {
    const { code, stderr } = await run(['info', '--data-dir', '/dev/null/data']);
    expect(code).toBe(1);
    expect(stderr).toContain('Cannot create the data directory /dev/null/data');
    expect(stderr).not.toContain('    at ');
  });

  it('refuses a bad port', async () => {
    expect(await run(['serve', '--port', 'eighty'])).toMatchObject({ code: 1, stderr: expect.stringContaining('--port must be') });
  });
});
