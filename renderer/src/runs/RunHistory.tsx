import { useEffect, useState } from 'react';
import type { RunView } from '../../../src/core/api/areas/run';
import { runEnvironment } from '../actions/runTarget';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { LockLeft } from './LockLeft';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';

const seconds = (ms?: number) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');

/** The runs of the current environment, newest first: replay output, show a plan, release a lock a run left. */
export function RunHistory() {
  const environment = useDiagramStore((state) => runEnvironment({ diagram: state, ui: useUiStore.getState() }));
  useUiStore((state) => state.environmentId);
  const version = useRunStore((state) => state.historyVersion);
  const api = useRunStore((state) => state.api);
  const [runs, setRuns] = useState<RunView[]>([]);
  const [error, setError] = useState<string>();

  useEffect(() => {
    if (!api || !environment) return;
    let live = true;
    void api.call('run.list', { environmentId: environment.id, limit: 100 }).then((result) => {
      if (!live) return;
      if (result.ok) setRuns(result.value.runs);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, environment, version]);

  if (!environment) return <p className="empty">No environment: add one to run terraform.</p>;
  if (error) return <p className="field-error">{error}</p>;
  if (runs.length === 0) return <p className="empty">No runs of {environment.name} yet.</p>;
  return (
    <table className="run-history" aria-label={`Runs of ${environment.name}`}>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Status</th>
          <th scope="col">Changes</th>
          <th scope="col">Who</th>
          <th scope="col">When</th>
          <th scope="col">Exit code</th>
          <th scope="col">Duration</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => (
          <tr key={run.id}>
            <td>{run.kind}</td>
            <td title={run.message}>{run.status}</td>
            <td>{run.totals ? <ChangeBadges counts={run.totals} /> : '—'}</td>
            <td>{run.who ?? '—'}</td>
            <td>{when(run.startedAt ?? run.queuedAt)}</td>
            <td>{run.exitCode ?? '—'}</td>
            <td>{seconds(run.durationMs)}</td>
            <td>
              <button type="button" aria-label={`Replay ${run.kind} ${run.id}`} onClick={() => replay(run.id)}>
                Replay
              </button>
              {run.kind !== 'apply' && run.nodes && (
                <button type="button" aria-label={`Show plan ${run.id}`} onClick={() => void useRunStore.getState().show(run.id, true)}>
                  Show plan
                </button>
              )}
              <LockLeft run={run} />
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function replay(runId: string) {
  useUiStore.getState().set({ bottomTab: 'Terminal' });
  void useRunStore.getState().show(runId);
}
