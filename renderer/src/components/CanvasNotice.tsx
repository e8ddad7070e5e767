import { useDiagramStore } from '../state/diagramStore';

/** Why the last edit or connection was refused (or a short confirmation), until the next edit. */
export function CanvasNotice() {
  const notice = useDiagramStore((state) => state.notice);
  const setNotice = useDiagramStore((state) => state.setNotice);
  if (!notice) return null;
  return (
    <div className="canvas-notice" role="alert">
      <span>{notice}</span>
      <button type="button" aria-label="Dismiss message" onClick={() => setNotice(undefined)}>
        ×
      </button>
    </div>
  );
}
