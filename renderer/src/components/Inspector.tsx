import { ComparedPlans } from '../environments/ComparedPlans';
import { NodePlanCompare } from '../environments/NodePlanCompare';
import { NodeInspector } from '../inspector/NodeInspector';
import { useDiagramStore } from '../state/diagramStore';

/** Right: params and details of the selected node; in compare mode, its changes in both environments first. */
export function Inspector() {
  // A selector returning the one selected node (or a count): re-renders only when that changes.
  const selected = useDiagramStore((state) => {
    const chosen = state.nodes.filter((node) => node.selected);
    return chosen.length === 1 ? chosen[0]!.data : chosen.length;
  });
  return (
    <aside className="inspector" aria-label="Inspector">
      <h2>Inspector</h2>
      {typeof selected === 'number' ? (
        <>
          <p className="empty">{selected === 0 ? 'Select a node to edit its params.' : `${selected} nodes selected.`}</p>
          <ComparedPlans />
        </>
      ) : (
        <>
          <NodePlanCompare nodeId={selected.node.id} />
          <NodeInspector node={selected.node} bundle={selected.bundle} />
        </>
      )}
    </aside>
  );
}
