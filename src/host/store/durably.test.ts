import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3';
import { durably } from './durably';
import { openDatabase } from './openDatabase';

const FULL = 2;
const NORMAL = 1;
const synchronous = (db: Database) => db.pragma('synchronous', { simple: true });

const opened: Database[] = [];
afterEach(() => opened.splice(0).forEach((db) => db.close()));

function fresh(): Database {
  const db = openDatabase(join(mkdtempSync(join(tmpdir(), 'driftless-durably-')), 'driftless.db'));
  opened.push(db);
  db.exec('CREATE TABLE notes (text TEXT)');
  return db;
}

describe('durably', () => {
  it('commits the write with synchronous=FULL and puts the connection back to NORMAL', () => {
    const db = fresh();
    expect(synchronous(db)).toBe(NORMAL);
    const during = durably(db, () => db.transaction(() => {
      db.prepare('INSERT INTO notes VALUES (?)').run('kept');
      return synchronous(db);
    })());
    expect(during).toBe(FULL);
    expect(synchronous(db)).toBe(NORMAL);
    expect(db.prepare('SELECT text FROM notes').pluck().all()).toEqual(['kept']);
  });

  it('puts the connection back to NORMAL when the write throws', () => {
    const db = fresh();
    expect(() => durably(db, () => db.transaction(() => {
      db.prepare('INSERT INTO notes VALUES (?)').run('rolled back');
      throw new Error('refused');
    })())).toThrow('refused');
    expect(synchronous(db)).toBe(NORMAL);
    expect(db.prepare('SELECT count(*) FROM notes').pluck().get()).toBe(0);
  });

  it('refuses to run inside a transaction, where SQLite would not flush the commit', () => {
    const db = fresh();
    expect(() => db.transaction(() => durably(db, () => 0))()).toThrow(/inside a transaction.*Call it outside/);
    expect(synchronous(db)).toBe(NORMAL);
  });
});
