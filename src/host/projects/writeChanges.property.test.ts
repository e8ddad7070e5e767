import fc from 'fast-check';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DiagramEdit } from '../../core/diagram/edits';
import { generateProject } from '../../core/diagram/generateProject';
import { openDatabase } from '../store/openDatabase';
import { createProjectRepository } from './projectRepository';
import { ProjectTables } from './projectTables';

const ids = ['n0', 'n1', 'n2', 'n3', 'n4', 'n5', 'n6', 'n7', 'x0', 'x1'];
const id = fc.constantFrom(...ids);
const environmentId = fc.constantFrom('env-dev', 'env-prod', 'env-new');
const param = fc.constantFrom('size', 'replicas', 'cidr', 'extra');
const value = fc.oneof(fc.integer(), fc.string({ maxLength: 5 }), fc.constant(null), fc.record({ a: fc.integer() }));
const name = fc.constantFrom('alpha', 'beta', 'service_3', 'network_0', 'gamma');

const edit: fc.Arbitrary<DiagramEdit> = fc.oneof(
  fc.record({ kind: fc.constant('addNode' as const), node: fc.record({ id, name, bundle: fc.constant('service@1.0.0'), position: fc.record({ x: fc.integer(), y: fc.integer() }), params: fc.dictionary(param, value) }), index: fc.option(fc.nat(12), { nil: undefined }) }),
  fc.record({ kind: fc.constant('deleteNodes' as const), ids: fc.uniqueArray(id, { minLength: 1, maxLength: 3 }) }),
  fc.record({ kind: fc.constant('renameNode' as const), id, name }),
  fc.record({ kind: fc.constant('moveNodes' as const), moves: fc.array(fc.record({ id, position: fc.record({ x: fc.integer(), y: fc.integer() }) }), { maxLength: 3 }) }),
  fc.record({ kind: fc.constant('setParam' as const), id, param, value }),
  fc.record({ kind: fc.constant('unsetParam' as const), id, param }),
  fc.record({ kind: fc.constant('setNodeBundle' as const), id, bundle: fc.constantFrom('service@1.0.0', 'service@2.0.0') }),
  fc.record({ kind: fc.constant('connect' as const), edge: fc.record({ id: fc.constantFrom('e0', 'e1', 'e9', 'z1'), from: fc.record({ node: id, artifact: fc.constant('endpoint') }), to: fc.record({ node: id, connection: fc.constant('peers') }) }), index: fc.option(fc.nat(12), { nil: undefined }) }),
  fc.record({ kind: fc.constant('disconnect' as const), edgeId: fc.constantFrom('e0', 'e1', 'e2', 'e9', 'z1') }),
  fc.record({ kind: fc.constant('setOverride' as const), environmentId, nodeId: id, param, value }),
  fc.record({ kind: fc.constant('resetOverride' as const), environmentId, nodeId: id, param }),
  fc.record({ kind: fc.constant('removeEnvironment' as const), environmentId }),
  fc.record({ kind: fc.constant('renameEnvironment' as const), environmentId, name: fc.constantFrom('dev', 'prod', 'qa') }),
  fc.record({ kind: fc.constant('setEnvironmentProviders' as const), environmentId, providers: fc.dictionary(fc.constantFrom('aws', 'google'), fc.record({ region: fc.string({ maxLength: 4 }) })) }),
  fc.record({ kind: fc.constant('addEnvironment' as const), environment: fc.record({ id: fc.constant('env-new'), name: fc.constantFrom('qa', 'dev'), providers: fc.constant({}), overrides: fc.constant({}), backend: fc.constant({ type: 'embedded' as const }) }), index: fc.option(fc.nat(3), { nil: undefined }) }),
);

describe('saving edits as row changes', () => {
  it('keeps the database equal to the edited project after any edit sequence, and the inverses restore it', () => {
    const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-property-')), 'driftless.db'));
    let round = 0;
    fc.assert(
      fc.property(fc.array(edit, { minLength: 1, maxLength: 25 }), (edits) => {
        const projectId = `p${round++}`;
        const repository = createProjectRepository({ db });
        const original = { ...generateProject(8, 8), id: projectId, name: projectId };
        repository.insert(original);
        const inverses: DiagramEdit[] = [];
        for (const next of edits) {
          const outcome = repository.applyEdit(projectId, next);
          if (outcome.applied) inverses.unshift(outcome.inverse);
          expect(new ProjectTables(db).readProject(projectId)!.project).toEqual(repository.load(projectId));
        }
        for (const inverse of inverses) expect(repository.applyEdit(projectId, inverse).applied).toBe(true);
        expect(new ProjectTables(db).readProject(projectId)!.project).toEqual(original);
        repository.delete(projectId);
      }),
      { numRuns: 300 },
    );
    db.close();
  }, 120000);
});
