import { describeChange, type DiagramChange } from '../../../src/core/diagramFile/diff';

/** The changes of one node (or of the project as a whole when nodeId is undefined), in words. */
export interface ChangeGroup {
  nodeId?: string;
  title: string;
  lines: string[];
}

const nodeOf = (change: DiagramChange): { id: string; name: string } | undefined => {
  switch (change.kind) {
    case 'node-added':
    case 'node-removed':
    case 'bundle-changed':
    case 'node-moved':
    case 'param-changed':
      return { id: change.nodeId, name: change.name };
    case 'node-renamed':
      return { id: change.nodeId, name: change.to };
    default:
      return undefined;
  }
};

/** Groups changes by node in first-seen order; edges, environments and the project come last, together. */
export function groupChanges(changes: readonly DiagramChange[]): ChangeGroup[] {
  const groups = new Map<string, ChangeGroup>();
  const other: ChangeGroup = { title: 'Project, environments and edges', lines: [] };
  for (const change of changes) {
    const node = nodeOf(change);
    if (!node) {
      other.lines.push(describeChange(change));
      continue;
    }
    const group = groups.get(node.id) ?? { nodeId: node.id, title: `Node ${node.name}`, lines: [] };
    group.lines.push(describeChange(change));
    groups.set(node.id, group);
  }
  return [...groups.values(), ...(other.lines.length > 0 ? [other] : [])];
}
