import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { beforeAll, describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import { manifestDocument } from '../../src/core/bundles/deriveManifest';
import type { CatalogSnapshot } from '../../src/core/bundles/manifest';
import { createModuleCache, loadCatalog } from '../../src/host/catalog/loadCatalog';

const fixtures = fileURLToPath(new URL('./fixtures/', import.meta.url));
const golden = (name: string) => fileURLToPath(new URL(`./golden/${name}.json`, import.meta.url));

// Golden files: run with UPDATE_GOLDEN=1 to rewrite them after an intended change, then review the diff.
function expectGolden(name: string, value: unknown): void {
  const text = `${JSON.stringify(value, null, 2)}\n`;
  if (process.env.UPDATE_GOLDEN === '1') writeFileSync(golden(name), text);
  expect(existsSync(golden(name)), `missing golden file ${golden(name)}: run with UPDATE_GOLDEN=1`).toBe(true);
  expect(text).toBe(readFileSync(golden(name), 'utf8'));
}

describe('manifests derived from plain Terraform modules', () => {
  let catalog: CatalogSnapshot;
  beforeAll(async () => {
    catalog = await loadCatalog({ dirs: [`${fixtures}plain`], withoutBuiltin: true, cache: createModuleCache() });
  });

  it.each(['object-types', 'sensitive-values', 'validation-enums'])('%s matches its golden manifest', (name) => {
    const bundle = catalog.bundles.find((candidate) => candidate.manifest.name === name);
    expect(bundle?.origin).toBe('plain-terraform');
    expectGolden(name, { ref: bundle!.ref, manifest: bundle!.manifest, sensitiveOutputs: bundle!.sensitiveOutputs, diagnostics: bundle!.diagnostics });
  });

  it('derives with no diagnostics, untyped artifacts, writeOnly for sensitive variables and enums from contains()', () => {
    for (const bundle of catalog.bundles) expect(bundle.diagnostics).toEqual([]);
    const sensitive = catalog.bundles.find((bundle) => bundle.manifest.name === 'sensitive-values')!.manifest;
    expect((sensitive.params.properties as Record<string, { writeOnly?: boolean }>).api_token!.writeOnly).toBe(true);
    expect(sensitive.providers).toEqual({ aws: { source: 'hashicorp/aws', version: '~> 5.0' } });
    const enums = catalog.bundles.find((bundle) => bundle.manifest.name === 'validation-enums')!.manifest;
    expect((enums.params.properties as Record<string, { enum?: unknown[] }>).replicas!.enum).toEqual([1, 3, 5]);
    expect((enums.params.properties as Record<string, { enum?: unknown[] }>).name!.enum).toBeUndefined();
    expect(enums.artifacts.tier).toEqual({ type: 'untyped', title: 'Tier' });
  });
});

describe('a plain .tf folder and a massdriver.yaml folder show up as bundles beside the library', () => {
  it('lists both, with the Massdriver $refs mapped to artifact types and examples to presets', async () => {
    const catalog = await loadCatalog({ dirs: [`${fixtures}plain/validation-enums`, `${fixtures}massdriver`], cache: createModuleCache() });
    const plain = catalog.bundles.find((bundle) => bundle.ref === 'validation-enums@0.0.0');
    const massdriver = catalog.bundles.find((bundle) => bundle.ref === 'aws-postgres@0.0.0');
    expect(plain?.origin).toBe('plain-terraform');
    expect(massdriver?.origin).toBe('massdriver');
    expect(massdriver!.diagnostics).toEqual([]);
    expect(massdriver!.manifest.connections).toEqual({ vpc: { type: 'aws-vpc', title: 'Vpc', required: true } });
    expect(massdriver!.manifest.artifacts).toEqual({ database: { type: 'postgres-connection', title: 'Database' } });
    expect(Object.values(massdriver!.manifest.presets).map((preset) => preset.title)).toEqual(['Development', 'Production']);
    expect(massdriver!.manifest.module).toBe('src');
    expect(massdriver!.manifest.params.properties).toEqual({ instance_class: { type: 'string', title: 'Instance class', description: 'RDS instance class.', 'x-immutable': true } });
    expect(massdriver!.sensitiveOutputs).toEqual(['database']);
    expect(catalog.bundles.filter((bundle) => bundle.origin === 'manifest').length).toBeGreaterThanOrEqual(14);
  });
});

describe('a derived manifest saved as bundle.yaml', () => {
  it.each(['object-types', 'sensitive-values', 'validation-enums'])('%s round-trips: the saved manifest loads with zero diagnostics', async (name) => {
    const root = mkdtempSync(join(tmpdir(), 'driftless-roundtrip-'));
    try {
      cpSync(`${fixtures}plain/${name}`, join(root, name), { recursive: true });
      const derived = await loadCatalog({ dirs: [join(root, name)], withoutBuiltin: true, cache: createModuleCache() });
      writeFileSync(join(root, name, 'bundle.yaml'), stringify(manifestDocument(derived.bundles[0]!.manifest)));
      const saved = await loadCatalog({ dirs: [join(root, name)], withoutBuiltin: true, cache: createModuleCache() });
      expect(saved.bundles[0]!.origin).toBe('manifest');
      expect(saved.bundles[0]!.diagnostics).toEqual([]);
      expect(saved.bundles[0]!.manifest.params).toEqual(derived.bundles[0]!.manifest.params);
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  });
});
