import type { StateVersionInfo } from '../../../src/core/api/areas/state';
import { formatSize, formatTime } from './formatSize';

interface Props {
  environmentName: string;
  versions: StateVersionInfo[];
  selected: readonly number[];
  onToggle: (version: number) => void;
  onDownload: (version: StateVersionInfo) => void;
  onRestore: (version: StateVersionInfo) => void;
}

/** Every stored state version of one environment, newest first; pick two to compare them. */
export function VersionTable({ environmentName, versions, selected, onToggle, onDownload, onRestore }: Props) {
  const newest = versions[0]?.version;
  return (
    <table className="state-versions" aria-label={`State versions of ${environmentName}`}>
      <thead>
        <tr>
          <th scope="col">Compare</th>
          <th scope="col">Version</th>
          <th scope="col">Serial</th>
          <th scope="col">Written</th>
          <th scope="col">Size</th>
          <th scope="col">Run</th>
          <th scope="col">Terraform</th>
          <th scope="col">Actions</th>
        </tr>
      </thead>
      <tbody>
        {versions.map((version) => (
          <tr key={version.version}>
            <td>
              <input
                type="checkbox"
                aria-label={`Compare version ${version.version}`}
                checked={selected.includes(version.version)}
                disabled={version.encrypted}
                title={version.encrypted ? 'Encrypted state cannot be compared' : undefined}
                onChange={() => onToggle(version.version)}
              />
            </td>
            <td>
              {version.version}
              {version.source === 'restore' && <small className="empty"> restored from {version.restoredFrom}</small>}
            </td>
            <td>{version.encrypted ? 'encrypted' : (version.serial ?? '')}</td>
            <td>{formatTime(version.createdAt)}</td>
            <td>{formatSize(version.size)}</td>
            <td title={version.runId ?? undefined}>{version.runId ? version.runId.slice(0, 8) : 'outside Driftless'}</td>
            <td>{version.terraformVersion ?? ''}</td>
            <td>
              <button type="button" onClick={() => onDownload(version)} aria-label={`Download version ${version.version}`}>
                Download
              </button>
              {version.version !== newest && (
                <button type="button" onClick={() => onRestore(version)} aria-label={`Restore version ${version.version}`}>
                  Restore
                </button>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
