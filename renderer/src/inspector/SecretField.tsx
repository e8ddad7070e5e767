import { useState } from 'react';
import { isSecretMarker, SECRET_SET } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';

interface SecretFieldProps {
  nodeId: string;
  param: string;
  title: string;
  value: unknown;
}

/** A sensitive param: shows only whether it is set; set, replace or clear — never the value. */
export function SecretField({ nodeId, param, title, value }: SecretFieldProps) {
  const [editing, setEditing] = useState(false);
  const [draft, setDraft] = useState('');
  const isSet = isSecretMarker(value);
  const inputId = `secret-${nodeId}-${param}`;

  const save = async (next: string | null) => {
    const { host, project, perform, setNotice } = useDiagramStore.getState();
    if (!host || !project) return;
    try {
      await host.setSecret(project.id, nodeId, param, next);
      perform(next === null ? { kind: 'unsetParam', id: nodeId, param } : { kind: 'setParam', id: nodeId, param, value: SECRET_SET });
    } catch (error) {
      setNotice(`The secret "${title}" was not saved: ${(error as Error).message}`);
    }
    setDraft('');
    setEditing(false);
  };

  return (
    <div className="field secret-field">
      <label htmlFor={inputId}>{title}</label>
      {editing ? (
        <form
          onSubmit={(event) => {
            event.preventDefault();
            void save(draft);
          }}
        >
          <input id={inputId} type="password" autoComplete="off" value={draft} onChange={(event) => setDraft(event.target.value)} autoFocus />
          <button type="submit" disabled={draft === ''}>Save</button>
          <button type="button" onClick={() => setEditing(false)}>Cancel</button>
        </form>
      ) : (
        <div className="secret-actions">
          <span id={inputId} className="secret-state">{isSet ? '•••••• (set)' : 'Not set'}</span>
          <button type="button" onClick={() => setEditing(true)} aria-label={`${isSet ? 'Replace' : 'Set'} ${title}`}>
            {isSet ? 'Replace' : 'Set'}
          </button>
          {isSet && (
            <button type="button" onClick={() => void save(null)} aria-label={`Clear ${title}`}>
              Clear
            </button>
          )}
        </div>
      )}
    </div>
  );
}
