import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunView } from '../../core/api/areas/run';
import type { Host } from '../createHost';
import { requireBinary } from '../../../test/support/binaries';
import { importDiagram, runHost, taskDiagram } from '../../../test/support/runProjects';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`batch change across environments with real terraform ${tf.reason}`, () => {
  let host: Host;
  beforeAll(() => {
    host = runHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  const versions = async (environmentId: string): Promise<number> => {
    const result = await host.call('state.versions', { environmentId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value.length;
  };

  it('three environments → one batch of overrides, three plans side by side, nothing applied until confirmed per environment', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('batch', { one: { command: 'echo one', url: 'file:///one' }, two: { command: 'echo two', url: 'file:///two' } }, ['dev', 'staging', 'prod']));
    const ids = [environments.dev!, environments.staging!, environments.prod!];
    const changes = ids.flatMap((environmentId, index) => [
      { nodeId: 'one-id', environmentId, param: 'command', value: `echo one-${index}` },
      { nodeId: 'two-id', environmentId, param: 'name', value: `two-${index}` },
    ]);
    const result = await host.call('batch.plan', { projectId, changes });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value.applied).toBe(true);
    expect(result.value.plans.map((plan) => plan.environmentId)).toEqual(ids);
    await host.runs.idle();
    const plans: RunView[] = result.value.plans.map((plan) => host.runs.get(plan.started.run!.id));
    expect(plans.map((plan) => plan.status)).toEqual(['planned', 'planned', 'planned']);
    expect(new Set(plans.map((plan) => plan.environmentId)).size).toBe(3);
    const project = await host.call('project.get', { id: projectId });
    if (!project.ok) throw new Error(project.error.message);
    expect(project.value.project.environments.map((environment) => environment.overrides['one-id']?.command)).toEqual(['echo one-0', 'echo one-1', 'echo one-2']);
    // Each plan carries its own environment's value.
    for (const [index, plan] of plans.entries()) {
      const task = plan.nodes!['one-id']!.resources[0]!;
      expect((task.after as { input: string }).input).toBe(`echo one-${index}`);
    }
    // Nothing applied: no state, no apply run, in any environment.
    for (const environmentId of ids) {
      expect(await versions(environmentId)).toBe(0);
      expect(host.runs.list(environmentId, { kind: 'apply' }).runs).toEqual([]);
    }

    // Confirmed for dev only: dev is applied, staging and prod are untouched.
    const confirmed = await host.call('batch.apply', { runIds: [plans[0]!.id] });
    if (!confirmed.ok) throw new Error(confirmed.error.message);
    await host.runs.idle();
    expect(host.runs.get(confirmed.value.applies[0]!.run!.id).status).toBe('succeeded');
    expect(await versions(ids[0]!)).toBeGreaterThan(0);
    expect(await versions(ids[1]!)).toBe(0);
    expect(await versions(ids[2]!)).toBe(0);
    expect(host.runs.list(ids[1]!, { kind: 'apply' }).runs).toEqual([]);
    expect(host.runs.get(plans[1]!.id).status).toBe('planned');
  }, 180_000);

  it('a batch with a wrong cell writes nothing and plans nothing', async () => {
    const { projectId, environments } = await importDiagram(host, taskDiagram('batch-refused', { one: { command: 'echo one', url: 'file:///one' } }, ['dev', 'prod']));
    const result = await host.call('batch.plan', {
      projectId,
      changes: [
        { nodeId: 'one-id', environmentId: environments.dev!, param: 'command', value: 'echo changed' },
        { nodeId: 'missing-node', environmentId: environments.prod!, param: 'command', value: 'echo x' },
      ],
    });
    if (!result.ok) throw new Error(result.error.message);
    expect(result.value).toMatchObject({ applied: false, plans: [] });
    expect(result.value.diagnostics[0]!.message).toMatch(/Edit 2 of the batch/);
    const project = await host.call('project.get', { id: projectId });
    expect(project.ok && project.value.project.environments[0]!.overrides).toEqual({});
    expect(host.runs.list(environments.dev!).runs).toEqual([]);
  });
});
