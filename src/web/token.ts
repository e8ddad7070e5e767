import { randomBytes, timingSafeEqual } from 'node:crypto';
import type { IncomingMessage } from 'node:http';

export const tokenCookie = 'driftless_token';

/** A fresh per-launch token. */
export function newToken(): string {
  return randomBytes(32).toString('base64url');
}

/** Compares in constant time, so the token cannot be guessed byte by byte. */
export function sameSecret(given: string | undefined | null, expected: string): boolean {
  if (typeof given !== 'string') return false;
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}

/** The token a request carries, in its query or its cookie. */
export function tokenOf(request: IncomingMessage, url: URL): { fromQuery?: string; fromCookie?: string } {
  const cookies = (request.headers.cookie ?? '').split(';').map((part) => part.trim());
  const cookie = cookies.find((part) => part.startsWith(`${tokenCookie}=`));
  return {
    fromQuery: url.searchParams.get('token') ?? undefined,
    fromCookie: cookie ? decodeURIComponent(cookie.slice(tokenCookie.length + 1)) : undefined,
  };
}
