import type { RunTarget } from '../../../src/core/api/areas/run';
import { actionCancelRun, actionDestroy, actionDrift, actionPlan } from '../actions/actionRuns';
import { runAction } from '../actions/registry';
import { useActionContext } from '../actions/useActionContext';
import { useDiagramStore } from '../state/diagramStore';
import { KillConfirm } from './KillConfirm';
import { LockLeft } from './LockLeft';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';
import { useRunEnvironment } from '../state/useRunEnvironment';

const modeText = { node: '', 'with-dependencies': ' and what it depends on', 'with-dependents': ' and what depends on it' } as const;

/** A targeted run: which node it was limited to. */
function TargetNote({ target }: { target: RunTarget }) {
  const name = useDiagramStore((state) => state.project?.diagram.nodes.find((node) => node.id === target.nodeId)?.name ?? target.nodeId);
  return <span className="run-target"> · only {name}{modeText[target.mode]}</span>;
}

/** Top bar: plan / apply / destroy / drift of the current environment, the run's status and the plan's totals. */
export function RunBar() {
  const context = useActionContext();
  const run = useRunStore((state) => state.run);
  const message = useRunStore((state) => state.message);
  const environmentName = useRunEnvironment()?.name;
  const current = context();
  const buttons = [actionPlan, actionDestroy, actionDrift, actionCancelRun];
  return (
    <div className="run-bar" role="toolbar" aria-label={`Runs of ${environmentName ?? 'no environment'}`}>
      {buttons.map((action) => (
        <button
          key={action.name}
          type="button"
          disabled={action.enabled ? !action.enabled(current) : false}
          title={`${action.label} ${environmentName ?? ''} (${action.shortcut})`}
          onClick={() => runAction(action, context())}
        >
          {action.label}
        </button>
      ))}
      {run?.status === 'planned' && (
        <button type="button" onClick={() => useRunStore.setState({ reviewRunId: run.id })}>
          Review plan
        </button>
      )}
      {run && (
        <span className="run-state" role="status" aria-label="Run status">
          {run.kind} {run.status}
          {run.target && <TargetNote target={run.target} />}
          {run.totals && <ChangeBadges counts={run.totals} className="totals" />}
          {run.totals && run.hasChanges === false && ' · no changes'}
        </span>
      )}
      {run && <LockLeft run={run} />}
      {message && (
        <span className="run-message" role="alert" title={message}>
          {message}
        </span>
      )}
      <KillConfirm />
    </div>
  );
}
