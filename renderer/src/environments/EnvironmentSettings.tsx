import { useState } from 'react';
import type { Environment } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { BackendSection } from './BackendSection';
import { freshEnvironment } from './environmentSettings';
import { useEnvironmentSettingsStore } from './environmentSettingsStore';
import { ProviderSettings } from './ProviderSettings';
import { SettingsProblems } from './SettingsRows';
import './environmentSettings.css';
import { useRunEnvironment } from '../state/useRunEnvironment';

const NAME_CODES = new Set(['diagram.invalid-environment-name', 'diagram.duplicate-environment-name']);

/** View → Environment settings…: name, provider settings and state backend of the current environment; add and remove environments. Every change is an undoable edit. */
export function EnvironmentSettings() {
  const open = useEnvironmentSettingsStore((state) => state.open);
  const project = useDiagramStore((state) => state.project);
  const environment = useRunEnvironment();
  if (!open || !project) return null;
  const close = () => useEnvironmentSettingsStore.getState().set(false);
  const add = () => {
    const created = freshEnvironment(project, crypto.randomUUID());
    if (useDiagramStore.getState().perform({ kind: 'addEnvironment', environment: created })) useUiStore.getState().set({ environmentId: created.id });
  };
  return (
    <div className="overlay" onMouseDown={close}>
      <div className="dialog environment-settings" role="dialog" aria-modal="true" aria-label="Environment settings" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === 'Escape' && close()}>
        <h2>Environment settings</h2>
        <div className="settings-add">
          <label>
            Settings of{' '}
            <select value={environment?.id ?? ''} onChange={(event) => useUiStore.getState().set({ environmentId: event.target.value })}>
              {project.environments.map((entry) => (
                <option key={entry.id} value={entry.id}>
                  {entry.name}
                </option>
              ))}
            </select>
          </label>
          <button type="button" onClick={add}>
            Add environment
          </button>
        </div>
        {environment ? (
          <div key={environment.id}>
            <NameSection key={environment.name} environment={environment} />
            <ProviderSettings environment={environment} />
            <BackendSection key={JSON.stringify(environment.backend)} environment={environment} />
            <RemoveSection environment={environment} />
          </div>
        ) : (
          <p className="empty">This project has no environment. Add one to plan and apply.</p>
        )}
        <div className="dialog-buttons">
          <button type="button" onClick={close}>
            Close
          </button>
        </div>
      </div>
    </div>
  );
}

function NameSection({ environment }: { environment: Environment }) {
  const [name, setName] = useState(environment.name);
  const [taken, setTaken] = useState<string>();
  const hostProblems = useDiagramStore((state) => state.hostDiagnostics).filter((diagnostic) => NAME_CODES.has(diagnostic.code) && diagnostic.location?.environment === environment.name);
  const problems = taken ? [taken] : hostProblems.map((diagnostic) => diagnostic.message);
  const rename = () => {
    const wanted = name.trim();
    // The host refuses a duplicate name outright and reloads the project (dropping undo history): say so before sending.
    const other = useDiagramStore.getState().project?.environments.some((entry) => entry.id !== environment.id && entry.name === wanted);
    setTaken(other ? `Another environment is named "${wanted}"; names are unique in a project. Choose another name.` : undefined);
    if (!other) useDiagramStore.getState().perform({ kind: 'renameEnvironment', environmentId: environment.id, name: wanted });
  };
  return (
    <form
      className="settings-section settings-add"
      aria-label="Environment name"
      onSubmit={(event) => {
        event.preventDefault();
        rename();
      }}
    >
      <label>
        Name <input value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} />
      </label>
      <button type="submit" disabled={name.trim() === environment.name}>
        Rename
      </button>
      <SettingsProblems problems={problems} />
    </form>
  );
}

function RemoveSection({ environment }: { environment: Environment }) {
  const [asking, setAsking] = useState(false);
  const remote = environment.backend.type !== 'embedded';
  const remove = () => {
    if (useDiagramStore.getState().perform({ kind: 'removeEnvironment', environmentId: environment.id })) useUiStore.getState().set({ environmentId: undefined });
  };
  if (!asking)
    return (
      <div className="dialog-buttons">
        <button type="button" className="danger" onClick={() => setAsking(true)}>
          Remove environment…
        </button>
      </div>
    );
  return (
    <div className="settings-section" role="alertdialog" aria-label={`Remove ${environment.name}`}>
      <p>
        Remove environment “{environment.name}” from the project? Its Terraform state is not deleted and nothing in the cloud is destroyed: the resources it manages keep running.{' '}
        {remote ? `The state stays in the ${environment.backend.type} backend.` : 'Its state versions stay in Driftless’s database under the environment’s id; Undo brings the environment back with them.'}{' '}
        To tear the resources down, run Destroy before removing it.
      </p>
      <div className="dialog-buttons">
        <button type="button" onClick={() => setAsking(false)} autoFocus>
          Cancel
        </button>
        <button type="button" className="danger" onClick={remove}>
          Remove {environment.name}
        </button>
      </div>
    </div>
  );
}
