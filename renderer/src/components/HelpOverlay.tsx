import { actions } from '../actions/registry';
import { useUiStore } from '../state/uiStore';

/** What the mouse does on the canvas: gestures no action object carries. */
const GESTURES: [string, string][] = [
  ['Connect', 'Drag from an artifact (right) to a connection (left); compatible ports light up'],
  ['Select an edge', 'Click it or its label; Shift, Ctrl or Cmd adds to the selection'],
  ['Disconnect by keyboard', 'Select the node; its connections in the inspector have Disconnect buttons'],
  ['Pan and zoom', 'Drag the empty canvas; scroll to zoom'],
];

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
        <h3>On the canvas</h3>
        <table className="shortcut-table" aria-label="Canvas gestures">
          <tbody>
            {GESTURES.map(([what, how]) => (
              <tr key={what}>
                <td>{what}</td>
                <td>{how}</td>
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
