import { create } from 'zustand';
import type { RunView } from '../../../src/core/api/areas/run';
import type { ApiClient } from '../../../src/core/api/client';
import type { PlanSlot } from '../operations/PlanColumn';

/** Statuses of a plan whose per-node summary is worth showing (applied and stale plans still say what they did). */
const SHOWN = new Set<RunView['status']>(['planned', 'applied', 'stale']);
const FINISHED = new Set<RunView['status']>(['planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted']);

/** Session state of the canvas's compare mode: two environments' latest plans shown at once. */
export interface PlanCompareState {
  /** The two environments compared on the canvas; absent while the canvas shows the one current run. */
  environmentIds?: readonly [string, string];
  /** Per environment: its latest plan (the same slot the Operations batch view fills), and its apply once confirmed. */
  slots: Record<string, PlanSlot>;
  /** Shows the latest plans of two environments and follows their new plans and applies until stopped. */
  compare(api: ApiClient, environmentIds: readonly [string, string]): Promise<void>;
  stop(): void;
}

export const usePlanCompareStore = create<PlanCompareState>((set, get) => {
  let unsubscribe: (() => void) | undefined;
  // Bumped by every compare/stop: answers to an older request are dropped.
  let generation = 0;

  const patch = (environmentId: string, change: Partial<PlanSlot>) =>
    set((state) => ({ slots: { ...state.slots, [environmentId]: { ...state.slots[environmentId], ...change } } }));

  const load = async (api: ApiClient, environmentId: string, asked: number) => {
    const listed = await api.call('run.list', { environmentId, kind: 'plan', limit: 50 });
    if (asked !== generation) return;
    if (!listed.ok) return patch(environmentId, { message: listed.error.message });
    const latest = listed.value.runs.find((run) => SHOWN.has(run.status));
    if (!latest) return patch(environmentId, { plan: undefined, message: 'No plan yet: choose this environment and press Plan.' });
    const full = await api.call('run.get', { runId: latest.id });
    if (asked !== generation) return;
    patch(environmentId, full.ok ? { plan: full.value, message: undefined } : { message: full.error.message });
  };

  // A finished run of a compared environment: a new plan replaces the shown one; an apply of the shown plan is noted.
  const follow = async (api: ApiClient, runId: string, asked: number) => {
    const answer = await api.call('run.get', { runId });
    if (!answer.ok || asked !== generation) return;
    const run = answer.value;
    if (!get().environmentIds?.includes(run.environmentId)) return;
    if (run.kind === 'plan' && SHOWN.has(run.status)) patch(run.environmentId, { plan: run, apply: undefined, message: undefined });
    if (run.kind === 'apply' && run.planRunId && run.planRunId === get().slots[run.environmentId]?.plan?.id) {
      patch(run.environmentId, { apply: run });
      await load(api, run.environmentId, asked);
    }
  };

  return {
    slots: {},
    async compare(api, environmentIds) {
      unsubscribe?.();
      const asked = ++generation;
      set({ environmentIds, slots: {} });
      unsubscribe = api.subscribe('run.status', ({ runId, environmentId, status }) => {
        if (FINISHED.has(status) && environmentIds.includes(environmentId)) void follow(api, runId, asked);
      });
      await Promise.all(environmentIds.map((environmentId) => load(api, environmentId, asked)));
    },
    stop() {
      unsubscribe?.();
      unsubscribe = undefined;
      generation++;
      set({ environmentIds: undefined, slots: {} });
    },
  };
});
