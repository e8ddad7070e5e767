import { actions } from '../actions/registry';
import { useUiStore } from '../state/uiStore';

/** `?`: every keyboard shortcut, read from the action registry. */
export function HelpOverlay() {
  const open = useUiStore((state) => state.helpOpen);
  if (!open) return null;
  const close = () => useUiStore.getState().set({ helpOpen: false });
  return (
    <div className="overlay" onMouseDown={close}>
      <div className="dialog" role="dialog" aria-modal="true" aria-label="Keyboard shortcuts" onMouseDown={(event) => event.stopPropagation()} onKeyDown={(event) => event.key === 'Escape' && close()}>
        <h2>Keyboard shortcuts</h2>
        <table className="shortcut-table">
          <tbody>
            {actions
              .filter((action) => action.shortcut)
              .map((action) => (
                <tr key={action.name}>
                  <td>{action.label}</td>
                  <td>
                    <kbd>{action.shortcut}</kbd>
                  </td>
                </tr>
              ))}
          </tbody>
        </table>
        <button type="button" autoFocus onClick={close}>
          Close
        </button>
      </div>
    </div>
  );
}
