import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../core/api/areas/run';
import type { Host } from '../createHost';
import { requireBinary } from '../../../test/support/binaries';
import { exampleText, importDiagram, runHost, settledRun } from '../../../test/support/runProjects';

const tf = requireBinary('terraform');

// examples/local-stack: network → database → api → config is a chain; network → api beside
// network → database → api is a diamond; queue and api_key also feed api but depend on nothing.
describe.skipIf(!tf.available)(`destroy with dependents with real terraform ${tf.reason}`, () => {
  let host: Host;
  let projectId: string;
  let environmentId: string;
  beforeAll(async () => {
    host = runHost();
    const imported = await importDiagram(host, exampleText('local-stack'));
    projectId = imported.projectId;
    environmentId = imported.environments.dev!;
    expect((await host.call('secret.set', { projectId, nodeId: 'database', param: 'password', value: 'example-password-1', environmentId })).ok).toBe(true);
    const plan = await settled((await host.runs.plan({ projectId, environmentId })).run);
    expect((await settled(host.runs.apply(plan.id).run)).status).toBe('succeeded');
  }, 180_000);
  afterAll(async () => {
    await host?.close();
  });

  const settled = (run: RunView | undefined): Promise<RunView> => settledRun(host, run);

  const stateVersions = async (): Promise<number> => {
    const versions = await host.call('state.versions', { environmentId });
    if (!versions.ok) throw new Error(versions.error.message);
    return versions.value.length;
  };

  /** Plans the destroy of destroyTargets(node); asserts it deletes exactly those nodes' resources and applies nothing. */
  async function plannedDestroy(nodeId: string, expected: string[]): Promise<RunView> {
    const targets = await host.call('environment.destroyTargets', { projectId, nodeId });
    if (!targets.ok) throw new Error(targets.error.message);
    expect([...targets.value.nodeIds].sort()).toEqual([...expected].sort());
    const versionsBefore = await stateVersions();
    const appliesBefore = host.runs.list(environmentId, { kind: 'apply' }).runs.length;
    const plan = await settled((await host.runs.destroy({ projectId, environmentId, target: { nodeId, mode: 'with-dependents' } })).run);
    expect(plan).toMatchObject({ status: 'planned', kind: 'destroy' });
    const deleting = Object.entries(plan.nodes!).filter(([, node]) => node.counts.delete > 0).map(([id]) => id);
    expect(deleting.sort()).toEqual([...expected].sort());
    for (const id of expected) {
      const node = plan.nodes![id]!;
      expect(node.resources.length).toBeGreaterThan(0);
      expect(node.resources.every((resource) => resource.kind === 'delete')).toBe(true);
    }
    const outside = Object.entries(plan.nodes!).filter(([id]) => !expected.includes(id));
    expect(outside.flatMap(([, node]) => node.resources.filter((resource) => resource.kind !== 'no-op'))).toEqual([]);
    // Planned, shown, not applied: no new state version, no apply run.
    expect(await stateVersions()).toBe(versionsBefore);
    expect(host.runs.list(environmentId, { kind: 'apply' }).runs.length).toBe(appliesBefore);
    return plan;
  }

  it('chain: destroying database takes api and config with it, nothing else, and nothing is applied', async () => {
    const plan = await plannedDestroy('database', ['database', 'api', 'config']);
    expect(plan.command.filter((argument) => argument.startsWith('-target=')).sort()).toEqual(['-target=module.api', '-target=module.config', '-target=module.database']);
  }, 120_000);

  it('diamond: destroying network takes database, api and config (api once) but not queue or api_key; applied only with the plan id', async () => {
    const plan = await plannedDestroy('network', ['network', 'database', 'api', 'config']);
    const applied = await settled(host.runs.apply(plan.id).run);
    expect(applied).toMatchObject({ status: 'succeeded', planRunId: plan.id });
    // What is left is exactly the two nodes outside the closure: the next plan recreates the four.
    const next = await settled((await host.runs.plan({ projectId, environmentId })).run);
    const creating = Object.entries(next.nodes!).filter(([, node]) => node.counts.create > 0).map(([id]) => id);
    expect(creating.sort()).toEqual(['api', 'config', 'database', 'network']);
    expect(next.nodes!.queue!.counts.create + next.nodes!.apikey!.counts.create).toBe(0);
  }, 180_000);
});
