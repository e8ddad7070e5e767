import { memo } from 'react';
import { BADGES, ChangeBadges } from '../runs/Totals';
import { useDiagramStore } from '../state/diagramStore';
import { usePlanCompareStore } from './planCompareStore';

/** Compare mode: a node's badges in each compared environment, labelled with the environment's name. */
export const NodeCompareMarks = memo(function NodeCompareMarks({ nodeId }: { nodeId: string }) {
  const pair = usePlanCompareStore((state) => state.environmentIds);
  if (!pair) return null;
  return (
    <div className="node-compare-marks">
      {pair.map((environmentId) => (
        <EnvironmentMark key={environmentId} environmentId={environmentId} nodeId={nodeId} />
      ))}
    </div>
  );
});

function EnvironmentMark({ environmentId, nodeId }: { environmentId: string; nodeId: string }) {
  // This node's counts only: the same object until that environment's plan changes.
  const counts = usePlanCompareStore((state) => state.slots[environmentId]?.plan?.nodes?.[nodeId]?.counts);
  const planned = usePlanCompareStore((state) => Boolean(state.slots[environmentId]?.plan));
  const name = useDiagramStore((state) => state.project?.environments.find((environment) => environment.id === environmentId)?.name ?? environmentId);
  return (
    <span className="compare-mark" role="group" aria-label={`Plan of ${name}`}>
      <span className="compare-environment">{name}</span>
      {counts && BADGES.some((badge) => counts[badge.kind] > 0) ? <ChangeBadges counts={counts} /> : <span className="compare-quiet">{planned ? 'no changes' : 'no plan'}</span>}
    </span>
  );
}
