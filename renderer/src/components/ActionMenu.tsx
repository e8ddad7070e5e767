import { actions, runAction } from '../actions/registry';
import { useActionContext } from '../actions/useActionContext';
import { useDiagramStore } from '../state/diagramStore';
import { TOP_BAR_BUTTONS } from './topBarLayout';

/** Top bar buttons always in view (undo, redo as symbols, named for screen readers): the same action objects as the shortcuts and the command palette. */
export function ActionMenu() {
  const context = useActionContext();
  // Re-render when undo/redo availability changes.
  useDiagramStore((state) => `${state.undoStack.length}:${state.redoStack.length}:${state.nodes.length > 0}`);
  const current = context();
  return (
    <nav className="action-menu" aria-label="Actions">
      {actions
        .filter((action) => action.name in TOP_BAR_BUTTONS)
        .map((action) => (
          <button
            key={action.name}
            type="button"
            disabled={action.enabled ? !action.enabled(current) : false}
            aria-label={action.label}
            title={action.shortcut ? `${action.label} (${action.shortcut})` : action.label}
            onClick={() => runAction(action, context())}
          >
            {TOP_BAR_BUTTONS[action.name as keyof typeof TOP_BAR_BUTTONS]}
          </button>
        ))}
    </nav>
  );
}
