import type { DiagramEdit } from '../../src/core/diagram/edits';
import type { Host } from '../../src/host/createHost';
import { RunStore } from '../../src/host/runner/runStore';
import { backendRequest } from './stateClient';

/** A state v4 body with the given resources (module address, type, name, id, attributes). */
export function stateBody(lineage: string, serial: number, resources: { module?: string; type: string; name: string; attributes: Record<string, unknown> }[]): string {
  return JSON.stringify({
    version: 4,
    terraform_version: '1.11.4',
    serial,
    lineage,
    outputs: {},
    resources: resources.map((resource) => ({
      ...(resource.module ? { module: resource.module } : {}),
      mode: 'managed',
      type: resource.type,
      name: resource.name,
      provider: 'provider["registry.terraform.io/hashicorp/aws"]',
      instances: [{ schema_version: 0, attributes: resource.attributes, sensitive_attributes: [] }],
    })),
  });
}

async function call<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

/**
 * Seeds a host through its real services: project "shop" (dev, prod) with a Postgres node `db`
 * (instance_class db.t3.micro, prod overrides db.r6g.large) and a `web` node; a state per
 * environment written through the http backend and indexed; a failed and a succeeded run.
 */
export async function seedShop(host: Host) {
  const created = await call(host.call('project.create', { name: 'shop', environments: ['dev', 'prod'] }));
  const projectId = created.project.id;
  const [dev, prod] = created.project.environments;
  const apply = (edit: DiagramEdit) => call(host.call('diagram.apply', { projectId, edit }));
  await apply({ kind: 'addNode', node: { id: 'n-db', name: 'db', bundle: 'aws-rds-postgres@1.0.0', position: { x: 0, y: 0 }, params: { instance_class: 'db.t3.micro', allocated_storage: 20 } } });
  await apply({ kind: 'addNode', node: { id: 'n-web', name: 'web', bundle: 'local-service@1.0.0', position: { x: 200, y: 0 }, params: { replicas: 1 } } });
  await apply({ kind: 'setOverride', environmentId: prod!.id, nodeId: 'n-db', param: 'instance_class', value: 'db.r6g.large' });

  const backend = await host.state.backend();
  for (const [environment, instanceClass] of [[dev!, 'db.t3.micro'], [prod!, 'db.r6g.large']] as const) {
    const body = stateBody(`lineage-${environment.name}`, 1, [
      { module: 'module.db', type: 'aws_db_instance', name: 'main', attributes: { id: `db-${environment.name}`, instance_class: instanceClass, password: 'hunter2', deletion_protection: environment.name === 'prod', tags: { env: environment.name } } },
      { module: 'module.web', type: 'terraform_data', name: 'service', attributes: { id: `web-${environment.name}`, input: 'x' } },
    ]);
    const reply = await backendRequest(backend.addressOf(environment.id), 'POST', { body, auth: backend });
    if (reply.status !== 200) throw new Error(`state POST answered ${reply.status}: ${reply.body.toString()}`);
  }
  await backend.indexer.whenIdle();

  const runs = new RunStore(host.database.get());
  const failed = runs.create({ environmentId: prod!.id, kind: 'apply', command: ['terraform', 'apply'] });
  runs.savePlan(failed.id, '{"secret":"plan-json-canary"}');
  runs.finish(failed.id, { status: 'failed', exitCode: 1 });
  const succeeded = runs.create({ environmentId: dev!.id, kind: 'plan', command: ['terraform', 'plan'] });
  runs.finish(succeeded.id, { status: 'succeeded', exitCode: 0 });
  return { projectId, dev: dev!, prod: prod!, failedRunId: failed.id };
}
