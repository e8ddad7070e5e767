import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { canConnect } from '../../core/bundles/compatibility';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { artifactTypeSchema, bundleManifestSchema } from '../../core/bundles/manifestSchema';
import { fixtureTypes, validBundle, writeFiles } from '../../../test/bundles/catalogFixtures';
import { builtinBundlesDir } from './bundlesDir';
import { createModuleCache, loadCatalog } from './loadCatalog';

describe('the built-in library', () => {
  let catalog: CatalogSnapshot;
  beforeAll(async () => {
    catalog = await loadCatalog({ dirs: [], cache: createModuleCache() });
  });

  it('loads at least 14 bundles with zero diagnostics anywhere', () => {
    expect(catalog.bundles.length).toBeGreaterThanOrEqual(14);
    expect(catalog.diagnostics).toEqual([]);
    for (const bundle of catalog.bundles) expect({ ref: bundle.ref, diagnostics: bundle.diagnostics }).toEqual({ ref: bundle.ref, diagnostics: [] });
  });

  it('titles and describes every param and has Development and Production presets in every bundle', () => {
    for (const bundle of catalog.bundles) {
      for (const [name, schema] of Object.entries(bundle.manifest.params.properties as Record<string, { title?: string; description?: string }>)) {
        expect(schema.title, `${bundle.ref} ${name}`).toBeTruthy();
        expect(schema.description, `${bundle.ref} ${name}`).toBeTruthy();
      }
      expect(Object.values(bundle.manifest.presets).map((preset) => preset.title)).toEqual(['Development', 'Production']);
    }
  });

  it('declares the AWS provider in AWS bundles and none in local ones; marks sensitive outputs', () => {
    for (const bundle of catalog.bundles) {
      if (bundle.manifest.name.startsWith('aws-')) expect(bundle.manifest.providers).toEqual({ aws: { source: 'hashicorp/aws', version: '~> 5.0' } });
      else expect(bundle.manifest.providers).toEqual({});
    }
    expect(catalog.bundles.find((bundle) => bundle.manifest.name === 'local-database')!.sensitiveOutputs).toEqual(['database']);
    expect(catalog.bundles.find((bundle) => bundle.manifest.name === 'aws-rds-postgres')!.sensitiveOutputs).toEqual(['database']);
  });

  it('lets every connection be fed by some bundle of the library (canConnect), including through extends', () => {
    const artifacts = catalog.bundles.flatMap((bundle) => Object.values(bundle.manifest.artifacts).map((artifact) => artifact.type));
    for (const bundle of catalog.bundles) {
      for (const [name, connection] of Object.entries(bundle.manifest.connections)) {
        expect(artifacts.some((type) => canConnect(type, connection, catalog.types).ok), `${bundle.ref} ${name}`).toBe(true);
      }
    }
    const serviceDatabase = catalog.bundles.find((bundle) => bundle.manifest.name === 'local-service')!.manifest.connections.database!;
    expect(canConnect('postgres-vector-connection', serviceDatabase, catalog.types)).toEqual({ ok: true });
    expect(canConnect('local-network', serviceDatabase, catalog.types).ok).toBe(false);
  });

  it('finds the library from the package root', () => {
    expect(readFileSync(join(builtinBundlesDir(), 'README.md'), 'utf8')).toContain('bundle');
  });
});

describe('published schemas', () => {
  it('schemas/*.json are the schemas the loader checks with', () => {
    const root = join(builtinBundlesDir(), '..');
    const hint = 'regenerate schemas/bundle.schema.json and schemas/artifact-type.schema.json from src/core/bundles/manifestSchema.ts';
    expect(JSON.parse(readFileSync(join(root, 'schemas/bundle.schema.json'), 'utf8')), hint).toEqual(bundleManifestSchema);
    expect(JSON.parse(readFileSync(join(root, 'schemas/artifact-type.schema.json'), 'utf8')), hint).toEqual(artifactTypeSchema);
  });
});

describe('content hash and cache', () => {
  const root = mkdtempSync(join(tmpdir(), 'driftless-cache-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reuses parsed modules by content hash and re-parses only what changed', async () => {
    writeFiles(root, fixtureTypes);
    writeFiles(join(root, 'demo'), validBundle);
    writeFiles(join(root, 'other'), { ...validBundle, 'bundle.yaml': validBundle['bundle.yaml']!.replace('name: demo', 'name: other') });
    const cache = createModuleCache();
    const first = await loadCatalog({ dirs: [root], withoutBuiltin: true, cache });
    expect(first.bundles.map((bundle) => bundle.ref)).toEqual(['demo@1.0.0', 'other@1.0.0']);
    const [demo, other] = first.bundles.map((bundle) => cache.get(bundle.hash));
    expect(cache.size).toBe(2);

    const warm = await loadCatalog({ dirs: [root], withoutBuiltin: true, cache });
    expect(warm.bundles.map((bundle) => bundle.hash)).toEqual(first.bundles.map((bundle) => bundle.hash));
    expect(cache.size).toBe(2);
    expect(cache.get(warm.bundles[0]!.hash)).toBe(demo);

    writeFileSync(join(root, 'demo/module/main.tf'), `${validBundle['module/main.tf']}\n# a comment changes the hash\n`);
    const changed = await loadCatalog({ dirs: [root], withoutBuiltin: true, cache });
    expect(changed.bundles[0]!.hash).not.toBe(first.bundles[0]!.hash);
    expect(changed.bundles[1]!.hash).toBe(first.bundles[1]!.hash);
    expect(cache.size).toBe(3);
    expect(cache.get(changed.bundles[1]!.hash)).toBe(other);
    expect(changed.bundles[0]!.hash).toMatch(/^sha256:[0-9a-f]{64}$/);

    await loadCatalog({ dirs: [root], withoutBuiltin: true, cache, pruneCache: true });
    expect([...cache.keys()].sort()).toEqual(changed.bundles.map((bundle) => bundle.hash).sort());
  });

  it('reports a missing catalog folder and still loads the others', async () => {
    const catalog = await loadCatalog({ dirs: [join(root, 'nope'), root], withoutBuiltin: true, cache: createModuleCache() });
    expect(catalog.diagnostics).toEqual([expect.objectContaining({ code: 'catalog.missing-folder', location: { file: join(root, 'nope') } })]);
    expect(catalog.bundles.length).toBe(2);
  });
});
