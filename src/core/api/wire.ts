import type { Result } from './result';

/** Messages a WebSocket client sends to the web shell. */
export type ClientMessage =
  | { type: 'call'; id: number; method: string; request: unknown }
  | { type: 'subscribe'; event: string }
  | { type: 'unsubscribe'; event: string };

/** Messages the web shell sends to a WebSocket client. */
export type ServerMessage =
  | { type: 'result'; id: number; result: Result<unknown> }
  | { type: 'event'; event: string; payload: unknown };

/** Reads one client message; `undefined` when the text is not one (the server answers with an error). */
export function parseClientMessage(text: string): ClientMessage | undefined {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return undefined;
  }
  if (typeof value !== 'object' || value === null) return undefined;
  const message = value as Record<string, unknown>;
  if (message.type === 'call' && Number.isSafeInteger(message.id) && typeof message.method === 'string') {
    return { type: 'call', id: message.id as number, method: message.method, request: message.request };
  }
  if ((message.type === 'subscribe' || message.type === 'unsubscribe') && typeof message.event === 'string') {
    return { type: message.type, event: message.event };
  }
  return undefined;
}
