import { useEffect, useState } from 'react';
import type { Comparison } from '../../../src/core/environments/compare';
import type { Project } from '../../../src/core/model/diagram';
import { useApi } from '../api/ApiContext';
import { ComparisonTable } from '../environments/ComparisonTable';

/** Every environment's params side by side (the host's comparison), identical rows hidden unless asked for. */
export function CompareEnvironments({ project }: { project: Project }) {
  const api = useApi();
  const [hideIdentical, setHideIdentical] = useState(true);
  const [comparison, setComparison] = useState<Comparison>();
  const [message, setMessage] = useState<string>();
  useEffect(() => {
    let live = true;
    void api.call('environment.compare', { projectId: project.id, hideIdentical }).then((answer) => {
      if (!live) return;
      if (answer.ok) setComparison(answer.value);
      else setMessage(answer.error.message);
    });
    return () => {
      live = false;
    };
  }, [api, project, hideIdentical]);
  return (
    <section aria-label="Compare environments">
      <h3>Compare</h3>
      <label>
        <span>
          <input type="checkbox" checked={hideIdentical} onChange={(event) => setHideIdentical(event.target.checked)} /> Hide identical
        </span>
      </label>
      {message && <p role="alert" className="operations-message">{message}</p>}
      {comparison && comparison.hiddenIdentical > 0 && <p className="operations-note">{comparison.hiddenIdentical} identical row(s) hidden</p>}
      {comparison && (
        <ComparisonTable comparison={comparison} label="Environments side by side" />
      )}
    </section>
  );
}
