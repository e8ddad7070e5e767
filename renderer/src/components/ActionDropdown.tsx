import { useEffect, useRef, useState } from 'react';
import { actions, runAction } from '../actions/registry';
import type { ActionContext } from '../actions/types';
import { useActionContext } from '../actions/useActionContext';

/** A top bar menu of registry actions (the same objects as the shortcuts and the command palette). */
export function ActionDropdown({ label, names, className }: { label: string; names: readonly string[]; className?: string }) {
  const context = useActionContext();
  const menu = useRef<HTMLDetailsElement>(null);
  const [open, setOpen] = useState(false);
  // A click elsewhere or Escape closes it, as menus do.
  useEffect(() => {
    if (!open) return;
    const close = (event: Event) => {
      if (event instanceof KeyboardEvent ? event.key === 'Escape' : !menu.current?.contains(event.target as Node)) {
        if (menu.current) menu.current.open = false;
      }
    };
    document.addEventListener('mousedown', close);
    document.addEventListener('keydown', close);
    return () => {
      document.removeEventListener('mousedown', close);
      document.removeEventListener('keydown', close);
    };
  }, [open]);
  return (
    <details ref={menu} className={`top-menu ${className ?? ''}`} onToggle={(event) => setOpen(event.currentTarget.open)}>
      <summary>{label}</summary>
      {/* Rendered while open only: whether each action is enabled is read when the menu opens. */}
      {open && <MenuItems label={label} names={names} context={context()} run={(name) => runNamed(name, context())} close={() => menu.current && (menu.current.open = false)} />}
    </details>
  );
}

function runNamed(name: string, context: ActionContext) {
  const action = actions.find((candidate) => candidate.name === name);
  if (action) runAction(action, context);
}

function MenuItems({ label, names, context, run, close }: { label: string; names: readonly string[]; context: ActionContext; run(name: string): void; close(): void }) {
  const shown = names.map((name) => actions.find((action) => action.name === name)).filter((action) => action !== undefined);
  return (
    <div role="menu" aria-label={label}>
      {shown.map((action) => (
        <button
          key={action.name}
          role="menuitem"
          type="button"
          disabled={action.enabled ? !action.enabled(context) : false}
          onClick={() => {
            close();
            run(action.name);
          }}
        >
          {action.label}
          {action.shortcut && <kbd>{action.shortcut}</kbd>}
        </button>
      ))}
    </div>
  );
}
