import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../core/compiler/compile';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { parseDiagramFile } from '../../core/diagramFile/parse';
import type { Project } from '../../core/model/diagram';
import { loadCatalog } from '../catalog/loadCatalog';
import { requireBinary } from '../../../test/support/binaries';
import { compilerCatalog } from '../../../test/support/compilerCatalog';
import { awsStack, escaping, everyBundleProject, localStack, node, project } from '../../../test/support/compilerProjects';
import { runTerraform, terraformEnv } from '../../../test/support/terraform';
import { writeWorkdir } from './writeWorkdir';

const tf = requireBinary('terraform');
const catalog = compilerCatalog();
// One provider cache for the AWS inits of this file (they run one after another, never concurrently).
const pluginCache = mkdtempSync(join(tmpdir(), 'driftless-plugin-cache-'));
const offlineAws = { region: 'us-east-1', skip_credentials_validation: true, skip_requesting_account_id: true, skip_metadata_api_check: true, skip_region_validation: true };

function example(name: string): Project {
  const parsed = parseDiagramFile(readFileSync(new URL(`../../../examples/${name}.driftless.json`, import.meta.url), 'utf8'));
  if (!('project' in parsed)) throw new Error(JSON.stringify(parsed.diagnostics));
  return parsed.project;
}

/** Compiles into a fresh folder with a local-backend override (the test's stand-in for the http backend). */
function compiledDir(subject: Project, environment: string, dir = mkdtempSync(join(tmpdir(), 'driftless-compiled-')), from: CatalogSnapshot = catalog): string {
  const result = compile(subject, environment, from);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  writeWorkdir(dir, result);
  writeFileSync(join(dir, 'backend_override.tf.json'), JSON.stringify({ terraform: { backend: { local: {} } } }));
  return dir;
}

async function terraform(dir: string, args: string[], extra: Record<string, string> = {}) {
  mkdirSync(pluginCache, { recursive: true });
  const env = terraformEnv(join(dir, '..', `${dir.split('/').pop()}-config`), { TF_PLUGIN_CACHE_DIR: pluginCache, ...extra });
  const result = await runTerraform(args, { cwd: dir, env });
  if (result.code !== 0) throw new Error(`terraform ${args.join(' ')} failed (${result.code}):\n${result.stdout}\n${result.stderr}`);
  return result;
}

async function outputs(dir: string): Promise<Record<string, { value: unknown; sensitive: boolean }>> {
  return JSON.parse((await terraform(dir, ['output', '-json'])).stdout);
}

describe.skipIf(!tf.available)(`compiled root modules under real terraform ${tf.reason}`, () => {
  it('a local-only diagram passes init, validate, plan and apply, with the outputs expected', async () => {
    const dir = compiledDir(localStack(), 'prod');
    await terraform(dir, ['init', '-no-color']);
    const validated = JSON.parse((await terraform(dir, ['validate', '-json'])).stdout);
    expect(validated.valid).toBe(true);
    const secret = { TF_VAR_db__password: 'from-the-secret-store' };
    await terraform(dir, ['plan', '-no-color', '-out=plan.bin'], secret);
    await terraform(dir, ['apply', '-no-color', 'plan.bin'], secret);
    const values = await outputs(dir);
    expect(values.network__network!.value).toMatchObject({ name: 'main', cidr: '10.0.0.0/16' });
    expect(values.api__endpoint!.value).toEqual({ url: 'http://api.main.local', replicas: 3, databases: ['db.main.local'] });
    expect(values.web__endpoint!.value).toMatchObject({ replicas: 1, databases: [] });
    expect(values.db__database!.value).toMatchObject({ host: 'db.main.local', engine: 'postgres' });
    expect(values.db__credentials).toMatchObject({ sensitive: true, value: { username: 'app', password: 'from-the-secret-store' } });
  });

  it('passes template-looking params to the module as literal text', async () => {
    const dir = compiledDir(escaping(), 'dev');
    await terraform(dir, ['init', '-no-color']);
    await terraform(dir, ['apply', '-no-color', '-auto-approve']);
    const values = await outputs(dir);
    expect(values.echo__text!.value).toBe('${file("/etc/passwd")}');
    expect(values.echo__data!.value).toEqual({ '${key}': '%{ if true }yes%{ endif }', plain: '$$ and %% and $${ok}' });
  });

  it('a rename plans as a move, destroying nothing', async () => {
    const before = project('rename', [node('n1', 'net', 'local-network@1.0.0', { name: 'main' })], []);
    const dir = compiledDir(before, 'dev');
    await terraform(dir, ['init', '-no-color']);
    await terraform(dir, ['apply', '-no-color', '-auto-approve']);
    const after = project('rename', [node('n1', 'core_network', 'local-network@1.0.0', { name: 'main' }, ['net'])], []);
    compiledDir(after, 'dev', dir);
    // Module calls are recorded by name in .terraform/modules: a renamed call needs init again.
    await terraform(dir, ['init', '-no-color']);
    await terraform(dir, ['plan', '-no-color', '-out=plan.bin']);
    const plan = JSON.parse((await terraform(dir, ['show', '-json', 'plan.bin'])).stdout);
    const changes = plan.resource_changes as { address: string; previous_address?: string; change: { actions: string[] } }[];
    expect(changes.flatMap((change) => change.change.actions)).not.toContain('delete');
    expect(changes).toContainEqual(expect.objectContaining({ address: 'module.core_network.terraform_data.network', previous_address: 'module.net.terraform_data.network' }));
  });

  it('an AWS diagram passes init and validate against the mirror and plans offline', async () => {
    const dir = compiledDir(awsStack(), 'dev');
    await terraform(dir, ['init', '-no-color']);
    expect(JSON.parse((await terraform(dir, ['validate', '-json'])).stdout).valid).toBe(true);
    await terraform(dir, ['plan', '-no-color', '-out=plan.bin']);
    const plan = JSON.parse((await terraform(dir, ['show', '-json', 'plan.bin'])).stdout);
    const addresses = (plan.resource_changes as { address: string }[]).map((change) => change.address).sort();
    expect(addresses).toEqual(['module.assets.aws_s3_bucket.bucket', 'module.events.aws_sqs_queue.queue', 'module.logs.aws_s3_bucket.bucket']);
  }, 300_000);

  it('examples/local-stack applies with no cloud account, its prod overrides reaching the modules', async () => {
    const dir = compiledDir(example('local-stack'), 'prod', undefined, await loadCatalog({ dirs: [] }));
    await terraform(dir, ['init', '-no-color']);
    await terraform(dir, ['apply', '-no-color', '-auto-approve'], { TF_VAR_database__password: 'example-password' });
    const values = await outputs(dir);
    expect(Object.keys(values).sort()).toEqual(['api__endpoint', 'api_key__secret', 'config__file', 'database__database', 'jobs__queue', 'network__network']);
    expect(values.network__network!.value).toMatchObject({ name: 'prod-net', cidr: '10.0.0.0/16' });
    expect(values.database__database!.sensitive).toBe(true);
    expect(values.api_key__secret!.sensitive).toBe(true);
  });

  it('examples/aws-web-app and a diagram of every built-in bundle pass init and validate against the mirror; the example plans offline', async () => {
    const library = await loadCatalog({ dirs: [] });
    const web = example('aws-web-app');
    for (const environment of web.environments) environment.providers.aws = { ...environment.providers.aws, ...offlineAws };
    const dir = compiledDir(web, 'dev', undefined, library);
    await terraform(dir, ['init', '-no-color']);
    expect(JSON.parse((await terraform(dir, ['validate', '-json'])).stdout).valid).toBe(true);
    await terraform(dir, ['plan', '-no-color', '-out=plan.bin'], { TF_VAR_database__password: 'example-password-1' });
    const plan = JSON.parse((await terraform(dir, ['show', '-json', 'plan.bin'])).stdout);
    const modules = new Set((plan.resource_changes as { module_address?: string }[]).map((change) => change.module_address));
    expect([...modules].sort()).toEqual(['module.assets', 'module.database', 'module.jobs', 'module.network', 'module.service_role', 'module.web']);

    const everything = compiledDir(everyBundleProject(library), 'dev', undefined, library);
    await terraform(everything, ['init', '-no-color']);
    expect(JSON.parse((await terraform(everything, ['validate', '-json'])).stdout).valid).toBe(true);
  }, 300_000);
});
