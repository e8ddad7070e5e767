import { mkdtempSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase, StoreError } from './openDatabase';
import type { Migration } from './migrations/index';

const dir = () => mkdtempSync(join(tmpdir(), 'driftless-db-'));
const first: Migration = { version: 1, name: 'things', up: (db) => db.exec('CREATE TABLE things (id INTEGER PRIMARY KEY, name TEXT)') };
const second: Migration = { version: 2, name: 'colour', up: (db) => db.exec('ALTER TABLE things ADD COLUMN colour TEXT') };

describe('openDatabase', () => {
  it('creates the file 0600 with WAL, foreign keys and NORMAL sync', () => {
    const path = join(dir(), 'driftless.db');
    const db = openDatabase(path, { migrations: [first] });
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(db.pragma('journal_mode', { simple: true })).toBe('wal');
    expect(db.pragma('foreign_keys', { simple: true })).toBe(1);
    expect(db.pragma('synchronous', { simple: true })).toBe(1);
    expect(db.pragma('user_version', { simple: true })).toBe(1);
    db.close();
  });

  it('migrates forward and keeps data', () => {
    const path = join(dir(), 'driftless.db');
    const v1 = openDatabase(path, { migrations: [first] });
    v1.prepare('INSERT INTO things (name) VALUES (?)').run('kept');
    v1.close();
    const v2 = openDatabase(path, { migrations: [first, second] });
    expect(v2.pragma('user_version', { simple: true })).toBe(2);
    expect(v2.prepare('SELECT name, colour FROM things').get()).toEqual({ name: 'kept', colour: null });
    v2.close();
  });

  it('refuses a newer database and leaves it untouched', () => {
    const path = join(dir(), 'driftless.db');
    openDatabase(path, { migrations: [first, second] }).close();
    const before = readFileSync(path);
    expect(() => openDatabase(path, { migrations: [first] })).toThrow(StoreError);
    expect(() => openDatabase(path, { migrations: [first] })).toThrow(/newer Driftless \(schema 2; this version knows up to 1\)/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });

  it('refuses a damaged file and leaves it untouched', () => {
    const path = join(dir(), 'driftless.db');
    writeFileSync(path, 'this is not sqlite '.repeat(500));
    const before = readFileSync(path);
    expect(() => openDatabase(path, { migrations: [first] })).toThrow(/not a Driftless database, or it is damaged/);
    expect(readFileSync(path).equals(before)).toBe(true);
  });
});
