import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const backendUsername = 'driftless';

/** A random per-launch password: 32 bytes, URL-safe. */
export function newPassword(): string {
  return randomBytes(32).toString('base64url');
}

const digest = (text: string) => createHash('sha256').update(text).digest();

/** Checks basic auth in constant time (both sides hashed to the same length first). */
export function isAuthorized(request: IncomingMessage, username: string, password: string): boolean {
  const header = request.headers.authorization ?? '';
  const match = /^Basic ([A-Za-z0-9+/=]+)$/.exec(header);
  const given = match ? Buffer.from(match[1]!, 'base64').toString('utf8') : '';
  return timingSafeEqual(digest(given), digest(`${username}:${password}`));
}
