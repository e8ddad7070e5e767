import type { Database } from 'better-sqlite3';
import type { InventoryResource, InventorySearch, InventorySearchResult, NodeInventory } from '../../core/api/areas/inventory';
import { ApiFailure } from '../../core/api/errors';
import type { HostDatabase } from '../store/hostDatabase';
import { StoreError } from '../store/openDatabase';
import { textMatch, valueMatch } from './fullText';
import { catchUpFullText } from './fullTextIndex';

export const DEFAULT_INVENTORY_RESULTS = 200;

interface Row {
  environment_id: string;
  address: string;
  module: string;
  mode: string;
  type: string;
  name: string;
  index_key: string | null;
  resource_id: string | null;
  provider: string;
  status: string | null;
  attributes: string;
  state_version: number | null;
  project_id: string | null;
  project_name: string | null;
  environment_name: string | null;
  node_id: string | null;
  node_name: string | null;
  bundle_name: string | null;
  bundle_version: string | null;
}

/**
 * The matching rows are chosen, ordered and cut to the limit first (`hits`: row ids and sort keys
 * only, so sorting thousands of matches never carries their attributes); only those few are read
 * whole and traced. The node is found by its current name, else by a former name (state written
 * before a rename still says module.<old name> until the next apply).
 */
const traced = (where: string) => `
  WITH hits AS (
    SELECT r.id, r.environment_id, r.address, e.project_id, e.name AS environment_name, e.position
    FROM resources r LEFT JOIN environments e ON e.id = r.environment_id
    WHERE ${where}
    ORDER BY e.project_id, e.position, r.environment_id, r.address
    LIMIT ?
  )
  SELECT r.environment_id, r.address, r.module, r.mode, r.type, r.name, r.index_key, r.resource_id, r.provider, r.status,
    r.attributes, s.version AS state_version, p.id AS project_id, p.name AS project_name, h.environment_name,
    n.id AS node_id, n.name AS node_name, n.bundle_name, n.bundle_version
  FROM hits h
  JOIN resources r ON r.id = h.id
  LEFT JOIN projects p ON p.id = h.project_id
  LEFT JOIN nodes n ON n.project_id = h.project_id AND n.id = coalesce(
    (SELECT c.id FROM nodes c WHERE c.project_id = h.project_id AND c.name = r.node),
    (SELECT f.node_id FROM node_former_names f WHERE f.project_id = h.project_id AND f.name = r.node ORDER BY f.ordinal DESC LIMIT 1))
  LEFT JOIN state_versions s ON s.id = r.version_id
  ORDER BY h.project_id, h.position, h.environment_id, h.address`;

function resourceOf(row: Row): InventoryResource {
  return {
    environmentId: row.environment_id,
    address: row.address,
    mode: row.mode,
    type: row.type,
    name: row.name,
    indexKey: row.index_key,
    resourceId: row.resource_id,
    provider: row.provider,
    status: row.status,
    attributes: JSON.parse(row.attributes) as Record<string, unknown>,
    stateVersion: row.state_version,
    trace: {
      project: row.project_id ? { id: row.project_id, name: row.project_name! } : null,
      environment: row.environment_name === null ? null : { id: row.environment_id, name: row.environment_name },
      node: row.node_id ? { id: row.node_id, name: row.node_name! } : null,
      bundle: row.bundle_name ? { name: row.bundle_name, version: row.bundle_version! } : null,
      modulePath: row.module,
    },
  };
}

const inIndex = 'r.id IN (SELECT rowid FROM resources_text WHERE resources_text MATCH ?)';
const likeEscaped = (value: string) => `%${value.replace(/[\\%_]/g, (character) => `\\${character}`)}%`;
const jsonPath = (name: string) => `$${name.split('.').map((part) => `."${part}"`).join('')}`;

/** Inventory search and trace over the `resources` table the state backend keeps (read only). */
export function createInventorySearch(database: Pick<HostDatabase, 'get'>) {
  const db = (): Database => {
    try {
      return database.get();
    } catch (error) {
      if (error instanceof StoreError) throw new ApiFailure('unavailable', error.message);
      throw error;
    }
  };
  return {
    search(request: InventorySearch): InventorySearchResult {
      const where: string[] = [];
      const values: unknown[] = [];
      const add = (clause: string, ...parameters: unknown[]) => {
        where.push(clause);
        values.push(...parameters);
      };
      const like = (column: string) => `${column} LIKE ? ESCAPE '\\'`;
      if (request.type !== undefined) add('r.type = ?', request.type);
      if (request.resourceId !== undefined) add('r.resource_id = ?', request.resourceId);
      if (request.address !== undefined) add(like('r.address'), likeEscaped(request.address));
      if (request.environmentId !== undefined) add('r.environment_id = ?', request.environmentId);
      if (request.projectId !== undefined) add('e.project_id = ?', request.projectId);
      if (request.attribute !== undefined) {
        const { name, value } = request.attribute;
        // The full-text index narrows the rows first (json_extract then runs on a few); without tokens, a substring test does.
        const narrow = valueMatch(value);
        if (narrow !== undefined) add(inIndex, narrow);
        else if (JSON.stringify(value) === `"${value}"`) add('instr(r.attributes, ?) > 0', value);
        // Booleans compare as "true"/"false" (json_extract would give 1/0), everything else as its text.
        add("iif(json_type(r.attributes, ?1) IN ('true', 'false'), json_type(r.attributes, ?1), CAST(json_extract(r.attributes, ?1) AS TEXT)) = ?".replaceAll('?1', '?'), jsonPath(name), jsonPath(name), jsonPath(name), value);
      }
      if (request.text !== undefined) {
        const words = textMatch(request.text);
        if (words !== undefined) add(inIndex, words);
        else {
          // Only punctuation: no word to look up, so a substring scan (rare, and slow on large inventories).
          const pattern = likeEscaped(request.text);
          add(`(${['r.type', 'r.address', 'r.resource_id', 'r.attributes'].map(like).join(' OR ')})`, pattern, pattern, pattern, pattern);
        }
      }
      if (where.length === 0) throw new ApiFailure('invalid_request', 'Say what to search for: text, type, address, resourceId or attribute.');
      const limit = request.limit ?? DEFAULT_INVENTORY_RESULTS;
      const database = db();
      if (where.includes(inIndex)) {
        try {
          catchUpFullText(database);
        } catch (error) {
          throw new ApiFailure('unavailable', `The inventory's search index could not catch up with the latest states (${(error as Error).message}). Try again in a moment.`);
        }
      }
      const rows = database
        .prepare(traced(where.join(' AND ')))
        .all(...values, limit + 1) as Row[];
      return { resources: rows.slice(0, limit).map(resourceOf), truncated: rows.length > limit };
    },

    forNode(projectId: string, nodeId: string): NodeInventory {
      const database = db();
      const node = database.prepare('SELECT id, name, bundle_name, bundle_version FROM nodes WHERE project_id = ? AND id = ?').get(projectId, nodeId) as
        | { id: string; name: string; bundle_name: string; bundle_version: string }
        | undefined;
      if (!node) throw new ApiFailure('not_found', `There is no node "${nodeId}" in project "${projectId}". Reload the project: it may have changed.`);
      const environments = database.prepare('SELECT id, name FROM environments WHERE project_id = ? ORDER BY position').all(projectId) as { id: string; name: string }[];
      // Rows under the node's current and former names, in this project (index resources_node).
      const formerNames = database.prepare('SELECT name FROM node_former_names WHERE project_id = ? AND node_id = ?').pluck().all(projectId, nodeId) as string[];
      const names = [node.name, ...formerNames];
      const rows = database.prepare(traced(`r.node IN (${names.map(() => '?').join(', ')}) AND e.project_id = ?`)).all(...names, projectId, -1) as Row[];
      const resources = rows.map(resourceOf).filter((resource) => resource.trace.node?.id === node.id);
      return {
        node: { id: node.id, name: node.name, bundle: `${node.bundle_name}@${node.bundle_version}` },
        environments: environments.map((environment) => ({
          environmentId: environment.id,
          name: environment.name,
          resources: resources.filter((resource) => resource.environmentId === environment.id),
        })),
      };
    },
  };
}

export type InventorySearchService = ReturnType<typeof createInventorySearch>;
