import { describe, expect, it } from 'vitest';
import type { DiagramChange } from '../../../src/core/diagramFile/diff';
import { groupChanges } from './groupChanges';

describe('groupChanges', () => {
  it('groups the changes of each node under it and puts edges and environments last', () => {
    const changes: DiagramChange[] = [
      { kind: 'edge-added', edgeId: 'e1', from: 'net.network', to: 'db.network' },
      { kind: 'param-changed', nodeId: 'n1', name: 'net', param: 'cidr', from: '10.0.0.0/24', to: '10.1.0.0/24' },
      { kind: 'node-added', nodeId: 'n2', name: 'db', bundle: 'local_database@1.0.0' },
      { kind: 'param-changed', nodeId: 'n1', name: 'net', param: 'name', environment: 'prod', from: undefined, to: 'prod-net' },
    ];
    const groups = groupChanges(changes);
    expect(groups.map((group) => [group.nodeId, group.title, group.lines.length])).toEqual([
      ['n1', 'Node net', 2],
      ['n2', 'Node db', 1],
      [undefined, 'Project, environments and edges', 1],
    ]);
    expect(groups[0]!.lines[0]).toBe('~ node "net": cidr "10.0.0.0/24" → "10.1.0.0/24"');
  });

  it('names a renamed node by its new name and gives no group for no changes', () => {
    expect(groupChanges([{ kind: 'node-renamed', nodeId: 'n1', from: 'a', to: 'b' }])[0]!.title).toBe('Node b');
    expect(groupChanges([])).toEqual([]);
  });
});
