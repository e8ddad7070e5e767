import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import type { Diagnostic } from '../../../src/core/diagnostics';
import { useRunStore } from '../runs/runStore';
import { useDiagramStore } from '../state/diagramStore';

/** Every diagnostic (the project's, the shown run's, the catalog's, each bundle's); click one to focus its node. */
export function ProblemsList() {
  const hostDiagnostics = useDiagramStore((state) => state.hostDiagnostics);
  const catalog = useDiagramStore((state) => state.catalog);
  // after an apply: artifact values that do not match their type, located on their node
  const runDiagnostics = useRunStore((state) => state.run?.diagnostics);
  const flow = useReactFlow();
  const problems = useMemo<Diagnostic[]>(
    () => [
      ...hostDiagnostics,
      ...(runDiagnostics ?? []),
      ...catalog.diagnostics,
      ...catalog.bundles.flatMap((bundle) => bundle.diagnostics.map((diagnostic) => ({ ...diagnostic, location: { bundle: bundle.ref, ...diagnostic.location } }))),
    ],
    [hostDiagnostics, runDiagnostics, catalog],
  );
  if (problems.length === 0) return <p className="empty">No problems.</p>;
  const focus = (nodeId: string | undefined) => {
    if (!nodeId) return;
    useDiagramStore.getState().select([nodeId]);
    void flow.fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
  };
  return (
    <ul className="problems" aria-label="Problems">
      {problems.map((problem, index) => (
        <li key={`${problem.code}:${index}`} className={`problem problem-${problem.severity}`}>
          <button type="button" disabled={!problem.location?.nodeId} onClick={() => focus(problem.location?.nodeId)}>
            <span className="problem-severity">{problem.severity}</span> {problem.message}{' '}
            <small>
              {problem.code}
              {problem.location?.bundle ? ` · ${problem.location.bundle}` : ''}
              {problem.location?.field ? ` · ${problem.location.field}` : ''}
            </small>
          </button>
        </li>
      ))}
    </ul>
  );
}
