import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../bundles/manifest';
// A test may reach the host: the export the app does passes the real catalog (hashes, secret markers).
import { loadCatalog } from '../../host/catalog/loadCatalog';
import { parseDiagramFile } from './parse';
import { serializeDiagramFile } from './serialize';

const root = fileURLToPath(new URL('../../../', import.meta.url));

function diagramFilesUnder(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.driftless.json'))
    .map((file) => join(dir, file))
    .sort();
}

const files = [...diagramFilesUnder(join(root, 'examples')), ...diagramFilesUnder(join(root, 'src/core/diagramFile/fixtures'))];

describe('every example and fixture diagram file', () => {
  it('includes at least the fixtures', () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
  });

  let catalog: CatalogSnapshot;
  beforeAll(async () => {
    catalog = await loadCatalog({ dirs: [] });
  });

  it.each(files.map((file) => [file.slice(root.length), file]))('%s: import → export → import → export is byte-identical', (name, file) => {
    const first = parseDiagramFile(readFileSync(file, 'utf8'), file);
    if (!('project' in first)) throw new Error(JSON.stringify(first.diagnostics, null, 2));
    for (const withCatalog of [undefined, catalog]) {
      const exported = serializeDiagramFile(first.project, withCatalog);
      const second = parseDiagramFile(exported);
      if (!('project' in second)) throw new Error(JSON.stringify(second.diagnostics, null, 2));
      expect(serializeDiagramFile(second.project, withCatalog)).toBe(exported);
    }
    // The format-1 fixture is exactly what Driftless writes.
    if (name.endsWith('fixtures/format1.driftless.json')) expect(serializeDiagramFile(first.project)).toBe(readFileSync(file, 'utf8'));
  });
});
