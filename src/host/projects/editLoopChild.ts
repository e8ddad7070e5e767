// Test helper for crashSafety.test.ts: applies edits to one project forever and prints each
// acknowledged revision (after its transaction committed) on its own line. Run with tsx.
import { generateProject } from '../../core/diagram/generateProject';
import { openDatabase } from '../store/openDatabase';
import { createProjectRepository } from './projectRepository';

const [path] = process.argv.slice(2);
if (!path) throw new Error('usage: editLoopChild DB_PATH');
const db = openDatabase(path);
const repository = createProjectRepository({ db });
if (!repository.find('crash')) repository.insert({ ...generateProject(200, 250), id: 'crash', name: 'crash' });
process.stdout.write('ready\n');
for (;;) {
  const next = repository.revision('crash') + 1;
  const outcome = repository.applyEdit('crash', { kind: 'setParam', id: `n${next % 200}`, param: 'counter', value: next });
  if (!outcome.applied) throw new Error(JSON.stringify(outcome.diagnostics));
  process.stdout.write(`${outcome.revision}\n`);
}
