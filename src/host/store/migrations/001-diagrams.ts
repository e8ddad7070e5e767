import type { Migration } from './index';

/**
 * Projects, their shared diagram and their environments, normalized so that questions such as
 * "which nodes in which environments use instance class X" are one SQL query.
 *
 * Node and environment ids are the model's stable ids, unique within a project (two imports of
 * one file hold the same ids), so their keys are (project_id, id) and children carry project_id.
 * Values are stored as JSON text (`value_json`); a sensitive param holds only the marker
 * `{"$secret":"set"}` and its value lives encrypted in `secrets`.
 */
export const diagramsMigration: Migration = {
  version: 1,
  name: 'diagrams',
  up(db) {
    db.exec(`
      CREATE TABLE projects (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        revision INTEGER NOT NULL DEFAULT 0,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;

      CREATE TABLE environments (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        backend_type TEXT NOT NULL,
        backend_config_json TEXT,
        PRIMARY KEY (project_id, id),
        UNIQUE (project_id, name)
      ) STRICT;

      CREATE TABLE environment_providers (
        project_id TEXT NOT NULL,
        environment_id TEXT NOT NULL,
        provider TEXT NOT NULL,
        settings_json TEXT NOT NULL,
        PRIMARY KEY (project_id, environment_id, provider),
        FOREIGN KEY (project_id, environment_id) REFERENCES environments(project_id, id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE nodes (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        name TEXT NOT NULL,
        position INTEGER NOT NULL,
        bundle_name TEXT NOT NULL,
        bundle_version TEXT NOT NULL,
        x REAL NOT NULL,
        y REAL NOT NULL,
        PRIMARY KEY (project_id, id),
        UNIQUE (project_id, name)
      ) STRICT;
      CREATE INDEX nodes_by_bundle ON nodes (bundle_name, bundle_version);

      -- The content hash recorded for each bundle ref the project uses (Project.bundleHashes).
      CREATE TABLE project_bundles (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        ref TEXT NOT NULL,
        hash TEXT NOT NULL,
        PRIMARY KEY (project_id, ref)
      ) STRICT;

      CREATE TABLE node_former_names (
        project_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        ordinal INTEGER NOT NULL,
        name TEXT NOT NULL,
        PRIMARY KEY (project_id, node_id, ordinal),
        FOREIGN KEY (project_id, node_id) REFERENCES nodes(project_id, id) ON DELETE CASCADE
      ) STRICT;

      CREATE TABLE params (
        project_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value_json TEXT NOT NULL,
        PRIMARY KEY (project_id, node_id, key),
        FOREIGN KEY (project_id, node_id) REFERENCES nodes(project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX params_by_key ON params (key, value_json);

      CREATE TABLE edges (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        id TEXT NOT NULL,
        position INTEGER NOT NULL,
        from_node_id TEXT NOT NULL,
        from_artifact TEXT NOT NULL,
        to_node_id TEXT NOT NULL,
        to_connection TEXT NOT NULL,
        confirmed_untyped INTEGER NOT NULL DEFAULT 0,
        PRIMARY KEY (project_id, id)
      ) STRICT;
      -- Edges are not foreign keys to nodes: a diagram being edited (or imported with a missing
      -- node) may hold a dangling edge, which validation reports instead of the store refusing it.
      CREATE INDEX edges_by_to ON edges (project_id, to_node_id);
      CREATE INDEX edges_by_from ON edges (project_id, from_node_id);

      CREATE TABLE overrides (
        project_id TEXT NOT NULL,
        environment_id TEXT NOT NULL,
        node_id TEXT NOT NULL,
        key TEXT NOT NULL,
        value_json TEXT NOT NULL,
        PRIMARY KEY (project_id, environment_id, node_id, key),
        FOREIGN KEY (project_id, environment_id) REFERENCES environments(project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE INDEX overrides_by_key ON overrides (key, value_json);

      CREATE TABLE secrets (
        project_id TEXT NOT NULL,
        environment_id TEXT,
        node_id TEXT NOT NULL,
        key TEXT NOT NULL,
        ciphertext BLOB NOT NULL,
        nonce BLOB NOT NULL,
        tag BLOB NOT NULL,
        updated_at TEXT NOT NULL,
        FOREIGN KEY (project_id, node_id) REFERENCES nodes(project_id, id) ON DELETE CASCADE,
        FOREIGN KEY (project_id, environment_id) REFERENCES environments(project_id, id) ON DELETE CASCADE
      ) STRICT;
      CREATE UNIQUE INDEX secrets_by_slot ON secrets (project_id, ifnull(environment_id, ''), node_id, key);

      CREATE TABLE settings (
        key TEXT PRIMARY KEY,
        value_json TEXT NOT NULL
      ) STRICT;

      CREATE TABLE edit_log (
        project_id TEXT NOT NULL REFERENCES projects(id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,
        edit_json TEXT NOT NULL,
        inverse_json TEXT NOT NULL,
        at TEXT NOT NULL,
        PRIMARY KEY (project_id, seq)
      ) STRICT;
    `);
  },
};
