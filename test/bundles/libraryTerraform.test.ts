import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../src/core/bundles/manifest';
import { createModuleCache, loadCatalog } from '../../src/host/catalog/loadCatalog';
import { requireBinary } from '../support/binaries';
import { runTerraform, terraformEnv } from '../support/terraform';

const tf = requireBinary('terraform');

// One root module calling every built-in bundle, so a single `init` copies the aws provider once.
function rootModule(catalog: CatalogSnapshot, modules: Record<string, Record<string, string>>): string {
  const root: Record<string, unknown> = {
    terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '~> 5.0' } } },
    provider: {
      aws: {
        region: 'us-east-1',
        skip_credentials_validation: true,
        skip_requesting_account_id: true,
        skip_metadata_api_check: true,
        skip_region_validation: true,
      },
    },
    variable: {} as Record<string, unknown>,
    module: {} as Record<string, unknown>,
  };
  for (const bundle of catalog.bundles) {
    const name = bundle.manifest.name.replace(/-/g, '_');
    const block: Record<string, unknown> = { source: join(bundle.dir, bundle.manifest.module) };
    for (const [variable, typeText] of Object.entries(modules[bundle.ref] ?? {})) {
      (root.variable as Record<string, unknown>)[`${name}__${variable}`] = { type: typeText };
      block[variable] = `\${var.${name}__${variable}}`;
    }
    (root.module as Record<string, unknown>)[name] = block;
  }
  return JSON.stringify(root, null, 2);
}

describe.skipIf(!tf.available)(`built-in bundles pass terraform init + validate ${tf.reason}`, () => {
  let work: string;
  beforeAll(() => {
    work = mkdtempSync(join(tmpdir(), 'driftless-library-'));
  });
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('validates every bundle (AWS against the provider mirror, local ones with no provider)', async () => {
    const catalog = await loadCatalog({ dirs: [], cache: createModuleCache() });
    expect(catalog.bundles.length).toBeGreaterThanOrEqual(14);
    // Required variables of each module, with their types, read back through the loader's own HCL parse.
    const { moduleInfoOf } = await import('../../src/core/bundles/moduleInfo');
    const { parseTerraformFile } = await import('../../src/host/catalog/parseTerraform');
    const { readBundleFiles, terraformFilesIn } = await import('../../src/host/catalog/bundleFiles');
    const required: Record<string, Record<string, string>> = {};
    for (const bundle of catalog.bundles) {
      const files = readBundleFiles(bundle.dir);
      const parsed = [];
      for (const path of terraformFilesIn(files.contents, bundle.manifest.module)) parsed.push((await parseTerraformFile(path, files.contents.get(path)!)).file!);
      const info = moduleInfoOf(parsed).value;
      required[bundle.ref] = Object.fromEntries(Object.values(info.variables).filter((v) => !v.hasDefault).map((v) => [v.name, v.typeText]));
    }
    const rootDir = join(work, 'root');
    mkdirSync(rootDir);
    writeFileSync(join(rootDir, 'main.tf.json'), rootModule(catalog, required));
    const pluginCache = join(work, 'plugin-cache');
    mkdirSync(pluginCache);
    const env = terraformEnv(join(work, 'config'), { TF_PLUGIN_CACHE_DIR: pluginCache, TF_DATA_DIR: join(work, 'data') });

    const init = await runTerraform(['init', '-input=false', '-backend=false', '-no-color'], { cwd: rootDir, env });
    expect(init.stderr + init.stdout, 'terraform init').toContain('Terraform has been successfully initialized');
    expect(init.code).toBe(0);

    const validate = await runTerraform(['validate', '-json', '-no-color'], { cwd: rootDir, env });
    const result = JSON.parse(validate.stdout) as { valid: boolean; error_count: number; warning_count: number; diagnostics: { summary: string; detail: string; range?: { filename: string } }[] };
    const problems = result.diagnostics.map((d) => `${d.range?.filename ?? ''}: ${d.summary} ${d.detail}`);
    expect(problems).toEqual([]);
    expect(result.valid).toBe(true);
    const local = catalog.bundles.filter((bundle) => Object.keys(bundle.manifest.providers).length === 0).map((bundle) => bundle.manifest.name);
    expect(local).toEqual(expect.arrayContaining(['local-network', 'local-database', 'local-secret', 'local-service', 'local-config-file']));
  }, 300000);
});
