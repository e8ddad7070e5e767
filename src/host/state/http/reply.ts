import type { ServerResponse } from 'node:http';

/** A deliberate refusal: always a 4xx with a JSON body, since terraform retries 5xx and hides their message. */
export class Refusal extends Error {
  constructor(
    readonly status: number,
    message: string,
    readonly extra: Record<string, unknown> = {},
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = 'Refusal';
  }
}

export function sendJson(response: ServerResponse, status: number, value: unknown, headers: Record<string, string> = {}): void {
  const body = Buffer.from(JSON.stringify(value));
  response.writeHead(status, { 'Content-Type': 'application/json', 'Content-Length': String(body.length), ...headers });
  response.end(body);
}

export function sendRefusal(response: ServerResponse, refusal: Refusal): void {
  sendJson(response, refusal.status, { ...refusal.extra, message: refusal.message }, refusal.headers);
}

/**
 * 423/409 about a lock: the holder's lock info JSON as terraform sent it (terraform parses it and
 * needs a non-empty `ID` to keep waiting with -lock-timeout), plus our message.
 */
export function holderRefusal(status: 409 | 423, holderInfo: string, message: string): Refusal {
  let info: Record<string, unknown> = {};
  try {
    const parsed = JSON.parse(holderInfo) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) info = parsed as Record<string, unknown>;
  } catch {
    // stored from a validated LOCK body, so not reached; the message still goes out
  }
  return new Refusal(status, message, info);
}
