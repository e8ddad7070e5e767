import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';

/** Asks before deleting nodes that others depend on, naming those others. */
export function DeleteConfirm() {
  const pending = useUiStore((state) => state.pendingDelete);
  const nodes = useDiagramStore((state) => state.project?.diagram.nodes);
  if (!pending) return null;
  const nameOf = (id: string) => nodes?.find((node) => node.id === id)?.name ?? id;
  const close = () => useUiStore.getState().set({ pendingDelete: undefined });
  const confirm = () => {
    close();
    useDiagramStore.getState().perform({ kind: 'deleteNodes', ids: pending.ids });
  };
  return (
    <div className="overlay">
      <div className="dialog" role="alertdialog" aria-modal="true" aria-label="Delete nodes" onKeyDown={(event) => event.key === 'Escape' && close()}>
        <h2>Delete {pending.ids.map(nameOf).join(', ')}?</h2>
        <p>These nodes depend on what you delete; their connections will be cut and they will fail to plan until rewired:</p>
        <ul aria-label="Downstream nodes">
          {pending.downstream.map((id) => (
            <li key={id}>{nameOf(id)}</li>
          ))}
        </ul>
        <div className="dialog-buttons">
          <button type="button" onClick={close} autoFocus>
            Cancel
          </button>
          <button type="button" className="danger" onClick={confirm}>
            Delete
          </button>
        </div>
      </div>
    </div>
  );
}
