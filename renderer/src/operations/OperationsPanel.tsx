import { BatchMatrix } from './BatchMatrix';
import { DriftTools } from './DriftTools';
import { EnvironmentTools } from './EnvironmentTools';
import { InventorySearch } from './InventorySearch';
import { operationsTabs, useOperationsStore } from './operationsStore';
import { QueryConsole } from './QueryConsole';

const tools = {
  Inventory: <InventorySearch />,
  Query: <QueryConsole />,
  'Batch change': <BatchMatrix />,
  Environments: <EnvironmentTools />,
  Drift: <DriftTools />,
};

/** Day-2 operations over the canvas: inventory, the SQL console, batch changes, environments and drift. */
export function OperationsPanel({ open }: { open: boolean }) {
  const tab = useOperationsStore((state) => state.tab);
  const visited = useOperationsStore((state) => state.visited);
  const close = () => useOperationsStore.getState().set({ open: false });
  return (
    <section className="operations-panel" hidden={!open} role="dialog" aria-label="Operations" onKeyDown={(event) => event.key === 'Escape' && close()}>
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
      {operationsTabs
        .filter((name) => visited.includes(name))
        .map((name) => (
          <div key={name} role="tabpanel" aria-label={name} className="operations-body" hidden={tab !== name}>
            {tools[name]}
          </div>
        ))}
    </section>
  );
}
