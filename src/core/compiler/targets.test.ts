import { describe, expect, it } from 'vitest';
import { localStack } from '../../../test/support/compilerProjects';
import { deletionWarnings, targetsFor } from './targets';

describe('targetsFor', () => {
  const stack = localStack();
  it('targets the node alone', () => expect(targetsFor(stack, 'n2', 'node')).toEqual(['module.db']));
  it('targets the node and what it depends on (to apply)', () => expect(targetsFor(stack, 'n3', 'with-dependencies')).toEqual(['module.api', 'module.db', 'module.network']));
  it('targets the node and what depends on it (to destroy)', () =>
    expect(targetsFor(stack, 'n1', 'with-dependents')).toEqual(['module.api', 'module.db', 'module.network', 'module.web']));
  it('is empty for an unknown node', () => expect(targetsFor(stack, 'ghost', 'node')).toEqual([]));
});

describe('deletionWarnings', () => {
  it('lists the downstream nodes that lose a connection', () => {
    const [warning, ...rest] = deletionWarnings(localStack(), 'n1');
    expect(rest).toEqual([]);
    expect(warning).toMatchObject({ severity: 'warning', code: 'diagram.delete-disconnects', location: { nodeId: 'n1' } });
    expect(warning!.message).toContain('api.network, db.network, web.network');
  });

  it('says nothing for a node nothing depends on', () => expect(deletionWarnings(localStack(), 'n4')).toEqual([]));
});
