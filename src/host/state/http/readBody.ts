import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import { Refusal } from './reply';

export interface ReceivedBody {
  bytes: Buffer;
  /** Base64 MD5 of the body, computed only when the request carried Content-MD5. */
  md5?: string;
}

const mebibytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MiB`;

/** Reads a request body up to `limit` bytes (413 beyond) and checks Content-MD5 when present (400 on mismatch). */
export async function readBody(request: IncomingMessage, limit: number): Promise<ReceivedBody> {
  const tooLarge = () =>
    new Refusal(413, `Refused: the body is larger than the backend's limit of ${mebibytes(limit)}. Start the backend with a higher limit.`, {}, { Connection: 'close' });
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge();
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > limit) throw tooLarge();
    chunks.push(chunk);
  }
  const bytes = chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const expected = request.headers['content-md5'];
  if (typeof expected !== 'string' || expected === '') return { bytes };
  const md5 = createHash('md5').update(bytes).digest('base64');
  if (md5 !== expected.trim()) {
    throw new Refusal(400, `Refused: Content-MD5 ${expected} does not match the body (MD5 ${md5}); the body was damaged on the way. Retry.`);
  }
  return { bytes, md5 };
}
