import { mkdtempSync, readdirSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/diagram/generateProject';
import { serializeDiagramFile } from '../../core/diagramFile/serialize';
import { createHost } from '../createHost';

const CANARY = 'canary-export-91c2-never-in-files';
const fixtures = new URL('../../core/diagramFile/fixtures/', import.meta.url).pathname;
const examples = new URL('../../../examples/', import.meta.url).pathname;

function diagramFiles(): string[] {
  const found: string[] = [];
  for (const dir of [fixtures, examples]) {
    let names: string[] = [];
    try {
      names = readdirSync(dir, { recursive: true }) as string[];
    } catch {
      continue;
    }
    for (const name of names) if (name.endsWith('.driftless.json')) found.push(join(dir, name));
  }
  return found;
}

const newHost = (logged: string[] = []) =>
  createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-files-')), shell: 'cli', heartbeatMs: 0, log: (line) => logged.push(line) });

async function importText(host: ReturnType<typeof newHost>, text: string, name?: string) {
  const result = await host.call('project.import', name === undefined ? { text } : { text, name });
  if (!result.ok) throw new Error(result.error.message);
  return result.value;
}

async function exportText(host: ReturnType<typeof newHost>, id: string): Promise<string> {
  const result = await host.call('project.export', { id });
  if (!result.ok) throw new Error(result.error.message);
  return result.value.text;
}

describe('project files', () => {
  it('export → import → export is byte-identical for a large generated project and every example file', async () => {
    const texts = [serializeDiagramFile(generateProject(1000, 1500)), ...diagramFiles().map((file) => readFileSync(file, 'utf8'))];
    expect(texts.length).toBeGreaterThan(2);
    for (const source of texts) {
      // As between two machines: one imports the file and exports it, the other imports that.
      const [one, two] = [newHost(), newHost()];
      const first = await importText(one, source);
      if (!first.imported) throw new Error(JSON.stringify(first.diagnostics));
      const exported = await exportText(one, first.projectId);
      const second = await importText(two, exported);
      if (!second.imported) throw new Error(JSON.stringify(second.diagnostics));
      expect(second.projectId).toBe(first.projectId);
      expect(await exportText(two, second.projectId)).toBe(exported);
      await one.close();
      await two.close();
    }
  });

  it('keeps the file\'s project id, so the round trip through a fresh database is exact', async () => {
    const source = serializeDiagramFile({ ...generateProject(50, 60), id: 'shop-id', name: 'shop' });
    const one = newHost();
    const imported = await importText(one, source);
    expect(imported).toMatchObject({ imported: true, projectId: 'shop-id', name: 'shop' });
    const exported = await exportText(one, 'shop-id');
    const two = newHost();
    await importText(two, exported);
    expect(await exportText(two, 'shop-id')).toBe(exported);
    expect(exported).toBe(source);
    await one.close();
    await two.close();
  });

  it('imports nothing from a broken file and lists every problem with its pointer', async () => {
    const host = newHost();
    const broken = JSON.parse(serializeDiagramFile(generateProject(10, 10)));
    broken.nodes[1].name = 'not a name!';
    broken.nodes[2].id = broken.nodes[3].id;
    broken.edges[0].to.node = 'ghost';
    const result = await importText(host, JSON.stringify(broken));
    expect(result.imported).toBe(false);
    expect(result.diagnostics.length).toBeGreaterThanOrEqual(2);
    for (const diagnostic of result.diagnostics) expect(diagnostic.location?.pointer).toMatch(/^\//);
    expect(await host.call('project.list', {})).toEqual({ ok: true, value: { projects: [] } });
    const garbage = await importText(host, '{"format": 1, "nodes": [');
    expect(garbage).toMatchObject({ imported: false, diagnostics: [{ severity: 'error' }] });
    const newer = await importText(host, '{"format": 99}');
    expect(newer).toMatchObject({ imported: false, diagnostics: [{ code: 'file.newer-format' }] });
    await host.close();
  });

  it('refuses a second project of the same name and gives a taken id a new one', async () => {
    const host = newHost();
    const source = serializeDiagramFile({ ...generateProject(5, 5), id: 'same', name: 'same' });
    await importText(host, source);
    expect(await importText(host, source)).toMatchObject({ imported: false, diagnostics: [{ code: 'import.name-taken' }] });
    const renamed = await importText(host, source, 'copy');
    expect(renamed).toMatchObject({ imported: true, name: 'copy', diagnostics: expect.arrayContaining([expect.objectContaining({ code: 'import.new-id' })]) });
    if (renamed.imported) expect(renamed.projectId).not.toBe('same');
    const environmentIds = host.database.get().prepare('SELECT project_id, id FROM environments ORDER BY project_id').all() as { project_id: string; id: string }[];
    expect(new Set(environmentIds.map((row) => row.id)).size).toBe(environmentIds.length);
    expect(renamed.diagnostics.some((diagnostic) => diagnostic.code === 'import.new-environment-id')).toBe(true);
    await host.close();
  });

  it('never writes a secret value into an export, the database or the log', async () => {
    const logged: string[] = [];
    const host = newHost(logged);
    const imported = await importText(host, serializeDiagramFile({ ...generateProject(20, 20), id: 'p', name: 'p' }));
    if (!imported.imported) throw new Error('import failed');
    const set = await host.call('secret.set', { projectId: 'p', nodeId: 'n4', param: 'password', value: CANARY });
    expect(set.ok).toBe(true);
    const envSet = await host.call('secret.set', { projectId: 'p', nodeId: 'n4', param: 'token', environmentId: 'env-prod', value: CANARY });
    expect(envSet.ok).toBe(true);
    const text = await exportText(host, 'p');
    expect(text).not.toContain(CANARY);
    expect(text).toContain('"$secret": "set"');
    const bytes = [readFileSync(host.database.path), readFileSync(`${host.database.path}-wal`)];
    for (const file of bytes) expect(file.includes(Buffer.from(CANARY))).toBe(false);
    await host.close();
    expect(readFileSync(host.database.path).includes(Buffer.from(CANARY))).toBe(false);
    expect(logged.join('\n')).not.toContain(CANARY);
  });
});
