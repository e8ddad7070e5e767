import { ChangeBadges } from '../runs/Totals';
import { usePlanCompareStore } from './planCompareStore';

/** Top bar, compare mode: one environment's plan totals, labelled with its name. */
export function PlanTotals({ environmentId, name }: { environmentId: string; name: string }) {
  const slot = usePlanCompareStore((state) => state.slots[environmentId]);
  const plan = slot?.plan;
  return (
    <span className="plan-totals" role="status" aria-label={`Plan totals of ${name}`} title={slot?.message ?? (plan ? `plan ${plan.status}` : undefined)}>
      <span className="compare-environment">{name}</span>
      {plan?.totals && <ChangeBadges counts={plan.totals} />}
      {plan && plan.hasChanges === false && <span className="compare-quiet">no changes</span>}
      {!plan && <span className="compare-quiet">{slot?.message ? 'no plan' : '…'}</span>}
    </span>
  );
}
