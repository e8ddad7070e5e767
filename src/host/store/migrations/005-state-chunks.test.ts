import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openDatabase } from '../openDatabase';
import { stateMigration } from './002-state';
import { stateChunksMigration, stateChunkSize } from './005-state-chunks';
import { sealedStateMigration } from './006-sealed-state';
import { createStateRepository } from '../../state/stateRepository';

describe('migration 5: state bodies in 1 MiB rows', () => {
  it('splits bodies stored whole by migration 2 into ordered pieces that join to the same bytes', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-chunks-')), 'driftless.db');
    const old = openDatabase(path, { migrations: [stateMigration] });
    const large = Buffer.alloc(2 * stateChunkSize + 12345);
    for (let index = 0; index < large.length; index++) large[index] = (index * 7) % 251;
    const bodies = [Buffer.from('{"serial":1}'), large, Buffer.alloc(stateChunkSize, 1)];
    bodies.forEach((body, index) => {
      old.prepare(`INSERT INTO state_versions (environment_id, version, sha256, md5, size, created_at) VALUES ('e', ?, '', '', ?, '')`).run(index + 1, body.length);
      old.prepare('INSERT INTO state_bodies (version_id, body) VALUES (?, ?)').run(index + 1, body);
    });
    old.close();

    const db = openDatabase(path, { migrations: [stateMigration, stateChunksMigration, sealedStateMigration] });
    const pieces = db.prepare('SELECT version_id AS id, seq, length(body) AS size FROM state_bodies ORDER BY version_id, seq').all();
    expect(pieces).toEqual([
      { id: 1, seq: 0, size: 12 },
      { id: 2, seq: 0, size: stateChunkSize },
      { id: 2, seq: 1, size: stateChunkSize },
      { id: 2, seq: 2, size: 12345 },
      { id: 3, seq: 0, size: stateChunkSize },
    ]);
    const repository = createStateRepository(db);
    bodies.forEach((body, index) => expect(repository.body(index + 1)!.equals(body)).toBe(true));
    expect(db.prepare("SELECT name FROM sqlite_master WHERE name = 'state_bodies_whole'").get()).toBeUndefined();
    db.close();
  });
});
