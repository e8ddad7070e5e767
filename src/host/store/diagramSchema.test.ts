import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/diagram/generateProject';
import { createProjectRepository } from '../projects/projectRepository';
import { diagramsMigration } from './migrations/001-diagrams';
import { migrations } from './migrations/index';
import { openDatabase } from './openDatabase';

const path = () => join(mkdtempSync(join(tmpdir(), 'driftless-schema-')), 'driftless.db');

/** Every node whose effective value of `param` (override in that environment, else the node's own) equals `value`. */
const NODES_USING = `
  SELECT p.name AS project, e.name AS environment, n.name AS node
  FROM nodes n
  JOIN projects p ON p.id = n.project_id
  JOIN environments e ON e.project_id = n.project_id
  LEFT JOIN overrides o ON o.project_id = n.project_id AND o.environment_id = e.id AND o.node_id = n.id AND o.key = :param
  LEFT JOIN params v ON v.project_id = n.project_id AND v.node_id = n.id AND v.key = :param
  WHERE coalesce(o.value_json, v.value_json) = json_quote(:value)
  ORDER BY p.name, e.position, n.position`;

describe('diagram tables (migration 1)', () => {
  it('answers "which nodes in which environments use instance class X" in one SQL query', () => {
    const db = openDatabase(path());
    const repository = createProjectRepository({ db });
    const project = { ...generateProject(30, 30), id: 'p1', name: 'shop' };
    repository.insert(project);
    // service_4: the node's own value (every environment); service_5: the same, but prod overrides it; service_6: only dev's override.
    repository.applyEdit('p1', { kind: 'setParam', id: 'n4', param: 'size', value: 'db.r5.large' });
    repository.applyEdit('p1', { kind: 'setParam', id: 'n5', param: 'size', value: 'db.r5.large' });
    repository.applyEdit('p1', { kind: 'setOverride', environmentId: 'env-prod', nodeId: 'n5', param: 'size', value: 'db.t3.micro' });
    repository.applyEdit('p1', { kind: 'setOverride', environmentId: 'env-dev', nodeId: 'n6', param: 'size', value: 'db.r5.large' });
    const rows = db.prepare(NODES_USING).all({ param: 'size', value: 'db.r5.large' });
    expect(rows).toEqual([
      { project: 'shop', environment: 'dev', node: 'service_4' },
      { project: 'shop', environment: 'dev', node: 'service_5' },
      { project: 'shop', environment: 'dev', node: 'service_6' },
      { project: 'shop', environment: 'prod', node: 'service_4' },
    ]);
    db.close();
  });

  it('cascades a project delete to every table that belongs to it', () => {
    const db = openDatabase(path());
    const repository = createProjectRepository({ db });
    repository.insert({ ...generateProject(10, 10), id: 'p1', name: 'a' });
    repository.insert({ ...generateProject(10, 10), id: 'p2', name: 'b' });
    db.prepare("DELETE FROM projects WHERE id = 'p1'").run();
    for (const table of ['nodes', 'params', 'edges', 'environments', 'environment_providers', 'overrides']) {
      const counts = db.prepare(`SELECT project_id, count(*) AS n FROM ${table} GROUP BY project_id`).all() as { project_id: string }[];
      expect(counts.map((row) => row.project_id)).toEqual(['p2']);
    }
    db.close();
  });

  it('upgrades a database that has only migration 1 to the latest schema, keeping its projects', () => {
    const file = path();
    const old = openDatabase(file, { migrations: [diagramsMigration] });
    createProjectRepository({ db: old }).insert({ ...generateProject(10, 10), id: 'p1', name: 'kept' });
    expect(old.pragma('user_version', { simple: true })).toBe(1);
    old.close();
    const upgraded = openDatabase(file);
    const latest = Math.max(...migrations.map((migration) => migration.version));
    expect(upgraded.pragma('user_version', { simple: true })).toBe(latest);
    expect(upgraded.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(upgraded.pragma('foreign_key_check')).toEqual([]);
    expect(createProjectRepository({ db: upgraded }).load('p1')).toEqual({ ...generateProject(10, 10), id: 'p1', name: 'kept' });
    upgraded.close();
  });
});
