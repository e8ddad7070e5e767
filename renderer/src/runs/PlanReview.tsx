import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';

/** After a plan: what changes per node, and Apply for exactly that plan (its run id) — never a fresh plan. */
export function PlanReview() {
  const run = useRunStore((state) => (state.reviewRunId && state.run?.id === state.reviewRunId ? state.run : undefined));
  const environment = useDiagramStore((state) => state.project?.environments.find((candidate) => candidate.id === run?.environmentId)?.name);
  if (!run) return null;
  const nodes = Object.values(run.nodes ?? {}).filter((node) => node.resources.length > 0 || node.drift.length > 0);
  const title = run.kind === 'drift' ? 'Drift check' : run.kind === 'destroy' ? 'Destroy plan' : 'Plan';
  return (
    <section className="plan-review" role="dialog" aria-label="Plan review">
      <h2>
        {title} of {environment ?? run.environmentId}
      </h2>
      {run.totals && <ChangeBadges counts={run.totals} />}
      {run.hasChanges === false && <p>No changes: the infrastructure matches the diagram.</p>}
      <ul aria-label="Changes per node">
        {nodes.map((node) => (
          <li key={node.nodeId}>
            <button type="button" className="link" onClick={() => focusNode(node.nodeId)}>
              {node.name}
            </button>{' '}
            <ChangeBadges counts={node.counts} />
            {node.drift.length > 0 && <span> · {node.drift.length} drifted</span>}
          </li>
        ))}
      </ul>
      <div className="plan-review-buttons">
        {run.kind !== 'drift' && run.hasChanges !== false && (
          <button type="button" className="primary" onClick={() => (useUiStore.getState().set({ bottomTab: 'Terminal' }), void useRunStore.getState().apply(run.id))}>
            Apply this plan
          </button>
        )}
        <button type="button" onClick={() => useRunStore.getState().closeReview()}>
          Close
        </button>
      </div>
    </section>
  );
}

function focusNode(nodeId: string) {
  useDiagramStore.getState().select([nodeId]);
}
