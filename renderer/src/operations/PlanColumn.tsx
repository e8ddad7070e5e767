import { useState } from 'react';
import type { RunView } from '../../../src/core/api/areas/run';
import type { ChangeCounts } from '../../../src/core/terraform/actions';
import { InlineConfirm } from './InlineConfirm';

/** One environment's plan (and, once confirmed, its apply) in the side-by-side view. */
export interface PlanSlot {
  plan?: RunView;
  apply?: RunView;
  message?: string;
  applying?: boolean;
}

const countsText = (counts: ChangeCounts | undefined) =>
  counts ? Object.entries(counts).filter(([kind, count]) => kind !== 'no-op' && count > 0).map(([kind, count]) => `${count} to ${kind}`).join(', ') || 'no changes' : '';

/** A plan's per-node summary with its own "apply" that asks for confirmation first. */
export function PlanColumn({ name, slot, onApply }: { name: string; slot: PlanSlot; onApply(planRunId: string): void }) {
  const [confirming, setConfirming] = useState(false);
  const { plan, apply } = slot;
  const nodes = Object.values(plan?.nodes ?? {});
  return (
    <article className="plan-column" aria-label={`Plan of ${name}`}>
      <h4>{name}</h4>
      <p role="status" aria-label={`Plan status of ${name}`}>
        {plan ? `plan ${plan.status}` : slot.message ? 'not planned' : 'starting…'}
        {plan?.totals ? ` · ${countsText(plan.totals)}` : ''}
      </p>
      {slot.message && <p className="operations-message">{slot.message}</p>}
      {plan?.message && <p className="operations-message">{plan.message}</p>}
      {nodes.length > 0 && (
        <ul aria-label={`Changes per node in ${name}`}>
          {nodes.map((node) => (
            <li key={node.nodeId}>
              <strong>{node.name}</strong>: {countsText(node.counts)}
            </li>
          ))}
        </ul>
      )}
      {plan?.status === 'planned' && !apply && !confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={slot.applying}>
          Apply to {name}…
        </button>
      )}
      {plan?.status === 'planned' && !apply && confirming && (
        <InlineConfirm label={`Confirm apply to ${name}`} confirmText={`Confirm apply to ${name}`} disabled={slot.applying} onConfirm={() => onApply(plan.id)} onCancel={() => setConfirming(false)}>
          Apply exactly this plan to {name}?
        </InlineConfirm>
      )}
      {apply && (
        <p role="status" aria-label={`Apply status of ${name}`}>
          apply {apply.status}
          {apply.message ? `: ${apply.message}` : ''}
        </p>
      )}
    </article>
  );
}
