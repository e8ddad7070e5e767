import { createHash, randomBytes } from 'node:crypto';
import { createServer, request as httpRequest, type Server } from 'node:http';
import { mkdtempSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backendRequest } from '../../../../test/support/stateClient';
import { fileKeyProvider } from '../../secrets/keyProvider';
import { stateChunkSize } from '../../store/migrations/005-state-chunks';
import { openDatabase } from '../../store/openDatabase';
import { createStateRepository } from '../stateRepository';
import { writeState } from '../writeState';
import { createBodyDigester } from './bodyDigester';
import { readBody, type ReceivedBody } from './readBody';
import { startStateBackend } from './stateBackend';

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

function fresh(): { dir: string; db: Database } {
  const dir = mkdtempSync(join(tmpdir(), 'driftless-digest-'));
  const db = openDatabase(join(dir, 'driftless.db'));
  opened.push(db);
  return { dir, db };
}

/** A valid state of about `size` bytes (several 1 MiB chunks when large). */
const stateOf = (serial: number, size = 3 * stateChunkSize + 12345) =>
  Buffer.from(JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage: 'digest', outputs: {}, resources: [], padding: 'p'.repeat(size) }));

const nonces = (db: Database, versionId: number) =>
  (db.prepare('SELECT nonce FROM state_bodies WHERE version_id = ? ORDER BY seq').pluck().all(versionId) as Buffer[]).map((nonce) => nonce.toString('hex'));

/** Fills a digest job the way readBody does, in uneven pieces. */
function fill(job: ReturnType<ReturnType<typeof createBodyDigester>['begin']>, body: Buffer) {
  for (let offset = 0; offset < body.length; offset += 70000) {
    body.copy(job.body, offset, offset, Math.min(offset + 70000, body.length));
    job.advance(Math.min(offset + 70000, body.length));
  }
}

describe('body digester: hashing and sealing on a worker while a POST arrives', () => {
  it('gives the MD5 and SHA-256 of the whole body, and chunks the repository stores as they are and opens again', async () => {
    const { dir, db } = fresh();
    const repository = createStateRepository(db, fileKeyProvider(dir));
    const digester = createBodyDigester();
    opened.push(digester);
    const body = stateOf(1);
    const job = digester.begin(body.length, repository.sealingPlan('dev', body.length));
    fill(job, body);
    const digest = await job.finish(body.length);
    expect(digest.md5).toBe(createHash('md5').update(body).digest('base64'));
    expect(digest.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(digest.sealed!.nonces).toHaveLength(4);

    const outcome = writeState(db, repository, { environmentId: 'dev', body, md5: digest.md5, sha256: digest.sha256, presealed: digest.sealed });
    if (!('stored' in outcome)) throw new Error(JSON.stringify(outcome));
    expect(nonces(db, outcome.stored.id)).toEqual(digest.sealed!.nonces.map((nonce) => nonce.toString('hex'))); // stored as sealed by the worker
    expect(createStateRepository(db, fileKeyProvider(dir)).body(outcome.stored.id)!.equals(body)).toBe(true); // opens without the cache
  });

  it('seals again when another write took the predicted version meanwhile, so every chunk is bound to its real place', async () => {
    const { dir, db } = fresh();
    const repository = createStateRepository(db, fileKeyProvider(dir));
    const digester = createBodyDigester();
    opened.push(digester);
    const body = stateOf(2);
    const job = digester.begin(body.length, repository.sealingPlan('dev', body.length)); // planned as version 1
    fill(job, body);
    writeState(db, repository, { environmentId: 'dev', body: stateOf(1, 10) }); // takes version 1 first
    const digest = await job.finish(body.length);
    const outcome = writeState(db, repository, { environmentId: 'dev', body, presealed: digest.sealed });
    if (!('stored' in outcome)) throw new Error(JSON.stringify(outcome));
    expect(outcome.stored.version).toBe(2);
    expect(nonces(db, outcome.stored.id)).not.toContain(digest.sealed!.nonces[0]!.toString('hex'));
    expect(createStateRepository(db, fileKeyProvider(dir)).body(outcome.stored.id)!.equals(body)).toBe(true);
  });

  it('rejects a job once its worker stopped, and readBody then hashes the received body itself', async () => {
    const digester = createBodyDigester();
    const body = randomBytes(2 * stateChunkSize);
    let received: Promise<ReceivedBody> | undefined;
    const server: Server = createServer((request, response) => {
      received = readBody(request, 64 * stateChunkSize, {
        hash: true,
        digest: (size) => {
          const job = digester.begin(size);
          void digester.close(); // the worker stops before it hashed anything
          return job;
        },
      });
      received.then(() => response.end('ok'), () => response.end('failed'));
    });
    opened.push({ close: () => new Promise((resolve) => server.close(resolve)) });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    await new Promise<void>((resolve) => {
      const outgoing = httpRequest({ port: (server.address() as AddressInfo).port, host: '127.0.0.1', method: 'POST', headers: { 'Content-Length': body.length } }, (response) => response.resume().on('end', resolve));
      outgoing.end(body);
    });
    const result = await received!;
    expect(result.bytes.equals(body)).toBe(true);
    expect(result.md5).toBe(createHash('md5').update(body).digest('base64'));
    expect(result.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(result.sealed).toBeUndefined();
  });
});

describe('state backend: large POSTs through the digester', () => {
  it('stores multi-chunk states that open from the database (the second sealed into reused memory), and refuses one whose Content-MD5 does not match with 400, storing nothing', async () => {
    const { dir, db } = fresh();
    const backend = await startStateBackend({ db, keys: fileKeyProvider(dir), log: () => {} });
    opened.push(backend);
    const body = stateOf(1);
    const damaged = await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body, md5: createHash('md5').update('other').digest('base64') });
    expect(damaged.status).toBe(400);
    expect(damaged.json().message).toMatch(/Content-MD5 .* does not match the body.*Retry/);
    expect(backend.repository.latest('dev')).toBeUndefined();

    expect((await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body })).status).toBe(200);
    const latest = backend.repository.latest('dev')!;
    expect(latest.md5).toBe(createHash('md5').update(body).digest('base64'));
    expect(latest.sha256).toBe(createHash('sha256').update(body).digest('hex'));
    expect(createStateRepository(db, fileKeyProvider(dir)).body(latest.id)!.equals(body)).toBe(true);
    const reply = await backendRequest(backend.addressOf('dev'), 'GET', { auth: backend });
    expect(reply.body.equals(body)).toBe(true);

    // the next POST seals into the memory the first one's ciphertext used: both versions still open
    const next = stateOf(2, 2 * stateChunkSize);
    expect((await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body: next })).status).toBe(200);
    const reader = createStateRepository(db, fileKeyProvider(dir));
    expect(reader.body(latest.id)!.equals(body)).toBe(true);
    expect(reader.body(backend.repository.latest('dev')!.id)!.equals(next)).toBe(true);
  });
});
