// Golden files of the compiler: each case's compiled files and diagnostics, byte for byte.
// After an intended change, regenerate with: UPDATE_GOLDEN=1 npx vitest run test/golden/compiler.test.ts
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import type { CatalogSnapshot } from '../../src/core/bundles/manifest';
import { compile } from '../../src/core/compiler/compile';
import type { Project } from '../../src/core/model/diagram';
import { loadCatalog } from '../../src/host/catalog/loadCatalog';
import { compilerCatalog } from '../support/compilerCatalog';
import { awsStack, edge, environment, escaping, everyBundleProject, localStack, node, project, renamed } from '../support/compilerProjects';

const goldenDir = fileURLToPath(new URL('./compiler/', import.meta.url));
const update = process.env.UPDATE_GOLDEN === '1';

interface Case {
  name: string;
  project: () => Project | Promise<Project>;
  environment: string;
  catalog: () => CatalogSnapshot | Promise<CatalogSnapshot>;
}

const fixtures = compilerCatalog;
const builtin = () => loadCatalog({ dirs: [], withoutBuiltin: false });

const cases: Case[] = [
  { name: 'empty', project: () => project('empty', [], []), environment: 'dev', catalog: fixtures },
  { name: 'single-node', project: () => project('single', [node('n1', 'network', 'local-network@1.0.0', { name: 'solo', cidr: '192.168.0.0/24' })], []), environment: 'dev', catalog: fixtures },
  { name: 'local-stack-dev', project: localStack, environment: 'dev', catalog: fixtures },
  { name: 'local-stack-prod', project: localStack, environment: 'prod', catalog: fixtures },
  { name: 'escaping', project: escaping, environment: 'dev', catalog: fixtures },
  { name: 'renamed', project: renamed, environment: 'dev', catalog: fixtures },
  { name: 'aws-stack-dev', project: awsStack, environment: 'dev', catalog: fixtures },
  { name: 'aws-stack-prod-aliases-s3', project: awsStack, environment: 'prod', catalog: fixtures },
  {
    name: 'backends',
    project: () =>
      project('backends', [node('n1', 'network', 'local-network@1.0.0', { name: 'x' })], [], [
        environment('gcs', { backend: { type: 'gcs', config: { bucket: 'state-${not-a-template}', prefix: 'team/app' } } }),
        environment('pg', { backend: { type: 'pg', config: { schema_name: 'driftless' } } }),
      ]),
    environment: 'gcs',
    catalog: fixtures,
  },
  {
    name: 'errors',
    project: () => project('errors', [node('n1', 'db', 'local-database@1.0.0', { password: 'plain' }), node('n2', 'web', 'local-service@1.0.0', {})], [edge('n1', 'database', 'n2', 'network')]),
    environment: 'dev',
    catalog: fixtures,
  },
  {
    name: 'provider-conflict',
    project: () => project('conflict', [node('a', 'new', 'aws-bucket@1.0.0', { bucket_prefix: 'a' }), node('b', 'old', 'aws-old-bucket@1.0.0', { bucket_prefix: 'b' })], []),
    environment: 'dev',
    catalog: fixtures,
  },
  { name: 'every-builtin-bundle', project: async () => everyBundleProject(await builtin()), environment: 'dev', catalog: builtin },
];

function expectedFiles(dir: string): Record<string, string> {
  if (!existsSync(dir)) return {};
  return Object.fromEntries(readdirSync(dir).sort().map((name) => [name, readFileSync(join(dir, name), 'utf8')]));
}

describe('compiler golden files', () => {
  it('has at least 8 cases, each with a folder', () => {
    expect(cases.length).toBeGreaterThanOrEqual(8);
    if (!update) expect(readdirSync(goldenDir).sort()).toEqual(cases.map((entry) => entry.name).sort());
  });

  for (const entry of cases) {
    it(entry.name, async () => {
      const result = compile(await entry.project(), entry.environment, await entry.catalog());
      const actual = { ...result.files, 'diagnostics.json': `${JSON.stringify(result.diagnostics, null, 2)}\n` };
      const dir = join(goldenDir, entry.name);
      if (update) {
        rmSync(dir, { recursive: true, force: true });
        mkdirSync(dir, { recursive: true });
        for (const [name, content] of Object.entries(actual)) writeFileSync(join(dir, name), content);
      }
      expect(actual).toEqual(expectedFiles(dir));
    });
  }
});
