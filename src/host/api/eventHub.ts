import type { EventName, PayloadOf } from '../../core/api/contract';

type Listener = (payload: unknown) => void;

/**
 * Fans host events out to subscribers (IPC windows, WebSocket clients, tests). A listener that
 * throws is reported and skipped: it never breaks the service that emitted, nor other listeners.
 */
export class EventHub {
  private readonly listeners = new Map<EventName, Set<Listener>>();

  constructor(private readonly onListenerError: (event: EventName, error: unknown) => void = () => {}) {}

  subscribe<E extends EventName>(event: E, listener: (payload: PayloadOf<E>) => void): () => void {
    let set = this.listeners.get(event);
    if (!set) {
      set = new Set();
      this.listeners.set(event, set);
    }
    set.add(listener as Listener);
    return () => set.delete(listener as Listener);
  }

  emit<E extends EventName>(event: E, payload: PayloadOf<E>): void {
    for (const listener of this.listeners.get(event) ?? []) {
      try {
        listener(payload);
      } catch (error) {
        this.onListenerError(event, error);
      }
    }
  }

  listenerCount(event: EventName): number {
    return this.listeners.get(event)?.size ?? 0;
  }
}
