import { useState } from 'react';

const tabs = ['Terminal', 'Runs', 'Problems'] as const;
type Tab = (typeof tabs)[number];

/** Bottom: the live terminal, run history and the problems list. */
export function BottomPanel() {
  const [tab, setTab] = useState<Tab>('Terminal');
  return (
    <section className="bottom-panel" aria-label="Bottom panel">
      <div role="tablist" aria-label="Bottom panel tabs">
        {tabs.map((name) => (
          <button key={name} role="tab" aria-selected={tab === name} onClick={() => setTab(name)}>
            {name}
          </button>
        ))}
      </div>
      <div role="tabpanel" aria-label={tab} className="tab-body">
        {tab === 'Terminal' && <p className="empty">No run yet. Plan an environment to see terraform here.</p>}
        {tab === 'Runs' && <p className="empty">No runs yet.</p>}
        {tab === 'Problems' && <p className="empty">No problems.</p>}
      </div>
    </section>
  );
}
