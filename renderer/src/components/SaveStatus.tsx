import { useDiagramStore } from '../state/diagramStore';

/** Whether every edit has reached the host. */
export function SaveStatus() {
  const pending = useDiagramStore((state) => state.pending);
  const hasProject = useDiagramStore((state) => Boolean(state.project));
  const loadError = useDiagramStore((state) => state.loadError);
  const text = loadError ? `Project not loaded: ${loadError}` : !hasProject ? 'Opening project…' : pending > 0 ? 'Saving…' : 'All changes saved';
  return <span data-testid="save-status">{text}</span>;
}
