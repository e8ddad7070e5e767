import { useMemo } from 'react';
import { useRunStore, type RunState } from '../../runs/runStore';

/**
 * Nodes whose artifact values are known only after apply, because the last plan creates or
 * replaces them: their outgoing edges are drawn dashed. Space-separated ids, so a store selector
 * compares it by value and the canvas redraws only when the set changes.
 */
export function unknownSourceKey(state: Pick<RunState, 'run'>): string {
  const { run } = state;
  if (run?.status !== 'planned' || !run.nodes) return '';
  return Object.entries(run.nodes)
    .filter(([, node]) => node.counts.create + node.counts.replace > 0)
    .map(([id]) => id)
    .sort()
    .join(' ');
}

export const sourcesOfKey = (key: string): ReadonlySet<string> => new Set(key.split(' ').filter(Boolean));

export function useUnknownSources(): ReadonlySet<string> {
  const key = useRunStore(unknownSourceKey);
  return useMemo(() => sourcesOfKey(key), [key]);
}
