import { useEffect, useRef, useState } from 'react';
import type { DiagramNode } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';

const IDENTIFIER = /^[a-zA-Z_][a-zA-Z0-9_-]*$/;

/** The node's name, renamed on Enter or blur; the note says infrastructure is moved, not recreated. */
export function RenameField({ node }: { node: DiagramNode }) {
  const [draft, setDraft] = useState(node.name);
  const [seen, setSeen] = useState(node.name);
  const input = useRef<HTMLInputElement>(null);
  const renameRequest = useUiStore((state) => state.renameRequest);
  if (seen !== node.name) {
    setSeen(node.name);
    setDraft(node.name);
  }
  useEffect(() => {
    if (renameRequest > 0) input.current?.select();
  }, [renameRequest]);

  const taken = useDiagramStore((state) => state.project?.diagram.nodes.some((other) => other.id !== node.id && other.name === draft) ?? false);
  const problem = !IDENTIFIER.test(draft)
    ? 'Use letters, digits, _ and -, starting with a letter or _.'
    : taken
      ? `Another node is already named "${draft}". Choose another name.`
      : undefined;

  const commit = () => {
    if (draft === node.name) return;
    if (problem) return;
    useDiagramStore.getState().perform({ kind: 'renameNode', id: node.id, name: draft });
  };

  return (
    <div className="field">
      <label htmlFor="node-name">Name</label>
      <input
        id="node-name"
        ref={input}
        value={draft}
        aria-invalid={problem ? true : undefined}
        aria-describedby="node-name-note"
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape') setDraft(node.name);
        }}
      />
      {problem ? (
        <p className="field-error" role="alert">{problem}</p>
      ) : (
        <p id="node-name-note" className="field-note">
          Renaming keeps the infrastructure: it is moved to the new name, not recreated.
          {node.formerNames?.length ? ` Formerly ${node.formerNames.join(', ')}.` : ''}
        </p>
      )}
    </div>
  );
}
