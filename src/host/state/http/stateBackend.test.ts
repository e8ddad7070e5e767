import { createHash } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { backendRequest } from '../../../../test/support/stateClient';
import { openDatabase } from '../../store/openDatabase';
import { stateMigration } from '../../store/migrations/002-state';
import { stateChunksMigration } from '../../store/migrations/005-state-chunks';
import { sealedStateMigration } from '../../store/migrations/006-sealed-state';
import { startStateBackend, type StateBackend } from './stateBackend';

const stateOf = (serial: number, lineage = 'lineage-a', extra: Record<string, unknown> = {}) =>
  JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage, outputs: {}, resources: [], check_results: null, ...extra });
const lockInfo = (id: string, operation = 'OperationTypeApply') =>
  JSON.stringify({ ID: id, Operation: operation, Info: '', Who: 'tester@host', Version: '1.11.4', Created: new Date().toISOString(), Path: '' });

let db: Database;
let backend: StateBackend;
let address: string;
const call = (method: string, options: Parameters<typeof backendRequest>[2] = {}, url = address) =>
  backendRequest(url, method, { auth: { username: backend.username, password: backend.password }, ...options });

beforeEach(async () => {
  db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-state-')), 'driftless.db'), { migrations: [stateMigration, stateChunksMigration, sealedStateMigration] });
  backend = await startStateBackend({ db, bodyLimit: 64 * 1024, log: () => {} });
  address = backend.addressOf('dev');
});
afterEach(async () => {
  await backend.close();
  db.close();
});

describe('state backend: auth and routing', () => {
  it('listens on 127.0.0.1 and gives terraform its settings through TF_HTTP_* variables', () => {
    expect(backend.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(backend.envFor('dev')).toEqual({
      TF_HTTP_ADDRESS: `${backend.url}/state/dev`,
      TF_HTTP_LOCK_ADDRESS: `${backend.url}/state/dev`,
      TF_HTTP_UNLOCK_ADDRESS: `${backend.url}/state/dev`,
      TF_HTTP_LOCK_METHOD: 'LOCK',
      TF_HTTP_UNLOCK_METHOD: 'UNLOCK',
      TF_HTTP_USERNAME: 'driftless',
      TF_HTTP_PASSWORD: backend.password,
    });
    expect(backend.password.length).toBeGreaterThanOrEqual(40);
  });

  it('answers 401 with a JSON message without credentials or with a wrong password', async () => {
    for (const auth of [null, { username: 'driftless', password: 'wrong' }, { username: 'other', password: backend.password }]) {
      const reply = await backendRequest(address, 'GET', { auth });
      expect(reply.status).toBe(401);
      expect(reply.headers['www-authenticate']).toMatch(/^Basic/);
      expect(reply.json().message).toMatch(/TF_HTTP_USERNAME/);
    }
  });

  it('answers 404 for other paths, 400 for a bad environment id, 405 for other methods — each with a JSON message', async () => {
    expect((await call('GET', {}, `${backend.url}/elsewhere`)).status).toBe(404);
    const bad = await call('GET', {}, `${backend.url}/state/${encodeURIComponent('../x')}`);
    expect(bad.status).toBe(400);
    expect(bad.json().message).toMatch(/not a valid environment id/);
    const put = await call('PUT', { body: '{}' });
    expect(put.status).toBe(405);
    expect(put.json().message).toMatch(/GET, POST, LOCK or UNLOCK/);
  });

  it('answers 413 over the body limit and 400 when Content-MD5 does not match', async () => {
    const large = await call('POST', { body: stateOf(1, 'l', { padding: 'x'.repeat(70 * 1024) }) });
    expect(large.status).toBe(413);
    expect(large.json().message).toMatch(/larger than the backend's limit of 0.1 MiB/);
    const damaged = await call('POST', { body: stateOf(1), md5: 'AAAAAAAAAAAAAAAAAAAAAA==' });
    expect(damaged.status).toBe(400);
    expect(damaged.json().message).toMatch(/Content-MD5/);
    expect(backend.repository.latest('dev')).toBeUndefined();
  });
});

describe('state backend: GET and POST', () => {
  it('answers 204 (never {}) before the first write, then 200 with the exact bytes and their Content-MD5', async () => {
    const empty = await call('GET');
    expect(empty.status).toBe(204);
    expect(empty.body.length).toBe(0);
    const body = stateOf(1);
    expect((await call('POST', { body })).status).toBe(200);
    const reply = await call('GET');
    expect(reply.status).toBe(200);
    expect(reply.body.toString()).toBe(body);
    expect(reply.headers['content-md5']).toBe(createHash('md5').update(body).digest('base64'));
  });

  it('refuses another lineage, a lower serial, and the same serial with other bytes with 409; the same bytes again are a no-op 200', async () => {
    expect((await call('POST', { body: stateOf(5) })).status).toBe(200);
    const lineage = await call('POST', { body: stateOf(6, 'lineage-b') });
    expect(lineage.status).toBe(409);
    expect(lineage.json().message).toMatch(/lineage lineage-b differs/);
    const lower = await call('POST', { body: stateOf(4) });
    expect(lower.status).toBe(409);
    expect(lower.json().message).toMatch(/serial 4 is lower than the stored serial 5/);
    const same = await call('POST', { body: stateOf(5, 'lineage-a', { outputs: { x: { value: 1, type: 'number' } } }) });
    expect(same.status).toBe(409);
    expect(same.json().message).toMatch(/serial 5 is already stored with different content/);
    const again = await call('POST', { body: stateOf(5) });
    expect(again.status).toBe(200);
    expect(again.json()).toMatchObject({ stored: false, version: 1 });
    expect((await call('POST', { body: stateOf(6) })).json()).toMatchObject({ stored: true, version: 2, serial: 6 });
    expect(backend.repository.list('dev').map((version) => version.serial)).toEqual([6, 5]);
  });

  it('refuses a body that is not a state with 400 and a message', async () => {
    for (const [body, message] of [['{}', /empty JSON object/], ['[1]', /not a JSON object/], [JSON.stringify({ version: 4, lineage: 'x' }), /serial/], [JSON.stringify({ version: 3, serial: 1, lineage: 'x', terraform_version: '0.11' }), /version 3/]] as const) {
      const reply = await call('POST', { body });
      expect(reply.status).toBe(400);
      expect(reply.json().message).toMatch(message);
    }
  });

  it('stores an OpenTofu encrypted envelope opaquely and serves it back byte for byte', async () => {
    const envelope = JSON.stringify({ meta: { key_provider: 'pbkdf2' }, encrypted_data: 'c2VjcmV0', encryption_version: 'v0' });
    expect((await call('POST', { body: envelope })).status).toBe(200);
    expect((await call('GET')).body.toString()).toBe(envelope);
    expect(backend.repository.latest('dev')).toMatchObject({ encrypted: true, serial: null, lineage: null });
  });

  it('keeps environments apart and records the run that wrote a version', async () => {
    await call('POST', { body: stateOf(1) }, backend.addressOf('staging', 'run-42'));
    expect((await call('GET')).status).toBe(204);
    expect(backend.repository.latest('staging')).toMatchObject({ runId: 'run-42', terraformVersion: '1.11.4', size: stateOf(1).length });
  });
});

describe('state backend: locks', () => {
  it('LOCK is 200 when free and 423 with the holder lock info (non-empty ID) when held', async () => {
    expect((await call('LOCK', { body: lockInfo('first') })).status).toBe(200);
    const refused = await call('LOCK', { body: lockInfo('second') });
    expect(refused.status).toBe(423);
    expect(refused.json()).toMatchObject({ ID: 'first', Operation: 'OperationTypeApply', Who: 'tester@host' });
    expect(refused.json().message).toMatch(/locked by first/);
    expect((await call('LOCK', { body: lockInfo('first') })).status).toBe(200);
  });

  it('LOCK without a parseable body with an ID is 400', async () => {
    expect((await call('LOCK', { body: 'nope' })).status).toBe(400);
    expect((await call('LOCK', { body: '{"ID":""}' })).status).toBe(400);
  });

  it('POST while locked: 423 with the holder without ?ID or with another ID, 200 with the holder ID', async () => {
    await call('LOCK', { body: lockInfo('holder') });
    const missing = await call('POST', { body: stateOf(1) });
    expect(missing.status).toBe(423);
    expect(missing.json().ID).toBe('holder');
    expect(missing.json().message).toMatch(/carries no lock ID/);
    const other = await call('POST', { body: stateOf(1) }, `${address}?ID=intruder`);
    expect(other.status).toBe(423);
    expect(other.json().ID).toBe('holder');
    expect((await call('POST', { body: stateOf(1) }, `${address}?ID=holder`)).status).toBe(200);
  });

  it('UNLOCK: 200 with the holder ID, 409 with holder info for another ID, 200 when nothing is locked', async () => {
    await call('LOCK', { body: lockInfo('holder') });
    const wrong = await call('UNLOCK', { body: lockInfo('other') });
    expect(wrong.status).toBe(409);
    expect(wrong.json()).toMatchObject({ ID: 'holder' });
    expect((await call('UNLOCK', { body: lockInfo('holder') })).status).toBe(200);
    expect(backend.repository.lock('dev')).toBeUndefined();
    expect((await call('UNLOCK', { body: lockInfo('holder') })).status).toBe(200);
  });

  it('UNLOCK with an empty body (terraform force-unlock) is 409 with how to arm it, and 200 once armed — once', async () => {
    await call('LOCK', { body: lockInfo('stuck') });
    const refused = await call('UNLOCK');
    expect(refused.status).toBe(409);
    expect(refused.json().ID).toBe('stuck');
    expect(refused.json().message).toMatch(/driftless state unlock dev --arm/);
    backend.repository.armForceUnlock('dev', 'stuck', 60_000);
    expect((await call('UNLOCK')).status).toBe(200);
    expect(backend.repository.lock('dev')).toBeUndefined();
    await call('LOCK', { body: lockInfo('next') });
    expect((await call('UNLOCK')).status).toBe(409);
  });

  it('an expired or mismatched arming does not unlock', async () => {
    await call('LOCK', { body: lockInfo('stuck') });
    backend.repository.armForceUnlock('dev', 'stuck', -1);
    expect((await call('UNLOCK')).status).toBe(409);
    backend.repository.armForceUnlock('dev', 'another-lock', 60_000);
    expect((await call('UNLOCK')).status).toBe(409);
    expect(backend.repository.lock('dev')?.lockId).toBe('stuck');
  });

  it('50 simultaneous LOCK requests: exactly one 200, 49 × 423 naming the winner', async () => {
    const replies = await Promise.all(Array.from({ length: 50 }, (_, index) => call('LOCK', { body: lockInfo(`lock-${index}`) })));
    const winners = replies.filter((reply) => reply.status === 200);
    expect(winners).toHaveLength(1);
    const winner = winners[0]!.json().ID;
    const losers = replies.filter((reply) => reply.status === 423);
    expect(losers).toHaveLength(49);
    for (const loser of losers) expect(loser.json().ID).toBe(winner);
    expect(backend.repository.lock('dev')?.lockId).toBe(winner);
  });
});
