import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { builtinBundlesDir } from '../../src/host/catalog/bundlesDir';
import { requireBinary } from '../support/binaries';
import { runTerraform, terraformEnv } from '../support/terraform';

const tf = requireBinary('terraform');

// The local bundles wired the way the canvas would wire them: each edge is a module output passed whole.
function diagram(bundles: string): string {
  const source = (name: string) => join(bundles, name, 'module');
  return JSON.stringify(
    {
      variable: { database_password: { type: 'string', sensitive: true } },
      module: {
        network: { source: source('local-network'), name: 'dev-net', cidr: '10.10.0.0/24' },
        database: { source: source('local-database'), name: 'appdb', username: 'app', password: '${var.database_password}', network: '${module.network.network}' },
        api_key: { source: source('local-secret'), name: 'API_KEY', length: 16 },
        queue: { source: source('local-queue'), name: 'jobs' },
        service: {
          source: source('local-service'),
          name: 'api',
          image: 'nginx:1.27',
          database: '${module.database.database}',
          network: '${module.network.network}',
          api_key: '${module.api_key.secret}',
          queue: '${module.queue.queue}',
        },
        client_config: { source: source('local-config-file'), filename: 'client.env', content: 'MODE=development', service: '${module.service.endpoint}' },
      },
      output: {
        endpoint: { value: '${module.service.endpoint}' },
        file: { value: '${module.client_config.file}' },
        config: { value: '${module.service.config}', sensitive: true },
      },
    },
    null,
    2,
  );
}

describe.skipIf(!tf.available)(`the local bundles apply for real with no provider ${tf.reason}`, () => {
  const work = mkdtempSync(join(tmpdir(), 'driftless-local-apply-'));
  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('network → database → service (with secret and queue) → config file: apply, outputs, destroy', async () => {
    const root = join(work, 'root');
    mkdirSync(root);
    writeFileSync(join(root, 'main.tf.json'), diagram(builtinBundlesDir()));
    const env = terraformEnv(join(work, 'config'), { TF_DATA_DIR: join(work, 'data'), TF_VAR_database_password: 'correct-horse-battery' });
    const init = await runTerraform(['init', '-input=false', '-no-color'], { cwd: root, env });
    expect(init.code, init.stderr).toBe(0);
    const apply = await runTerraform(['apply', '-auto-approve', '-input=false', '-no-color'], { cwd: root, env });
    expect(apply.code, apply.stderr + apply.stdout).toBe(0);
    expect(apply.stdout).not.toContain('correct-horse-battery');

    const outputs = JSON.parse((await runTerraform(['output', '-json'], { cwd: root, env })).stdout) as Record<string, { value: Record<string, unknown> }>;
    expect(outputs.endpoint!.value).toEqual({ name: 'api', url: 'http://api.dev-net.local:8080', port: 8080 });
    expect(outputs.config!.value).toMatchObject({
      database_url: 'postgres://app@appdb.dev-net.local:5432/appdb',
      database_password: 'correct-horse-battery',
      secrets: ['API_KEY'],
      queue_url: `file://${root}/queues/jobs`,
    });
    const file = outputs.file!.value as { path: string };
    expect(file.path).toBe(join(root, 'client.env'));
    expect(readFileSync(file.path, 'utf8')).toBe('MODE=development\nSERVICE_URL=http://api.dev-net.local:8080\n');

    const destroy = await runTerraform(['destroy', '-auto-approve', '-input=false', '-no-color'], { cwd: root, env });
    expect(destroy.code, destroy.stderr).toBe(0);
    expect(existsSync(file.path)).toBe(false);
  }, 180000);
});
