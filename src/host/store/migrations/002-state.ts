import type { Migration } from './index';

/**
 * Terraform state served by the http backend: every version kept, locks, armed force-unlocks and
 * the resource inventory.
 *
 * `environment_id` is an opaque TEXT key with no foreign key to the environments table: the same
 * backend serves `/state/<id>` for `driftless state-backend`, where a user's own terraform may use
 * any id, and state must never be lost because an environment row was deleted or not yet created.
 *
 * Bodies live in their own table (rowid = version id) so that listing versions never reads a
 * multi-megabyte blob; with 16 KiB pages a 10 MB state is one chain of overflow pages.
 */
export const stateMigration: Migration = {
  version: 2,
  name: 'state',
  up(db) {
    db.exec(`
      CREATE TABLE state_versions (
        id INTEGER PRIMARY KEY AUTOINCREMENT,
        environment_id TEXT NOT NULL,
        version INTEGER NOT NULL,           -- 1, 2, 3… per environment, in write order
        serial INTEGER,                     -- NULL for an encrypted (OpenTofu) envelope
        lineage TEXT,                       -- NULL for an encrypted envelope
        encrypted INTEGER NOT NULL DEFAULT 0,
        sha256 TEXT NOT NULL,               -- hex, shown to people
        md5 TEXT NOT NULL,                  -- base64, sent as Content-MD5 with every GET
        size INTEGER NOT NULL,
        created_at TEXT NOT NULL,
        terraform_version TEXT,
        run_id TEXT,
        source TEXT NOT NULL DEFAULT 'backend', -- 'backend' (terraform wrote it) or 'restore'
        restored_from INTEGER,
        UNIQUE (environment_id, version)
      );
      CREATE TABLE state_bodies (
        version_id INTEGER PRIMARY KEY REFERENCES state_versions (id) ON DELETE CASCADE,
        body BLOB NOT NULL
      );
      CREATE TABLE state_locks (
        environment_id TEXT PRIMARY KEY,
        lock_id TEXT NOT NULL,
        info TEXT NOT NULL,                 -- the lock info JSON exactly as terraform sent it
        created_at TEXT NOT NULL
      );
      CREATE TABLE state_force_unlock (
        environment_id TEXT PRIMARY KEY,
        lock_id TEXT,                       -- the lock this arming was for; NULL = whichever is held
        armed_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE TABLE state_inventory_status (
        environment_id TEXT PRIMARY KEY,
        version_id INTEGER NOT NULL,        -- the state version the inventory rows describe
        indexed_at TEXT NOT NULL,
        error TEXT
      );
      CREATE TABLE resources (
        id INTEGER PRIMARY KEY,
        environment_id TEXT NOT NULL,
        version_id INTEGER NOT NULL,
        address TEXT NOT NULL,              -- full instance address, e.g. module.db.aws_db_instance.main["a"]
        module TEXT NOT NULL,               -- '' at the root
        node TEXT,                          -- the top-level module name = the diagram node
        mode TEXT NOT NULL,
        type TEXT NOT NULL,
        name TEXT NOT NULL,
        index_key TEXT,                     -- JSON of the key (number or string), NULL without count/for_each
        deposed TEXT,
        status TEXT,
        provider TEXT NOT NULL,
        resource_id TEXT,                   -- the instance's "id" attribute
        attributes TEXT NOT NULL            -- selected attributes, sensitive paths masked
      );
      CREATE INDEX resources_environment ON resources (environment_id);
      CREATE INDEX resources_resource_id ON resources (resource_id);
      CREATE INDEX resources_type ON resources (type);
    `);
  },
};
