import { memo } from 'react';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';

/** A node's planned changes (badges) and, during an apply, its live status. Subscribes to this node's slice only. */
export const NodeRunMark = memo(function NodeRunMark({ nodeId }: { nodeId: string }) {
  // Same object reference until the run changes: other nodes' events do not re-render this one.
  const counts = useRunStore((state) => (state.run?.kind !== 'apply' ? state.run?.nodes?.[nodeId]?.counts : undefined));
  const live = useRunStore((state) => state.live[nodeId]);
  if (!counts && !live) return null;
  return (
    <div className="node-run-mark">
      {counts && <ChangeBadges counts={counts} />}
      {live && (
        <span className={`live-status live-${live}`} role="status" aria-label={`Status ${live}`}>
          {live}
        </span>
      )}
    </div>
  );
});
