import { useMemo, useState } from 'react';
import { compareEnvironments } from '../../../src/core/environments/compare';
import { useDiagramStore } from '../state/diagramStore';
import { ComparisonTable } from './ComparisonTable';
import { EnvironmentOptions } from './EnvironmentOptions';

/** Two environments' params side by side; identical rows hidden unless asked for. */
export function EnvironmentCompare() {
  const project = useDiagramStore((state) => state.project);
  const environments = project?.environments ?? [];
  const [left, setLeft] = useState<string>();
  const [right, setRight] = useState<string>();
  const [hideIdentical, setHideIdentical] = useState(true);
  const first = environments.find((environment) => environment.id === left) ?? environments[0];
  const second = environments.find((environment) => environment.id === right) ?? environments.find((environment) => environment !== first);
  const comparison = useMemo(
    () => (project && first && second ? compareEnvironments(project, [first, second], { hideIdentical }) : undefined),
    [project, first, second, hideIdentical],
  );
  if (environments.length < 2) return <p className="empty">Add a second environment to compare params side by side.</p>;
  return (
    <div className="environment-compare">
      <div className="compare-controls">
        <label>
          Left{' '}
          <select value={first?.id} onChange={(event) => setLeft(event.target.value)}>
            <EnvironmentOptions environments={environments} />
          </select>
        </label>
        <label>
          Right{' '}
          <select value={second?.id} onChange={(event) => setRight(event.target.value)}>
            <EnvironmentOptions environments={environments} />
          </select>
        </label>
        <label>
          <input type="checkbox" checked={hideIdentical} onChange={(event) => setHideIdentical(event.target.checked)} /> Hide identical
        </label>
        {comparison && comparison.hiddenIdentical > 0 && <span className="muted">{comparison.hiddenIdentical} identical hidden</span>}
      </div>
      {comparison && comparison.rows.length === 0 ? (
        <p className="empty">
          {first?.name} and {second?.name} plan the same params.
        </p>
      ) : (
        comparison && <ComparisonTable comparison={comparison} label={`Params of ${first?.name} and ${second?.name}`} />
      )}
    </div>
  );
}
