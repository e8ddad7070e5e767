import type { DriftReport } from '../../../src/core/api/areas/drift';
import type { Project } from '../../../src/core/model/diagram';

const sourceText = { outside: 'changed outside Terraform', state: 'recorded state changed outside Driftless' } as const;

/** The drifted resources of a check, grouped by node, with the attributes that differ. */
export function DriftResources({ report, project }: { report: DriftReport; project: Project }) {
  const nameOf = (nodeId: string) => project.diagram.nodes.find((node) => node.id === nodeId)?.name ?? nodeId;
  return (
    <table aria-label="Drifted resources">
      <thead>
        <tr>
          <th>Node</th>
          <th>Resource</th>
          <th>What differs</th>
          <th>How</th>
        </tr>
      </thead>
      <tbody>
        {Object.entries(report.nodes).flatMap(([nodeId, resources]) =>
          resources.map((resource) => (
            <tr key={`${nodeId}:${resource.address}`}>
              <td>{nameOf(nodeId)}</td>
              <td>
                <code>{resource.address}</code>
              </td>
              <td>{resource.attributes.length > 0 ? resource.attributes.join(', ') : '—'}</td>
              <td>{sourceText[resource.source]}</td>
            </tr>
          )),
        )}
      </tbody>
    </table>
  );
}
