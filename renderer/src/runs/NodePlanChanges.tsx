import type { ResourceChangeView } from '../../../src/core/terraform/plan';
import { useRunStore } from './runStore';
import { ChangeBadges } from './Totals';
import { attributeChanges } from './valueDiff';

/** The selected node's resource changes in the shown plan, each with a before/after diff. */
export function NodePlanChanges({ nodeId }: { nodeId: string }) {
  const changes = useRunStore((state) => state.run?.nodes?.[nodeId]);
  const live = useRunStore((state) => state.live[nodeId]);
  if (!changes && !live) return null;
  return (
    <section className="node-plan-changes" aria-label="Planned changes">
      <h3>Planned changes</h3>
      {live && <p>Live status: {live}</p>}
      {changes && <ChangeBadges counts={changes.counts} />}
      {changes?.resources.filter((resource) => resource.kind !== 'no-op').map((resource) => <ResourceDiff key={resource.address} resource={resource} />)}
      {changes?.drift.map((resource) => <ResourceDiff key={`drift:${resource.address}`} resource={resource} drift />)}
    </section>
  );
}

function ResourceDiff({ resource, drift }: { resource: ResourceChangeView; drift?: boolean }) {
  const rows = attributeChanges(resource.before, resource.after, resource.unknownPaths);
  return (
    <details className="resource-diff" open>
      <summary>
        <span className={`badge badge-${resource.kind}`}>{drift ? 'drifted' : resource.kind}</span> <code>{resource.address}</code>
      </summary>
      {resource.actionReason && <p className="muted">{resource.actionReason}</p>}
      <table aria-label={`Changes of ${resource.address}`}>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.key}>
              <th scope="row">{row.key}</th>
              <td className="before">{row.before ?? '—'}</td>
              <td className="after">{row.unknown ? '(known after apply)' : (row.after ?? '—')}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </details>
  );
}
