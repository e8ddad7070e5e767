import type { RunNodeView } from '../../../src/core/api/areas/run';
import { attributeChanges, type AttributeChange } from '../runs/valueDiff';
import { BADGES, ChangeBadges } from '../runs/Totals';
import { useDiagramStore } from '../state/diagramStore';
import { usePlanCompareStore } from './planCompareStore';

interface Column {
  environmentId: string;
  name: string;
  planned: boolean;
  node?: RunNodeView;
}

/** Compare mode, one node selected: its resource changes in both environments, attribute by attribute. */
export function NodePlanCompare({ nodeId }: { nodeId: string }) {
  const pair = usePlanCompareStore((state) => state.environmentIds);
  const slots = usePlanCompareStore((state) => state.slots);
  const environments = useDiagramStore((state) => state.project?.environments);
  if (!pair) return null;
  const columns: Column[] = pair.map((environmentId) => ({
    environmentId,
    name: environments?.find((environment) => environment.id === environmentId)?.name ?? environmentId,
    planned: Boolean(slots[environmentId]?.plan),
    node: slots[environmentId]?.plan?.nodes?.[nodeId],
  }));
  const addresses = [...new Set(columns.flatMap((column) => (column.node?.resources ?? []).filter((resource) => resource.kind !== 'no-op').map((resource) => resource.address)))].sort();
  const label = `Planned changes in ${columns.map((column) => column.name).join(' and ')}`;
  return (
    <section className="node-plan-compare" aria-label={label}>
      <h3>{label}</h3>
      <div className="compare-heads">
        {columns.map((column) => (
          <p key={column.environmentId} role="group" aria-label={`Totals of ${column.name}`}>
            <span className="compare-environment">{column.name}</span>
            {column.node && BADGES.some((badge) => column.node!.counts[badge.kind] > 0) ? (
              <ChangeBadges counts={column.node.counts} />
            ) : (
              <span className="compare-quiet">{column.planned ? 'no changes' : 'no plan'}</span>
            )}
          </p>
        ))}
      </div>
      {addresses.length === 0 && <p className="compare-quiet">Neither plan changes this node.</p>}
      {addresses.map((address) => (
        <ResourceComparison key={address} address={address} columns={columns} />
      ))}
    </section>
  );
}

function ResourceComparison({ address, columns }: { address: string; columns: Column[] }) {
  const resources = columns.map((column) => column.node?.resources.find((resource) => resource.address === address));
  const byKey = resources.map((resource) => new Map((resource ? attributeChanges(resource.before, resource.after, resource.unknownPaths) : []).map((change) => [change.key, change])));
  const keys = [...new Set(byKey.flatMap((changes) => [...changes.keys()]))].sort();
  return (
    <details className="resource-comparison" open>
      <summary>
        <code>{address}</code>
      </summary>
      <table aria-label={`Changes of ${address} per environment`}>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            {columns.map((column, index) => (
              <th key={column.environmentId} scope="col">
                {column.name} <span className={`badge badge-${resources[index]?.kind ?? 'no-op'}`}>{resources[index]?.kind ?? 'unchanged'}</span>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key}>
              <th scope="row">{key}</th>
              {byKey.map((changes, index) => (
                <td key={columns[index]!.environmentId}>{shownChange(changes.get(key))}</td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}

/** "before → after" of one attribute; a dash where that environment leaves it as it is. */
function shownChange(change: AttributeChange | undefined): string {
  if (!change) return '—';
  return `${change.before ?? '—'} → ${change.unknown ? '(known after apply)' : (change.after ?? '—')}`;
}
