import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Refusal } from './reply';

export interface ReceivedBody {
  bytes: Buffer;
  /** Base64 MD5 of the body, computed only when the request carried Content-MD5 or hashes were asked for. */
  md5?: string;
  /** Hex SHA-256 of the body, computed only when hashes were asked for. */
  sha256?: string;
}

const mebibytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MiB`;

/**
 * Reads a request body up to `limit` bytes (413 beyond) and checks Content-MD5 when present (400 on
 * mismatch). Hashing and copying happen chunk by chunk as the bytes arrive, while the client is
 * still sending, rather than over the whole body at the end; `hash` asks for both MD5 and SHA-256.
 */
export async function readBody(request: IncomingMessage, limit: number, hash = false): Promise<ReceivedBody> {
  const tooLarge = () =>
    new Refusal(413, `Refused: the body is larger than the backend's limit of ${mebibytes(limit)}. Start the backend with a higher limit.`, {}, { Connection: 'close' });
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge();
  const expected = request.headers['content-md5'];
  const checked = typeof expected === 'string' && expected !== '';
  const md5 = hash || checked ? createHash('md5') : undefined;
  const sha256 = hash ? createHash('sha256') : undefined;
  // with a declared length, chunks are copied into place as they come (no concatenation at the end)
  let whole = Number.isSafeInteger(declared) && declared > 0 ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    if (size + chunk.length > limit) throw tooLarge();
    if (whole && size + chunk.length > whole.length) {
      chunks.push(whole.subarray(0, size)); // more than declared (node's parser prevents it): collect instead
      whole = undefined;
    }
    if (whole) chunk.copy(whole, size);
    else chunks.push(chunk);
    size += chunk.length;
    md5?.update(chunk);
    sha256?.update(chunk);
  }
  const bytes = whole ? whole.subarray(0, size) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const received: ReceivedBody = { bytes, md5: md5?.digest('base64'), sha256: sha256?.digest('hex') };
  if (checked && received.md5 !== expected.trim()) {
    throw new Refusal(400, `Refused: Content-MD5 ${expected} does not match the body (MD5 ${received.md5}); the body was damaged on the way. Retry.`);
  }
  return received;
}
