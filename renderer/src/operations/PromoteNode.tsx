import { useState } from 'react';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';

const describe = (edit: DiagramEdit): string =>
  edit.kind === 'setOverride' ? `set ${edit.param} = ${JSON.stringify(edit.value)}` : edit.kind === 'resetOverride' ? `reset ${edit.param} to the node's value` : edit.kind === 'batch' ? edit.edits.map(describe).join('; ') : edit.kind;

/** Takes a node's params from one environment to another: shows the edits, applies them only on confirm. */
export function PromoteNode({ project }: { project: Project }) {
  const api = useApi();
  const environments = project.environments;
  const [nodeId, setNodeId] = useState(project.diagram.nodes[0]?.id ?? '');
  const [from, setFrom] = useState(environments[0]?.id ?? '');
  const [to, setTo] = useState(environments[1]?.id ?? environments[0]?.id ?? '');
  const [edits, setEdits] = useState<DiagramEdit[]>();
  const [message, setMessage] = useState<{ text: string; error: boolean }>();
  const request = () => ({ projectId: project.id, nodeId, from, to });
  const review = async () => {
    const answer = await api.call('environment.promote', request());
    if (!answer.ok) return setMessage({ text: answer.error.message, error: true });
    if (answer.value.diagnostics.some((diagnostic) => diagnostic.severity === 'error')) return setMessage({ text: answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' '), error: true });
    setEdits(answer.value.edits);
    setMessage(answer.value.edits.length === 0 ? { text: 'Nothing to promote: both environments already plan the same params for this node.', error: false } : undefined);
  };
  const confirm = async () => {
    const answer = await api.call('environment.promote', { ...request(), confirm: true });
    if (!answer.ok) return setMessage({ text: answer.error.message, error: true });
    if (!answer.value.applied) return setMessage({ text: answer.value.diagnostics.map((diagnostic) => diagnostic.message).join(' '), error: true });
    await useDiagramStore.getState().open(project.id);
    setEdits(undefined);
    setMessage({ text: `Promoted: ${answer.value.edits.length} change(s) applied. Plan the target environment to see their effect.`, error: false });
  };
  const select = (label: string, value: string, set: (value: string) => void, options: { id: string; name: string }[]) => (
    <label>
      {label}
      <select
        value={value}
        onChange={(event) => {
          set(event.target.value);
          setEdits(undefined);
        }}
      >
        {options.map((option) => (
          <option key={option.id} value={option.id}>
            {option.name}
          </option>
        ))}
      </select>
    </label>
  );
  return (
    <section aria-label="Promote a node">
      <h3>Promote</h3>
      <div className="operations-row">
        {select('Node', nodeId, setNodeId, project.diagram.nodes)}
        {select('From environment', from, setFrom, environments)}
        {select('To environment', to, setTo, environments)}
        <button type="button" onClick={() => void review()} disabled={!nodeId || from === to}>
          Review promotion
        </button>
      </div>
      {edits && edits.length > 0 && (
        <div role="group" aria-label="Promotion edits">
          <ul>
            {edits.map((edit, index) => (
              <li key={index}>{describe(edit)}</li>
            ))}
          </ul>
          <button type="button" onClick={() => void confirm()}>
            Apply promotion
          </button>
        </div>
      )}
      {message && (
        <p role={message.error ? 'alert' : 'status'} className={message.error ? 'operations-message' : undefined}>
          {message.text}
        </p>
      )}
    </section>
  );
}
