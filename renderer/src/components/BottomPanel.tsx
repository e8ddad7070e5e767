import { CodeView } from '../code/CodeView';
import { EnvironmentCompare } from '../environments/EnvironmentCompare';
import { RunHistory } from '../runs/RunHistory';
import { TerminalView } from '../runs/TerminalView';
import { ShellView } from '../shell/ShellView';
import { FileDiffView } from '../diffView/FileDiffView';
import { StatePanel } from '../statePanel/StatePanel';
import { useUiStore, type UiState } from '../state/uiStore';
import { ProblemsList } from './ProblemsList';

const tabs: UiState['bottomTab'][] = ['Terminal', 'Runs', 'Code', 'Compare', 'Problems', 'Shell', 'State', 'Diff'];

/** Bottom: the live terminal, run history, the compiled code, environments side by side and the problems list. */
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
        {/* Always mounted: output keeps flowing into it while another tab is shown. */}
        <TerminalView visible={tab === 'Terminal'} />
        {tab === 'Runs' && <RunHistory />}
        {tab === 'Code' && <CodeView />}
        {tab === 'Compare' && <EnvironmentCompare />}
        {tab === 'Problems' && <ProblemsList />}
        {tab === 'State' && <StatePanel />}
        {tab === 'Diff' && <FileDiffView />}
        <ShellView visible={tab === 'Shell'} />
      </div>
    </section>
  );
}
