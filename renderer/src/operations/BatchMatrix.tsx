import { useMemo, useState } from 'react';
import { useDiagramStore } from '../state/diagramStore';
import { BatchPlans } from './BatchPlans';
import { MatrixTable } from './MatrixTable';
import { buildMatrix, bundlesInUse, matrixEdits, paramsOfBundle, paramType, parseValue, splitCellKey } from './matrixModel';

/** Pick a param, see its value per node × environment, change many cells as one undoable batch, then plan. */
export function BatchMatrix() {
  const project = useDiagramStore((state) => state.project);
  const catalog = useDiagramStore((state) => state.catalog);
  const bundles = useMemo(() => (project ? bundlesInUse(project) : []), [project]);
  const [bundle, setBundle] = useState<string>();
  const chosenBundle = bundle && bundles.includes(bundle) ? bundle : bundles[0];
  const params = useMemo(() => (project && chosenBundle ? paramsOfBundle(project, catalog, chosenBundle) : []), [project, catalog, chosenBundle]);
  const [param, setParam] = useState<string>();
  const chosenParam = param && params.includes(param) ? param : params[0];
  const rows = useMemo(() => (project && chosenBundle && chosenParam ? buildMatrix(project, chosenBundle, chosenParam) : []), [project, chosenBundle, chosenParam]);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const [text, setText] = useState('');
  const [message, setMessage] = useState<string>();
  const [affected, setAffected] = useState<ReadonlySet<string>>(new Set());
  const [planning, setPlanning] = useState<string[]>();

  if (!project) return <p className="operations-note">No project is open.</p>;
  if (bundles.length === 0) return <p className="operations-note">The diagram has no nodes yet: add bundles to the canvas first.</p>;

  const choose = (patch: { bundle?: string; param?: string }) => {
    if (patch.bundle !== undefined) setBundle(patch.bundle);
    if (patch.param !== undefined || patch.bundle !== undefined) setParam(patch.param);
    setSelected(new Set());
  };
  const change = (how: 'set' | 'reset') => {
    if (!chosenParam || selected.size === 0) return setMessage('Select one or more cells first (click a cell; a column header selects the column).');
    let edit;
    if (how === 'reset') edit = matrixEdits(selected, chosenParam, 'reset');
    else {
      const firstNode = splitCellKey([...selected][0]!).nodeId;
      const first = rows.find((row) => row.nodeId === firstNode);
      const parsed = parseValue(text, first ? paramType(catalog, first.bundle, chosenParam) : undefined);
      if (!parsed.ok) return setMessage(parsed.message);
      edit = matrixEdits(selected, chosenParam, { value: parsed.value });
    }
    if (!useDiagramStore.getState().perform(edit)) return setMessage(useDiagramStore.getState().notice ?? 'The change was refused.');
    const environments = new Set(affected);
    for (const key of selected) environments.add(splitCellKey(key).environmentId);
    setAffected(environments);
    setMessage(`${how === 'set' ? 'Set' : 'Reset'} ${selected.size} cell${selected.size === 1 ? '' : 's'} (one undoable change).`);
    setSelected(new Set());
  };

  return (
    <div className="batch-matrix">
      <div className="operations-row">
        <label>
          Bundle
          <select value={chosenBundle} onChange={(event) => choose({ bundle: event.target.value })}>
            {bundles.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          Param
          <select value={chosenParam ?? ''} onChange={(event) => choose({ param: event.target.value })}>
            {params.map((name) => (
              <option key={name}>{name}</option>
            ))}
          </select>
        </label>
        <label>
          New value
          <input value={text} onChange={(event) => setText(event.target.value)} onKeyDown={(event) => event.key === 'Enter' && change('set')} />
        </label>
        <button type="button" onClick={() => change('set')} disabled={selected.size === 0}>
          Set selected cells
        </button>
        <button type="button" onClick={() => change('reset')} disabled={selected.size === 0}>
          Reset selected to node value
        </button>
        <span className="operations-note">{selected.size} selected</span>
      </div>
      {message && <p role="status" aria-label="Batch status">{message}</p>}
      {chosenParam && <MatrixTable param={chosenParam} rows={rows} environments={project.environments} selected={selected} onSelect={setSelected} />}
      <div className="operations-row">
        <button type="button" disabled={affected.size === 0} onClick={() => setPlanning(project.environments.filter((environment) => affected.has(environment.id)).map((environment) => environment.id))}>
          Plan affected environments{affected.size > 0 ? ` (${affected.size})` : ''}
        </button>
        <span className="operations-note">Nothing is applied until you confirm it environment by environment.</span>
      </div>
      {planning && <BatchPlans key={planning.join(',')} projectId={project.id} environmentIds={planning} />}
    </div>
  );
}
