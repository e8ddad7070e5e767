import { useEffect, useState } from 'react';
import type { DriftReport } from '../../../src/core/api/areas/drift';
import type { RunView } from '../../../src/core/api/areas/run';
import type { ChangeCounts } from '../../../src/core/terraform/actions';
import { useApi } from '../api/ApiContext';
import { InlineConfirm } from './InlineConfirm';
import { runFinished, useWatchedRun } from './useWatchedRun';

const countsText = (counts: ChangeCounts) =>
  Object.entries(counts).filter(([kind, count]) => kind !== 'no-op' && count > 0).map(([kind, count]) => `${count} to ${kind}`).join(', ') || 'no changes';

/** Revert: the check's normal plan, shown for review, applied only after confirmation. */
export function DriftRevert({ report, environment, disabled, onStarted }: { report: DriftReport; environment: string; disabled: boolean; onStarted(): void }) {
  const api = useApi();
  const [plan, setPlan] = useState<RunView>();
  const [reviewing, setReviewing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<RunView>();
  const [message, setMessage] = useState<string>();
  const run = useWatchedRun(started);
  useEffect(() => {
    if (!reviewing) return;
    void api.call('run.get', { runId: report.planRunId }).then((answer) => (answer.ok ? setPlan(answer.value) : setMessage(answer.error.message)));
  }, [api, reviewing, report.planRunId]);
  const revert = async () => {
    setConfirming(false);
    const answer = await api.call('drift.revert', { planRunId: report.planRunId });
    if (!answer.ok) return setMessage(answer.error.message);
    if (!answer.value.run) return setMessage(`Not reverted: ${answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}`);
    setStarted(answer.value.run);
    onStarted();
  };
  const nodes = Object.values(plan?.nodes ?? {}).filter((node) => node.resources.some((resource) => resource.kind !== 'no-op'));
  const succeeded = run?.status === 'succeeded' || run?.status === 'applied';
  return (
    <article className="plan-column" aria-label={`Revert drift in ${environment}`}>
      <h4>Revert — put back what the diagram says</h4>
      <p className="operations-note">Applies the plan made with the check: the infrastructure changes back to the diagram.</p>
      {!reviewing && !started && (
        <button type="button" onClick={() => setReviewing(true)} disabled={disabled}>
          Review the revert plan…
        </button>
      )}
      {reviewing && plan && (
        <div role="region" aria-label={`Revert plan of ${environment}`}>
          <p>{plan.totals ? countsText(plan.totals) : `plan ${plan.status}`}</p>
          <ul>
            {nodes.map((node) => (
              <li key={node.nodeId}>
                <strong>{node.name}</strong>: {countsText(node.counts)}
                <ul>
                  {node.resources
                    .filter((resource) => resource.kind !== 'no-op')
                    .map((resource) => (
                      <li key={resource.address}>
                        {resource.kind} <code>{resource.address}</code>
                      </li>
                    ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {reviewing && plan?.status === 'planned' && !started && !confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={disabled}>
          Revert {environment}…
        </button>
      )}
      {reviewing && plan && plan.status !== 'planned' && !started && <p className="operations-note">This plan is {plan.status}: check again for a fresh one.</p>}
      {confirming && (
        <InlineConfirm label={`Confirm revert in ${environment}`} confirmText="Confirm revert" onConfirm={() => void revert()} onCancel={() => setConfirming(false)}>
          Apply exactly this plan to {environment}?
        </InlineConfirm>
      )}
      {message && <p className="operations-message">{message}</p>}
      {run && (
        <p role="status" aria-label={`Revert status of ${environment}`}>
          {!runFinished(run) ? 'Applying the revert plan…' : succeeded ? `Reverted: ${environment} matches the diagram again.` : `Revert ${run.status}${run.message ? `: ${run.message}` : ''}`}
        </p>
      )}
    </article>
  );
}
