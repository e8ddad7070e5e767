import type { Migration } from './index';

/**
 * Read-only views for the query console (docs/query.md documents every column), and saved queries.
 *
 * The views are named `query_<name>` here because their friendly names (`resources`, `nodes`, …)
 * are the real tables'; the console's own connection shadows each table with a TEMP view of the
 * friendly name (src/host/query/consoleViews.ts), so a user writes `SELECT * FROM resources`.
 * Each row explains itself: project and environment names, node names, `bundle@version`.
 * Environment ids are unique across projects (import gives a clashing id a new one), so state
 * and runs, keyed by environment id alone, join to their environment by id.
 */
export const viewsMigration: Migration = {
  version: 4,
  name: 'views',
  up(db) {
    db.exec(`
      CREATE TABLE saved_queries (
        name TEXT PRIMARY KEY,
        sql TEXT NOT NULL,
        description TEXT NOT NULL DEFAULT '',
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      ) STRICT;
      -- State, runs and the inventory name an environment by id alone; this makes that join a lookup.
      CREATE INDEX environments_by_id ON environments (id);
      -- A node's resources (inventory.forNode) without scanning every environment's inventory.
      CREATE INDEX resources_node ON resources (node, environment_id);

      CREATE VIEW query_projects AS
      SELECT p.id AS project_id, p.name AS project, p.revision, p.created_at, p.updated_at,
        (SELECT count(*) FROM nodes n WHERE n.project_id = p.id) AS node_count,
        (SELECT count(*) FROM edges g WHERE g.project_id = p.id) AS edge_count,
        (SELECT count(*) FROM environments e WHERE e.project_id = p.id) AS environment_count
      FROM projects p;

      CREATE VIEW query_environments AS
      SELECT e.project_id, p.name AS project, e.id AS environment_id, e.name AS environment, e.position,
        e.backend_type, e.backend_config_json,
        (SELECT json_group_object(v.provider, json(v.settings_json)) FROM environment_providers v
          WHERE v.project_id = e.project_id AND v.environment_id = e.id) AS providers_json,
        (SELECT count(*) FROM overrides o WHERE o.project_id = e.project_id AND o.environment_id = e.id) AS override_count,
        (SELECT count(*) FROM resources r WHERE r.environment_id = e.id) AS resource_count,
        (SELECT max(s.version) FROM state_versions s WHERE s.environment_id = e.id) AS state_version,
        (SELECT max(s.created_at) FROM state_versions s WHERE s.environment_id = e.id) AS state_updated_at
      FROM environments e JOIN projects p ON p.id = e.project_id;

      CREATE VIEW query_nodes AS
      SELECT n.project_id, p.name AS project, n.id AS node_id, n.name AS node,
        n.bundle_name || '@' || n.bundle_version AS bundle, n.bundle_name, n.bundle_version, n.x, n.y,
        (SELECT count(*) FROM params a WHERE a.project_id = n.project_id AND a.node_id = n.id) AS param_count,
        (SELECT count(*) FROM edges g WHERE g.project_id = n.project_id AND g.to_node_id = n.id) AS inputs_wired,
        (SELECT count(*) FROM edges g WHERE g.project_id = n.project_id AND g.from_node_id = n.id) AS outputs_wired
      FROM nodes n JOIN projects p ON p.id = n.project_id;

      CREATE VIEW query_params AS
      WITH param_keys AS (
        SELECT project_id, node_id, key FROM params
        UNION SELECT project_id, node_id, key FROM overrides
      ),
      cells AS (
        SELECT k.project_id, k.node_id, k.key, e.id AS environment_id, e.name AS environment,
          a.value_json AS default_json, o.value_json AS override_json
        FROM param_keys k
        JOIN environments e ON e.project_id = k.project_id
        LEFT JOIN params a ON a.project_id = k.project_id AND a.node_id = k.node_id AND a.key = k.key
        LEFT JOIN overrides o ON o.project_id = k.project_id AND o.environment_id = e.id AND o.node_id = k.node_id AND o.key = k.key
      )
      SELECT c.project_id, p.name AS project, c.environment_id, c.environment, c.node_id, n.name AS node,
        n.bundle_name || '@' || n.bundle_version AS bundle, n.bundle_name, c.key AS param,
        c.default_json, c.override_json, coalesce(c.override_json, c.default_json) AS effective_json,
        json_extract(coalesce(c.override_json, c.default_json), '$') AS value,
        c.override_json IS NOT NULL AS overridden,
        coalesce(json_extract(coalesce(c.override_json, c.default_json), '$."$secret"') = 'set', 0) AS secret
      FROM cells c
      JOIN projects p ON p.id = c.project_id
      JOIN nodes n ON n.project_id = c.project_id AND n.id = c.node_id
      WHERE c.default_json IS NOT NULL OR c.override_json IS NOT NULL;

      CREATE VIEW query_overrides AS
      SELECT o.project_id, p.name AS project, o.environment_id, e.name AS environment, o.node_id, n.name AS node,
        n.bundle_name || '@' || n.bundle_version AS bundle, o.key AS param, o.value_json,
        json_extract(o.value_json, '$') AS value, a.value_json AS default_json
      FROM overrides o
      JOIN projects p ON p.id = o.project_id
      JOIN environments e ON e.project_id = o.project_id AND e.id = o.environment_id
      LEFT JOIN nodes n ON n.project_id = o.project_id AND n.id = o.node_id
      LEFT JOIN params a ON a.project_id = o.project_id AND a.node_id = o.node_id AND a.key = o.key;

      CREATE VIEW query_runs AS
      SELECT r.id AS run_id, e.project_id, p.name AS project, r.environment_id, e.name AS environment,
        r.kind, r.status, r.command, r.started_at, r.ended_at,
        CASE WHEN r.started_at IS NOT NULL AND r.ended_at IS NOT NULL
          THEN round((julianday(r.ended_at) - julianday(r.started_at)) * 86400.0, 3) END AS duration_seconds,
        r.exit_code, r.module_hash, r.summary
      FROM runs r
      LEFT JOIN environments e ON e.id = r.environment_id
      LEFT JOIN projects p ON p.id = e.project_id;

      CREATE VIEW query_state_versions AS
      SELECT e.project_id, p.name AS project, s.environment_id, e.name AS environment, s.version, s.serial, s.lineage,
        s.encrypted, s.sha256, s.size, s.created_at, s.terraform_version, s.run_id, s.source, s.restored_from,
        s.version = (SELECT max(l.version) FROM state_versions l WHERE l.environment_id = s.environment_id) AS latest
      FROM state_versions s
      LEFT JOIN environments e ON e.id = s.environment_id
      LEFT JOIN projects p ON p.id = e.project_id;

      CREATE VIEW query_resources AS
      SELECT e.project_id, p.name AS project, r.environment_id, e.name AS environment,
        n.id AS node_id, r.node, n.bundle_name || '@' || n.bundle_version AS bundle,
        r.address, r.module, r.mode, r.type, r.name, r.index_key, r.deposed, r.status, r.provider,
        r.resource_id, r.attributes, s.version AS state_version
      FROM resources r
      LEFT JOIN environments e ON e.id = r.environment_id
      LEFT JOIN projects p ON p.id = e.project_id
      LEFT JOIN nodes n ON n.project_id = e.project_id AND n.name = r.node
      LEFT JOIN state_versions s ON s.id = r.version_id;
    `);
  },
};
