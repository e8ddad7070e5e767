import type { DiagramNode, Environment } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';

const show = (value: unknown) => (value === undefined ? 'unset' : JSON.stringify(value));

/** The params this environment overrides, each marked as differing from the default, with a reset. */
export function OverrideList({ node, environment }: { node: DiagramNode; environment: Environment }) {
  const overrides = Object.entries(environment.overrides[node.id] ?? {});
  if (overrides.length === 0) return <p className="field-note">{environment.name} uses every default of this node.</p>;
  return (
    <ul className="override-list" aria-label={`Overrides in ${environment.name}`}>
      {overrides.map(([param, value]) => (
        <li key={param}>
          <span className="differs-mark" title="Differs from default">●</span> <strong>{param}</strong> = {show(value)}{' '}
          <small>(default {show(node.params[param])})</small>{' '}
          <button
            type="button"
            aria-label={`Reset ${param} to default`}
            onClick={() => useDiagramStore.getState().perform({ kind: 'resetOverride', environmentId: environment.id, nodeId: node.id, param })}
          >
            Reset
          </button>
        </li>
      ))}
    </ul>
  );
}
