import { useMemo, useState } from 'react';
import type { CatalogBundle } from '../../../src/core/bundles/manifest';
import type { DiagramNode } from '../../../src/core/model/diagram';
import { useDiagramStore } from '../state/diagramStore';
import { schemaChanges } from './schemaChanges';

/** Changes the node's bundle version, after showing what changes in its params and ports. */
export function VersionPicker({ node, bundle }: { node: DiagramNode; bundle: CatalogBundle }) {
  const bundles = useDiagramStore((state) => state.catalog.bundles);
  const versions = useMemo(() => bundles.filter((candidate) => candidate.manifest.name === bundle.manifest.name && candidate.ref !== bundle.ref), [bundles, bundle]);
  const [target, setTarget] = useState('');
  if (versions.length === 0) return null;
  const chosen = versions.find((candidate) => candidate.ref === target);
  const changes = chosen ? schemaChanges(bundle.manifest, chosen.manifest) : [];
  return (
    <div className="field">
      <label htmlFor={`version-${node.id}`}>Bundle version</label>
      <select id={`version-${node.id}`} value={target} onChange={(event) => setTarget(event.target.value)}>
        <option value="">{bundle.manifest.version} (current)</option>
        {versions.map((candidate) => (
          <option key={candidate.ref} value={candidate.ref}>
            {candidate.manifest.version}
          </option>
        ))}
      </select>
      {chosen && (
        <>
          <ul className="field-note" aria-label="What changes">
            {changes.length > 0 ? changes.map((change) => <li key={change}>{change}</li>) : <li>Params and ports stay the same.</li>}
          </ul>
          <button
            type="button"
            onClick={() => {
              useDiagramStore.getState().perform({ kind: 'setNodeBundle', id: node.id, bundle: chosen.ref });
              setTarget('');
            }}
          >
            Change to {chosen.manifest.version}
          </button>
        </>
      )}
    </div>
  );
}
