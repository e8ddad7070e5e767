import { describe, expect, it } from 'vitest';
import { applyEdit } from '../diagram/edits';
import { SECRET_SET, type Environment, type Project } from '../model/diagram';
import { compareEnvironments } from './compare';
import { forkEnvironment } from './fork';
import { promoteNodeParams } from './promote';

function environment(id: string, overrides: Environment['overrides'] = {}, backend: Environment['backend'] = { type: 'embedded' }): Environment {
  return { id, name: id, providers: { aws: { region: `${id}-region` } }, overrides, backend };
}

const project: Project = {
  id: 'p',
  name: 'shop',
  diagram: {
    nodes: [
      { id: 'db', name: 'db', bundle: 'aws-rds-postgres@1.0.0', position: { x: 0, y: 0 }, params: { instance_class: 'db.t3.micro', storage: 20, password: SECRET_SET } },
      { id: 'web', name: 'web', bundle: 'local-service@1.0.0', position: { x: 0, y: 0 }, params: { replicas: 1 } },
    ],
    edges: [],
  },
  environments: [
    environment('dev', { db: { storage: 50 } }),
    environment('staging', { db: { instance_class: 'db.r6g.large', password: SECRET_SET }, web: { replicas: 3 } }, { type: 's3', config: { bucket: 'b', key: 'staging' } }),
    environment('prod', { db: { instance_class: 'db.r6g.xlarge', storage: 50 } }),
  ],
};
const [dev, staging, prod] = project.environments as [Environment, Environment, Environment];

describe('compareEnvironments', () => {
  it('puts effective values side by side with their source, and hides identical rows when asked', () => {
    const all = compareEnvironments(project, [dev, prod]);
    expect(all.rows.map((row) => [row.node, row.param, row.cells.map((cell) => `${cell.source}:${JSON.stringify(cell.value)}`), row.identical])).toEqual([
      ['db', 'instance_class', ['node:"db.t3.micro"', 'override:"db.r6g.xlarge"'], false],
      ['db', 'password', ['node:{"$secret":"set"}', 'node:{"$secret":"set"}'], true],
      ['db', 'storage', ['override:50', 'override:50'], true],
      ['web', 'replicas', ['node:1', 'node:1'], true],
    ]);
    const differing = compareEnvironments(project, [dev, prod], { hideIdentical: true });
    expect(differing.rows.map((row) => row.param)).toEqual(['instance_class']);
    expect(differing.hiddenIdentical).toBe(3);
    expect(differing.environments).toEqual([{ id: 'dev', name: 'dev' }, { id: 'prod', name: 'prod' }]);
  });
});

describe('promoteNodeParams', () => {
  it("returns the edits that make the target plan the node as the source does, and applying them makes the rows identical", () => {
    const promotion = promoteNodeParams(project, 'db', staging, prod);
    expect(promotion.edits).toEqual([
      { kind: 'setOverride', environmentId: 'prod', nodeId: 'db', param: 'instance_class', value: 'db.r6g.large' },
      { kind: 'resetOverride', environmentId: 'prod', nodeId: 'db', param: 'storage' },
    ]);
    expect(promotion.diagnostics).toMatchObject([{ severity: 'warning', code: 'promote.secret-skipped', location: { field: 'password' } }]);
    const applied = applyEdit(project, { kind: 'batch', edits: promotion.edits });
    if (!applied.ok) throw new Error('not applied');
    const after = applied.project.environments;
    const compared = compareEnvironments(applied.project, [after[1]!, after[2]!], { hideIdentical: true });
    expect(compared.rows.filter((row) => row.nodeId === 'db').map((row) => row.param)).toEqual([]); // only db was promoted; the password rows show equal markers; their values stay apart
    expect(promoteNodeParams(applied.project, 'db', after[1]!, after[2]!).edits).toEqual([]);
  });

  it('refuses an unknown node with a diagnostic', () => {
    expect(promoteNodeParams(project, 'nope', dev, prod)).toMatchObject({ edits: [], diagnostics: [{ code: 'promote.unknown-node' }] });
  });
});

describe('forkEnvironment', () => {
  it('copies providers and overrides, but not secrets or a remote backend, and places the fork after its source', () => {
    const fork = forkEnvironment(project, staging, { id: 'staging-2', name: 'staging-2' });
    expect(fork.environment).toEqual({
      id: 'staging-2',
      name: 'staging-2',
      providers: { aws: { region: 'staging-region' } },
      overrides: { db: { instance_class: 'db.r6g.large' }, web: { replicas: 3 } },
      backend: { type: 'embedded' },
    });
    expect(fork.diagnostics).toMatchObject([{ code: 'fork.backend-not-copied' }]);
    const applied = applyEdit(project, fork.edit!);
    expect(applied.ok && applied.project.environments.map((environment) => environment.id)).toEqual(['dev', 'staging', 'staging-2', 'prod']);
    // a copy, not a shared object
    fork.environment!.providers.aws!.region = 'changed';
    expect(staging.providers.aws!.region).toBe('staging-region');
  });

  it('refuses a name already used', () => {
    expect(forkEnvironment(project, dev, { id: 'x', name: 'prod' })).toEqual({ diagnostics: [expect.objectContaining({ severity: 'error', code: 'fork.duplicate-name' })] });
  });
});
