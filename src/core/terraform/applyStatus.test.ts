import { describe, expect, it } from 'vitest';
import { endLiveNodes } from './applyStatus';

describe('endLiveNodes', () => {
  it('after an apply that did not succeed, nothing shows as in progress: started work is interrupted, unstarted work skipped', () => {
    expect(endLiveNodes({ network: 'done', database: 'creating', api: 'updating', old: 'destroying', lookup: 'reading', queue: 'waiting', web: 'failed' }, false)).toEqual({
      network: 'done',
      database: 'interrupted',
      api: 'interrupted',
      old: 'interrupted',
      lookup: 'interrupted',
      queue: 'skipped',
      web: 'failed',
    });
  });

  it('after a successful apply, a change terraform never started (nothing left to do once values were known) is done', () => {
    expect(endLiveNodes({ network: 'done', database: 'waiting' }, true)).toEqual({ network: 'done', database: 'done' });
  });
});
