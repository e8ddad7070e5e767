import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../core/compiler/compile';
import type { Project } from '../../core/model/diagram';
import { requireBinary } from '../../../test/support/binaries';
import { compilerCatalog } from '../../../test/support/compilerCatalog';
import { awsStack, escaping, localStack, node, project } from '../../../test/support/compilerProjects';
import { runTerraform, terraformEnv } from '../../../test/support/terraform';
import { writeWorkdir } from './writeWorkdir';

const tf = requireBinary('terraform');
const catalog = compilerCatalog();

/** Compiles into a fresh folder with a local-backend override (the test's stand-in for the http backend). */
function compiledDir(subject: Project, environment: string, dir = mkdtempSync(join(tmpdir(), 'driftless-compiled-'))): string {
  const result = compile(subject, environment, catalog);
  expect(result.diagnostics.filter((diagnostic) => diagnostic.severity === 'error')).toEqual([]);
  writeWorkdir(dir, result);
  writeFileSync(join(dir, 'backend_override.tf.json'), JSON.stringify({ terraform: { backend: { local: {} } } }));
  return dir;
}

async function terraform(dir: string, args: string[], extra: Record<string, string> = {}) {
  const result = await runTerraform(args, { cwd: dir, env: terraformEnv(join(dir, '..', `${dir.split('/').pop()}-config`), extra) });
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
  });
});
