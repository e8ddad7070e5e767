import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { requireBinary } from '../../../test/support/binaries';
import { runTerraform, terraformEnv } from '../../../test/support/terraform';
import type { Environment } from '../../core/model/diagram';
import { createHost, type Host } from '../createHost';

const tf = requireBinary('terraform');

/** A root module as the compiler would shape it: one module block per node, local-only resources. */
function writeRootModule(dir: string): void {
  for (const node of ['web', 'db']) {
    mkdirSync(join(dir, node), { recursive: true });
    writeFileSync(join(dir, node, 'main.tf'), `
variable "label" {
  type = string
}
resource "terraform_data" "${node === 'web' ? 'service' : 'instance'}" {
  input = { label = var.label, size = "${node === 'web' ? 'small' : 'db.t3.micro'}" }
}
`);
  }
  writeFileSync(join(dir, 'main.tf'), `
terraform {
  backend "http" {}
}
variable "label" {
  type = string
}
module "web" {
  source = "./web"
  label  = "\${var.label}-web"
}
module "db" {
  source = "./db"
  label  = "\${var.label}-db"
}
`);
}

describe.skipIf(!tf.available)(`inventory search and trace on states written by real terraform ${tf.reason}`, () => {
  let host: Host;
  let projectId: string;
  let environments: Environment[];
  const ids = new Map<string, string>();

  beforeAll(async () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-inventory-'));
    host = createHost({ version: 'test', dataDir: join(dir, 'data'), shell: 'cli', heartbeatMs: 0, log: () => {} });
    const created = await host.call('project.create', { name: 'shop', environments: ['dev', 'prod'] });
    if (!created.ok) throw new Error(created.error.message);
    projectId = created.value.project.id;
    environments = created.value.project.environments;
    for (const [id, name, bundle] of [['n-web', 'web', 'local-service@1.0.0'], ['n-db', 'db', 'local-database@1.0.0']] as const) {
      const applied = await host.call('diagram.apply', { projectId, edit: { kind: 'addNode', node: { id, name, bundle, position: { x: 0, y: 0 }, params: {} } } });
      if (!applied.ok) throw new Error(applied.error.message);
    }
    const backend = await host.state.backend();
    for (const environment of environments) {
      const root = join(dir, environment.name);
      writeRootModule(root);
      const env = terraformEnv(join(dir, 'config'), backend.envFor(environment.id, `run-${environment.name}`));
      const init = await runTerraform(['init', '-no-color'], { cwd: root, env });
      expect(init.code, init.stderr).toBe(0);
      const apply = await runTerraform(['apply', '-auto-approve', '-no-color', '-var', `label=${environment.name}`], { cwd: root, env });
      expect(apply.code, apply.stderr).toBe(0);
      const state = JSON.parse(backend.repository.body(backend.repository.latest(environment.id)!.id)!.toString()) as {
        resources: { module: string; instances: { attributes: { id: string } }[] }[];
      };
      for (const resource of state.resources) ids.set(`${environment.name}/${resource.module}`, resource.instances[0]!.attributes.id);
    }
    await backend.indexer.whenIdle();
  }, 120_000);
  afterAll(async () => {
    await host?.close();
  });

  it('finds every resource of a type in every environment, each traced to project, environment, node, bundle and module path', async () => {
    const found = await host.call('inventory.search', { type: 'terraform_data' });
    if (!found.ok) throw new Error(found.error.message);
    expect(found.value.truncated).toBe(false);
    expect(found.value.resources.map((resource) => [resource.trace.environment?.name, resource.address, resource.trace.node?.name])).toEqual([
      ['dev', 'module.db.terraform_data.instance', 'db'],
      ['dev', 'module.web.terraform_data.service', 'web'],
      ['prod', 'module.db.terraform_data.instance', 'db'],
      ['prod', 'module.web.terraform_data.service', 'web'],
    ]);
    expect(found.value.resources[0]!.trace).toEqual({
      project: { id: projectId, name: 'shop' },
      environment: { id: environments[0]!.id, name: 'dev' },
      node: { id: 'n-db', name: 'db' },
      bundle: { name: 'local-database', version: '1.0.0' },
      modulePath: 'module.db',
    });
  });

  it('finds a resource by its cloud id and traces it to its node', async () => {
    const id = ids.get('prod/module.web')!;
    expect(id).toMatch(/^[0-9a-f-]{36}$/);
    const found = await host.call('inventory.search', { resourceId: id });
    expect(found).toMatchObject({
      ok: true,
      value: { resources: [{ resourceId: id, address: 'module.web.terraform_data.service', trace: { environment: { name: 'prod' }, node: { id: 'n-web', name: 'web' } } }] },
    });
    const byText = await host.call('inventory.search', { text: id.slice(0, 13) });
    expect(byText.ok && byText.value.resources.map((resource) => resource.resourceId)).toEqual([id]);
  });

  it('finds resources by address and by attribute value, within one environment when asked', async () => {
    const byAddress = await host.call('inventory.search', { address: 'module.db.', environmentId: environments[1]!.id });
    expect(byAddress.ok && byAddress.value.resources.map((resource) => `${resource.trace.environment?.name} ${resource.address}`)).toEqual(['prod module.db.terraform_data.instance']);
    const byAttribute = await host.call('inventory.search', { attribute: { name: 'id', value: ids.get('dev/module.db')! } });
    expect(byAttribute.ok && byAttribute.value.resources.map((resource) => resource.trace.node?.name)).toEqual(['db']);
    const limited = await host.call('inventory.search', { type: 'terraform_data', limit: 3 });
    expect(limited).toMatchObject({ ok: true, value: { truncated: true } });
    expect(await host.call('inventory.search', {})).toMatchObject({ ok: false, error: { code: 'invalid_request' } });
  });

  it("lists a node's resources per environment, and still after the node is renamed", async () => {
    const renamed = await host.call('diagram.apply', { projectId, edit: { kind: 'renameNode', id: 'n-db', name: 'database' } });
    expect(renamed).toMatchObject({ ok: true, value: { applied: true } });
    const inventory = await host.call('inventory.forNode', { projectId, nodeId: 'n-db' });
    if (!inventory.ok) throw new Error(inventory.error.message);
    expect(inventory.value.node).toEqual({ id: 'n-db', name: 'database', bundle: 'local-database@1.0.0' });
    expect(inventory.value.environments.map((environment) => [environment.name, environment.resources.map((resource) => resource.resourceId)])).toEqual([
      ['dev', [ids.get('dev/module.db')]],
      ['prod', [ids.get('prod/module.db')]],
    ]);
    expect(await host.call('inventory.forNode', { projectId, nodeId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
