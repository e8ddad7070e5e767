import { useEffect, useRef, useState } from 'react';
import type { RunView } from '../../../src/core/api/areas/run';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';
import { PlanColumn, type PlanSlot } from './PlanColumn';

const FINISHED = new Set(['planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted']);

/** Plans every affected environment and shows the plans side by side; each is applied only on its own confirmation. */
export function BatchPlans({ projectId, environmentIds }: { projectId: string; environmentIds: string[] }) {
  const api = useApi();
  const environments = useDiagramStore((state) => state.project?.environments ?? []);
  const [slots, setSlots] = useState<Record<string, PlanSlot>>({});
  // Which environment each started run (plan or apply) belongs to; status events are matched through it.
  const tracked = useRef<(environmentId: string, run: RunView) => void>(undefined);

  useEffect(() => {
    let live = true;
    const byRun = new Map<string, string>();
    const update = (environmentId: string, patch: Partial<PlanSlot>) => live && setSlots((all) => ({ ...all, [environmentId]: { ...all[environmentId], ...patch } }));
    const refresh = async (runId: string) => {
      const environmentId = byRun.get(runId);
      if (!environmentId) return;
      const answer = await api.call('run.get', { runId });
      if (!answer.ok) return update(environmentId, { message: answer.error.message });
      const run = answer.value;
      update(environmentId, run.kind === 'apply' ? { apply: run } : { plan: run });
    };
    const off = api.subscribe('run.status', ({ runId, status }) => {
      if (FINISHED.has(status)) void refresh(runId);
      else {
        const environmentId = byRun.get(runId);
        if (environmentId) setSlots((all) => patchStatus(all, environmentId, runId, status));
      }
    });
    const track = (environmentId: string, run: RunView) => {
      byRun.set(run.id, environmentId);
      if (FINISHED.has(run.status)) void refresh(run.id);
    };
    // Waits until every edit has reached the host, so the plans see the changed overrides.
    const saved = () =>
      new Promise<void>((resolve) => {
        if (useDiagramStore.getState().pending === 0) return resolve();
        const stop = useDiagramStore.subscribe((state) => state.pending === 0 && (stop(), resolve()));
      });
    void saved().then(async () => {
      for (const environmentId of environmentIds) {
        update(environmentId, { message: undefined });
        const answer = await api.call('run.plan', { projectId, environmentId });
        if (!answer.ok) update(environmentId, { message: answer.error.message });
        else if (!answer.value.run) update(environmentId, { message: `Not planned: ${answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}` });
        else {
          update(environmentId, { plan: answer.value.run });
          track(environmentId, answer.value.run);
        }
      }
    });
    tracked.current = track;
    return () => {
      live = false;
      off();
    };
  }, [api, projectId, environmentIds]);

  const apply = async (environmentId: string, planRunId: string) => {
    setSlots((all) => ({ ...all, [environmentId]: { ...all[environmentId], applying: true } }));
    const answer = await api.call('run.apply', { runId: planRunId });
    const slot = (patch: Partial<PlanSlot>) => setSlots((all) => ({ ...all, [environmentId]: { ...all[environmentId], ...patch } }));
    if (!answer.ok) return slot({ message: answer.error.message, applying: false });
    if (!answer.value.run) return slot({ message: `Not applied: ${answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}`, applying: false });
    slot({ apply: answer.value.run });
    tracked.current?.(environmentId, answer.value.run);
  };

  return (
    <section aria-label="Plans of affected environments" className="plans-side-by-side">
      {environmentIds.map((environmentId) => (
        <PlanColumn
          key={environmentId}
          name={environments.find((environment) => environment.id === environmentId)?.name ?? environmentId}
          slot={slots[environmentId] ?? {}}
          onApply={(planRunId) => void apply(environmentId, planRunId)}
        />
      ))}
    </section>
  );
}

function patchStatus(all: Record<string, PlanSlot>, environmentId: string, runId: string, status: RunView['status']): Record<string, PlanSlot> {
  const slot = all[environmentId] ?? {};
  if (slot.plan?.id === runId) return { ...all, [environmentId]: { ...slot, plan: { ...slot.plan, status } } };
  if (slot.apply?.id === runId) return { ...all, [environmentId]: { ...slot, apply: { ...slot.apply, status } } };
  return all;
}
