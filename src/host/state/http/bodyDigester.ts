import { Worker } from 'node:worker_threads';
import type { PresealedBody, SealingPlan } from '../stateSealing';

/** What was computed over a body while it arrived. */
export interface BodyDigest {
  /** Base64 MD5. */
  md5: string;
  /** Hex SHA-256. */
  sha256: string;
  /** The body sealed chunk by chunk, for the version the plan predicted; the insert checks it still is that version. */
  sealed?: PresealedBody;
}

/** One body being received: the receiver copies bytes into `body` and reports how far it got. */
export interface DigestJob {
  /** Where the receiver puts the bytes (shared with the worker). */
  body: Buffer;
  advance(received: number): void;
  /** Resolves once the worker has hashed (and sealed) the first `received` bytes; rejects if the worker died. */
  finish(received: number): Promise<BodyDigest>;
  drop(): void;
}

// Plain JavaScript evaluated in the worker (no bundler step): hashes and seals a shared buffer as it fills.
// The cipher matches StateSealer.seal: AES-256-GCM, a fresh 12-byte nonce per chunk, the chunk's place as associated data.
const workerSource = `
const { parentPort } = require('node:worker_threads');
const { createHash, createCipheriv, randomBytes } = require('node:crypto');
const jobs = new Map();
const piece = 65536;
function seal(job, seq) {
  const start = seq * job.plan.chunkSize;
  const end = Math.min(start + job.plan.chunkSize, job.size);
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', job.plan.key, nonce);
  cipher.setAAD(job.plan.places[seq]);
  let written = start;
  for (let offset = start; offset < end; offset += piece) written += cipher.update(job.body.subarray(offset, Math.min(offset + piece, end))).copy(job.sealed, written);
  cipher.final();
  job.nonces.push(nonce);
  job.tags.push(cipher.getAuthTag());
}
parentPort.on('message', (message) => {
  if (message.type === 'begin') {
    const job = { size: message.size, body: Buffer.from(message.body), plan: message.plan, hashed: 0, nonces: [], tags: [],
      md5: createHash('md5'), sha256: createHash('sha256') };
    if (job.plan) job.sealed = Buffer.from(message.sealed);
    jobs.set(message.job, job);
    return;
  }
  const job = jobs.get(message.job);
  if (!job) return;
  if (message.type === 'drop') return void jobs.delete(message.job);
  const upTo = message.received;
  job.md5.update(job.body.subarray(job.hashed, upTo));
  job.sha256.update(job.body.subarray(job.hashed, upTo));
  job.hashed = upTo;
  const finishing = message.type === 'finish';
  if (job.plan) {
    while (job.nonces.length < job.plan.places.length && (finishing || (job.nonces.length + 1) * job.plan.chunkSize <= upTo)) seal(job, job.nonces.length);
  }
  if (!finishing) return;
  jobs.delete(message.job);
  parentPort.postMessage({ job: message.job, md5: job.md5.digest('base64'), sha256: job.sha256.digest('hex'), nonces: job.nonces, tags: job.tags });
});
`;

interface WorkerReply {
  job: number;
  md5: string;
  sha256: string;
  nonces: Uint8Array[];
  tags: Uint8Array[];
}

/**
 * Progress is reported to the worker in steps of this many bytes (and once at the end): one
 * wake-up per chunk it can seal. 256 KiB steps were ~15% slower per 12.9 MB POST here.
 */
const advanceStep = 1048576;

/**
 * Hashes (MD5, SHA-256) and seals request bodies on a worker thread while they arrive, so a
 * 10 MB POST's main thread does only the receiving and the insert. The worker starts on first
 * use and does not keep the process alive; if it dies, pending jobs reject and the caller does
 * the work itself.
 */
export function createBodyDigester() {
  let worker: Worker | undefined;
  let nextJob = 0;
  let spare: SharedArrayBuffer | undefined;
  const waiting = new Map<number, { thread: Worker; resolve: (reply: WorkerReply) => void; reject: (error: Error) => void }>();

  const stopped = new WeakSet<Worker>();
  const failAll = (thread: Worker, error: Error) => {
    stopped.add(thread);
    if (worker === thread) worker = undefined;
    for (const [job, pending] of waiting) {
      if (pending.thread !== thread) continue;
      waiting.delete(job);
      pending.reject(error);
    }
  };
  const started = () => {
    if (worker) return worker;
    const created = new Worker(workerSource, { eval: true });
    created.unref();
    created.on('message', (reply: WorkerReply) => {
      const pending = waiting.get(reply.job);
      waiting.delete(reply.job);
      pending?.resolve(reply);
    });
    created.on('error', (error) => failAll(created, error));
    created.on('exit', () => failAll(created, new Error('the body digest worker stopped')));
    worker = created;
    return created;
  };

  return {
    /** Starts a job for a body of exactly `size` bytes (its Content-Length), sealed per `plan` when given. */
    begin(size: number, plan?: SealingPlan): DigestJob {
      const thread = started();
      const job = ++nextJob;
      const body = Buffer.from(new SharedArrayBuffer(size));
      // the ciphertext is dead once inserted: its memory is reused (fresh pages cost more to fault in here than to hash)
      const sealed = plan ? (spare && spare.byteLength >= size ? spare : new SharedArrayBuffer(size)) : undefined;
      if (sealed === spare) spare = undefined;
      thread.postMessage({ type: 'begin', job, size, body: body.buffer, sealed, plan });
      let reported = 0;
      return {
        body,
        advance(received) {
          if (received - reported < advanceStep) return;
          reported = received;
          thread.postMessage({ type: 'advance', job, received });
        },
        finish(received) {
          const result = new Promise<BodyDigest>((resolve, reject) => {
            if (stopped.has(thread)) return reject(new Error('the body digest worker stopped'));
            waiting.set(job, {
              thread,
              reject,
              resolve: (reply) => {
                const presealed: PresealedBody | undefined =
                  plan && sealed && received === size
                    ? { version: plan.version, keyId: plan.keyId, ciphertext: Buffer.from(sealed, 0, size), chunkSize: plan.chunkSize, nonces: reply.nonces.map((nonce) => Buffer.from(nonce)), tags: reply.tags.map((tag) => Buffer.from(tag)) }
                    : undefined;
                resolve({ md5: reply.md5, sha256: reply.sha256, sealed: presealed });
              },
            });
          });
          thread.postMessage({ type: 'finish', job, received });
          return result;
        },
        drop() {
          waiting.delete(job);
          thread.postMessage({ type: 'drop', job });
        },
      };
    },
    /** Takes back a presealed body's memory once it was inserted (or refused): the next job seals into it. */
    recycle(presealed: PresealedBody | undefined): void {
      const memory = presealed?.ciphertext.buffer;
      if (memory instanceof SharedArrayBuffer && (!spare || memory.byteLength > spare.byteLength)) spare = memory;
    },
    async close(): Promise<void> {
      const thread = worker;
      worker = undefined;
      await thread?.terminate();
    },
  };
}

export type BodyDigester = ReturnType<typeof createBodyDigester>;
