import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagramEdit } from '../../core/diagram/edits';
import { generateProject } from '../../core/diagram/generateProject';
import { SECRET_SET, type Project } from '../../core/model/diagram';
import { openDatabase } from '../store/openDatabase';
import { createProjectRepository } from './projectRepository';
import { ProjectTables } from './projectTables';

const freshDb = () => openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-projects-')), 'driftless.db'));

function sample(id = 'p1', name = 'shop'): Project {
  const project = generateProject(30, 40);
  return { ...project, id, name };
}

describe('project repository', () => {
  it('stores a whole project and reads it back equal, from a fresh connection too', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    const project = sample();
    repository.insert(project);
    expect(repository.load('p1')).toEqual(project);
    expect(new ProjectTables(db).readProject('p1')!.project).toEqual(project);
    expect(repository.list().map((summary) => summary.name)).toEqual(['shop']);
    db.close();
  });

  it('applies an edit writing only the changed rows, and its inverse restores the project exactly', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    const project = generateProject(1000, 1500);
    repository.insert(project);
    const outcome = repository.applyEdit(project.id, { kind: 'setParam', id: 'n500', param: 'size', value: 'large' });
    expect(outcome.applied).toBe(true);
    if (!outcome.applied) return;
    expect(outcome.rowsWritten).toBe(1);
    expect(outcome.revision).toBe(1);
    const fresh = () => new ProjectTables(db).readProject(project.id)!.project;
    expect(fresh().diagram.nodes[500]!.params.size).toBe('large');

    const undone = repository.applyEdit(project.id, outcome.inverse);
    expect(undone.applied).toBe(true);
    expect(fresh()).toEqual(project);
    expect(repository.load(project.id)).toEqual(project);
    db.close();
  });

  it('undoes a node deletion back into its place, with its edges and overrides', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    const project = sample();
    repository.insert(project);
    const deleted = repository.applyEdit(project.id, { kind: 'deleteNodes', ids: ['n3', 'n0'] });
    if (!deleted.applied) throw new Error('delete refused');
    const tables = new ProjectTables(db);
    expect(tables.readProject(project.id)!.project.diagram.nodes.some((node) => node.id === 'n3')).toBe(false);
    expect(tables.readProject(project.id)!.project.environments[0]!.overrides.n0).toBeUndefined();
    repository.applyEdit(project.id, deleted.inverse);
    expect(new ProjectTables(db).readProject(project.id)!.project).toEqual(project);
    db.close();
  });

  it('replays rename, move, connect and environment edits, then undoes them all in reverse', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    const project = sample();
    repository.insert(project);
    const edits: DiagramEdit[] = [
      { kind: 'renameNode', id: 'n5', name: 'api' },
      { kind: 'moveNodes', moves: [{ id: 'n5', position: { x: 1, y: 2 } }] },
      { kind: 'disconnect', edgeId: 'e3' },
      { kind: 'connect', edge: { id: 'x1', from: { node: 'n1', artifact: 'network' }, to: { node: 'n9', connection: 'network' } }, index: 0 },
      { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n5', param: 'size', value: 'medium' },
      { kind: 'setEnvironmentProviders', environmentId: 'env-prod', providers: { aws: { region: 'eu-central-1' } } },
      { kind: 'renameEnvironment', environmentId: 'env-dev', name: 'development' },
    ];
    const inverses: DiagramEdit[] = [];
    for (const edit of edits) {
      const outcome = repository.applyEdit(project.id, edit);
      if (!outcome.applied) throw new Error(JSON.stringify(outcome.diagnostics));
      inverses.unshift(outcome.inverse);
    }
    const after = new ProjectTables(db).readProject(project.id)!.project;
    expect(after.diagram.nodes[5]).toMatchObject({ name: 'api', formerNames: ['service_5'], position: { x: 1, y: 2 } });
    expect(after.diagram.edges[0]!.id).toBe('x1');
    expect(after.environments[0]).toMatchObject({ name: 'development', overrides: { n5: { size: 'medium' } } });
    for (const inverse of inverses) repository.applyEdit(project.id, inverse);
    expect(new ProjectTables(db).readProject(project.id)!.project).toEqual(project);
    expect(db.prepare('SELECT count(*) AS n FROM edit_log WHERE project_id = ?').get(project.id)).toEqual({ n: 14 });
    db.close();
  });

  it('refuses an edit that does not fit, writing nothing, and never throws on a malformed edit', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    repository.insert(sample());
    const unknown = repository.applyEdit('p1', { kind: 'setParam', id: 'nope', param: 'size', value: 1 });
    expect(unknown).toMatchObject({ applied: false, revision: 0, diagnostics: [{ code: 'edit.unknown-node' }] });
    const malformed = repository.applyEdit('p1', { kind: 'moveNodes' } as unknown as DiagramEdit);
    expect(malformed.applied).toBe(false);
    expect(malformed.diagnostics[0]!.message).toMatch(/./);
    const duplicate = repository.applyEdit('p1', { kind: 'renameNode', id: 'n5', name: 'service_6' });
    expect(duplicate).toMatchObject({ applied: false, diagnostics: [{ code: 'edit.duplicate-node-name' }] });
    expect(repository.revision('p1')).toBe(0);
    expect(new ProjectTables(db).readProject('p1')!.project).toEqual(repository.load('p1'));
    db.close();
  });

  it('refuses a plain-text value for a sensitive param', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db, sensitiveParams: (bundle) => (bundle.startsWith('service@') ? new Set(['password']) : undefined) });
    repository.insert(sample());
    const plain = repository.applyEdit('p1', { kind: 'setParam', id: 'n5', param: 'password', value: 'hunter2' });
    expect(plain).toMatchObject({ applied: false, diagnostics: [{ code: 'secret.plaintext', location: { nodeId: 'n5', field: 'password' } }] });
    const marker = repository.applyEdit('p1', { kind: 'setParam', id: 'n5', param: 'password', value: SECRET_SET });
    expect(marker.applied).toBe(true);
    db.close();
  });

  it('creates, finds by name or id, and deletes a project with all its rows', () => {
    const db = freshDb();
    const repository = createProjectRepository({ db });
    const created = repository.create('blog', ['dev', 'prod']);
    expect(repository.find('blog')!.id).toBe(created.id);
    expect(repository.find(created.id)!.name).toBe('blog');
    expect(repository.load(created.id)!.environments.map((environment) => environment.name)).toEqual(['dev', 'prod']);
    expect(() => repository.create('blog')).toThrow(/already exists/);
    repository.insert(sample());
    expect(repository.delete('p1')).toBe(true);
    for (const table of ['nodes', 'params', 'edges', 'environments', 'environment_providers', 'overrides', 'edit_log']) {
      expect(db.prepare(`SELECT count(*) AS n FROM ${table} WHERE project_id = 'p1'`).get()).toEqual({ n: 0 });
    }
    expect(repository.load('p1')).toBeUndefined();
    db.close();
  });
});
