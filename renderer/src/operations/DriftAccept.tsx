import { useState } from 'react';
import type { DriftReport, ParamSuggestion } from '../../../src/core/api/areas/drift';
import type { RunView } from '../../../src/core/api/areas/run';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';
import { InlineConfirm } from './InlineConfirm';
import { runFinished, useWatchedRun } from './useWatchedRun';

const shown = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

/** Accept: the refresh-only plan is applied after confirmation; then each suggested param edit can be confirmed. */
export function DriftAccept({ report, project, environment, disabled, onStarted }: { report: DriftReport; project: Project; environment: string; disabled: boolean; onStarted(): void }) {
  const api = useApi();
  const [confirming, setConfirming] = useState(false);
  const [started, setStarted] = useState<RunView>();
  const [message, setMessage] = useState<string>();
  const run = useWatchedRun(started);
  const accept = async () => {
    setConfirming(false);
    const answer = await api.call('drift.accept', { driftRunId: report.driftRunId, planRunId: report.planRunId });
    if (!answer.ok) return setMessage(answer.error.message);
    if (!answer.value.apply.run) return setMessage(`Not accepted: ${answer.value.apply.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}`);
    setStarted(answer.value.apply.run);
    onStarted();
  };
  const succeeded = run?.status === 'succeeded' || run?.status === 'applied';
  return (
    <article className="plan-column" aria-label={`Accept drift in ${environment}`}>
      <h4>Accept — keep what is there</h4>
      <p className="operations-note">Records reality in {environment}'s state (the refresh-only plan). Nothing in the infrastructure changes.</p>
      {!started && !confirming && (
        <button type="button" onClick={() => setConfirming(true)} disabled={disabled}>
          Accept reality…
        </button>
      )}
      {!started && confirming && (
        <InlineConfirm label={`Confirm accept in ${environment}`} confirmText="Confirm accept" onConfirm={() => void accept()} onCancel={() => setConfirming(false)}>
          Apply the refresh-only plan, so {environment}'s state records what is really there?
        </InlineConfirm>
      )}
      {message && <p className="operations-message">{message}</p>}
      {run && (
        <p role="status" aria-label={`Accept status of ${environment}`}>
          {!runFinished(run) ? 'Recording reality in the state…' : succeeded ? `Accepted: ${environment}'s state records reality.` : `Accept ${run.status}${run.message ? `: ${run.message}` : ''}`}
        </p>
      )}
      {succeeded && <Suggestions suggestions={report.suggestions} project={project} environment={environment} />}
    </article>
  );
}

/** The param edits that make the next plan clean, each chosen by the user; applied as one undoable edit. */
function Suggestions({ suggestions, project, environment }: { suggestions: ParamSuggestion[]; project: Project; environment: string }) {
  const [chosen, setChosen] = useState<ReadonlySet<number>>(new Set());
  const [done, setDone] = useState<string>();
  const nameOf = (nodeId: string) => project.diagram.nodes.find((node) => node.id === nodeId)?.name ?? nodeId;
  const label = (suggestion: ParamSuggestion) => `Set ${suggestion.param} of ${nameOf(suggestion.nodeId)} to ${shown(suggestion.to)}`;
  if (suggestions.length === 0) {
    return <p className="operations-note">No param leads to the drifted values. If the next plan still changes something, edit the diagram to match, or Revert.</p>;
  }
  const apply = () => {
    const edits = suggestions.filter((_, index) => chosen.has(index)).map((suggestion) => suggestion.edit);
    const edit: DiagramEdit = edits.length === 1 ? edits[0]! : { kind: 'batch', edits };
    if (!useDiagramStore.getState().perform(edit)) return setDone('The diagram refused these edits: it may have changed since the check. Check again.');
    setChosen(new Set());
    setDone(`Set ${edits.length} param${edits.length === 1 ? '' : 's'} in ${environment}. Check again: the next plan should be clean. (Undo takes ${edits.length === 1 ? 'it' : 'them'} back.)`);
  };
  return (
    <section aria-label="Suggested param changes">
      <p>The diagram still says otherwise, so the next plan would undo this. Set these params to what reality has:</p>
      <ul className="drift-suggestions">
        {suggestions.map((suggestion, index) => (
          <li key={`${suggestion.nodeId}:${suggestion.param}`}>
            <label className="drift-suggestion">
              <input
                type="checkbox"
                checked={chosen.has(index)}
                onChange={(event) => setChosen((all) => toggled(all, index, event.target.checked))}
              />
              {label(suggestion)}
            </label>
            <small>
              now {shown(suggestion.from)} · via {suggestion.attribute} of <code>{suggestion.address}</code>
            </small>
          </li>
        ))}
      </ul>
      <button type="button" onClick={apply} disabled={chosen.size === 0}>
        Set {chosen.size} selected param{chosen.size === 1 ? '' : 's'}
      </button>
      {done && <p role="status" aria-label="Param changes">{done}</p>}
    </section>
  );
}

function toggled(all: ReadonlySet<number>, index: number, on: boolean): ReadonlySet<number> {
  const next = new Set(all);
  if (on) next.add(index);
  else next.delete(index);
  return next;
}
