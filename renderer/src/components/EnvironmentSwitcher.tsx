import { EnvironmentOptions } from '../environments/EnvironmentOptions';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';

/** Top bar: edit the defaults, or one environment's overrides. */
export function EnvironmentSwitcher() {
  const environments = useDiagramStore((state) => state.project?.environments);
  const environmentId = useUiStore((state) => state.environmentId);
  return (
    <label className="environment-switcher">
      Environment{' '}
      <select value={environmentId ?? ''} onChange={(event) => useUiStore.getState().set({ environmentId: event.target.value || undefined })}>
        <option value="">Defaults (all environments)</option>
        <EnvironmentOptions environments={environments ?? []} />
      </select>
    </label>
  );
}
