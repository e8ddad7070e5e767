import { useState } from 'react';
import type { Environment } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { environmentProviders, providerRows, rowsToSettings, type SettingRow } from './environmentSettings';
import { SettingsProblems, SettingsRows } from './SettingsRows';

/** Provider settings of the environment (region, profile, …): one editor per provider the diagram's bundles require or the environment configures. */
export function ProviderSettings({ environment }: { environment: Environment }) {
  const project = useDiagramStore((state) => state.project);
  const catalog = useDiagramStore((state) => state.catalog);
  const [added, setAdded] = useState<string[]>([]);
  const [name, setName] = useState('');
  if (!project) return null;
  const listed = environmentProviders(project, catalog, environment);
  const extra = added.filter((provider) => !listed.some((entry) => entry.name === provider)).map((provider) => ({ name: provider, used: false }));
  const add = () => {
    const provider = name.trim();
    if (/^[a-z][a-z0-9_-]*(\.[a-z0-9_-]+)?$/.test(provider)) setAdded([...added, provider]);
    setName('');
  };
  return (
    <section className="settings-section" aria-label="Provider settings">
      <h3>Provider settings</h3>
      {[...listed, ...extra].map((provider) => (
        // Keyed by the stored settings: an undo or an edit elsewhere shows afresh.
        <ProviderEditor key={`${provider.name}:${JSON.stringify(environment.providers[provider.name] ?? {})}`} environment={environment} provider={provider.name} used={provider.used} />
      ))}
      <div className="settings-add">
        <input aria-label="Provider name" placeholder="provider, e.g. aws or aws.replica" value={name} spellCheck={false} onChange={(event) => setName(event.target.value)} />
        <button type="button" onClick={add} disabled={!name.trim()}>
          Add provider settings
        </button>
      </div>
    </section>
  );
}

function ProviderEditor({ environment, provider, used }: { environment: Environment; provider: string; used: boolean }) {
  const [rows, setRows] = useState<SettingRow[]>(() => providerRows(provider, environment.providers[provider] ?? {}));
  const [problems, setProblems] = useState<string[]>([]);
  const save = () => {
    const { settings, problems: found } = rowsToSettings(rows);
    setProblems(found);
    if (found.length > 0) return;
    const providers = { ...environment.providers };
    if (Object.keys(settings).length === 0) delete providers[provider];
    else providers[provider] = settings;
    useDiagramStore.getState().perform({ kind: 'setEnvironmentProviders', environmentId: environment.id, providers });
  };
  return (
    <fieldset className="provider-settings" aria-label={`Provider ${provider}`}>
      <legend>{provider}</legend>
      {!used && <p className="settings-note">No bundle in this diagram uses {provider.split('.')[0]}: these settings are left out of the compiled files until one does.</p>}
      <SettingsRows label={provider} rows={rows} onChange={setRows} />
      <SettingsProblems problems={problems} />
      <div className="dialog-buttons">
        <button type="button" onClick={save}>
          Save {provider} settings
        </button>
      </div>
    </fieldset>
  );
}
