import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateProject } from '../src/core/diagram/generateProject';
import { createProjectRepository } from '../src/host/projects/projectRepository';
import { ProjectTables } from '../src/host/projects/projectTables';
import { openDatabase } from '../src/host/store/openDatabase';
import { medianMs, type Benchmark } from './harness';

const benchmark: Benchmark = {
  name: 'Store (1,000 nodes / 1,500 edges)',
  async run() {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-bench-store-')), 'driftless.db'));
    const repository = createProjectRepository({ db });
    const project = generateProject(1000, 1500);
    const insert = await medianMs(() => {
      repository.delete(project.id);
      repository.insert(project);
    }, 5, 1);

    const single = db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json');
    let counter = 0;
    const baseline = await medianMs(() => db.transaction(() => single.run('bench', String(++counter)))(), 500);
    const setParam = await medianMs(() => {
      const outcome = repository.applyEdit(project.id, { kind: 'setParam', id: `n${counter % 1000}`, param: 'replicas', value: ++counter });
      if (!outcome.applied) throw new Error('edit refused');
    }, 500);
    const move = await medianMs(() => {
      const outcome = repository.applyEdit(project.id, { kind: 'moveNodes', moves: [{ id: 'n500', position: { x: ++counter, y: 0 } }] });
      if (!outcome.applied) throw new Error('edit refused');
    }, 500);
    const tables = new ProjectTables(db);
    const load = await medianMs(() => tables.readProject(project.id), 30);
    db.close();
    return [
      { case: 'single-row INSERT in a transaction', value: baseline * 1000, unit: 'µs' },
      { case: 'save one edit (setParam)', value: setParam * 1000, unit: 'µs', baseline: 'single-row INSERT in a transaction', target: 'a few rows, not the diagram' },
      { case: 'save one edit (move a node)', value: move * 1000, unit: 'µs', baseline: 'single-row INSERT in a transaction' },
      { case: 'load the whole project', value: load, unit: 'ms' },
      { case: 'store a whole project (import)', value: insert, unit: 'ms', baseline: 'load the whole project' },
    ];
  },
};

export default benchmark;
