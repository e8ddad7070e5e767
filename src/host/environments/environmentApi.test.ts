import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { DiagramEdit } from '../../core/diagram/edits';
import { SECRET_SET } from '../../core/model/diagram';
import { backendRequest } from '../../../test/support/stateClient';
import { stateBody } from '../../../test/support/dayTwoSeed';
import { createHost, type Host } from '../createHost';

async function value<T>(result: Promise<{ ok: true; value: T } | { ok: false; error: { message: string } }>): Promise<T> {
  const answer = await result;
  if (!answer.ok) throw new Error(answer.error.message);
  return answer.value;
}

describe('environment API', () => {
  let host: Host;
  let projectId: string;
  let dev: string;
  let prod: string;

  beforeEach(async () => {
    host = createHost({ version: 'test', dataDir: mkdtempSync(join(tmpdir(), 'driftless-environments-')), shell: 'cli', heartbeatMs: 0, log: () => {} });
    const created = await value(host.call('project.create', { name: 'shop', environments: ['dev', 'prod'] }));
    projectId = created.project.id;
    [dev, prod] = created.project.environments.map((environment) => environment.id) as [string, string];
    const edits: DiagramEdit[] = [
      { kind: 'addNode', node: { id: 'net', name: 'net', bundle: 'local-network@1.0.0', position: { x: 0, y: 0 }, params: {} } },
      { kind: 'addNode', node: { id: 'db', name: 'db', bundle: 'local-database@1.0.0', position: { x: 0, y: 0 }, params: { size: 'small' } } },
      { kind: 'addNode', node: { id: 'app', name: 'app', bundle: 'local-service@1.0.0', position: { x: 0, y: 0 }, params: {} } },
      { kind: 'connect', edge: { id: 'e1', from: { node: 'net', artifact: 'network' }, to: { node: 'db', connection: 'network' } } },
      { kind: 'connect', edge: { id: 'e2', from: { node: 'db', artifact: 'database' }, to: { node: 'app', connection: 'database' } } },
      { kind: 'setOverride', environmentId: prod, nodeId: 'db', param: 'size', value: 'large' },
      { kind: 'setEnvironmentProviders', environmentId: prod, providers: { aws: { region: 'eu-west-1' } } },
    ];
    for (const edit of edits) await value(host.call('diagram.apply', { projectId, edit }));
    await value(host.call('secret.set', { projectId, nodeId: 'db', param: 'password', environmentId: prod, value: 'prod-password' }));
  });
  afterEach(async () => {
    await host?.close();
  });

  it('forks settings and overrides without secrets unless asked, and never state', async () => {
    const backend = await host.state.backend();
    const posted = await backendRequest(backend.addressOf(prod), 'POST', { body: stateBody('lineage-prod', 1, []), auth: backend });
    expect(posted.status).toBe(200);
    expect(await value(host.call('state.versions', { environmentId: prod }))).toHaveLength(1);
    const plain = await value(host.call('environment.fork', { projectId, environmentId: prod, name: 'prod-copy' }));
    expect(plain).toMatchObject({ applied: true, secretsCopied: 0 });
    const project = (await value(host.call('project.get', { id: projectId }))).project;
    const copy = project.environments.find((environment) => environment.name === 'prod-copy')!;
    expect(copy).toEqual({ id: plain.environmentId, name: 'prod-copy', providers: { aws: { region: 'eu-west-1' } }, overrides: { db: { size: 'large' } }, backend: { type: 'embedded' } });
    expect(project.environments.map((environment) => environment.name)).toEqual(['dev', 'prod', 'prod-copy']);
    expect(await value(host.call('state.versions', { environmentId: copy.id }))).toEqual([]);

    const withSecrets = await value(host.call('environment.fork', { projectId, environmentId: prod, name: 'prod-2', copySecrets: true }));
    expect(withSecrets).toMatchObject({ applied: true, secretsCopied: 1 });
    const forked = (await value(host.call('project.get', { id: projectId }))).project.environments.find((environment) => environment.name === 'prod-2')!;
    expect(forked.overrides.db).toEqual({ size: 'large', password: SECRET_SET });
    const stored = host.database.get().prepare('SELECT environment_id, node_id, key FROM secrets ORDER BY environment_id = ?').all(prod);
    expect(stored).toEqual([
      { environment_id: forked.id, node_id: 'db', key: 'password' },
      { environment_id: prod, node_id: 'db', key: 'password' },
    ]);

    expect(await value(host.call('environment.fork', { projectId, environmentId: prod, name: 'dev' }))).toMatchObject({ applied: false, diagnostics: [{ code: 'fork.duplicate-name' }] });
    expect(await host.call('environment.fork', { projectId, environmentId: 'nope', name: 'x' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });

  it('compares environments, hiding identical rows when asked', async () => {
    const comparison = await value(host.call('environment.compare', { projectId, hideIdentical: true }));
    expect(comparison.rows.map((row) => [row.node, row.param, row.cells.map((cell) => cell.value)])).toEqual([
      ['db', 'password', [undefined, SECRET_SET]],
      ['db', 'size', ['small', 'large']],
    ]);
  });

  it('promotes as a reviewed change: edits first, applied only on confirm', async () => {
    const preview = await value(host.call('environment.promote', { projectId, nodeId: 'db', from: prod, to: dev }));
    expect(preview).toMatchObject({ applied: false, edits: [{ kind: 'setOverride', environmentId: dev, nodeId: 'db', param: 'size', value: 'large' }], diagnostics: [{ code: 'promote.secret-skipped' }] });
    const before = await value(host.call('project.get', { id: projectId }));
    expect(before.project.environments[0]!.overrides).toEqual({});
    const confirmed = await value(host.call('environment.promote', { projectId, nodeId: 'db', from: prod, to: dev, confirm: true, baseRevision: before.revision }));
    expect(confirmed).toMatchObject({ applied: true, revision: before.revision + 1 });
    const after = await value(host.call('project.get', { id: projectId }));
    expect(after.project.environments[0]!.overrides).toEqual({ db: { size: 'large' } });
  });

  it('names a node and everything that depends on it as destroy targets', async () => {
    expect(await value(host.call('environment.destroyTargets', { projectId, nodeId: 'db' }))).toEqual({ nodeIds: ['app', 'db'], nodes: ['app', 'db'], targets: ['module.app', 'module.db'] });
    expect(await host.call('environment.destroyTargets', { projectId, nodeId: 'nope' })).toMatchObject({ ok: false, error: { code: 'not_found' } });
  });
});
