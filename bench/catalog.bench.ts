import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseTerraformFile } from '../src/host/catalog/parseTerraform';
import { createModuleCache, loadCatalog } from '../src/host/catalog/loadCatalog';
import type { Benchmark } from './harness';

const COUNT = 200;

function generate(root: string): void {
  mkdirSync(join(root, 'types'), { recursive: true });
  writeFileSync(join(root, 'types/thing.yaml'), 'name: thing\ntitle: Thing\ncolour: "#123456"\nschema:\n  type: object\n  properties:\n    id: { type: string }\n  required: [id]\n');
  for (let index = 0; index < COUNT; index++) {
    const dir = join(root, `bundle-${index}`);
    mkdirSync(join(dir, 'module'), { recursive: true });
    writeFileSync(
      join(dir, 'bundle.yaml'),
      `name: bundle-${index}\nversion: 1.0.${index}\ntitle: Bundle ${index}\ndescription: Generated.\nparams:\n  type: object\n  properties:\n    name: { type: string, title: Name, description: n }\n    size: { type: number, title: Size, description: s, enum: [1, 2, 3] }\n    secret: { type: string, title: Secret, description: s, writeOnly: true }\n  required: [name, secret]\npresets:\n  dev: { title: Development, values: { name: a, size: 1 } }\nconnections:\n  upstream: { type: thing, title: Upstream, required: false }\nartifacts:\n  thing: { type: thing, title: Thing }\n`,
    );
    writeFileSync(
      join(dir, 'module/main.tf'),
      `variable "name" {\n  type = string\n}\n\nvariable "size" {\n  type    = number\n  default = 1\n  validation {\n    condition     = contains([1, 2, 3], var.size)\n    error_message = "bad"\n  }\n}\n\nvariable "secret" {\n  type      = string\n  sensitive = true\n}\n\nvariable "upstream" {\n  type    = object({ id = string, extra = optional(list(string), []) })\n  default = null\n}\n\nresource "terraform_data" "thing" {\n  input = { name = var.name, size = var.size }\n}\n\noutput "thing" {\n  value = { id = "\${var.name}-${index}" }\n}\n`,
    );
  }
}

const benchmark: Benchmark = {
  name: `Bundle catalog (${COUNT} generated bundles)`,
  async run() {
    const root = mkdtempSync(join(tmpdir(), 'driftless-bench-catalog-'));
    try {
      generate(root);
      // Load the HCL parser's WebAssembly once, so "cold" measures parsing, not the one-time module load.
      await parseTerraformFile('warmup.tf', 'variable "x" {}\n');
      const cache = createModuleCache();
      let start = performance.now();
      const cold = await loadCatalog({ dirs: [root], withoutBuiltin: true, cache });
      const coldMs = performance.now() - start;
      if (cold.bundles.length !== COUNT || cold.bundles.some((bundle) => bundle.diagnostics.length > 0)) {
        throw new Error(`generated catalog did not load cleanly: ${cold.bundles.length} bundles, ${JSON.stringify(cold.bundles.find((bundle) => bundle.diagnostics.length > 0)?.diagnostics)}`);
      }
      const warmRuns: number[] = [];
      for (let run = 0; run < 5; run++) {
        start = performance.now();
        await loadCatalog({ dirs: [root], withoutBuiltin: true, cache });
        warmRuns.push(performance.now() - start);
      }
      warmRuns.sort((a, b) => a - b);
      const warmMs = warmRuns[Math.floor(warmRuns.length / 2)]!;
      return [
        { case: 'cold load (parse every module)', value: coldMs, unit: 'ms' },
        { case: 'warm load (cached by content hash)', value: warmMs, unit: 'ms', baseline: 'cold load (parse every module)', target: '< 0.5×' },
        { case: 'cold per bundle', value: coldMs / COUNT, unit: 'ms' },
      ];
    } finally {
      rmSync(root, { recursive: true, force: true });
    }
  },
};

export default benchmark;
