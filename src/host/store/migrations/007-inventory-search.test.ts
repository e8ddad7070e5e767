import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { catchUpFullText } from '../../inventory/fullTextIndex';
import { openDatabase } from '../openDatabase';
import { stateMigration } from './002-state';
import { inventorySearchMigration } from './007-inventory-search';

describe('migration 7: full-text index of the inventory', () => {
  it('indexes the rows an older database already has, and notes every later inventory write for the catch-up', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'driftless-fts-migration-')), 'driftless.db');
    const old = openDatabase(path, { migrations: [stateMigration] });
    const insertSql = `INSERT INTO resources (environment_id, version_id, address, module, mode, type, name, provider, resource_id, attributes)
      VALUES (?, 1, ?, '', 'managed', ?, 'main', 'aws', ?, ?)`;
    let insert = old.prepare(insertSql);
    insert.run('e1', 'aws_s3_bucket.logs', 'aws_s3_bucket', 'shop-logs', JSON.stringify({ region: 'eu-west-1', versioning: true, tags: { team: 'payments' }, gone: null }));
    insert.run('e2', 'aws_sqs_queue.jobs', 'aws_sqs_queue', 'shop-jobs', JSON.stringify({ fifo: false }));
    old.close();

    const db = openDatabase(path, { migrations: [stateMigration, inventorySearchMigration] });
    insert = db.prepare(insertSql);
    const match = (query: string) => db.prepare('SELECT rowid FROM resources_text WHERE resources_text MATCH ? ORDER BY rowid').pluck().all(query);
    expect(match('attribute_values : "eu west 1"')).toEqual([1]);
    expect(match('attribute_values : true')).toEqual([1]);
    expect(match('attribute_values : false')).toEqual([2]);
    expect(match('payments')).toEqual([1]);
    expect(match('resource_id : "shop"*')).toEqual([1, 2]);
    expect(match('null OR gone OR region')).toEqual([]); // keys and nulls are not values
    expect(catchUpFullText(db)).toBe(0);

    // One status write per environment (as the inventory indexer does) notes it, once, however often.
    const status = db.prepare(`INSERT INTO state_inventory_status (environment_id, version_id, indexed_at) VALUES (?, 1, ?)
      ON CONFLICT (environment_id) DO UPDATE SET indexed_at = excluded.indexed_at`);
    db.transaction(() => {
      db.prepare("DELETE FROM resources WHERE environment_id = 'e2'").run();
      insert.run('e2', 'aws_sqs_queue.jobs', 'aws_sqs_queue', 'shop-jobs', JSON.stringify({ fifo: true }));
      status.run('e2', 'a');
      status.run('e2', 'b');
    })();
    expect(db.prepare('SELECT environment_id FROM resources_text_pending').pluck().all()).toEqual(['e2']);
    expect(catchUpFullText(db)).toBe(1);
    expect(match('attribute_values : false')).toEqual([]);
    expect(match('attribute_values : true')).toEqual([1, 2]); // the new row took the deleted one's id
    expect(db.prepare('SELECT count(*) FROM resources_text_pending').pluck().get()).toBe(0);
    db.close();
  });
});
