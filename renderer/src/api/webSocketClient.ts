import type { ApiClient } from '../../../src/core/api/client';
import type { EventName } from '../../../src/core/api/contract';
import type { Result } from '../../../src/core/api/result';
import { readOutputFrame, type ClientMessage, type ServerMessage } from '../../../src/core/api/wire';

type Listener = (payload: unknown) => void;

/** The API over the web shell's WebSocket. The HttpOnly cookie set by the server carries the token. */
export function connectWebSocket(url: string): ApiClient {
  const pending = new Map<number, (result: Result<unknown>) => void>();
  const listeners = new Map<string, Set<Listener>>();
  const outbox: ClientMessage[] = [];
  let nextId = 1;
  let socket: WebSocket;
  // Each run.output frame holds whole characters (the host encodes one string per frame).
  const utf8 = new TextDecoder();

  const send = (message: ClientMessage) => {
    if (socket.readyState === WebSocket.OPEN) socket.send(JSON.stringify(message));
    else outbox.push(message);
  };

  const open = () => {
    socket = new WebSocket(url);
    socket.binaryType = 'arraybuffer';
    socket.onopen = () => {
      for (const event of listeners.keys()) socket.send(JSON.stringify({ type: 'subscribe', event }));
      for (const message of outbox.splice(0)) socket.send(JSON.stringify(message));
    };
    socket.onmessage = (message) => {
      if (message.data instanceof ArrayBuffer) {
        const bytes = new Uint8Array(message.data);
        const frame = readOutputFrame(bytes);
        if (!frame) return;
        const payload = { runId: frame.runId, seq: frame.seq, data: utf8.decode(bytes.subarray(frame.dataOffset)) };
        for (const listener of listeners.get('run.output') ?? []) listener(payload);
        return;
      }
      const data = JSON.parse(String(message.data)) as ServerMessage;
      if (data.type === 'result') {
        pending.get(data.id)?.(data.result);
        pending.delete(data.id);
      } else {
        for (const listener of listeners.get(data.event) ?? []) listener(data.payload);
      }
    };
    socket.onclose = () => {
      for (const resolve of pending.values()) {
        resolve({ ok: false, error: { code: 'unavailable', message: 'Lost the connection to Driftless. Retrying…' } });
      }
      pending.clear();
      setTimeout(open, 1000);
    };
  };
  open();

  return {
    call(method, request) {
      const id = nextId++;
      return new Promise((resolve) => {
        pending.set(id, resolve as (result: Result<unknown>) => void);
        send({ type: 'call', id, method, request });
      });
    },
    subscribe(event: EventName, listener) {
      let set = listeners.get(event);
      if (!set) {
        set = new Set();
        listeners.set(event, set);
        send({ type: 'subscribe', event });
      }
      set.add(listener as Listener);
      return () => {
        set.delete(listener as Listener);
        if (set.size === 0) {
          listeners.delete(event);
          send({ type: 'unsubscribe', event });
        }
      };
    },
  };
}
