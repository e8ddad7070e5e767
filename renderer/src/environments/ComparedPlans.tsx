import { PlanColumn } from '../operations/PlanColumn';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { usePlanCompareStore } from './planCompareStore';

/** Compare mode, nothing selected: both plans' per-node summaries (the Operations batch columns), each applied only on its own confirmation. */
export function ComparedPlans() {
  const pair = usePlanCompareStore((state) => state.environmentIds);
  const slots = usePlanCompareStore((state) => state.slots);
  const environments = useDiagramStore((state) => state.project?.environments);
  if (!pair) return null;
  const apply = (planRunId: string) => {
    useUiStore.getState().set({ bottomTab: 'Terminal' });
    void useRunStore.getState().apply(planRunId);
  };
  return (
    <section className="compared-plans" aria-label="Compared plans">
      {pair.map((environmentId) => (
        <PlanColumn
          key={environmentId}
          name={environments?.find((environment) => environment.id === environmentId)?.name ?? environmentId}
          slot={slots[environmentId] ?? {}}
          onApply={apply}
        />
      ))}
    </section>
  );
}
