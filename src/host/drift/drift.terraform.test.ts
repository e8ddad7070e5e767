import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DriftReport } from '../../core/api/areas/drift';
import type { RunView } from '../../core/api/areas/run';
import type { Host } from '../createHost';
import { requireBinary } from '../../../test/support/binaries';
import { importDiagram, runHost, settledRun, taskDiagram } from '../../../test/support/runProjects';
import { backendRequest } from '../../../test/support/stateClient';

const tf = requireBinary('terraform');

describe.skipIf(!tf.available)(`drift: check, Accept and Revert with real terraform ${tf.reason}`, () => {
  let host: Host;
  beforeAll(() => {
    host = runHost();
  });
  afterAll(async () => {
    await host?.close();
  });

  const settled = (run: RunView | undefined): Promise<RunView> => settledRun(host, run);

  async function check(projectId: string, environmentId: string): Promise<DriftReport> {
    const result = await host.call('drift.check', { projectId, environmentId });
    if (!result.ok) throw new Error(result.error.message);
    return result.value;
  }

  /** A project of one local-exec task, applied: the command is what terraform_data records as `input`. */
  async function applied(name: string): Promise<{ projectId: string; environmentId: string }> {
    const { projectId, environments } = await importDiagram(host, taskDiagram(name, { one: { command: 'echo one', url: 'file:///one' } }));
    const environmentId = environments.dev!;
    const plan = await settled((await host.runs.plan({ projectId, environmentId })).run);
    expect((await settled(host.runs.apply(plan.id).run)).status).toBe('succeeded');
    return { projectId, environmentId };
  }

  /** Changes the recorded state outside Driftless: POSTs the state with the task's input changed, the next serial, same lineage. */
  async function changeStateOutside(environmentId: string, command: string): Promise<void> {
    const backend = await host.state.backend();
    const current = await backendRequest(backend.addressOf(environmentId), 'GET', { auth: backend });
    expect(current.status).toBe(200);
    const state = current.json() as { serial: number; lineage: string; resources: { type: string; instances: { attributes: Record<string, { value: unknown; type: unknown }> }[] }[] };
    const task = state.resources.find((resource) => resource.type === 'terraform_data')!.instances[0]!.attributes;
    task.input!.value = command;
    task.output!.value = command;
    state.serial += 1;
    const posted = await backendRequest(backend.addressOf(environmentId), 'POST', { auth: backend, body: JSON.stringify(state) });
    expect(posted.status).toBe(200);
  }

  async function cleanPlan(projectId: string, environmentId: string): Promise<RunView> {
    const plan = await settled((await host.runs.plan({ projectId, environmentId })).run);
    expect(plan.status).toBe('planned');
    expect(plan.hasChanges).toBe(false);
    return plan;
  }

  it('no drift right after an apply; a state changed through the backend is found on its node with the param it came from; Accept with the param edit leaves a clean plan', async () => {
    const { projectId, environmentId } = await applied('drift-accept');
    const quiet = await check(projectId, environmentId);
    expect(quiet).toMatchObject({ ok: true, drifted: false, nodes: {}, suggestions: [] });

    const events: DriftReport[] = [];
    const unsubscribe = host.events.subscribe('drift.checked', (report) => events.push(report));
    await changeStateOutside(environmentId, 'echo hotfix');
    const report = await check(projectId, environmentId);
    unsubscribe();
    expect(events.map((event) => event.planRunId)).toEqual([report.planRunId]);
    expect(report).toMatchObject({ ok: true, drifted: true });
    expect(Object.keys(report.nodes)).toEqual(['one-id']);
    expect(report.nodes['one-id']).toEqual([{ address: 'module.one.terraform_data.task', type: 'terraform_data', source: 'state', attributes: ['input'] }]);
    // output follows input (unknown until apply), so input alone differs and traces to `command`; the only environment → setParam.
    expect(report.suggestions).toEqual([
      expect.objectContaining({ nodeId: 'one-id', param: 'command', from: 'echo one', to: 'echo hotfix', edit: { kind: 'setParam', id: 'one-id', param: 'command', value: 'echo hotfix' } }),
    ]);

    // Confirmed: the refresh-only plan is applied and the param takes the value reality has.
    const accepted = await host.call('drift.accept', { driftRunId: report.driftRunId, planRunId: report.planRunId, applyParamEdits: true });
    if (!accepted.ok) throw new Error(accepted.error.message);
    expect(accepted.value.paramEditsApplied).toBe(true);
    expect((await settled(accepted.value.apply.run)).status).toBe('succeeded');
    const project = await host.call('project.get', { id: projectId });
    expect(project.ok && project.value.project.diagram.nodes[0]!.params.command).toBe('echo hotfix');
    await cleanPlan(projectId, environmentId);
    expect((await check(projectId, environmentId)).drifted).toBe(false);
  }, 180_000);

  it('Accept without confirmation applies the refresh-only plan only and offers the edit; Revert applies the normal plan and leaves a clean plan', async () => {
    const { projectId, environmentId } = await applied('drift-revert');
    await changeStateOutside(environmentId, 'echo manual');
    const first = await check(projectId, environmentId);
    const offered = await host.call('drift.accept', { driftRunId: first.driftRunId, planRunId: first.planRunId });
    if (!offered.ok) throw new Error(offered.error.message);
    expect(offered.value.paramEditsApplied).toBe(false);
    expect(offered.value.suggestions.map((suggestion) => suggestion.to)).toEqual(['echo manual']);
    expect((await settled(offered.value.apply.run)).status).toBe('succeeded');
    const project = await host.call('project.get', { id: projectId });
    expect(project.ok && project.value.project.diagram.nodes[0]!.params.command).toBe('echo one');

    const report = await check(projectId, environmentId);
    expect(report.drifted).toBe(true);
    const reverted = await host.call('drift.revert', { planRunId: report.planRunId });
    if (!reverted.ok) throw new Error(reverted.error.message);
    expect((await settled(reverted.value.run)).status).toBe('succeeded');
    await cleanPlan(projectId, environmentId);
    const backend = await host.state.backend();
    const state = (await backendRequest(backend.addressOf(environmentId), 'GET', { auth: backend })).json() as { resources: { instances: { attributes: { input: { value: string } } }[] }[] };
    expect(state.resources[0]!.instances[0]!.attributes.input.value).toBe('echo one');
    // A drift run is not a plan: Revert refuses it.
    expect(await host.call('drift.revert', { planRunId: report.driftRunId })).toMatchObject({ ok: false, error: { code: 'conflict' } });
  }, 180_000);
});
