import { useOperationsStore } from './operationsStore';
import { OperationsPanel } from './OperationsPanel';
import './operations.css';

/** Top bar: opens the Operations view (full height, over the canvas). */
export function OperationsToggle() {
  const open = useOperationsStore((state) => state.open);
  const visited = useOperationsStore((state) => state.visited.length > 0);
  return (
    <>
      <button type="button" className="operations-toggle" aria-pressed={open} aria-keyshortcuts="Control+Shift+O" onClick={() => useOperationsStore.getState().toggle()}>
        Operations
      </button>
      {visited && <OperationsPanel open={open} />}
    </>
  );
}
