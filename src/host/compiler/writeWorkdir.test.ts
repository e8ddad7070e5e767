import { existsSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../core/compiler/compile';
import { compilerCatalog } from '../../../test/support/compilerCatalog';
import { localStack, renamed } from '../../../test/support/compilerProjects';
import { WORKDIR_MARKER, WorkdirError, writeWorkdir } from './writeWorkdir';

const catalog = compilerCatalog();
const scratch = () => mkdtempSync(join(tmpdir(), 'driftless-workdir-'));

describe('writeWorkdir', () => {
  it('writes the files, a marker, and each module under its content-addressed folder', () => {
    const dir = join(scratch(), 'out');
    const result = compile(localStack(), 'dev', catalog);
    writeWorkdir(dir, result);
    expect(readFileSync(join(dir, 'main.tf.json'), 'utf8')).toBe(result.files['main.tf.json']);
    for (const source of result.moduleSources) expect(existsSync(join(dir, source.to, 'main.tf'))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, WORKDIR_MARKER), 'utf8')).files).toEqual(['README.md', 'main.tf.json', 'outputs.tf.json']);
  });

  it('refuses a non-empty folder it did not create', () => {
    const dir = scratch();
    writeFileSync(join(dir, 'notes.txt'), 'mine');
    expect(() => writeWorkdir(dir, compile(localStack(), 'dev', catalog))).toThrow(WorkdirError);
    expect(readFileSync(join(dir, 'notes.txt'), 'utf8')).toBe('mine');
    expect(existsSync(join(dir, 'main.tf.json'))).toBe(false);
  });

  it('on recompile removes stale modules and its own stale files, keeping .terraform and user files', () => {
    const dir = scratch();
    writeWorkdir(dir, { files: { 'main.tf.json': '{}\n', 'extra.tf.json': '{}\n' }, moduleSources: compile(localStack(), 'dev', catalog).moduleSources });
    mkdirSync(join(dir, '.terraform'));
    writeFileSync(join(dir, '.terraform', 'keep'), 'x');
    writeFileSync(join(dir, 'backend_override.tf.json'), '{}');
    const next = compile(renamed(), 'dev', catalog);
    writeWorkdir(dir, next);
    expect(existsSync(join(dir, 'extra.tf.json'))).toBe(false);
    expect(existsSync(join(dir, '.terraform', 'keep'))).toBe(true);
    expect(existsSync(join(dir, 'backend_override.tf.json'))).toBe(true);
    expect(next.moduleSources).toHaveLength(1);
    expect(existsSync(join(dir, next.moduleSources[0]!.to))).toBe(true);
    expect(JSON.parse(readFileSync(join(dir, WORKDIR_MARKER), 'utf8')).modules).toHaveLength(1);
  });

  it('refuses a module whose symlink leaves the bundle, and follows one that stays inside', () => {
    const bundle = scratch();
    mkdirSync(join(bundle, 'module'));
    writeFileSync(join(bundle, 'module', 'main.tf'), 'output "x" {\n  value = 1\n}\n');
    writeFileSync(join(bundle, 'shared.tf'), '# shared\n');
    symlinkSync(join(bundle, 'shared.tf'), join(bundle, 'module', 'shared.tf'));
    const source = { bundleRef: 'linked@1.0.0', hash: 'a'.repeat(64), from: bundle, module: 'module', to: 'modules/linked@1.0.0-aaaaaaaaaaaa' };
    const good = scratch();
    writeWorkdir(good, { files: {}, moduleSources: [source] });
    expect(readFileSync(join(good, source.to, 'shared.tf'), 'utf8')).toBe('# shared\n');

    symlinkSync('/etc/hostname', join(bundle, 'module', 'escape.tf'));
    const bad = scratch();
    expect(() => writeWorkdir(bad, { files: { 'main.tf.json': '{}' }, moduleSources: [source] })).toThrow(/outside its bundle/);
    expect(existsSync(join(bad, source.to))).toBe(false);
  });
});

describe('compileProject', () => {
  it('hashes with node:crypto to the same digest as the pure compiler', async () => {
    const { compileProject } = await import('./compileProject');
    const pure = compile(localStack(), 'dev', catalog);
    const hosted = compileProject(localStack(), 'dev', catalog);
    expect(hosted.diagramHash).toBe(pure.diagramHash);
    expect(hosted.files).toEqual(pure.files);
  });
});

describe('compileProject param checks', () => {
  it('reports a param of the wrong type or outside its enum, once per field', async () => {
    const { compileProject } = await import('./compileProject');
    const stack = localStack();
    stack.diagram.nodes[1]!.params = { ...stack.diagram.nodes[1]!.params, size: 'big', engine: 'oracle', color: 'red' };
    const result = compileProject(stack, 'dev', catalog);
    const fields = result.diagnostics.map((diagnostic) => `${diagnostic.code}:${diagnostic.location?.field}`).sort();
    expect(fields).toEqual(['compile.param-unknown:color', 'params.invalid:engine', 'params.invalid:size']);
    expect(result.files).toEqual({});
  });
});
