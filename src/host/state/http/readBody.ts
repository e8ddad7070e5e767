import { createHash } from 'node:crypto';
import type { IncomingMessage } from 'node:http';
import type { PresealedBody } from '../stateSealing';
import type { DigestJob } from './bodyDigester';
import { Refusal } from './reply';

export interface ReceivedBody {
  bytes: Buffer;
  /** Base64 MD5 of the body, computed only when the request carried Content-MD5 or hashes were asked for. */
  md5?: string;
  /** Hex SHA-256 of the body, computed only when hashes were asked for. */
  sha256?: string;
  /** The body sealed while it arrived (see bodyDigester), when a digest job sealed it. */
  sealed?: PresealedBody;
}

export interface ReadOptions {
  /** Compute MD5 and SHA-256 (a POST). */
  hash?: boolean;
  /** Starts a digest job for a body of the declared size: hashing and sealing then happen on a worker as bytes arrive. */
  digest?: (size: number) => DigestJob | undefined;
}

const mebibytes = (bytes: number) => `${Math.round((bytes / 1048576) * 10) / 10} MiB`;

/**
 * Reads a request body up to `limit` bytes (413 beyond) and checks Content-MD5 when present (400 on
 * mismatch). Chunks are copied into place as they arrive; with a digest job they are hashed and
 * sealed on its worker meanwhile, otherwise hashed here chunk by chunk. If the worker fails, the
 * hashes are computed here from the received body.
 */
export async function readBody(request: IncomingMessage, limit: number, options: ReadOptions = {}): Promise<ReceivedBody> {
  const tooLarge = () =>
    new Refusal(413, `Refused: the body is larger than the backend's limit of ${mebibytes(limit)}. Start the backend with a higher limit.`, {}, { Connection: 'close' });
  const declared = Number(request.headers['content-length'] ?? NaN);
  if (declared > limit) throw tooLarge();
  const expected = request.headers['content-md5'];
  const checked = typeof expected === 'string' && expected !== '';
  const sized = Number.isSafeInteger(declared) && declared > 0;
  let job = options.hash && sized ? options.digest?.(declared) : undefined;
  const hashHere = () => ({ md5: options.hash || checked ? createHash('md5') : undefined, sha256: options.hash ? createHash('sha256') : undefined });
  let hashes = job ? undefined : hashHere();
  // with a declared length, chunks are copied into place as they come (no concatenation at the end)
  let whole = job ? job.body : sized ? Buffer.allocUnsafe(declared) : undefined;
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of request as AsyncIterable<Buffer>) {
      if (size + chunk.length > limit) throw tooLarge();
      if (whole && size + chunk.length > whole.length) {
        // more than declared (node's parser prevents it): collect instead, hashed here
        chunks.push(Buffer.from(whole.subarray(0, size)));
        whole = undefined;
        if (job) {
          job.drop();
          job = undefined;
          hashes = hashHere();
          hashes.md5?.update(chunks[0]!);
          hashes.sha256?.update(chunks[0]!);
        }
      }
      if (whole) chunk.copy(whole, size);
      else chunks.push(chunk);
      size += chunk.length;
      job?.advance(size);
      hashes?.md5?.update(chunk);
      hashes?.sha256?.update(chunk);
    }
  } catch (error) {
    job?.drop();
    throw error;
  }
  const bytes = whole ? whole.subarray(0, size) : chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size);
  const received: ReceivedBody = { bytes };
  const digest = job ? await job.finish(size).catch(() => undefined) : undefined;
  if (digest) Object.assign(received, digest);
  else if (job) Object.assign(received, { md5: createHash('md5').update(bytes).digest('base64'), sha256: createHash('sha256').update(bytes).digest('hex') });
  else Object.assign(received, { md5: hashes?.md5?.digest('base64'), sha256: hashes?.sha256?.digest('hex') });
  if (checked && received.md5 !== expected.trim()) {
    throw new Refusal(400, `Refused: Content-MD5 ${expected} does not match the body (MD5 ${received.md5}); the body was damaged on the way. Retry.`);
  }
  return received;
}
