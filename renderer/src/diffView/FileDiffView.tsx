import { useReactFlow } from '@xyflow/react';
import { useMemo } from 'react';
import { useDiagramStore } from '../state/diagramStore';
import { useFileDiffStore } from './fileDiffStore';
import { groupChanges } from './groupChanges';

/** The open project compared with a diagram file, in words, grouped by node; click a node to focus it. */
export function FileDiffView() {
  const { fileName, changes, problems, clear } = useFileDiffStore();
  const nodeIds = useDiagramStore((state) => state.project?.diagram.nodes.map((node) => node.id).join('\n') ?? '');
  const flow = useReactFlow();
  const groups = useMemo(() => groupChanges(changes ?? []), [changes]);
  if (!fileName) return <p className="empty">Use File → Compare with file… to list what differs between this project and a *.driftless.json file.</p>;
  const present = new Set(nodeIds.split('\n'));
  const focus = (nodeId: string) => {
    useDiagramStore.getState().select([nodeId]);
    void flow.fitView({ nodes: [{ id: nodeId }], duration: 200, maxZoom: 1.2 });
  };
  return (
    <section className="file-diff" aria-label={`Changes from this project to ${fileName}`}>
      <h3>
        This project → {fileName}{' '}
        <button type="button" onClick={clear}>
          Close
        </button>
      </h3>
      {problems && (
        <ul role="alert" aria-label="File problems">
          {problems.map((problem, index) => (
            <li key={index}>{problem}</li>
          ))}
        </ul>
      )}
      {changes && changes.length === 0 && <p>The file describes the same project: nothing differs.</p>}
      {groups.map((group) => (
        <div key={group.nodeId ?? '(project)'} className="file-diff-group">
          <h4>
            {group.nodeId && present.has(group.nodeId) ? (
              <button type="button" className="link" onClick={() => focus(group.nodeId!)} aria-label={`Show ${group.title} on the canvas`}>
                {group.title}
              </button>
            ) : (
              group.title
            )}
          </h4>
          <ul aria-label={`Changes of ${group.title}`}>
            {group.lines.map((line, index) => (
              <li key={index}>{line}</li>
            ))}
          </ul>
        </div>
      ))}
    </section>
  );
}
