import { useState } from 'react';
import type { Environment } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { backendRows, REMOTE_BACKENDS, rowsToSettings, type RemoteBackend, type SettingRow } from './environmentSettings';
import { SettingsProblems, SettingsRows } from './SettingsRows';

type Choice = 'embedded' | RemoteBackend;

/** Where the environment's Terraform state lives: Driftless's database, or a remote backend configured by key/value. */
export function BackendSection({ environment }: { environment: Environment }) {
  const current = environment.backend;
  const [choice, setChoice] = useState<Choice>(current.type);
  const [rows, setRows] = useState<SettingRow[]>(current.type === 'embedded' ? [] : backendRows(current.type, current.config));
  const [problems, setProblems] = useState<string[]>([]);

  const choose = (next: Choice) => {
    setChoice(next);
    setProblems([]);
    if (next !== 'embedded') setRows(backendRows(next, current.type === next ? current.config : {}));
  };
  const save = () => {
    if (choice === 'embedded') {
      useDiagramStore.getState().perform({ kind: 'setEnvironmentBackend', environmentId: environment.id, backend: { type: 'embedded' } });
      return;
    }
    const { settings, problems: found } = rowsToSettings(rows);
    setProblems(found);
    if (found.length === 0) useDiagramStore.getState().perform({ kind: 'setEnvironmentBackend', environmentId: environment.id, backend: { type: choice, config: settings } });
  };

  return (
    <section className="settings-section" aria-label="State backend">
      <h3>State backend</h3>
      <label>
        Backend{' '}
        <select value={choice} onChange={(event) => choose(event.target.value as Choice)}>
          <option value="embedded">Embedded (Driftless’s database)</option>
          {Object.entries(REMOTE_BACKENDS).map(([type, backend]) => (
            <option key={type} value={type}>
              {backend.title} ({type})
            </option>
          ))}
        </select>
      </label>
      {choice === 'embedded' ? (
        <p className="settings-note">State is kept in Driftless’s database: every version, locking, the inventory, drift and the State tab.</p>
      ) : (
        <>
          <p className="settings-note" data-testid="backend-note">
            State then lives in {REMOTE_BACKENDS[choice].title}, outside Driftless: the app keeps no state history, inventory or drift baseline for this environment and the State tab cannot show it.
            Credentials are never typed here (they would be written into main.tf.json): terraform reads them from the environment Driftless was started from — {REMOTE_BACKENDS[choice].credentials}.
            Driftless does not move existing state between backends: choose the backend before the environment has resources, or move the state yourself (terraform state pull, then push to the new backend); otherwise the new backend starts empty and the next plan creates everything again.
          </p>
          <SettingsRows label={choice} rows={rows} onChange={setRows} />
        </>
      )}
      <SettingsProblems problems={problems} />
      <div className="dialog-buttons">
        <button type="button" onClick={save}>
          Save backend
        </button>
      </div>
    </section>
  );
}
