import type { BundleManifest } from '../../../src/core/bundles/manifest';
import type { DiagramNode } from '../../../src/core/model/diagram';
import type { ArtifactValue } from '../../../src/core/api/areas/run';
import { useArtifactValues } from '../runs/useArtifactValues';
import { useDiagramStore } from '../state/diagramStore';
import { useRunEnvironment } from '../state/useRunEnvironment';

/** An artifact's value after the last apply, shortened: the inspector is narrow. */
function shownValue(value: ArtifactValue): string {
  if (value.sensitive) return '(sensitive value)';
  const text = JSON.stringify(value.value) ?? 'null';
  return text.length > 200 ? `${text.slice(0, 200)}…` : text;
}

/**
 * The node's connections (what feeds each, each with a Disconnect button: the keyboard's way to
 * remove an edge) and artifacts (who uses each, and their values after the environment's last apply).
 */
export function PortList({ node, manifest }: { node: DiagramNode; manifest: BundleManifest }) {
  const project = useDiagramStore((state) => state.project);
  const perform = useDiagramStore((state) => state.perform);
  const nameOf = (id: string) => project?.diagram.nodes.find((candidate) => candidate.id === id)?.name ?? id;
  const edges = project?.diagram.edges ?? [];
  const environment = useRunEnvironment();
  const values = useArtifactValues(environment?.id).filter((value) => value.nodeId === node.id);
  return (
    <>
      <h3>Connections</h3>
      <ul className="port-list" aria-label="Connections">
        {Object.entries(manifest.connections).map(([port, spec]) => {
          const feeds = edges.filter((edge) => edge.to.node === node.id && edge.to.connection === port);
          return (
            <li key={port}>
              <strong>{port}</strong> ({spec.type}){spec.required ? ' required' : ''}:{' '}
              {feeds.length > 0
                ? feeds.map((edge) => {
                    const from = `${nameOf(edge.from.node)}.${edge.from.artifact}`;
                    return (
                      <span key={edge.id} className="port-feed">
                        {from}{' '}
                        <button type="button" className="link" aria-label={`Disconnect ${from} from ${port}`} onClick={() => perform({ kind: 'disconnect', edgeId: edge.id })}>
                          Disconnect
                        </button>
                      </span>
                    );
                  })
                : <em>not connected</em>}
            </li>
          );
        })}
        {Object.keys(manifest.connections).length === 0 && <li className="empty">None.</li>}
      </ul>
      <h3>Artifacts</h3>
      <ul className="port-list" aria-label="Artifacts">
        {Object.entries(manifest.artifacts).map(([port, spec]) => {
          const users = edges.filter((edge) => edge.from.node === node.id && edge.from.artifact === port);
          const value = values.find((candidate) => candidate.artifact === port);
          return (
            <li key={port}>
              <strong>{port}</strong> ({spec.type}): {users.length > 0 ? `used by ${users.map((edge) => nameOf(edge.to.node)).join(', ')}` : <em>unused</em>}
              {value && environment && (
                <div className="artifact-value" title={`After the last apply in ${environment.name}`}>
                  = <code>{shownValue(value)}</code>
                </div>
              )}
            </li>
          );
        })}
        {Object.keys(manifest.artifacts).length === 0 && <li className="empty">None.</li>}
      </ul>
    </>
  );
}
