import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Project } from '../model/diagram';
import { applyEdit, type DiagramEdit } from './edits';
import { generateProject } from './generateProject';

const base = generateProject(20, 30);

function applyOk(project: Project, edit: DiagramEdit) {
  const result = applyEdit(project, edit);
  if (!result.ok) throw new Error(`edit refused: ${JSON.stringify(result.diagnostics)}`);
  return result;
}

const newNode = { id: 'x1', name: 'extra', bundle: 'service@1.0.0', position: { x: 1, y: 2 }, params: { size: 'small' } };

const everyKind: [string, DiagramEdit][] = [
  ['addNode', { kind: 'addNode', node: newNode }],
  ['addNode at index', { kind: 'addNode', node: newNode, index: 3 }],
  ['moveNodes', { kind: 'moveNodes', moves: [{ id: 'n1', position: { x: 5, y: 6 } }, { id: 'n4', position: { x: 7, y: 8 } }] }],
  ['renameNode', { kind: 'renameNode', id: 'n3', name: 'renamed' }],
  ['setNodeBundle', { kind: 'setNodeBundle', id: 'n3', bundle: 'service@2.0.0' }],
  ['setParam (new)', { kind: 'setParam', id: 'n3', param: 'extra', value: [1, 2] }],
  ['setParam (existing)', { kind: 'setParam', id: 'n3', param: 'size', value: 'large' }],
  ['unsetParam', { kind: 'unsetParam', id: 'n3', param: 'size' }],
  ['connect', { kind: 'connect', edge: { id: 'new-edge', from: { node: 'n0', artifact: 'network' }, to: { node: 'n5', connection: 'network' } } }],
  ['disconnect', { kind: 'disconnect', edgeId: 'e4' }],
  ['deleteNodes', { kind: 'deleteNodes', ids: ['n0', 'n2', 'n7'] }],
  ['setOverride', { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n5', param: 'size', value: 'medium' }],
  ['setOverride (existing)', { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n0', param: 'cidr', value: '10.9.0.0/16' }],
  ['resetOverride', { kind: 'resetOverride', environmentId: 'env-dev', nodeId: 'n0', param: 'cidr' }],
  ['addEnvironment', { kind: 'addEnvironment', environment: { id: 'env-qa', name: 'qa', providers: {}, overrides: {}, backend: { type: 'embedded' } } }],
  ['removeEnvironment', { kind: 'removeEnvironment', environmentId: 'env-dev' }],
  ['renameEnvironment', { kind: 'renameEnvironment', environmentId: 'env-prod', name: 'production' }],
  ['setEnvironmentProviders', { kind: 'setEnvironmentProviders', environmentId: 'env-prod', providers: { aws: { region: 'ap-south-1' } } }],
  ['setEnvironmentBackend', { kind: 'setEnvironmentBackend', environmentId: 'env-dev', backend: { type: 'pg', config: { conn_str: 'postgres://x' } } }],
  ['batch', { kind: 'batch', edits: [{ kind: 'renameNode', id: 'n3', name: 'a' }, { kind: 'renameNode', id: 'n3', name: 'b' }, { kind: 'deleteNodes', ids: ['n4'] }] }],
];

describe('applyEdit', () => {
  it.each(everyKind)('%s: applying the inverse restores the project exactly', (_label, edit) => {
    const { project, inverse } = applyOk(base, edit);
    expect(project).not.toEqual(base);
    const restored = applyOk(project, inverse).project;
    expect(restored).toStrictEqual(base);
    // Redo: the inverse of the inverse reproduces the edited project.
    const redo = applyOk(restored, applyOk(project, inverse).inverse).project;
    expect(redo).toStrictEqual(project);
  });

  it('says what is wrong with a malformed edit', () => {
    const result = applyEdit(base, { kind: 'moveNodes', moves: [{ id: 'n1', position: { x: 'left', y: 0 } }] } as unknown as DiagramEdit);
    expect(result.ok ? '' : result.diagnostics[0]!.message).toContain('a moveNodes edit must be an object whose "moves" is an array whose item 0 is an object whose "position" is an object whose "x" is a number');
  });

  it('shares every unchanged object (only the changed node is replaced)', () => {
    const { project } = applyOk(base, { kind: 'setParam', id: 'n3', param: 'size', value: 'large' });
    expect(project.diagram.nodes[3]).not.toBe(base.diagram.nodes[3]);
    project.diagram.nodes.forEach((node, index) => {
      if (index !== 3) expect(node).toBe(base.diagram.nodes[index]);
    });
    expect(project.diagram.edges).toBe(base.diagram.edges);
    expect(project.environments).toBe(base.environments);
    expect(base.diagram.nodes[3]!.params.size).toBe('small');
  });

  it('renameNode appends the old name to formerNames, and renaming back drops it', () => {
    const once = applyOk(base, { kind: 'renameNode', id: 'n3', name: 'web' }).project;
    expect(once.diagram.nodes[3]).toMatchObject({ name: 'web', formerNames: ['service_3'] });
    const twice = applyOk(once, { kind: 'renameNode', id: 'n3', name: 'api' }).project;
    expect(twice.diagram.nodes[3]!.formerNames).toEqual(['service_3', 'web']);
    const back = applyOk(twice, { kind: 'renameNode', id: 'n3', name: 'service_3' }).project;
    expect(back.diagram.nodes[3]!.formerNames).toEqual(['web', 'api']);
  });

  it('deleteNodes removes the nodes, their edges and their overrides', () => {
    const { project } = applyOk(base, { kind: 'deleteNodes', ids: ['n0'] });
    expect(project.diagram.nodes.some((node) => node.id === 'n0')).toBe(false);
    expect(project.diagram.edges.some((edge) => edge.from.node === 'n0' || edge.to.node === 'n0')).toBe(false);
    expect(project.environments[0]!.overrides.n0).toBeUndefined();
  });

  it.each<[string, DiagramEdit, string]>([
    ['unknown node', { kind: 'setParam', id: 'nope', param: 'a', value: 1 }, 'edit.unknown-node'],
    ['duplicate node id', { kind: 'addNode', node: { ...newNode, id: 'n1' } }, 'edit.duplicate-node-id'],
    ['duplicate edge id', { kind: 'connect', edge: { id: 'e1', from: { node: 'n0', artifact: 'a' }, to: { node: 'n2', connection: 'b' } } }, 'edit.duplicate-edge-id'],
    ['edge to a missing node', { kind: 'connect', edge: { id: 'z', from: { node: 'n0', artifact: 'a' }, to: { node: 'ghost', connection: 'b' } } }, 'edit.edge-to-missing-node'],
    ['unknown edge', { kind: 'disconnect', edgeId: 'ghost' }, 'edit.unknown-edge'],
    ['unknown environment', { kind: 'renameEnvironment', environmentId: 'ghost', name: 'x' }, 'edit.unknown-environment'],
    ['override of an unknown node', { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'ghost', param: 'a', value: 1 }, 'edit.unknown-node'],
    ['duplicate environment id', { kind: 'addEnvironment', environment: { ...base.environments[0]! } }, 'edit.duplicate-environment-id'],
    ['a failing edit inside a batch', { kind: 'batch', edits: [{ kind: 'moveNodes', moves: [{ id: 'n1', position: { x: 0, y: 0 } }] }, { kind: 'deleteNodes', ids: ['ghost'] }] }, 'edit.unknown-node'],
    ['an unknown kind', { kind: 'explode' } as unknown as DiagramEdit, 'edit.malformed'],
    ['a move without positions', { kind: 'moveNodes', moves: [{ id: 'n1' }] } as unknown as DiagramEdit, 'edit.malformed'],
    ['a node without params', { kind: 'addNode', node: { id: 'q', name: 'q', bundle: 'b@1', position: { x: 0, y: 0 } } } as unknown as DiagramEdit, 'edit.malformed'],
    ['an extra field', { kind: 'disconnect', edgeId: 'e1', force: true } as unknown as DiagramEdit, 'edit.malformed'],
    ['a malformed edit inside a batch', { kind: 'batch', edits: [{ kind: 'setParam', id: 'n1', param: 'a' }] } as unknown as DiagramEdit, 'edit.malformed'],
    ['a remote backend without config', { kind: 'setEnvironmentBackend', environmentId: 'env-dev', backend: { type: 's3' } } as unknown as DiagramEdit, 'edit.malformed'],
  ])('refuses %s with a diagnostic, without throwing', (_label, edit, code) => {
    const result = applyEdit(base, edit);
    expect(result.ok).toBe(false);
    if (!result.ok) {
      expect(result.diagnostics[0]!.code).toBe(code);
      expect(result.diagnostics[0]!.message.length).toBeGreaterThan(10);
    }
  });
});

/** Turns random numbers into an edit that fits (mostly) the current project. */
function editFrom(project: Project, choice: number, pick: number, value: string, step: number): DiagramEdit {
  const nodes = project.diagram.nodes;
  const node = nodes.length > 0 ? nodes[pick % nodes.length]! : undefined;
  const other = nodes.length > 0 ? nodes[(pick * 7 + 3) % nodes.length]! : undefined;
  const environment = project.environments.length > 0 ? project.environments[pick % project.environments.length] : undefined;
  const id = node?.id ?? 'ghost';
  const environmentId = environment?.id ?? 'ghost';
  switch (choice % 16) {
    case 0:
      return { kind: 'addNode', node: { id: `g${step}`, name: `g_${step}`, bundle: 'service@1.0.0', position: { x: pick, y: step }, params: {} }, index: pick % 5 === 0 ? pick % 7 : undefined };
    case 1:
      return { kind: 'moveNodes', moves: [{ id, position: { x: pick, y: -pick } }] };
    case 2:
      return { kind: 'renameNode', id, name: value || 'x' };
    case 3:
      return { kind: 'setParam', id, param: value.slice(0, 2) || 'p', value: { nested: [value, pick] } };
    case 4:
      return { kind: 'unsetParam', id, param: Object.keys(node?.params ?? {})[0] ?? 'size' };
    case 5:
      return { kind: 'connect', edge: { id: `c${step}`, from: { node: id, artifact: 'endpoint' }, to: { node: other?.id ?? 'ghost', connection: 'peers' } } };
    case 6:
      return { kind: 'disconnect', edgeId: project.diagram.edges[pick % Math.max(1, project.diagram.edges.length)]?.id ?? 'ghost' };
    case 7:
      return { kind: 'deleteNodes', ids: [id, ...(pick % 3 === 0 && other ? [other.id] : [])] };
    case 8:
      return { kind: 'setOverride', environmentId, nodeId: id, param: value.slice(0, 1) || 'o', value: pick };
    case 9: {
      const overridden = Object.entries(environment?.overrides ?? {})[0];
      return { kind: 'resetOverride', environmentId, nodeId: overridden?.[0] ?? id, param: Object.keys(overridden?.[1] ?? {})[0] ?? 'o' };
    }
    case 10:
      return { kind: 'addEnvironment', environment: { id: `env${step}`, name: `env_${step}`, providers: {}, overrides: {}, backend: { type: 'embedded' } }, index: pick % 3 };
    case 11:
      return { kind: 'removeEnvironment', environmentId };
    case 12:
      return { kind: 'renameEnvironment', environmentId, name: value };
    case 13:
      return { kind: 'setEnvironmentProviders', environmentId, providers: { aws: { region: value } } };
    case 14:
      return { kind: 'setEnvironmentBackend', environmentId, backend: pick % 2 ? { type: 'embedded' } : { type: 's3', config: { bucket: value } } };
    default:
      return { kind: 'batch', edits: [{ kind: 'setNodeBundle', id, bundle: `service@${pick % 3}.0.0` }, { kind: 'renameNode', id, name: `${value}_b` }] };
  }
}

describe('applyEdit over random edit sequences', () => {
  it('undoing every applied edit in reverse order restores the start, and redoing reaches the end', () => {
    const start = generateProject(8, 10);
    fc.assert(
      fc.property(fc.array(fc.tuple(fc.nat(), fc.nat(), fc.string({ maxLength: 4 })), { maxLength: 40 }), (seeds) => {
        let project = start;
        const applied: { edit: DiagramEdit; inverse: DiagramEdit; before: Project }[] = [];
        seeds.forEach(([choice, pick, value], step) => {
          const edit = editFrom(project, choice, pick, value, step);
          const result = applyEdit(project, edit);
          if (!result.ok) {
            expect(result.diagnostics.length).toBeGreaterThan(0);
            return;
          }
          applied.push({ edit, inverse: result.inverse, before: project });
          project = result.project;
        });
        const end = project;
        for (const { inverse, before } of [...applied].reverse()) {
          project = applyOk(project, inverse).project;
          expect(project).toStrictEqual(before);
        }
        expect(project).toStrictEqual(start);
        for (const { edit } of applied) project = applyOk(project, edit).project;
        expect(project).toStrictEqual(end);
      }),
      { numRuns: 300 },
    );
  });
});
