import { describe, expect, it, vi } from 'vitest';
import { EventHub } from './eventHub';

describe('EventHub', () => {
  it('delivers to every subscriber until it unsubscribes', () => {
    const hub = new EventHub();
    const seen: number[] = [];
    const stop = hub.subscribe('app.heartbeat', (beat) => seen.push(beat.sequence));
    hub.emit('app.heartbeat', { sequence: 1, at: 'now' });
    stop();
    hub.emit('app.heartbeat', { sequence: 2, at: 'now' });
    expect(seen).toEqual([1]);
    expect(hub.listenerCount('app.heartbeat')).toBe(0);
  });

  it('isolates a throwing listener: the emitter and the other listeners go on', () => {
    const failures = vi.fn();
    const hub = new EventHub(failures);
    const after = vi.fn();
    hub.subscribe('app.heartbeat', () => {
      throw new Error('renderer gone');
    });
    hub.subscribe('app.heartbeat', after);
    expect(() => hub.emit('app.heartbeat', { sequence: 1, at: 'now' })).not.toThrow();
    expect(after).toHaveBeenCalledTimes(1);
    expect(failures).toHaveBeenCalledWith('app.heartbeat', expect.objectContaining({ message: 'renderer gone' }));
  });
});
