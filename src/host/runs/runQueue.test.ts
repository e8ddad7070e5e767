import { describe, expect, it } from 'vitest';
import { RunQueue } from './runQueue';

const tick = () => new Promise((resolve) => setTimeout(resolve, 5));

describe('run queue', () => {
  it('one run per environment, other environments in parallel up to the limit, in queue order; waiting runs removable', async () => {
    const queue = new RunQueue(2);
    const started: string[] = [];
    const release = new Map<string, () => void>();
    const job = (id: string) => () => {
      started.push(id);
      return new Promise<void>((resolve) => release.set(id, resolve));
    };
    queue.enqueue('a1', 'a', job('a1'));
    queue.enqueue('a2', 'a', job('a2'));
    queue.enqueue('b1', 'b', job('b1'));
    queue.enqueue('c1', 'c', job('c1'));
    queue.enqueue('c2', 'c', job('c2'));
    expect(started).toEqual(['a1', 'b1']);
    expect(queue.isWaiting('a2')).toBe(true);
    expect(queue.remove('c2')).toBe(true);
    expect(queue.remove('c2')).toBe(false);
    release.get('a1')!();
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2']); // a is free again and a2 was queued before c1
    release.get('b1')!();
    await tick();
    expect(started).toEqual(['a1', 'b1', 'a2', 'c1']);
    release.get('a2')!();
    release.get('c1')!();
    await queue.idle();
    expect(started).not.toContain('c2');
  });

  it('a failing run frees its environment', async () => {
    const queue = new RunQueue(1);
    const started: string[] = [];
    queue.enqueue('x', 'a', () => Promise.reject(new Error('boom')));
    queue.enqueue('y', 'a', async () => void started.push('y'));
    await queue.idle();
    expect(started).toEqual(['y']);
  });
});
