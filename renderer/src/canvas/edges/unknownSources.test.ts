import { describe, expect, it } from 'vitest';
import type { RunView } from '../../../../src/core/api/areas/run';
import { sourcesOfKey, unknownSourceKey } from './unknownSources';

const counts = (create: number, replace: number, update = 0) => ({ create, replace, update, delete: 0, read: 0 });

describe('unknownSourceKey', () => {
  const nodes = { web: { counts: counts(1, 0) }, db: { counts: counts(0, 1) }, net: { counts: counts(0, 0, 2) } };

  it('names the nodes a finished plan creates or replaces, in a stable order', () => {
    const run = { status: 'planned', nodes } as unknown as RunView;
    expect(unknownSourceKey({ run })).toBe('db web');
    expect([...sourcesOfKey(unknownSourceKey({ run }))]).toEqual(['db', 'web']);
  });

  it('names none while no plan is finished: after apply every value is known', () => {
    expect(unknownSourceKey({ run: { status: 'applied', nodes } as unknown as RunView })).toBe('');
    expect(unknownSourceKey({ run: undefined })).toBe('');
    expect(sourcesOfKey('').size).toBe(0);
  });
});
