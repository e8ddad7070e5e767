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

/**
 * A `run.output` event travels as one binary frame instead of JSON: no escaping or parsing of
 * megabytes of terminal output. Layout: kind (1 byte), seq (uint32, big-endian), runId length
 * (1 byte), runId (ASCII), then the output as UTF-8 to the end of the frame.
 */
export const outputFrameKind = 1;
const headerBytes = 6;

/** The header of a run.output frame; `undefined` when the event cannot travel as one (JSON then). */
export function outputFrameHeader(runId: string, seq: number): Uint8Array | undefined {
  if (runId.length > 255 || !Number.isInteger(seq) || seq < 0 || seq > 0xffffffff) return undefined;
  const header = new Uint8Array(headerBytes + runId.length);
  header[0] = outputFrameKind;
  new DataView(header.buffer).setUint32(1, seq);
  header[5] = runId.length;
  for (let index = 0; index < runId.length; index++) {
    const code = runId.charCodeAt(index);
    if (code > 0x7f) return undefined;
    header[headerBytes + index] = code;
  }
  return header;
}

/** Reads a run.output frame's header; the output's UTF-8 bytes start at `dataOffset`. `undefined` when it is not one. */
export function readOutputFrame(frame: Uint8Array): { runId: string; seq: number; dataOffset: number } | undefined {
  if (frame.length < headerBytes || frame[0] !== outputFrameKind) return undefined;
  const dataOffset = headerBytes + frame[5]!;
  if (frame.length < dataOffset) return undefined;
  const seq = new DataView(frame.buffer, frame.byteOffset, frame.byteLength).getUint32(1);
  return { runId: String.fromCharCode(...frame.subarray(headerBytes, dataOffset)), seq, dataOffset };
}
