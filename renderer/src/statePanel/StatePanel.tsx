import { useEffect, useState } from 'react';
import type { LockSummary, StateDiff, StateVersionInfo } from '../../../src/core/api/areas/state';
import { runEnvironment } from '../actions/runTarget';
import { useApi } from '../api/ApiContext';
import { download } from '../files/fileTransfer';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { ConfirmDialog } from '../components/ConfirmDialog';
import { LockStatus } from './LockStatus';
import { StateDiffView } from './StateDiffView';
import { VersionTable } from './VersionTable';

interface Loaded {
  environmentId: string;
  versions: StateVersionInfo[];
  lock?: LockSummary;
}

/** The State tab: the current environment's state versions, their diff, download, restore and the lock. */
export function StatePanel() {
  const api = useApi();
  const environmentId = useUiStore((state) => state.environmentId);
  const environment = useDiagramStore((state) => runEnvironment({ diagram: state, ui: { ...useUiStore.getState(), environmentId } }));
  // Runs write state: reload when any run changes status.
  const runs = useRunStore((state) => state.historyVersion);
  const [reloads, setReloads] = useState(0);
  const [loaded, setLoaded] = useState<Loaded>();
  const [message, setMessage] = useState<string>();
  // Both keyed by environment, so switching environments shows nothing stale.
  const [selection, setSelection] = useState<{ environmentId?: string; versions: number[] }>({ versions: [] });
  const [diff, setDiff] = useState<{ key: string; from: number; to: number; value: StateDiff }>();
  const [restoring, setRestoring] = useState<StateVersionInfo>();
  const id = environment?.id;
  const selected = selection.environmentId === id ? selection.versions : [];
  const pair = selected.length === 2 ? ([...selected].sort((a, b) => a - b) as [number, number]) : undefined;
  const diffKey = id && pair ? `${id}:${pair[0]}:${pair[1]}` : undefined;

  useEffect(() => {
    if (!id) return;
    let live = true;
    void Promise.all([api.call('state.versions', { environmentId: id }), api.call('state.locks', {})]).then(([versions, locks]) => {
      if (!live) return;
      if (!versions.ok) return setMessage(versions.error.message);
      setLoaded({ environmentId: id, versions: versions.value, lock: locks.ok ? locks.value.find((lock) => lock.environmentId === id) : undefined });
    });
    return () => {
      live = false;
    };
  }, [api, id, runs, reloads]);

  useEffect(() => {
    if (!id || !pair || !diffKey) return;
    const [from, to] = pair;
    let live = true;
    void api.call('state.diff', { environmentId: id, from, to }).then((answer) => {
      if (!live) return;
      if (answer.ok) setDiff({ key: diffKey, from, to, value: answer.value });
      else setMessage(answer.error.message);
    });
    return () => {
      live = false;
    };
    // pair is derived from diffKey.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [api, id, diffKey]);

  if (!environment) return <p className="empty">Open a project with an environment to see its state.</p>;
  const name = environment.name;
  if (environment.backend.type !== 'embedded') return <p className="empty">{name} keeps its state in its own remote backend; Driftless stores only embedded state.</p>;
  const current = loaded?.environmentId === environment.id ? loaded : undefined;
  const reload = () => setReloads((count) => count + 1);

  const toggle = (version: number) =>
    setSelection({ environmentId: environment.id, versions: selected.includes(version) ? selected.filter((item) => item !== version) : [...selected, version].slice(-2) });
  const save = async (version: StateVersionInfo) => {
    const answer = await api.call('state.download', { environmentId: environment.id, version: version.version });
    if (!answer.ok) return setMessage(answer.error.message);
    download(`${environment.id}-state-v${version.version}.tfstate`, new Blob([answer.value.text], { type: 'application/json' }));
  };
  const restore = async (version: StateVersionInfo) => {
    setRestoring(undefined);
    const answer = await api.call('state.restore', { environmentId: environment.id, version: version.version, confirm: true });
    setMessage(answer.ok ? `Version ${version.version} restored as version ${answer.value.version}.` : answer.error.message);
    reload();
  };

  return (
    <div className="state-panel" aria-label={`State of ${name}`} role="region">
      <div className="state-toolbar">
        <strong>State of {name}</strong>{' '}
        <button type="button" onClick={reload}>
          Refresh
        </button>
        {message && (
          <span role="status" className="state-message">
            {' '}
            {message}
          </span>
        )}
      </div>
      {current && <LockStatus environmentName={name} lock={current.lock} onChanged={reload} />}
      {current && current.versions.length === 0 && <p className="empty">No state stored for {name} yet: apply a plan to write one.</p>}
      {current && current.versions.length > 0 && (
        <>
          <p className="empty">Tick two versions to compare them.</p>
          <VersionTable
            environmentName={name}
            versions={current.versions}
            selected={selected}
            onToggle={toggle}
            onDownload={(version) => void save(version)}
            onRestore={setRestoring}
          />
        </>
      )}
      {diff && diff.key === diffKey && <StateDiffView diff={diff.value} from={diff.from} to={diff.to} />}
      {restoring && (
        <ConfirmDialog title="Restore state version" confirmLabel={`Restore version ${restoring.version}`} onConfirm={() => void restore(restoring)} onKeep={() => setRestoring(undefined)}>
          <p>
            Write version {restoring.version} (serial {restoring.serial ?? '?'}) of {name}'s state again as the newest version? The next plan compares your diagram with
            it, so terraform may recreate or delete resources that changed since.
          </p>
        </ConfirmDialog>
      )}
    </div>
  );
}
