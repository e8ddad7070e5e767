import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { fileKeyProvider } from '../secrets/keyProvider';
import { openDatabase } from '../store/openDatabase';
import { createStateRepository } from './stateRepository';
import { writeState } from './writeState';

const FULL = 2;
const NORMAL = 1;
const stateOf = (serial: number, lineage = 'durable') =>
  Buffer.from(JSON.stringify({ version: 4, terraform_version: '1.11.4', serial, lineage, outputs: {}, resources: [] }));

const opened: Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

describe('writeState', () => {
  it('stores each state version with its commit flushed to disk (synchronous=FULL), then runs NORMAL again', () => {
    const dir = mkdtempSync(join(tmpdir(), 'driftless-write-state-'));
    const db = openDatabase(join(dir, 'driftless.db'));
    opened.push(db);
    const repository = createStateRepository(db, fileKeyProvider(dir));
    const insert = repository.insert;
    const levels: unknown[] = [];
    repository.insert = (input) => {
      levels.push(db.pragma('synchronous', { simple: true }));
      return insert(input);
    };

    expect('stored' in writeState(db, repository, { environmentId: 'dev', body: stateOf(1) })).toBe(true);
    expect('stored' in writeState(db, repository, { environmentId: 'dev', body: stateOf(2) })).toBe(true);
    expect(levels).toEqual([FULL, FULL]);
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);

    // a refused write leaves the connection as it found it too
    expect(writeState(db, repository, { environmentId: 'dev', body: stateOf(3, 'other') })).toMatchObject({ refused: { status: 409 } });
    expect(db.pragma('synchronous', { simple: true })).toBe(NORMAL);
  });
});
