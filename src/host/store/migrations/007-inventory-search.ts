import type { Migration } from './index';

/**
 * Scalar leaves of a `resources.attributes` JSON as one space-separated text: what the full-text
 * index holds for it. Booleans as `true`/`false` (json_tree's atom would say 1/0); nulls, object
 * and array nodes themselves are left out (their leaves are in). Shared with the catch-up in
 * src/host/inventory/fullTextIndex.ts so both index a row alike.
 */
export const attributeValuesSql = (json: string) => `(SELECT group_concat(iif(type IN ('true', 'false'), type, atom), ' ')
  FROM json_tree(${json}) WHERE type NOT IN ('object', 'array', 'null'))`;

/**
 * Notes an environment as written. Not `INSERT OR IGNORE`: inside a trigger, the conflict policy of
 * the writing statement wins (the indexer's upsert would turn IGNORE into an abort).
 */
const note = (row: 'new' | 'old') => `INSERT INTO resources_text_pending (environment_id)
  SELECT ${row}.environment_id WHERE NOT EXISTS (SELECT 1 FROM resources_text_pending WHERE environment_id = ${row}.environment_id);`;

/**
 * An FTS5 index over the inventory (type, address, cloud id, attribute values) for free-text and
 * attribute searches (src/host/inventory/fullText.ts).
 *
 * Contentless: it keeps only tokens, never a copy of a value, and it tokenizes the inventory row
 * itself — attributes already masked (src/host/state/inventory.ts) — so a secret the inventory
 * does not hold cannot reach it. `resources_text_rows` says which environment each indexed row id
 * belongs to, so one environment's rows can be dropped from the index.
 *
 * An environment's inventory is rewritten together with its `state_inventory_status` row (state
 * writes, restores, re-indexing: one transaction). A trigger on that row notes the environment in
 * `resources_text_pending`, and the index catches up with the noted environments, set-wise, before
 * it is read. (A trigger on every `resources` row instead made writing 100,000 rows 5–8× slower:
 * each row's statement then needs a statement journal, spilled to a temp file at our 16 KiB pages,
 * and FTS5 flushes its pending terms at every statement savepoint.)
 */
export const inventorySearchMigration: Migration = {
  version: 7,
  name: 'inventory-search',
  up(db) {
    db.exec(`
      CREATE VIRTUAL TABLE resources_text USING fts5(
        type, address, resource_id, attribute_values,
        content = '', contentless_delete = 1, tokenize = 'unicode61 remove_diacritics 2'
      );
      CREATE TABLE resources_text_rows (id INTEGER PRIMARY KEY, environment_id TEXT NOT NULL) STRICT;
      CREATE INDEX resources_text_rows_environment ON resources_text_rows (environment_id);
      CREATE TABLE resources_text_pending (environment_id TEXT PRIMARY KEY) STRICT;
      CREATE TRIGGER resources_text_indexed AFTER INSERT ON state_inventory_status BEGIN
        ${note('new')}
      END;
      CREATE TRIGGER resources_text_reindexed AFTER UPDATE ON state_inventory_status BEGIN
        ${note('old')}
        ${note('new')}
      END;
      CREATE TRIGGER resources_text_unindexed AFTER DELETE ON state_inventory_status BEGIN
        ${note('old')}
      END;
      INSERT INTO resources_text (rowid, type, address, resource_id, attribute_values)
        SELECT id, type, address, resource_id, ${attributeValuesSql('attributes')} FROM resources;
      INSERT INTO resources_text_rows (id, environment_id) SELECT id, environment_id FROM resources;
    `);
  },
};
