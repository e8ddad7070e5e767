import { useEffect, useState } from 'react';
import type { RunKindView, RunStatusView, RunView } from '../../../src/core/api/areas/run';
import { useUiStore } from '../state/uiStore';
import { LockLeft } from './LockLeft';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';
import { useRunEnvironment } from '../state/useRunEnvironment';

const seconds = (ms?: number) => (ms === undefined ? '—' : `${(ms / 1000).toFixed(1)} s`);
const when = (iso?: string) => (iso ? new Date(iso).toLocaleString() : '—');
const kinds: RunKindView[] = ['plan', 'apply', 'destroy', 'drift', 'shell'];
const statuses: RunStatusView[] = ['queued', 'running', 'planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted'];

/**
 * The runs of the current environment, newest first, filtered by kind and status: who, when, exit
 * code, duration and the compiled module each ran; replay output, show a plan, release a lock a run left.
 */
export function RunHistory() {
  const environment = useRunEnvironment();
  const version = useRunStore((state) => state.historyVersion);
  const api = useRunStore((state) => state.api);
  const [runs, setRuns] = useState<RunView[]>([]);
  const [error, setError] = useState<string>();
  const [kind, setKind] = useState<RunKindView | ''>('');
  const [status, setStatus] = useState<RunStatusView | ''>('');

  useEffect(() => {
    if (!api || !environment) return;
    let live = true;
    const filter = { ...(kind ? { kind } : {}), ...(status ? { status } : {}) };
    void api.call('run.list', { environmentId: environment.id, limit: 100, ...filter }).then((result) => {
      if (!live) return;
      if (result.ok) setRuns(result.value.runs);
      else setError(result.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, environment, version, kind, status]);

  if (!environment) return <p className="empty">No environment: add one to run terraform.</p>;
  if (error) return <p className="field-error">{error}</p>;
  if (runs.length === 0 && kind === '' && status === '') return <p className="empty">No runs of {environment.name} yet.</p>;
  return (
    <>
      <div className="run-filters">
        <Filter label="Kind" value={kind} options={kinds} onChange={setKind} />
        <Filter label="Status" value={status} options={statuses} onChange={setStatus} />
      </div>
      {runs.length === 0 ? <p className="empty">No runs of {environment.name} match these filters.</p> : <RunTable name={environment.name} runs={runs} />}
    </>
  );
}

/** A select of `options` plus "all" (the empty value). */
function Filter<T extends string>({ label, value, options, onChange }: { label: string; value: T | ''; options: T[]; onChange: (value: T | '') => void }) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(event) => onChange(event.target.value as T | '')}>
        <option value="">all</option>
        {options.map((option) => <option key={option} value={option}>{option}</option>)}
      </select>
    </label>
  );
}

function RunTable({ name, runs }: { name: string; runs: RunView[] }) {
  return (
    <table className="run-history" aria-label={`Runs of ${name}`}>
      <thead>
        <tr>
          <th scope="col">Run</th>
          <th scope="col">Status</th>
          <th scope="col">Changes</th>
          <th scope="col">Who</th>
          <th scope="col">When</th>
          <th scope="col">Exit code</th>
          <th scope="col">Duration</th>
          <th scope="col">Module</th>
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
            <td>{run.moduleHash ? <code title={`sha256 of the compiled root module: ${run.moduleHash}`}>{run.moduleHash.slice(0, 12)}</code> : '—'}</td>
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
