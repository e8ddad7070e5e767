import { describe, expect, it } from 'vitest';
import type { CatalogBundle, CatalogSnapshot } from '../../../src/core/bundles/manifest';
import { applyEdit } from '../../../src/core/diagram/edits';
import type { Project } from '../../../src/core/model/diagram';
import { shownValue } from '../environments/shownValue';
import { buildMatrix, bundlesInUse, cellKey, matrixEdits, paramsOfBundle, paramType, parseValue } from './matrixModel';

const bundle = (name: string, properties: Record<string, unknown>): CatalogBundle => ({
  ref: `${name}@1.0.0`,
  origin: 'manifest',
  hash: name,
  dir: '/bundles',
  sensitiveOutputs: [],
  diagnostics: [],
  manifest: { name, version: '1.0.0', title: name, description: '', category: 'Local', tags: [], module: 'module', params: { type: 'object', properties }, presets: {}, connections: {}, artifacts: {}, ui: {}, providers: {} },
});

const catalog: CatalogSnapshot = { bundles: [bundle('pg', { instance_class: { type: 'string' }, storage: { type: 'integer' } }), bundle('web', { replicas: { type: 'integer' } })], types: [], diagnostics: [] };

const environment = (id: string, overrides: Project['environments'][number]['overrides'] = {}) => ({ id, name: id, providers: {}, backend: { type: 'embedded' as const }, overrides });

const project = {
  id: 'p',
  name: 'p',
  diagram: {
    nodes: [
      { id: 'a', name: 'orders', bundle: 'pg@1.0.0', position: { x: 0, y: 0 }, params: { instance_class: 'small' } },
      { id: 'b', name: 'users', bundle: 'pg@1.0.0', position: { x: 0, y: 0 }, params: {} },
      { id: 'c', name: 'api', bundle: 'web@1.0.0', position: { x: 0, y: 0 }, params: { replicas: 1 } },
    ],
    edges: [],
  },
  environments: [environment('dev'), environment('prod', { a: { instance_class: 'large' } })],
} as unknown as Project;

describe('batch change matrix', () => {
  it('lists the bundles in use and their params from manifests, nodes and overrides', () => {
    expect(bundlesInUse(project)).toEqual(['pg', 'web']);
    expect(paramsOfBundle(project, catalog, 'pg')).toEqual(['instance_class', 'storage']);
  });

  it('shows each node × environment with its effective value and where it comes from', () => {
    const rows = buildMatrix(project, 'pg', 'instance_class');
    expect(rows.map((row) => row.node)).toEqual(['orders', 'users']);
    expect(rows[0]!.cells.map((cell) => [cell.environmentId, cell.value, cell.source])).toEqual([
      ['dev', 'small', 'node'],
      ['prod', 'large', 'override'],
    ]);
    expect(shownValue(rows[1]!.cells[0]!)).toBe('(default)');
  });

  it('reads typed values by the param type and refuses what does not fit', () => {
    expect(paramType(catalog, 'pg@1.0.0', 'storage')).toBe('integer');
    expect(parseValue('40', 'integer')).toEqual({ ok: true, value: 40 });
    expect(parseValue('4.5', 'integer')).toMatchObject({ ok: false, message: expect.stringContaining('whole number') });
    expect(parseValue('yes', 'boolean')).toMatchObject({ ok: false });
    expect(parseValue('40', 'string')).toEqual({ ok: true, value: '40' });
  });

  it('changes many cells in one batch whose inverse restores the project exactly', () => {
    const edit = matrixEdits([cellKey('a', 'dev'), cellKey('b', 'prod'), cellKey('a', 'prod')], 'instance_class', { value: 'xl' });
    const result = applyEdit(project, edit);
    if (!result.ok) throw new Error(result.diagnostics[0]!.message);
    expect(buildMatrix(result.project, 'pg', 'instance_class').flatMap((row) => row.cells.map((cell) => cell.value))).toEqual(['xl', 'xl', undefined, 'xl']);
    const undone = applyEdit(result.project, result.inverse);
    if (!undone.ok) throw new Error('undo failed');
    expect(undone.project.environments).toEqual(project.environments);
    const reset = applyEdit(project, matrixEdits([cellKey('a', 'prod')], 'instance_class', 'reset'));
    if (!reset.ok) throw new Error('reset failed');
    expect(buildMatrix(reset.project, 'pg', 'instance_class')[0]!.cells[1]).toEqual({ environmentId: 'prod', value: 'small', source: 'node' });
  });
});
