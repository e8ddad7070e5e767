import { mkdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { afterAll, describe, expect, it } from 'vitest';
import { parse, stringify } from 'yaml';
import { createModuleCache, loadCatalog } from '../../src/host/catalog/loadCatalog';
import { fixtureTypes, tempCatalog, validManifest, validModule, writeFiles } from './catalogFixtures';

const root = tempCatalog('driftless-mutations-');
writeFiles(root, fixtureTypes);
afterAll(() => rmSync(root, { recursive: true, force: true }));
const cache = createModuleCache();

// Any JSON-ish value a careless edit could leave in a manifest.
const junk = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.constant(undefined),
  fc.array(fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxLength: 3 }),
  fc.dictionary(fc.string({ maxLength: 6 }), fc.oneof(fc.string({ maxLength: 5 }), fc.integer(), fc.constant(null)), { maxKeys: 3 }),
);

type Path = (string | number)[];

function pathsOf(value: unknown, path: Path = []): Path[] {
  if (value === null || typeof value !== 'object') return [path];
  const children = Object.entries(value as object).flatMap(([key, child]) => pathsOf(child, [...path, Array.isArray(value) ? Number(key) : key]));
  return [path, ...children];
}

function mutate(document: unknown, path: Path, replacement: unknown, remove: boolean): unknown {
  if (path.length === 0) return replacement;
  const copy = structuredClone(document) as Record<string | number, unknown>;
  let parent = copy;
  for (const key of path.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  const last = path[path.length - 1]!;
  if (remove) delete parent[last];
  else parent[last] = replacement;
  return copy;
}

const base = parse(validManifest) as unknown;
const paths = pathsOf(base);
let run = 0;

async function loadWith(manifestText: string, moduleText = validModule) {
  const dir = join(root, `bundle-${run++}`);
  mkdirSync(dir);
  writeFiles(dir, { 'bundle.yaml': manifestText, 'module/main.tf': moduleText });
  try {
    return await loadCatalog({ dirs: [dir], withoutBuiltin: true, cache });
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

describe('random mutations of a valid manifest never throw, they only produce diagnostics', () => {
  it('structural mutations (replace or delete any value) load as diagnostics', async () => {
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...paths), junk, fc.boolean(), async (path, replacement, remove) => {
        const text = stringify(mutate(base, path, replacement, remove)) ?? '';
        const catalog = await loadWith(text);
        const diagnostics = [...catalog.diagnostics, ...catalog.bundles.flatMap((bundle) => bundle.diagnostics)];
        for (const diagnostic of diagnostics) {
          expect(diagnostic.code).toMatch(/^[a-z]+\.[a-z-]+$/);
          expect(diagnostic.message.length).toBeGreaterThan(10);
          expect(diagnostic.code).not.toBe('catalog.internal');
        }
        expect(catalog.bundles.length + catalog.diagnostics.length).toBeGreaterThan(0);
      }),
      { numRuns: 60 },
    );
  }, 120000);

  it('text mutations (cut, insert, duplicate characters) of manifest and module load as diagnostics', async () => {
    const edit = (text: string) =>
      fc.tuple(fc.nat({ max: text.length }), fc.nat({ max: 8 }), fc.string({ maxLength: 6 })).map(([at, cut, insert]) => text.slice(0, at) + insert + text.slice(at + cut));
    await fc.assert(
      fc.asyncProperty(edit(validManifest), fc.oneof(fc.constant(validModule), edit(validModule)), async (manifest, module) => {
        const catalog = await loadWith(manifest, module);
        for (const diagnostic of [...catalog.diagnostics, ...catalog.bundles.flatMap((bundle) => bundle.diagnostics)]) {
          expect(diagnostic.code).not.toBe('catalog.internal');
        }
      }),
      { numRuns: 40 },
    );
  }, 120000);
});
