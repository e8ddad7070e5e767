import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { main } from '../main';

function run(...argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  return main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) }).then((code) => ({ code, stdout: out.join('\n'), stderr: err.join('\n') }));
}

const scratch = () => mkdtempSync(join(tmpdir(), 'driftless-cli-compile-'));

describe('driftless compile', () => {
  for (const example of ['local-stack', 'aws-web-app']) {
    for (const environment of ['dev', 'prod']) {
      it(`compiles examples/${example} (${environment}) without diagnostics`, async () => {
        const dir = join(scratch(), 'out');
        const result = await run('compile', `examples/${example}.driftless.json`, '--env', environment, '-o', dir, '--json');
        expect(result.stderr).toBe('');
        expect(result.code).toBe(0);
        const report = JSON.parse(result.stdout);
        // Only a bundle edited since the example was saved may warn; nothing else.
        expect(report.diagnostics.filter((diagnostic: { code: string }) => diagnostic.code !== 'diagram.bundle-changed')).toEqual([]);
        expect(report.secretInputs.map((secret: { variable: string }) => secret.variable)).toEqual(['database__password']);
        expect(existsSync(join(dir, 'main.tf.json'))).toBe(true);
        for (const module of report.modules) expect(existsSync(join(dir, module))).toBe(true);
      });
    }
  }

  it('refuses a --bundles folder that does not exist, in one line that says what to give, and writes nothing', async () => {
    const dir = join(scratch(), 'out');
    const missing = join(scratch(), 'no-such-bundles');
    const result = await run('compile', 'examples/local-stack.driftless.json', '--env', 'dev', '-o', dir, '--bundles', missing);
    expect(result.code).toBe(1);
    expect(result.stderr).toBe(`--bundles ${missing}: there is no folder at ${missing}. Give a folder of bundles (each with a bundle.yaml, or a plain Terraform module), or leave the option out.`);
    expect(existsSync(dir)).toBe(false);
  });

  it('recompiles into its own folder, and refuses a folder it did not write', async () => {
    const dir = join(scratch(), 'out');
    expect((await run('compile', 'examples/local-stack.driftless.json', '--env', 'dev', '-o', dir)).code).toBe(0);
    const again = await run('compile', 'examples/local-stack.driftless.json', '--env', 'prod', '-o', dir);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain('set TF_VAR_database__password');
    expect(readFileSync(join(dir, 'README.md'), 'utf8')).toContain('environment "prod"');
    const foreign = scratch();
    writeFileSync(join(foreign, 'main.tf'), '# mine');
    const refused = await run('compile', 'examples/local-stack.driftless.json', '--env', 'dev', '-o', foreign);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain('was not written by driftless compile');
    expect(readFileSync(join(foreign, 'main.tf'), 'utf8')).toBe('# mine');
  });

  it('names the environments when the one asked for does not exist, and writes nothing', async () => {
    const dir = join(scratch(), 'out');
    const result = await run('compile', 'examples/local-stack.driftless.json', '--env', 'staging', '-o', dir);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('(it has: dev, prod)');
    expect(existsSync(dir)).toBe(false);
  });

  it('explains missing arguments without a stack trace', async () => {
    const result = await run('compile', 'examples/local-stack.driftless.json');
    expect(result.code).toBe(1);
    expect(result.stderr).toContain('--env ENV and -o DIR');
    expect(result.stderr).not.toContain('    at ');
  });
});
