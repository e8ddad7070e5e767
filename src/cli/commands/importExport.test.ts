import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/diagram/generateProject';
import { serializeDiagramFile } from '../../core/diagramFile/serialize';
import { main } from '../main';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await main(argv, { stdout: (text) => out.push(text), stderr: (text) => err.push(text) });
  return { code, stdout: out.join('\n'), stderr: err.join('\n') };
}

describe('driftless import / export', () => {
  it('imports a file and exports it again byte for byte, by name or id', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-cli-files-'));
    const dataDir = join(dir, 'data');
    const source = join(dir, 'shop.driftless.json');
    const text = serializeDiagramFile({ ...generateProject(40, 50), id: 'shop-id', name: 'shop' });
    writeFileSync(source, text);
    const imported = await run(['import', source, '--json', '--data-dir', dataDir]);
    expect(imported.code).toBe(0);
    expect(JSON.parse(imported.stdout)).toMatchObject({ imported: true, projectId: 'shop-id', name: 'shop' });
    expect(await run(['export', 'shop', '-o', join(dir, 'out.driftless.json'), '--data-dir', dataDir])).toMatchObject({ code: 0 });
    expect(readFileSync(join(dir, 'out.driftless.json'), 'utf8')).toBe(text);
    const toStdout = await run(['export', 'shop-id', '--data-dir', dataDir]);
    expect(`${toStdout.stdout}\n`).toBe(text);
  });

  it('lists every problem of a broken file with its pointer, imports nothing, exit 1', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-cli-files-'));
    const dataDir = join(dir, 'data');
    const document = JSON.parse(serializeDiagramFile(generateProject(5, 5)));
    document.nodes[0].name = 'bad name';
    document.nodes[1].id = document.nodes[2].id;
    const file = join(dir, 'broken.driftless.json');
    writeFileSync(file, JSON.stringify(document));
    const result = await run(['import', file, '--data-dir', dataDir]);
    expect(result.code).toBe(1);
    expect(result.stderr).toContain(`${file}#/nodes/0/name`);
    expect(result.stderr).toContain(`${file}#/nodes/2/id`);
    expect(result.stderr).toContain('Nothing was imported');
    expect(result.stderr).not.toMatch(/\n\s+at /);
    expect(await run(['export', 'generated', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('There is no project "generated"') });
  });

  it('says what is wrong for a missing file, a missing argument and an unknown project', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-cli-files-'));
    const dataDir = join(dir, 'data');
    expect(await run(['import', join(dir, 'nope.json'), '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('no such file') });
    expect(await run(['import', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('Name exactly one diagram file') });
    expect(await run(['export', '--data-dir', dataDir])).toMatchObject({ code: 1, stderr: expect.stringContaining('Name exactly one project') });
    const missing = await run(['export', 'ghost', '-o', join(dir, 'x.json'), '--data-dir', dataDir]);
    expect(missing).toMatchObject({ code: 1, stderr: expect.stringContaining('no projects yet') });
    expect(existsSync(join(dir, 'x.json'))).toBe(false);
  });
});
