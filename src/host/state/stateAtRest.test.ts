import { mkdtempSync, readFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3';
import { afterEach, describe, expect, it } from 'vitest';
import { backendRequest } from '../../../test/support/stateClient';
import { fileKeyProvider } from '../secrets/keyProvider';
import { openDatabase } from '../store/openDatabase';
import { stateMigration } from '../store/migrations/002-state';
import { stateChunksMigration, stateChunkSize } from '../store/migrations/005-state-chunks';
import { sealedStateMigration } from '../store/migrations/006-sealed-state';
import { startStateBackend, type StateBackend } from './http/stateBackend';
import { createLatestBodies } from './latestBodies';
import { createStateHistory } from './stateHistory';
import { createInventoryIndexer } from './inventoryIndexer';
import { createStateRepository, openStateRepository } from './stateRepository';
import { writeState } from './writeState';

const CANARY = 'canary-5d1e-state-at-rest-do-not-leak';
const withMigration6 = [stateMigration, stateChunksMigration, sealedStateMigration];

/** A state whose sensitive resource input holds the canary (as terraform marks it); `padding` more bytes of canaries make it span chunks. */
const stateOf = (serial: number, padding = 0) =>
  Buffer.from(JSON.stringify({
    version: 4, terraform_version: '1.11.4', serial, lineage: 'at-rest', outputs: {},
    resources: [{ mode: 'managed', type: 'terraform_data', name: 'db', provider: 'p', instances: [{ attributes: { id: 'x', input: CANARY, pad: CANARY.repeat(Math.ceil(padding / CANARY.length)).slice(0, padding) }, sensitive_attributes: [[{ type: 'get_attr', value: 'input' }], [{ type: 'get_attr', value: 'pad' }]] }] }],
  }));

const fileHolds = (path: string, text: string) => existsSync(path) && readFileSync(path).includes(Buffer.from(text));

const opened: { close(): unknown }[] = [];
afterEach(async () => {
  for (const item of opened.splice(0).reverse()) await item.close();
});

function fresh(migrations = withMigration6): { dir: string; path: string; db: Database } {
  const dir = mkdtempSync(join(tmpdir(), 'driftless-at-rest-'));
  const path = join(dir, 'driftless.db');
  const db = openDatabase(path, { migrations });
  opened.push(db);
  return { dir, path, db };
}

async function backendOn(db: Database, dir: string): Promise<StateBackend> {
  const backend = await startStateBackend({ db, keys: fileKeyProvider(dir), log: () => {} });
  opened.push(backend);
  return backend;
}

describe('state bodies at rest', () => {
  it('keeps the canary out of the database file and its WAL, while GET serves the exact bytes', async () => {
    const { dir, path, db } = fresh();
    const backend = await backendOn(db, dir);
    const body = stateOf(1, 3 * stateChunkSize); // several sealed chunks
    expect((await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body })).status).toBe(200);
    await backend.indexer.whenIdle();
    expect(fileHolds(path, CANARY) || fileHolds(`${path}-wal`, CANARY)).toBe(false);
    const rows = db.prepare('SELECT format, length(nonce) AS nonce, length(tag) AS tag FROM state_bodies').all();
    expect(rows).toEqual(Array.from({ length: 4 }, () => ({ format: 1, nonce: 12, tag: 16 })));

    const reply = await backendRequest(backend.addressOf('dev'), 'GET', { auth: backend });
    expect(reply.status).toBe(200);
    expect(reply.body.equals(body)).toBe(true);
    // a second repository (no cache) opens the same bytes from the database
    expect(createStateRepository(db, fileKeyProvider(dir)).body(backend.repository.latest('dev')!.id)!.equals(body)).toBe(true);
  });

  it('refuses a tampered chunk with a 409 that says what happened and what to do, and never serves it', async () => {
    const { dir, db } = fresh();
    const backend = await backendOn(db, dir);
    await backendRequest(backend.addressOf('dev'), 'POST', { auth: backend, body: stateOf(1) });
    const stored = db.prepare('SELECT body FROM state_bodies').pluck().get() as Buffer;
    stored[10]! ^= 0x01; // one bit flipped
    db.prepare('UPDATE state_bodies SET body = ?').run(stored);
    // a fresh backend on the same database (nothing cached) reads the altered row
    const other = await startStateBackend({ db, keys: fileKeyProvider(dir), log: () => {} });
    opened.push(other);
    const reply = await backendRequest(other.addressOf('dev'), 'GET', { auth: other });
    expect(reply.status).toBe(409);
    expect(reply.json().message).toMatch(/chunk 0 of state version 1 of "dev" failed its integrity check.*altered or damaged.*Restore an earlier version/);
    expect(reply.body.includes(Buffer.from(CANARY))).toBe(false);

    const history = createStateHistory({ db, repository: other.repository, indexer: other.indexer });
    expect(() => history.download('dev', 1)).toThrow(/failed its integrity check/);
  });

  it('refuses chunks moved to another place (version, order) and a cut-off body', () => {
    const { dir, db } = fresh();
    const repository = createStateRepository(db, fileKeyProvider(dir));
    for (const serial of [1, 2]) writeState(db, repository, { environmentId: 'dev', body: stateOf(serial, 2 * stateChunkSize) });
    const reader = () => createStateRepository(db, fileKeyProvider(dir));
    // swap the first chunks of versions 1 and 2
    db.exec(`UPDATE state_bodies SET seq = -1 WHERE version_id = 1 AND seq = 0;
      UPDATE state_bodies SET version_id = 1 WHERE version_id = 2 AND seq = 0;
      UPDATE state_bodies SET version_id = 2, seq = 0 WHERE version_id = 1 AND seq = -1;`);
    expect(() => reader().body(1)).toThrow(/chunk 0 of state version 1 of "dev" failed its integrity check/);
    // reorder chunks 1 and 2 of version 2
    db.exec(`UPDATE state_bodies SET seq = -1 WHERE version_id = 2 AND seq = 1;
      UPDATE state_bodies SET seq = 1 WHERE version_id = 2 AND seq = 2;
      UPDATE state_bodies SET seq = 2 WHERE version_id = 2 AND seq = -1;`);
    expect(() => reader().body(2)).toThrow(/failed its integrity check/);
    // drop the last chunk: the size tells; edit the size to match and the remaining chunks tell
    const cut = writeState(db, repository, { environmentId: 'cut', body: stateOf(1, 2 * stateChunkSize) }) as { stored: { id: number } };
    db.prepare('DELETE FROM state_bodies WHERE version_id = ? AND seq = 2').run(cut.stored.id);
    expect(() => reader().body(cut.stored.id)).toThrow(/does not add up to its recorded \d+ bytes: rows are missing/);
    db.prepare('UPDATE state_versions SET size = ? WHERE id = ?').run(2 * stateChunkSize, cut.stored.id);
    expect(() => reader().body(cut.stored.id)).toThrow(/chunk 0 of state version 1 of "cut" failed its integrity check/);
  });

  it('refuses a body sealed with another key, naming the key and what to do', async () => {
    const { dir, db } = fresh();
    writeState(db, createStateRepository(db, fileKeyProvider(dir)), { environmentId: 'dev', body: stateOf(1) });
    const otherKeys = fileKeyProvider(mkdtempSync(join(tmpdir(), 'driftless-other-key-')));
    expect(() => createStateRepository(db, otherKeys).body(1)).toThrow(/sealed with another secret key \(key id [0-9a-f]{16}; this Driftless has [0-9a-f]{16}, from .*secret\.key\)\. Put back the secret key/);
    const backend = await startStateBackend({ db, keys: otherKeys, log: () => {} });
    opened.push(backend);
    const reply = await backendRequest(backend.addressOf('dev'), 'GET', { auth: backend });
    expect(reply.status).toBe(409);
    expect(reply.json().message).toMatch(/another secret key/);
  });

  it('seals rows stored in plain before migration 6 on the first open with the key, leaving no plain bytes on free pages', () => {
    // a database from schema 2 (whole bodies): migration 5 copies them into chunks and drops the old table,
    // so the plain bytes are both in live rows and on free pages
    const { dir, path, db: old } = fresh([stateMigration]);
    const body = stateOf(1, stateChunkSize + 100);
    old.prepare(`INSERT INTO state_versions (environment_id, version, serial, lineage, sha256, md5, size, created_at) VALUES ('dev', 1, 1, 'at-rest', 'h', 'm', ?, '')`).run(body.length);
    old.prepare('INSERT INTO state_bodies (version_id, body) VALUES (1, ?)').run(body);
    old.close();
    const db = openDatabase(path, { migrations: withMigration6 }); // 5 splits, 6 adds the columns; nothing is sealed without the key
    opened.push(db);
    db.pragma('wal_checkpoint(TRUNCATE)');
    expect(fileHolds(path, CANARY)).toBe(true);
    expect(db.prepare('SELECT format FROM state_bodies').pluck().all()).toEqual([0, 0]);
    expect(createStateRepository(db, fileKeyProvider(dir)).body(1)!.equals(body)).toBe(true); // still readable meanwhile

    const logged: string[] = [];
    const repository = openStateRepository(db, fileKeyProvider(dir), (message) => logged.push(message));
    expect(logged).toEqual(['Sealed 1 state version(s) stored in plain by an older Driftless.']);
    expect(db.prepare('SELECT format FROM state_bodies').pluck().all()).toEqual([1, 1]);
    expect(repository.body(1)!.equals(body)).toBe(true);
    expect(fileHolds(path, CANARY) || fileHolds(`${path}-wal`, CANARY)).toBe(false);
    expect(repository.sealPlain()).toBe(0);
  });

  it('leaves plain rows readable when the key cannot be had, and says so', () => {
    const { db } = fresh([stateMigration, stateChunksMigration]);
    db.prepare(`INSERT INTO state_versions (environment_id, version, serial, lineage, sha256, md5, size, created_at) VALUES ('dev', 1, 1, 'l', 'h', 'm', 2, '')`).run();
    db.prepare("INSERT INTO state_bodies (version_id, seq, body) VALUES (1, 0, CAST('{}' AS BLOB))").run();
    sealedStateMigration.up(db);
    const logged: string[] = [];
    const repository = openStateRepository(db, { key: () => { throw new Error('the keychain is locked'); } }, (message) => logged.push(message));
    expect(logged).toEqual(['State stored in plain by an older Driftless could not be sealed yet: the keychain is locked']);
    expect(repository.body(1)!.toString()).toBe('{}');
  });

  it('GET answers from memory after a write and still sees a write made through another connection', async () => {
    const { dir, path, db } = fresh();
    const backend = await backendOn(db, dir);
    const address = backend.addressOf('dev');
    await backendRequest(address, 'POST', { auth: backend, body: stateOf(1) });
    expect((await backendRequest(address, 'GET', { auth: backend })).body.equals(stateOf(1))).toBe(true);
    const second = openDatabase(path);
    opened.push(second);
    writeState(second, createStateRepository(second, fileKeyProvider(dir)), { environmentId: 'dev', body: stateOf(2) });
    expect((await backendRequest(address, 'GET', { auth: backend })).body.equals(stateOf(2))).toBe(true);
  });

  it('the inventory is indexed from the opened body, and a body that cannot be opened is recorded as the reason', () => {
    const { dir, db } = fresh();
    const repository = createStateRepository(db, fileKeyProvider(dir));
    writeState(db, repository, { environmentId: 'dev', body: stateOf(1) });
    expect(createInventoryIndexer(db, repository).indexNow('dev')).toMatchObject({ resources: 1 });
    db.prepare("UPDATE state_bodies SET tag = zeroblob(16)").run();
    const result = createInventoryIndexer(db, createStateRepository(db, fileKeyProvider(dir))).indexNow('dev');
    expect(result.error).toMatch(/failed its integrity check/);
  });
});

describe('latest bodies in memory', () => {
  const version = (id: number, sha256 = `sha-${id}`) => ({ id, sha256 }) as Parameters<ReturnType<typeof createLatestBodies>['get']>[1];

  it('serves an entry only for the same row and hash, and drops the least recently used beyond its budget', () => {
    const bodies = createLatestBodies(10);
    bodies.set('a', version(1), Buffer.alloc(4));
    expect(bodies.get('a', version(1))).toHaveLength(4);
    expect(bodies.get('a', version(2))).toBeUndefined();
    expect(bodies.get('a', version(1, 'other'))).toBeUndefined();
    bodies.set('b', version(3), Buffer.alloc(4));
    bodies.get('a', version(1)); // a is now the most recent
    bodies.set('c', version(4), Buffer.alloc(4));
    expect(bodies.get('b', version(3))).toBeUndefined();
    expect(bodies.get('a', version(1))).toBeDefined();
    expect(bodies.bytes).toBe(8);
    bodies.set('d', version(5), Buffer.alloc(11)); // larger than the budget: not kept
    expect(bodies.get('d', version(5))).toBeUndefined();
  });
});
