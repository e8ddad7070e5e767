import { afterEach, describe, expect, it } from 'vitest';
import type { RunView } from '../../../src/core/api/areas/run';
import type { ApiClient } from '../../../src/core/api/client';
import { emptyCounts } from '../../../src/core/terraform/actions';
import { usePlanCompareStore } from './planCompareStore';

type StatusListener = (payload: { runId: string; environmentId: string; status: RunView['status']; nodes: Record<string, never> }) => void;

/** An in-memory stand-in for the host's run.list / run.get and the run.status event: the store's whole transport. */
function runsHost(initial: RunView[]) {
  const runs = [...initial];
  const listeners = new Set<StatusListener>();
  let gate: Promise<void> = Promise.resolve();
  const api = {
    async call(method: string, request: Record<string, unknown>) {
      await gate;
      if (method === 'run.list') {
        const listed = runs.filter((run) => run.environmentId === request.environmentId && run.kind === request.kind).reverse();
        return { ok: true, value: { runs: listed.map(({ nodes: _nodes, ...rest }) => rest) } };
      }
      if (method === 'run.get') {
        const run = runs.find((candidate) => candidate.id === request.runId);
        return run ? { ok: true, value: run } : { ok: false, error: { code: 'not-found', message: `No run ${String(request.runId)}.` } };
      }
      throw new Error(`unexpected call ${method}`);
    },
    subscribe(_event: string, listener: StatusListener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  } as unknown as ApiClient;
  return {
    api,
    listeners,
    /** Adds a finished run and announces it as the host does. */
    finish(run: RunView) {
      runs.push(run);
      for (const listener of listeners) listener({ runId: run.id, environmentId: run.environmentId, status: run.status, nodes: {} });
    },
    /** Holds every answer until the returned function is called. */
    hold(): () => void {
      let release = () => undefined as void;
      gate = new Promise<void>((resolve) => (release = resolve));
      return release;
    },
  };
}

function plan(id: string, environmentId: string, status: RunView['status'], create = 1): RunView {
  const counts = { ...emptyCounts(), create };
  return { id, environmentId, kind: 'plan', status, command: ['plan'], totals: counts, nodes: { network: { nodeId: 'network', name: 'network', counts, resources: [], drift: [] } } };
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

afterEach(() => usePlanCompareStore.getState().stop());

describe('plan compare store', () => {
  it("shows each environment's newest plan that finished planning, and says when one has none", async () => {
    const host = runsHost([plan('p1', 'dev', 'planned', 1), plan('p2', 'dev', 'failed', 5), plan('p3', 'prod', 'cancelled')]);
    await usePlanCompareStore.getState().compare(host.api, ['dev', 'prod']);
    const { slots, environmentIds } = usePlanCompareStore.getState();
    expect(environmentIds).toEqual(['dev', 'prod']);
    expect(slots.dev?.plan?.id).toBe('p1');
    expect(slots.dev?.plan?.nodes?.network?.counts.create).toBe(1);
    expect(slots.prod?.plan).toBeUndefined();
    expect(slots.prod?.message).toMatch(/No plan yet/);
  });

  it('follows a new plan of a compared environment and ignores other environments', async () => {
    const host = runsHost([plan('p1', 'dev', 'planned', 1), plan('p2', 'prod', 'planned', 1)]);
    await usePlanCompareStore.getState().compare(host.api, ['dev', 'prod']);
    host.finish(plan('p4', 'prod', 'planned', 3));
    host.finish(plan('p5', 'staging', 'planned', 9));
    await settle();
    const { slots } = usePlanCompareStore.getState();
    expect(slots.prod?.plan?.id).toBe('p4');
    expect(slots.prod?.plan?.totals?.create).toBe(3);
    expect(slots.dev?.plan?.id).toBe('p1');
    expect(slots.staging).toBeUndefined();
  });

  it('notes the apply of the shown plan', async () => {
    const host = runsHost([plan('p1', 'dev', 'planned'), plan('p2', 'prod', 'planned')]);
    await usePlanCompareStore.getState().compare(host.api, ['dev', 'prod']);
    host.finish({ id: 'a1', environmentId: 'dev', kind: 'apply', status: 'applied', command: ['apply'], planRunId: 'p1' });
    await settle();
    await settle();
    expect(usePlanCompareStore.getState().slots.dev?.apply?.id).toBe('a1');
  });

  it('drops answers that arrive after the comparison stopped, and stops listening', async () => {
    const host = runsHost([plan('p1', 'dev', 'planned'), plan('p2', 'prod', 'planned')]);
    const release = host.hold();
    const started = usePlanCompareStore.getState().compare(host.api, ['dev', 'prod']);
    usePlanCompareStore.getState().stop();
    release();
    await started;
    expect(usePlanCompareStore.getState()).toMatchObject({ environmentIds: undefined, slots: {} });
    expect(host.listeners.size).toBe(0);
  });
});
