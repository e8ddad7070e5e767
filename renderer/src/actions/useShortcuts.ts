import { useEffect } from 'react';
import { actions, runAction } from './registry';
import { useActionContext } from './useActionContext';

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Routes key presses to the first action whose keyTest matches; text fields keep their own keys. */
export function useShortcuts(): void {
  const context = useActionContext();
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const editable = isEditable(event.target);
      for (const action of actions) {
        if (!action.keyTest?.(event)) continue;
        // In a text field only the command palette shortcut is ours; Ctrl+Z there undoes typing.
        if (editable && action.name !== 'commandPalette') return;
        if (runAction(action, context())) event.preventDefault();
        return;
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [context]);
}
