import { graphOfDiagram } from '../../../src/core/graph/dependencyGraph';
import { downstreamClosure } from '../../../src/core/graph/closure';
import type { DiagramEdit } from '../../../src/core/diagram/edits';
import { selectedNodeIds, type Action } from './types';

/** Deletes the selection; when other nodes depend on it, asks first, listing them. */
export const actionDeleteSelection: Action = {
  name: 'deleteSelection',
  label: 'Delete selection',
  shortcut: 'Delete',
  keyTest: (event) => event.key === 'Delete' || event.key === 'Backspace',
  enabled: (context) => selectedNodeIds(context).length > 0 || context.diagram.edges.some((edge) => edge.selected),
  perform: (context) => {
    const { diagram, ui } = context;
    const ids = selectedNodeIds(context);
    const edgeIds = diagram.edges.filter((edge) => edge.selected).map((edge) => edge.id);
    if (!diagram.project) return;
    const graph = graphOfDiagram(diagram.project.diagram);
    const doomed = new Set(ids);
    const downstream = [...new Set(ids.flatMap((id) => downstreamClosure(graph, id)))].filter((id) => !doomed.has(id));
    if (downstream.length > 0) {
      ui.set({ pendingDelete: { ids, downstream } });
      return;
    }
    const edits: DiagramEdit[] = edgeIds
      .filter((id) => diagram.project!.diagram.edges.some((edge) => edge.id === id && !doomed.has(edge.from.node) && !doomed.has(edge.to.node)))
      .map((edgeId) => ({ kind: 'disconnect', edgeId }));
    if (ids.length > 0) edits.push({ kind: 'deleteNodes', ids });
    diagram.perform(edits.length === 1 ? edits[0]! : { kind: 'batch', edits });
  },
};
