import { targetsFor } from '../compiler/targets';
import { downstreamClosure } from '../graph/closure';
import { graphOfDiagram } from '../graph/dependencyGraph';
import type { Project } from '../model/diagram';

export interface DestroyTargets {
  /** The node and every node that depends on it, transitively (ids, in the graph's order). */
  nodeIds: string[];
  /** Their `-target` addresses (`module.<name>`), sorted. */
  targets: string[];
}

/** What destroying a node takes with it: the node and everything downstream; empty for an unknown node. */
export function destroyTargets(project: Project, nodeId: string): DestroyTargets {
  if (!project.diagram.nodes.some((node) => node.id === nodeId)) return { nodeIds: [], targets: [] };
  return { nodeIds: downstreamClosure(graphOfDiagram(project.diagram), nodeId), targets: targetsFor(project, nodeId, 'with-dependents') };
}
