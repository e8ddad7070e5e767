import type { RunNodeView } from '../../core/api/areas/run';
import type { Project } from '../../core/model/diagram';
import { planHasChanges, type PlanSummary } from '../../core/terraform/plan';
import type { RunMeta } from './runRecords';

/** A saved plan's summary as stored with its run: per node id, masked, plain JSON. */
export function planMeta(summary: PlanSummary, project: Project): Partial<RunMeta> {
  const nodes: Record<string, RunNodeView> = {};
  for (const node of project.diagram.nodes) {
    const changes = summary.nodes[node.name];
    if (changes) nodes[node.id] = { nodeId: node.id, name: node.name, counts: changes.counts, resources: changes.resources, drift: changes.drift };
    // Root outputs are `<node>__<artifact>`: unknown ones mark the node's outgoing edges.
    const unknown = summary.outputs.filter((output) => output.afterUnknown && output.name.startsWith(`${node.name}__`)).map((output) => output.name.slice(node.name.length + 2));
    if (unknown.length > 0 && nodes[node.id]) nodes[node.id]!.unknownArtifacts = unknown.sort();
  }
  // Plain data: the masked views serialise through toJSON.
  return JSON.parse(JSON.stringify({ hasChanges: planHasChanges(summary), totals: summary.totals, nodes })) as Partial<RunMeta>;
}
