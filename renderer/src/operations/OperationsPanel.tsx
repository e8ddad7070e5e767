import { BatchMatrix } from './BatchMatrix';
import { EnvironmentTools } from './EnvironmentTools';
import { InventorySearch } from './InventorySearch';
import { operationsTabs, useOperationsStore } from './operationsStore';
import { QueryConsole } from './QueryConsole';

/** Day-2 operations over the canvas: inventory, the SQL console, batch changes and environments. */
export function OperationsPanel() {
  const tab = useOperationsStore((state) => state.tab);
  const close = () => useOperationsStore.getState().set({ open: false });
  return (
    <section className="operations-panel" role="dialog" aria-label="Operations" onKeyDown={(event) => event.key === 'Escape' && close()}>
      <header className="operations-header">
        <div role="tablist" aria-label="Operations tools">
          {operationsTabs.map((name) => (
            <button key={name} type="button" role="tab" aria-selected={tab === name} onClick={() => useOperationsStore.getState().set({ tab: name })}>
              {name}
            </button>
          ))}
        </div>
        <button type="button" aria-label="Close operations" onClick={close}>
          ×
        </button>
      </header>
      <div role="tabpanel" aria-label={tab} className="operations-body">
        {tab === 'Inventory' && <InventorySearch />}
        {tab === 'Query' && <QueryConsole />}
        {tab === 'Batch change' && <BatchMatrix />}
        {tab === 'Environments' && <EnvironmentTools />}
      </div>
    </section>
  );
}
