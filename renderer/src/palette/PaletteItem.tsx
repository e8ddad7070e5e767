import { useReactFlow } from '@xyflow/react';
import { memo, type DragEvent, type KeyboardEvent } from 'react';
import type { CatalogBundle } from '../../../src/core/bundles/manifest';
import { BUNDLE_DRAG_TYPE } from '../components/Canvas';
import { addBundleNode } from '../state/addBundleNode';

/** One bundle: drag it onto the canvas, or focus it and press Enter to add it in the middle of the view. */
export const PaletteItem = memo(function PaletteItem({ bundle }: { bundle: CatalogBundle }) {
  const flow = useReactFlow();
  const { manifest } = bundle;
  const problems = bundle.diagnostics.filter((diagnostic) => diagnostic.severity !== 'info');
  const descriptionId = `palette-${bundle.ref.replace(/[^a-zA-Z0-9_-]/g, '-')}`;

  const onDragStart = (event: DragEvent) => {
    event.dataTransfer.setData(BUNDLE_DRAG_TYPE, bundle.ref);
    event.dataTransfer.effectAllowed = 'copy';
  };
  const addAtCentre = () => {
    const canvas = document.querySelector('.canvas')?.getBoundingClientRect();
    const centre = canvas ? { x: canvas.left + canvas.width / 2 - 120, y: canvas.top + canvas.height / 2 - 60 } : { x: 0, y: 0 };
    addBundleNode(bundle, flow.screenToFlowPosition(centre));
  };
  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    addAtCentre();
  };

  return (
    <li>
      <div
        className={`palette-item${problems.length > 0 ? ' has-problem' : ''}`}
        role="button"
        tabIndex={0}
        draggable
        aria-label={manifest.title}
        aria-describedby={descriptionId}
        onDragStart={onDragStart}
        onKeyDown={onKeyDown}
        onDoubleClick={addAtCentre}
      >
        <div className="palette-item-title">
          <span>{manifest.title}</span>
          <span className="palette-item-version">{manifest.version}</span>
        </div>
        <div id={descriptionId} className="palette-item-description">
          {manifest.description}
          {problems.length > 0 && (
            <span className="palette-item-problem" title={problems.map((problem) => problem.message).join('\n')}>
              {' '}⚠ {problems.length} problem{problems.length === 1 ? '' : 's'}
            </span>
          )}
        </div>
      </div>
    </li>
  );
});
