import type { ResourceSummary, StateDiff } from '../../../src/core/api/areas/state';

const show = (value: unknown) => (value === undefined ? '(none)' : typeof value === 'string' ? value : JSON.stringify(value));
const where = (resource: ResourceSummary) => (resource.node ? ` (node ${resource.node})` : '');

/** Resources added, removed and changed between two state versions, sensitive values masked by the host. */
export function StateDiffView({ diff, from, to }: { diff: StateDiff; from: number; to: number }) {
  const total = diff.added.length + diff.removed.length + diff.changed.length;
  return (
    <section className="state-diff" aria-label={`State diff ${from} → ${to}`}>
      <h3>
        Version {from} → {to}: {diff.added.length} added, {diff.removed.length} removed, {diff.changed.length} changed, {diff.unchanged} unchanged
      </h3>
      {total === 0 && <p className="empty">No resource differs between these versions.</p>}
      <ul aria-label="Resource changes">
        {diff.added.map((resource) => (
          <li key={`+${resource.address}`} className="state-added">
            + {resource.address}
            {where(resource)}
          </li>
        ))}
        {diff.removed.map((resource) => (
          <li key={`-${resource.address}`} className="state-removed">
            - {resource.address}
            {where(resource)}
          </li>
        ))}
        {diff.changed.map((resource) => (
          <li key={`~${resource.address}`} className="state-changed">
            ~ {resource.address}
            {where(resource)}
            <ul aria-label={`Changes of ${resource.address}`}>
              {resource.changes.map((change) => (
                <li key={change.attribute}>
                  {change.attribute}: {show(change.before)} → {show(change.after)}
                </li>
              ))}
            </ul>
          </li>
        ))}
      </ul>
      {diff.outputs.added.length + diff.outputs.removed.length + diff.outputs.changed.length > 0 && (
        <p aria-label="Output changes">
          Outputs: {[...diff.outputs.added.map((name) => `+${name}`), ...diff.outputs.removed.map((name) => `-${name}`), ...diff.outputs.changed.map((name) => `~${name}`)].join(', ')}
        </p>
      )}
    </section>
  );
}
