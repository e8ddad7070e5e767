import type { BundleManifest } from '../../../src/core/bundles/manifest';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import { useDiagramStore } from '../state/diagramStore';

/** Applies a preset's values to the node's params, as one undoable edit. */
export function PresetPicker({ nodeId, manifest }: { nodeId: string; manifest: BundleManifest }) {
  const presets = Object.entries(manifest.presets);
  if (presets.length === 0) return null;
  const apply = (name: string) => {
    const preset = manifest.presets[name];
    if (!preset) return;
    const edits: DiagramEdit[] = Object.entries(preset.values).map(([param, value]) => ({ kind: 'setParam', id: nodeId, param, value }));
    useDiagramStore.getState().perform({ kind: 'batch', edits });
  };
  return (
    <div className="field">
      <label htmlFor={`preset-${nodeId}`}>Preset</label>
      <select id={`preset-${nodeId}`} value="" onChange={(event) => apply(event.target.value)}>
        <option value="">Apply a preset…</option>
        {presets.map(([name, preset]) => (
          <option key={name} value={name} title={preset.description}>
            {preset.title}
          </option>
        ))}
      </select>
    </div>
  );
}
