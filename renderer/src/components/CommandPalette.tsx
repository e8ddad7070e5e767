import { useReactFlow } from '@xyflow/react';
import { useMemo, useState, type KeyboardEvent } from 'react';
import { actions, runAction } from '../actions/registry';
import { useActionContext } from '../actions/useActionContext';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';

interface Entry {
  key: string;
  label: string;
  detail?: string;
  run: () => void;
}

/** Ctrl/Cmd+K: find a node (select and centre it) or run any action. */
export function CommandPalette() {
  const open = useUiStore((state) => state.commandPaletteOpen);
  return open ? <CommandPaletteDialog /> : null;
}

function CommandPaletteDialog() {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const context = useActionContext();
  const flow = useReactFlow();
  const nodes = useDiagramStore((state) => state.project?.diagram.nodes);
  const close = () => useUiStore.getState().set({ commandPaletteOpen: false });

  const entries = useMemo<Entry[]>(() => {
    const words = query.toLowerCase().split(/\s+/).filter(Boolean);
    const matches = (text: string) => words.every((word) => text.toLowerCase().includes(word));
    const nodeEntries = (nodes ?? [])
      .filter((node) => matches(`${node.name} ${node.bundle}`))
      .map((node) => ({
        key: `node:${node.id}`,
        label: `Go to ${node.name}`,
        detail: node.bundle,
        run: () => {
          useDiagramStore.getState().select([node.id]);
          void flow.fitView({ nodes: [{ id: node.id }], duration: 200, maxZoom: 1.2 });
        },
      }));
    const actionEntries = actions
      .filter((action) => action.name !== 'commandPalette' && matches(action.label))
      .map((action) => ({ key: `action:${action.name}`, label: action.label, detail: action.shortcut, run: () => runAction(action, context()) }));
    return [...actionEntries, ...nodeEntries];
  }, [query, nodes, flow, context]);

  const choose = (entry: Entry | undefined) => {
    if (!entry) return;
    close();
    entry.run();
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') close();
    else if (event.key === 'ArrowDown') setActive((index) => Math.min(index + 1, entries.length - 1));
    else if (event.key === 'ArrowUp') setActive((index) => Math.max(index - 1, 0));
    else if (event.key === 'Enter') choose(entries[Math.min(active, entries.length - 1)]);
    else return;
    event.preventDefault();
  };

  return (
    <div className="overlay" onMouseDown={close}>
      <div className="dialog command-palette" role="dialog" aria-modal="true" aria-label="Command palette" onMouseDown={(event) => event.stopPropagation()}>
        <input
          autoFocus
          type="search"
          aria-label="Search actions and nodes"
          aria-controls="command-results"
          placeholder="Type an action or a node name…"
          value={query}
          onChange={(event) => {
            setQuery(event.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id="command-results" role="listbox" aria-label="Results">
          {entries.map((entry, index) => (
            <li key={entry.key} role="option" aria-selected={index === active} onMouseDown={() => choose(entry)}>
              <span>{entry.label}</span>
              {entry.detail && <kbd>{entry.detail}</kbd>}
            </li>
          ))}
          {entries.length === 0 && <li className="empty">Nothing matches.</li>}
        </ul>
      </div>
    </div>
  );
}
