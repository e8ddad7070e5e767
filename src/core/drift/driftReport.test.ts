import { describe, expect, it } from 'vitest';
import type { RunView } from '../api/areas/run';
import type { Project } from '../model/diagram';
import { emptyCounts } from '../terraform/actions';
import { driftReport } from './driftReport';

const project: Project = {
  id: 'p',
  name: 'p',
  diagram: { nodes: [{ id: 'db', name: 'db', bundle: 'rds@1.0.0', position: { x: 0, y: 0 }, params: { instance_class: 'db.t3.micro', port: 5432, name: 'app', alias: 'app' } }], edges: [] },
  environments: [
    { id: 'dev', name: 'dev', providers: {}, overrides: {}, backend: { type: 'embedded' } },
    { id: 'prod', name: 'prod', providers: {}, overrides: { db: { instance_class: 'db.r6g.large' } }, backend: { type: 'embedded' } },
  ],
} as Project;

const change = (before: unknown, after: unknown, kind = 'update') => ({
  address: 'module.db.aws_db_instance.this', type: 'aws_db_instance', name: 'this', mode: 'managed', actions: [kind], kind, before, after, unknownPaths: [],
});

function run(id: string, kind: RunView['kind'], nodes: RunView['nodes'], extra: Partial<RunView> = {}): RunView {
  return { id, kind, status: 'planned', environmentId: 'prod', command: [], moduleHash: 'h1', nodes, ...extra } as RunView;
}
const node = (drift: unknown[], resources: unknown[] = []) => ({ db: { nodeId: 'db', name: 'db', counts: emptyCounts(), drift, resources } }) as unknown as RunView['nodes'];

describe('driftReport', () => {
  it('refresh drift traces an attribute to the override it came from (setOverride); masked and ambiguous attributes are not suggested', () => {
    const before = { instance_class: 'db.r6g.large', port: 5432, identifier: 'app', password: '(sensitive value)' };
    const after = { instance_class: 'db.r6g.xlarge', port: 5432, identifier: 'app-renamed', password: '(sensitive value)' };
    const report = driftReport({ project, environmentId: 'prod', driftRun: run('d', 'drift', node([change(before, after)])), planRun: run('n', 'plan', {}) }, 'now');
    expect(report).toMatchObject({ ok: true, drifted: true });
    expect(report.nodes.db).toEqual([{ address: 'module.db.aws_db_instance.this', type: 'aws_db_instance', source: 'outside', attributes: ['identifier', 'instance_class'] }]);
    // identifier "app" matches both `name` and `alias`: ambiguous, skipped.
    expect(report.suggestions.map(({ param, from, to, edit }) => ({ param, from, to, edit }))).toEqual([
      { param: 'instance_class', from: 'db.r6g.large', to: 'db.r6g.xlarge', edit: { kind: 'setOverride', environmentId: 'prod', nodeId: 'db', param: 'instance_class', value: 'db.r6g.xlarge' } },
    ]);
  });

  it('normal plan changes count as drift only when the diagram is unchanged since the last apply', () => {
    const planRun = run('n', 'plan', node([], [change({ port: 6543 }, { port: 5432 })]));
    const driftRun = run('d', 'drift', node([]));
    expect(driftReport({ project, environmentId: 'prod', driftRun, planRun, lastAppliedHash: 'other' }, 'now').drifted).toBe(false);
    expect(driftReport({ project, environmentId: 'prod', driftRun, planRun }, 'now').drifted).toBe(false);
    const report = driftReport({ project, environmentId: 'prod', driftRun, planRun, lastAppliedHash: 'h1' }, 'now');
    expect(report.nodes.db![0]).toMatchObject({ source: 'state', attributes: ['port'] });
    expect(report.suggestions[0]).toMatchObject({ param: 'port', from: 5432, to: 6543, edit: { kind: 'setOverride', environmentId: 'prod' } });
  });

  it('traces a changed leaf inside an object attribute (input.port) to its param; the same leaf in output is one suggestion', () => {
    const recorded = { input: { host: 'app.local', port: 5432 }, output: { host: 'app.local', port: 5432 } };
    const reality = { input: { host: 'app.local', port: 6000 }, output: { host: 'app.local', port: 6000 } };
    const report = driftReport({ project, environmentId: 'dev', driftRun: run('d', 'drift', node([change(recorded, reality)])), planRun: run('n', 'plan', {}) }, 'now');
    expect(report.nodes.db![0]!.attributes).toEqual(['input', 'output']);
    expect(report.suggestions).toEqual([
      expect.objectContaining({ param: 'port', attribute: 'input.port', from: 5432, to: 6000, edit: { kind: 'setOverride', environmentId: 'dev', nodeId: 'db', param: 'port', value: 6000 } }),
    ]);
  });

  it('a planned change whose differing values are all unknown until apply follows drift elsewhere: not drift of its own', () => {
    const knockOn = { ...change({ host: 'app.local', port: 5432 }, { port: 5432 }), address: 'module.db.terraform_data.follower', unknownPaths: [['host']] };
    const own = { ...change({ port: 6543, output: 1 }, { port: 5432 }), unknownPaths: [['output']] };
    const planRun = run('n', 'plan', node([], [knockOn, own]));
    const report = driftReport({ project, environmentId: 'prod', driftRun: run('d', 'drift', node([])), planRun, lastAppliedHash: 'h1' }, 'now');
    expect(report.nodes.db).toEqual([{ address: 'module.db.aws_db_instance.this', type: 'aws_db_instance', source: 'state', attributes: ['port'] }]);
  });

  it('a failed run gives no report but what to do', () => {
    const report = driftReport({ project, environmentId: 'prod', driftRun: run('d', 'drift', {}, { status: 'failed', message: 'boom' }), planRun: run('n', 'plan', {}) }, 'now');
    expect(report).toMatchObject({ ok: false, drifted: false, nodes: {} });
    expect(report.message).toMatch(/drift run d ended failed: boom\. Read its output/);
  });
});
