import type { WebSocket } from 'ws';
import { isEventName, type EventName, type PayloadOf } from '../core/api/contract';
import { outputFrameHeader, parseClientMessage, type ServerMessage } from '../core/api/wire';
import type { Host } from '../host/createHost';

/** One WebSocket client: its calls go to the dispatcher, its subscriptions to the event hub. */
export function serveSocket(ws: WebSocket, host: Host): void {
  const subscriptions = new Map<EventName, () => void>();
  const send = (message: ServerMessage) => {
    if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
  };
  // Terminal output goes as binary frames (see wire.ts): Buffer writes the UTF-8 at native speed.
  const sendOutput = (payload: PayloadOf<'run.output'>) => {
    const header = outputFrameHeader(payload.runId, payload.seq);
    if (!header) return send({ type: 'event', event: 'run.output', payload });
    if (ws.readyState !== ws.OPEN) return;
    const frame = Buffer.allocUnsafe(header.length + Buffer.byteLength(payload.data, 'utf8'));
    frame.set(header);
    frame.write(payload.data, header.length, 'utf8');
    ws.send(frame, { binary: true });
  };

  ws.on('message', (data, isBinary) => {
    const message = isBinary ? undefined : parseClientMessage(data.toString());
    if (!message) {
      send({
        type: 'result',
        id: -1,
        result: { ok: false, error: { code: 'invalid_request', message: 'Unreadable message: expected JSON {type, id, method, request}.' } },
      });
      return;
    }
    if (message.type === 'call') {
      void host.dispatcher.call(message.method, message.request).then((result) => send({ type: 'result', id: message.id, result }));
      return;
    }
    if (!isEventName(message.event)) return;
    const event = message.event;
    if (message.type === 'subscribe' && !subscriptions.has(event)) {
      const listener = event === 'run.output' ? sendOutput : (payload: unknown) => send({ type: 'event', event, payload });
      subscriptions.set(event, host.events.subscribe(event, listener as (payload: unknown) => void));
    } else if (message.type === 'unsubscribe') {
      subscriptions.get(event)?.();
      subscriptions.delete(event);
    }
  });

  ws.on('close', () => {
    for (const unsubscribe of subscriptions.values()) unsubscribe();
    subscriptions.clear();
  });
}
