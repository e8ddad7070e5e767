import { mkdirSync, rmSync, symlinkSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import type { Diagnostic, DiagnosticLocation } from '../../src/core/diagnostics';
import { createModuleCache, loadCatalog } from '../../src/host/catalog/loadCatalog';
import { fixtureTypes, tempCatalog, validBundle, validManifest, validModule, writeFiles, type Files } from './catalogFixtures';

interface BadCase {
  name: string;
  /** Files of the bundle folder `demo/` (merged over the valid bundle; null deletes). */
  bundle?: Record<string, string | null>;
  /** Extra setup of the catalog folder. */
  setup?: (root: string) => void;
  code: string;
  severity?: 'error' | 'warning';
  location: DiagnosticLocation | ((root: string) => DiagnosticLocation);
  message?: RegExp;
}

const replace = (from: string, to: string) => validManifest.replace(from, to);
const moduleWith = (from: string, to: string) => validModule.replace(from, to);

const cases: BadCase[] = [
  { name: 'YAML syntax error', bundle: { 'bundle.yaml': 'name: demo\nversion: [1.0.0\ntitle: Demo\n' }, code: 'manifest.yaml-syntax', location: { file: 'bundle.yaml', line: 3 } },
  { name: 'duplicate YAML key', bundle: { 'bundle.yaml': `${validManifest}title: Again\n` }, code: 'manifest.yaml-syntax', location: { file: 'bundle.yaml' }, message: /unique|duplicate/i },
  { name: 'manifest is not a mapping', bundle: { 'bundle.yaml': '- name: demo\n' }, code: 'manifest.not-an-object', location: { file: 'bundle.yaml', pointer: '' } },
  { name: 'unknown top-level key', bundle: { 'bundle.yaml': `${validManifest}colour: red\n` }, code: 'manifest.unknown-key', location: { file: 'bundle.yaml', pointer: '/colour' } },
  { name: 'misspelt key gets a suggestion', bundle: { 'bundle.yaml': replace('description: A valid', 'descripton: A valid') }, code: 'manifest.unknown-key', location: { file: 'bundle.yaml', pointer: '/descripton' }, message: /Did you mean "description"/ },
  { name: 'unknown key inside a connection', bundle: { 'bundle.yaml': replace('    required: true\n', '    required: true\n    colour: red\n') }, code: 'manifest.unknown-key', location: { file: 'bundle.yaml', pointer: '/connections/vpc/colour' } },
  { name: 'bad semver', bundle: { 'bundle.yaml': replace('version: 1.0.0', 'version: "1.0"') }, code: 'manifest.bad-version', location: { file: 'bundle.yaml', pointer: '/version' } },
  { name: 'name not kebab-case', bundle: { 'bundle.yaml': replace('name: demo', 'name: Demo_Bundle') }, code: 'manifest.bad-name', location: { file: 'bundle.yaml', pointer: '/name' } },
  { name: 'missing title', bundle: { 'bundle.yaml': replace('title: Demo\n', '') }, code: 'manifest.missing-key', location: { file: 'bundle.yaml', pointer: '/title' } },
  { name: 'unknown artifact type of a connection', bundle: { 'bundle.yaml': replace('type: aws-vpc', 'type: aws-vcp') }, code: 'manifest.unknown-artifact-type', location: { file: 'bundle.yaml', pointer: '/connections/vpc/type' }, message: /Did you mean "aws-vpc"/ },
  { name: 'unknown artifact type of an artifact', bundle: { 'bundle.yaml': replace('type: postgres-connection', 'type: postgres-conection') }, code: 'manifest.unknown-artifact-type', location: { file: 'bundle.yaml', pointer: '/artifacts/db/type' }, message: /Did you mean "postgres-connection"/ },
  { name: 'missing module folder', bundle: { 'bundle.yaml': `${validManifest}module: src\n` }, code: 'manifest.missing-module', location: { file: 'bundle.yaml', pointer: '/module' } },
  { name: 'module folder leaving the bundle', bundle: { 'bundle.yaml': `${validManifest}module: ../elsewhere\n` }, code: 'manifest.module-escapes', location: { file: 'bundle.yaml', pointer: '/module' } },
  { name: 'module folder without .tf files', bundle: { 'module/main.tf': null, 'module/README.md': 'nothing' }, code: 'module.no-terraform-files', location: { file: 'module' } },
  { name: 'HCL that does not parse', bundle: { 'module/main.tf': `${validModule}\nresource "terraform_data" "x" {\n` }, code: 'module.hcl-syntax', location: { file: 'module/main.tf', line: 19 } },
  { name: 'bad variable type expression', bundle: { 'module/main.tf': moduleWith('type = object({ id = string })', 'type = object({ id = strin })') }, code: 'module.bad-variable-type', location: { file: 'module/main.tf', line: 10 } },
  {
    name: 'symlink inside the bundle',
    setup: (root) => symlinkSync('/etc/hostname', join(root, 'demo/module/extra.tf')),
    code: 'bundle.symlink',
    location: { file: 'module/extra.tf' },
  },
  {
    name: 'symlinked bundle folder',
    setup: (root) => {
      const outside = tempCatalog('driftless-outside-');
      writeFiles(join(outside, 'linked'), validBundle);
      symlinkSync(join(outside, 'linked'), join(root, 'linked'));
    },
    code: 'catalog.symlink',
    location: (root) => ({ file: join(root, 'linked') }),
  },
  {
    name: 'duplicate name@version',
    setup: (root) => writeFiles(join(root, 'demo-copy'), validBundle),
    code: 'catalog.duplicate-bundle',
    location: (root) => ({ file: join(root, 'demo-copy', 'bundle.yaml'), pointer: '/version', bundle: 'demo@1.0.0' }),
  },
  { name: 'param that is no variable', bundle: { 'bundle.yaml': replace('    password:\n      type: string\n      title: Password', '    size:\n      type: number\n      title: Size\n    password:\n      type: string\n      title: Password') }, code: 'crosscheck.param-not-variable', location: { file: 'bundle.yaml', pointer: '/params/properties/size' } },
  { name: 'variable without default not covered', bundle: { 'bundle.yaml': replace('required: [name, password]', 'required: [password]') }, code: 'crosscheck.variable-not-covered', location: { file: 'module/main.tf', line: 1 } },
  { name: 'param type disagrees with variable type', bundle: { 'bundle.yaml': replace('    name:\n      type: string', '    name:\n      type: number') }, code: 'crosscheck.type-mismatch', location: { file: 'bundle.yaml', pointer: '/params/properties/name' } },
  {
    name: 'nested object attribute disagrees',
    bundle: {
      'bundle.yaml': replace('  required: [name, password]', '    settings:\n      type: object\n      title: Settings\n      description: s\n      properties:\n        size: { type: string }\n  required: [name, password]'),
      'module/main.tf': `${validModule}\nvariable "settings" {\n  type    = object({ size = optional(number, 1) })\n  default = {}\n}\n`,
    },
    code: 'crosscheck.type-mismatch',
    location: { file: 'bundle.yaml', pointer: '/params/properties/settings/properties/size' },
  },
  { name: 'sensitive variable without writeOnly', bundle: { 'bundle.yaml': replace('      writeOnly: true\n', '') }, code: 'crosscheck.sensitive-not-writeonly', location: { file: 'bundle.yaml', pointer: '/params/properties/password' } },
  { name: 'connection that is no variable', bundle: { 'bundle.yaml': replace('  vpc:\n    type: aws-vpc', '  network:\n    type: aws-vpc') }, code: 'crosscheck.connection-not-variable', location: { file: 'bundle.yaml', pointer: '/connections/network' }, message: /uses: vpc\./ },
  { name: 'connection variable that is not an object', bundle: { 'module/main.tf': moduleWith('type = object({ id = string })', 'type = string') }, code: 'crosscheck.connection-type-mismatch', location: { file: 'bundle.yaml', pointer: '/connections/vpc' } },
  { name: 'connection variable requiring what the artifact type lacks', bundle: { 'module/main.tf': moduleWith('type = object({ id = string })', 'type = object({ id = string, cidr = string })') }, code: 'crosscheck.connection-shape', location: { file: 'module/main.tf', line: 10, port: 'vpc' }, message: /"cidr"/ },
  { name: 'connection attribute typed unlike the artifact type', bundle: { 'module/main.tf': moduleWith('type = object({ id = string })', 'type = object({ id = number })') }, code: 'crosscheck.connection-shape', location: { file: 'module/main.tf', line: 10, port: 'vpc' }, message: /"id"/ },
  { name: 'artifact that is no output', bundle: { 'bundle.yaml': replace('  db:\n    type: postgres-connection', '  database:\n    type: postgres-connection') }, code: 'crosscheck.artifact-not-output', location: { file: 'bundle.yaml', pointer: '/artifacts/database' } },
  { name: 'preset setting an unknown param', bundle: { 'bundle.yaml': replace('values: { name: dev }', 'values: { name: dev, size: 3 }') }, code: 'manifest.preset-unknown-param', location: { file: 'bundle.yaml', pointer: '/presets/dev/values/size' } },
  { name: 'preset that sets a secret', bundle: { 'bundle.yaml': replace('values: { name: dev }', 'values: { name: dev, password: hunter2hunter2 }') }, code: 'manifest.preset-sets-secret', location: { file: 'bundle.yaml', pointer: '/presets/dev/values/password' } },
  {
    name: 'param enum wider than the variable validation',
    bundle: {
      'bundle.yaml': replace('    name:\n      type: string\n', '    name:\n      type: string\n      enum: [a, b, c]\n').replace('values: { name: dev }', 'values: { name: a }'),
      'module/main.tf': moduleWith('variable "name" {\n  type = string\n}', 'variable "name" {\n  type = string\n  validation {\n    condition     = contains(["a", "b"], var.name)\n    error_message = "a or b"\n  }\n}'),
    },
    code: 'crosscheck.enum-mismatch',
    location: { file: 'bundle.yaml', pointer: '/params/properties/name/enum' },
    message: /"c"/,
  },
  { name: 'preset value of the wrong type', bundle: { 'bundle.yaml': replace('values: { name: dev }', 'values: { name: 5 }') }, code: 'manifest.preset-invalid', location: { file: 'bundle.yaml', pointer: '/presets/dev/values/name' } },
  { name: 'params that are no valid JSON Schema', bundle: { 'bundle.yaml': replace('    name:\n      type: string', '    name:\n      type: strng') }, code: 'manifest.bad-params-schema', location: { file: 'bundle.yaml', pointer: '/params' } },
  {
    name: 'massdriver $ref that cannot be resolved',
    bundle: { 'bundle.yaml': null, 'module/main.tf': null, 'massdriver.yaml': 'name: md\nsteps:\n  - path: src\n    provisioner: terraform\nconnections:\n  properties:\n    vpc:\n      $ref: massdriver/aws-vcp\n', 'src/main.tf': 'variable "vpc" {\n  type = any\n  default = null\n}\n' },
    code: 'massdriver.unresolved-ref',
    location: { file: 'massdriver.yaml', pointer: '/connections/properties/vpc/$ref' },
    message: /Did you mean "aws-vpc"/,
  },
  {
    name: 'massdriver keyword with no Driftless equivalent',
    bundle: { 'bundle.yaml': null, 'module/main.tf': null, 'massdriver.yaml': 'name: md\nsteps:\n  - path: src\nparams:\n  properties:\n    size:\n      type: number\n      $md.enabled: false\n', 'src/main.tf': 'variable "size" {\n  type = number\n  default = 1\n}\n' },
    code: 'massdriver.unmapped-keyword',
    severity: 'warning',
    location: { file: 'massdriver.yaml', pointer: '/params/properties/size/$md.enabled' },
  },
  {
    name: 'massdriver without a terraform step',
    bundle: { 'bundle.yaml': null, 'massdriver.yaml': 'name: md\nsteps:\n  - path: chart\n    provisioner: helm\n' },
    code: 'massdriver.no-terraform-step',
    location: { file: 'massdriver.yaml', pointer: '/steps' },
  },
  { name: 'artifact type extending an unknown type', setup: (root) => writeFiles(root, { 'types/child.yaml': 'name: child\ntitle: Child\ncolour: "#000000"\nextends: aws-vcp\nschema: { type: object }\n' }), code: 'type.unknown-parent', location: (root) => ({ file: join(root, 'types/child.yaml'), pointer: '/extends' }), message: /Did you mean "aws-vpc"/ },
  { name: 'artifact type file that is a folder', setup: (root) => mkdirSync(join(root, 'types/odd.yaml')), code: 'type.unreadable', location: (root) => ({ file: join(root, 'types/odd.yaml') }) },
  { name: 'artifact type file named unlike its type', setup: (root) => writeFiles(root, { 'types/other.yaml': 'name: thing\ntitle: Thing\ncolour: "#000000"\nschema: { type: object }\n' }), code: 'type.name-mismatch', location: (root) => ({ file: join(root, 'types/other.yaml'), pointer: '/name' }) },
  { name: 'artifact type with an unknown key', setup: (root) => writeFiles(root, { 'types/thing.yaml': 'name: thing\ntitle: Thing\ncolor: "#000000"\ncolour: "#000000"\nschema: { type: object }\n' }), code: 'type.unknown-key', location: (root) => ({ file: join(root, 'types/thing.yaml'), pointer: '/color' }), message: /Did you mean "colour"/ },
];

const roots: string[] = [];
afterAll(() => {
  for (const root of roots) rmSync(root, { recursive: true, force: true });
});

async function load(testCase: BadCase): Promise<{ root: string; diagnostics: Diagnostic[] }> {
  const root = tempCatalog();
  roots.push(root);
  writeFiles(root, fixtureTypes);
  const files: Files = {};
  for (const [path, content] of Object.entries({ ...validBundle, ...testCase.bundle })) if (content !== null) files[path] = content;
  mkdirSync(join(root, 'demo'));
  writeFiles(join(root, 'demo'), files);
  testCase.setup?.(root);
  const catalog = await loadCatalog({ dirs: [root], withoutBuiltin: true, cache: createModuleCache() });
  return { root, diagnostics: [...catalog.diagnostics, ...catalog.bundles.flatMap((bundle) => bundle.diagnostics)] };
}

describe('bad manifests each get a specific diagnostic, and the catalog still loads', () => {
  it('has at least 25 cases', () => expect(cases.length).toBeGreaterThanOrEqual(25));

  it('the valid bundle has no diagnostics', async () => {
    const { diagnostics } = await load({ name: 'valid', code: '', location: {} });
    expect(diagnostics).toEqual([]);
  });

  it.each(cases.map((testCase) => [testCase.name, testCase] as const))('%s', async (_name, testCase) => {
    const { root, diagnostics } = await load(testCase);
    const location = typeof testCase.location === 'function' ? testCase.location(root) : testCase.location;
    const matching = diagnostics.filter((diagnostic) => diagnostic.code === testCase.code);
    expect(matching, JSON.stringify(diagnostics, null, 2)).not.toEqual([]);
    expect(matching).toContainEqual(expect.objectContaining({ location: expect.objectContaining(location) }));
    const found = matching.find((diagnostic) => Object.entries(location).every(([key, value]) => diagnostic.location?.[key as keyof DiagnosticLocation] === value))!;
    expect(found.severity).toBe(testCase.severity ?? 'error');
    expect(found.message.length).toBeGreaterThan(20);
    if (testCase.message) expect(found.message).toMatch(testCase.message);
  });
});
