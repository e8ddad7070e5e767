import { describe, expect, it } from 'vitest';
import type { DiagramEdge, Project } from '../model/diagram';
import { destroyTargets } from './destroyTargets';

function projectOf(names: string[], wires: [string, string][]): Project {
  const edges: DiagramEdge[] = wires.map(([from, to], index) => ({ id: `e${index}`, from: { node: from, artifact: 'out' }, to: { node: to, connection: `in${index}` } }));
  return {
    id: 'p',
    name: 'p',
    diagram: { nodes: names.map((name) => ({ id: name, name: `node_${name}`, bundle: 'b@1.0.0', position: { x: 0, y: 0 }, params: {} })), edges },
    environments: [],
  };
}

describe('destroyTargets', () => {
  // a → b → c → d
  const chain = projectOf(['a', 'b', 'c', 'd'], [['a', 'b'], ['b', 'c'], ['c', 'd']]);
  it('on a chain: the node and everything after it, nothing before', () => {
    expect(destroyTargets(chain, 'b')).toEqual({ nodeIds: ['b', 'c', 'd'], targets: ['module.node_b', 'module.node_c', 'module.node_d'] });
    expect(destroyTargets(chain, 'd')).toEqual({ nodeIds: ['d'], targets: ['module.node_d'] });
    expect(destroyTargets(chain, 'a').targets).toHaveLength(4);
  });

  // top → left, top → right, left → bottom, right → bottom; plus an unrelated node
  const diamond = projectOf(['top', 'left', 'right', 'bottom', 'other'], [['top', 'left'], ['top', 'right'], ['left', 'bottom'], ['right', 'bottom']]);
  it('on a diamond: the shared dependent once, siblings only when downstream', () => {
    expect(destroyTargets(diamond, 'top').targets).toEqual(['module.node_bottom', 'module.node_left', 'module.node_right', 'module.node_top']);
    const left = destroyTargets(diamond, 'left');
    expect(left.targets).toEqual(['module.node_bottom', 'module.node_left']);
    expect([...left.nodeIds].sort()).toEqual(['bottom', 'left']);
    expect(destroyTargets(diamond, 'bottom').targets).toEqual(['module.node_bottom']);
    expect(destroyTargets(diamond, 'other').targets).toEqual(['module.node_other']);
  });

  it('is empty for an unknown node', () => {
    expect(destroyTargets(diamond, 'nope')).toEqual({ nodeIds: [], targets: [] });
  });
});
