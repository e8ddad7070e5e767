import { useEffect, useMemo } from 'react';
import type { Environment } from '../../../src/core/model/diagram';
import { useApi } from '../api/ApiContext';
import { useDiagramStore } from '../state/diagramStore';
import { usePlanCompareStore } from './planCompareStore';
import { PlanTotals } from './PlanTotals';
import './planCompare.css';

const NO_ENVIRONMENTS: Environment[] = [];

/** Top bar: pick two environments to show both their latest plans on the canvas, with each one's totals. */
export function PlanCompareBar() {
  const api = useApi();
  const environments = useDiagramStore((state) => state.project?.environments ?? NO_ENVIRONMENTS);
  const pair = usePlanCompareStore((state) => state.environmentIds);
  const pairs = useMemo(() => environments.flatMap((first, index) => environments.slice(index + 1).map((second) => [first, second] as const)), [environments]);
  // Another project (or a removed environment) ends the comparison.
  useEffect(() => {
    if (pair && !pair.every((id) => environments.some((environment) => environment.id === id))) usePlanCompareStore.getState().stop();
  }, [pair, environments]);
  if (pairs.length === 0) return null;
  const nameOf = (id: string) => environments.find((environment) => environment.id === id)?.name ?? id;
  const choose = (value: string) => {
    if (!value) return usePlanCompareStore.getState().stop();
    void usePlanCompareStore.getState().compare(api, JSON.parse(value) as [string, string]);
  };
  return (
    <div className="plan-compare-bar" role="group" aria-label="Compare plans">
      <label>
        Compare plans{' '}
        <select value={pair ? JSON.stringify(pair) : ''} onChange={(event) => choose(event.target.value)}>
          <option value="">Off</option>
          {pairs.map(([first, second]) => (
            <option key={`${first.id} ${second.id}`} value={JSON.stringify([first.id, second.id])}>
              {first.name} and {second.name}
            </option>
          ))}
        </select>
      </label>
      {pair?.map((id) => <PlanTotals key={id} environmentId={id} name={nameOf(id)} />)}
    </div>
  );
}
