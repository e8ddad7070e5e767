import { actions, runAction } from '../actions/registry';
import { useActionContext } from '../actions/useActionContext';
import { useDiagramStore } from '../state/diagramStore';

const TOOLBAR = ['undo', 'redo', 'autoLayout', 'fitView', 'commandPalette', 'help'];

/** Top bar buttons: the same action objects as the shortcuts and the command palette. */
export function ActionMenu() {
  const context = useActionContext();
  // Re-render when undo/redo availability changes.
  useDiagramStore((state) => `${state.undoStack.length}:${state.redoStack.length}:${state.nodes.length > 0}`);
  const current = context();
  return (
    <nav className="action-menu" aria-label="Actions">
      {actions
        .filter((action) => TOOLBAR.includes(action.name))
        .map((action) => (
          <button
            key={action.name}
            type="button"
            disabled={action.enabled ? !action.enabled(current) : false}
            title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
            onClick={() => runAction(action, context())}
          >
            {action.label}
          </button>
        ))}
    </nav>
  );
}
