import { describe, expect, it } from 'vitest';
import { applyEdit, type DiagramEdit } from '../diagram/edits';
import { generateProject } from '../diagram/generateProject';
import type { Project } from '../model/diagram';
import { describeChange, diffProjects } from './diff';
import { mergeProjects } from './merge';
import { parseDiagramFile } from './parse';
import { serializeDiagramFile } from './serialize';

const base = generateProject(6, 6);
const newNode = { id: 'fresh', name: 'cache', bundle: 'service@1.0.0', position: { x: 0, y: 0 }, params: {} };

function edit(project: Project, ...edits: DiagramEdit[]): Project {
  const result = applyEdit(project, { kind: 'batch', edits });
  if (!result.ok) throw new Error(JSON.stringify(result.diagnostics));
  return result.project;
}

describe('diffProjects', () => {
  it.each<[string, DiagramEdit[], string[]]>([
    ['a rename (not a delete and an add)', [{ kind: 'renameNode', id: 'n2', name: 'frontend' }], ['~ node "service_2" renamed to "frontend"']],
    ['a node added', [{ kind: 'addNode', node: newNode }], ['+ node "cache" added (service@1.0.0)']],
    ['a node removed with its edges', [{ kind: 'deleteNodes', ids: ['n5'] }], ['- node "service_5" removed (service@1.0.0)', '- edge network_0.network → service_5.network']],
    ['a bundle upgrade', [{ kind: 'setNodeBundle', id: 'n3', bundle: 'service@1.1.0' }], ['~ node "service_3": bundle service@1.0.0 → service@1.1.0']],
    ['a param change', [{ kind: 'setParam', id: 'n3', param: 'size', value: 'large' }], ['~ node "service_3": size "small" → "large"']],
    ['a param set and one unset', [{ kind: 'setParam', id: 'n3', param: 'zone', value: 'b' }, { kind: 'unsetParam', id: 'n3', param: 'size' }], ['~ node "service_3": size unset, was "small"', '~ node "service_3": zone set to "b"']],
    ['an override in one environment', [{ kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n3', param: 'replicas', value: 9 }], ['~ node "service_3" in environment "prod": replicas set to 9']],
    ['an edge added', [{ kind: 'connect', edge: { id: 'x', from: { node: 'n1', artifact: 'endpoint' }, to: { node: 'n4', connection: 'peers' } } }], ['+ edge service_1.endpoint → service_4.peers']],
    ['an environment added and one renamed', [{ kind: 'addEnvironment', environment: { id: 'qa', name: 'qa', providers: {}, overrides: {}, backend: { type: 'embedded' } } }, { kind: 'renameEnvironment', environmentId: 'env-dev', name: 'development' }], ['~ environment "dev" renamed to "development"', '+ environment "qa" added']],
    ['a region and a backend change', [{ kind: 'setEnvironmentProviders', environmentId: 'env-dev', providers: { aws: { region: 'eu-north-1' } } }, { kind: 'setEnvironmentBackend', environmentId: 'env-dev', backend: { type: 'embedded' } }], ['~ environment "dev": provider aws settings {"region":"eu-west-1"} → {"region":"eu-north-1"}']],
    ['a move', [{ kind: 'moveNodes', moves: [{ id: 'n1', position: { x: 9, y: 9 } }] }], ['~ node "service_1" moved on the canvas']],
    ['nothing', [], []],
  ])('describes %s', (_label, edits, lines) => {
    expect(diffProjects(base, edit(base, ...edits)).map(describeChange)).toEqual(lines);
  });

  it('shows secrets as (secret), never a value', () => {
    const after = edit(base, { kind: 'setParam', id: 'n3', param: 'password', value: { $secret: 'set' } });
    expect(diffProjects(base, after).map(describeChange)).toEqual(['~ node "service_3": password set to (secret)']);
  });
});

describe('mergeProjects', () => {
  const cases: [string, DiagramEdit[], DiagramEdit[], DiagramEdit[], string[]][] = [
    // label, ours, theirs, the edits the clean result equals (applied to base), conflict pointers
    ['edits on different nodes', [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'setParam', id: 'n2', param: 'size', value: 'medium' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }, { kind: 'setParam', id: 'n2', param: 'size', value: 'medium' }], []],
    ['different params of one node', [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'setParam', id: 'n1', param: 'replicas', value: 4 }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }, { kind: 'setParam', id: 'n1', param: 'replicas', value: 4 }], []],
    ['the same change on both sides', [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], []],
    ['a rename against a param edit', [{ kind: 'renameNode', id: 'n1', name: 'api' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'renameNode', id: 'n1', name: 'api' }, { kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], []],
    ['nodes added on both sides', [{ kind: 'addNode', node: newNode }], [{ kind: 'addNode', node: { ...newNode, id: 'other', name: 'queue' } }], [{ kind: 'addNode', node: newNode }, { kind: 'addNode', node: { ...newNode, id: 'other', name: 'queue' } }], []],
    ['a delete against an untouched node', [{ kind: 'deleteNodes', ids: ['n4'] }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'deleteNodes', ids: ['n4'] }, { kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], []],
    ['overrides in different environments', [{ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n1', param: 'size', value: 'large' }], [{ kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n1', param: 'size', value: 'medium' }], [{ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n1', param: 'size', value: 'large' }, { kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n1', param: 'size', value: 'medium' }], []],
    ['concurrent edits of one param', [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'medium' }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], ['/nodes/1/params/size']],
    ['two different renames', [{ kind: 'renameNode', id: 'n1', name: 'api' }], [{ kind: 'renameNode', id: 'n1', name: 'backend' }], [{ kind: 'renameNode', id: 'n1', name: 'api' }], ['/nodes/1/name']],
    ['ours deleted a node theirs edited', [{ kind: 'deleteNodes', ids: ['n1'] }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'deleteNodes', ids: ['n1'] }], ['/nodes/1']],
    ['theirs deleted a node ours edited', [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], [{ kind: 'deleteNodes', ids: ['n1'] }], [{ kind: 'setParam', id: 'n1', param: 'size', value: 'large' }], ['/nodes/1']],
    ['an override both changed', [{ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n0', param: 'cidr', value: '10.1.0.0/16' }], [{ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n0', param: 'cidr', value: '10.2.0.0/16' }], [{ kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n0', param: 'cidr', value: '10.1.0.0/16' }], ['/environments/0/overrides/n0/cidr']],
    ['two new nodes with one name', [{ kind: 'addNode', node: newNode }], [{ kind: 'addNode', node: { ...newNode, id: 'other' } }], [{ kind: 'addNode', node: newNode }, { kind: 'addNode', node: { ...newNode, id: 'other', name: 'cache_2' } }], ['/nodes/7/name']],
  ];

  it.each(cases)('%s', (_label, oursEdits, theirsEdits, expectedEdits, pointers) => {
    const { project, conflicts } = mergeProjects(base, edit(base, ...oursEdits), edit(base, ...theirsEdits));
    expect(conflicts.map((conflict) => conflict.pointer)).toEqual(pointers);
    for (const conflict of conflicts) expect(conflict.message.length).toBeGreaterThan(20);
    expect(diffProjects(edit(base, ...expectedEdits), project)).toEqual([]);
    // The merged project is always a complete file.
    expect('project' in parseDiagramFile(serializeDiagramFile(project))).toBe(true);
  });

  it('merges edges by the ports they join: removals and additions of both sides, no duplicates', () => {
    const ours = edit(base, { kind: 'disconnect', edgeId: 'e0' }, { kind: 'connect', edge: { id: 'x1', from: { node: 'n1', artifact: 'endpoint' }, to: { node: 'n3', connection: 'peers' } } });
    const theirs = edit(base, { kind: 'connect', edge: { id: 'x1', from: { node: 'n1', artifact: 'endpoint' }, to: { node: 'n4', connection: 'peers' } } }, { kind: 'connect', edge: { id: 'y', from: { node: 'n1', artifact: 'endpoint' }, to: { node: 'n3', connection: 'peers' } } });
    const { project, conflicts } = mergeProjects(base, ours, theirs);
    expect(conflicts).toEqual([]);
    const joined = project.diagram.edges.map((edge) => `${edge.id}:${edge.from.node}>${edge.to.node}.${edge.to.connection}`);
    expect(joined).not.toContain('e0:n0>n1.network');
    expect(joined).toContain('x1:n1>n3.peers');
    expect(joined).toContain('x1-2:n1>n4.peers');
    expect(joined.filter((line) => line.includes('n1>n3.peers'))).toHaveLength(1);
  });

  it('reports an edge one side added to a node the other side deleted, and drops it', () => {
    const ours = edit(base, { kind: 'connect', edge: { id: 'x', from: { node: 'n1', artifact: 'endpoint' }, to: { node: 'n4', connection: 'peers' } } });
    const theirs = edit(base, { kind: 'deleteNodes', ids: ['n4'] });
    const { project, conflicts } = mergeProjects(base, ours, theirs);
    expect(conflicts.map((conflict) => [conflict.pointer, conflict.side])).toEqual([[`/edges/${ours.diagram.edges.length - 1}`, 'ours']]);
    expect(project.diagram.nodes.some((node) => node.id === 'n4')).toBe(false);
  });
});
