import { useUiStore, type UiState } from '../state/uiStore';
import { ProblemsList } from './ProblemsList';

const tabs: UiState['bottomTab'][] = ['Terminal', 'Runs', 'Problems'];

/** Bottom: the live terminal, run history and the problems list. */
export function BottomPanel() {
  const tab = useUiStore((state) => state.bottomTab);
  return (
    <section className="bottom-panel" aria-label="Bottom panel">
      <div role="tablist" aria-label="Bottom panel tabs">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => useUiStore.getState().set({ bottomTab: name })}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab} className="tab-body">
        {tab === 'Terminal' && <p className="empty">No run yet. Plan an environment to see terraform here.</p>}
        {tab === 'Runs' && <p className="empty">No runs yet.</p>}
        {tab === 'Problems' && <ProblemsList />}
      </div>
    </section>
  );
}
