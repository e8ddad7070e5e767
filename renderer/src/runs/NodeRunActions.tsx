import type { RunTarget } from '../../../src/core/api/areas/run';
import { useDiagramStore } from '../state/diagramStore';
import { useUiStore } from '../state/uiStore';
import { isActive, useRunStore, type StartKind } from './runStore';
import { useRunEnvironment } from '../state/useRunEnvironment';

/**
 * Plans limited to one node with terraform's -target, computed from the diagram: the node alone,
 * the node with what it depends on (to apply it), or the destroy of the node with what depends
 * on it. In the environment the top bar's Plan acts on.
 */
export function NodeRunActions({ nodeId }: { nodeId: string }) {
  const projectId = useDiagramStore((state) => state.project?.id);
  const environment = useRunEnvironment();
  const busy = useRunStore((state) => isActive(state.run?.status));
  if (!projectId || !environment) return null;
  const start = (kind: StartKind, mode: RunTarget['mode']) => {
    useUiStore.getState().set({ bottomTab: 'Terminal' });
    void useRunStore.getState().begin(kind, projectId, environment.id, { nodeId, mode });
  };
  return (
    <section className="node-run-actions" aria-label="Run on this node">
      <h3>Run on this node in {environment.name}</h3>
      <button type="button" disabled={busy} onClick={() => start('plan', 'node')}>Plan this node</button>
      <button type="button" disabled={busy} onClick={() => start('plan', 'with-dependencies')}>Plan with what it depends on</button>
      <button type="button" disabled={busy} onClick={() => start('destroy', 'with-dependents')}>Plan destroy with what depends on it</button>
    </section>
  );
}
