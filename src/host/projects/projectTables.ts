import type { Database, Statement } from 'better-sqlite3';
import type { ProjectSummary } from '../../core/api/areas/project';
import type { BackendChoice, DiagramEdge, DiagramNode, Environment, Project } from '../../core/model/diagram';

/** Where each node, edge and environment sits in its list: rows keep the model's order. */
export interface Positions {
  nodes: Map<string, number>;
  edges: Map<string, number>;
  environments: Map<string, number>;
}

export type { ProjectSummary };

interface NodeRow {
  id: string;
  name: string;
  position: number;
  bundle_name: string;
  bundle_version: string;
  x: number;
  y: number;
}

/** `name@version` → its parts (the last `@` splits, so scoped names keep theirs). */
export function splitBundleRef(ref: string): { name: string; version: string } {
  const at = ref.lastIndexOf('@');
  return at <= 0 ? { name: ref, version: '' } : { name: ref.slice(0, at), version: ref.slice(at + 1) };
}

const json = (value: unknown): string => JSON.stringify(value ?? null);

/** The prepared statements of the diagram tables (migration 1): one row operation each. */
export class ProjectTables {
  private readonly statements = new Map<string, Statement>();

  constructor(readonly db: Database) {}

  private run(sql: string, ...params: unknown[]) {
    return this.statement(sql).run(...params);
  }

  private statement(sql: string): Statement {
    let statement = this.statements.get(sql);
    if (!statement) {
      statement = this.db.prepare(sql);
      this.statements.set(sql, statement);
    }
    return statement;
  }

  listProjects(): ProjectSummary[] {
    return this.statement(
      'SELECT id, name, revision, created_at AS createdAt, updated_at AS updatedAt FROM projects ORDER BY name, id',
    ).all() as ProjectSummary[];
  }

  summary(projectId: string): ProjectSummary | undefined {
    return this.statement(
      'SELECT id, name, revision, created_at AS createdAt, updated_at AS updatedAt FROM projects WHERE id = ?',
    ).get(projectId) as ProjectSummary | undefined;
  }

  insertProject(id: string, name: string, at: string): void {
    this.run('INSERT INTO projects (id, name, revision, created_at, updated_at) VALUES (?, ?, 0, ?, ?)', id, name, at, at);
  }

  touchProject(id: string, name: string, revision: number, at: string): void {
    this.run('UPDATE projects SET name = ?, revision = ?, updated_at = ? WHERE id = ?', name, revision, at, id);
  }

  deleteProject(id: string): boolean {
    return this.run('DELETE FROM projects WHERE id = ?', id).changes > 0;
  }

  insertNode(projectId: string, node: DiagramNode, position: number): void {
    const bundle = splitBundleRef(node.bundle);
    this.run(
      'INSERT INTO nodes (project_id, id, name, position, bundle_name, bundle_version, x, y) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      projectId, node.id, node.name, position, bundle.name, bundle.version, node.position.x, node.position.y,
    );
  }

  updateNode(projectId: string, node: DiagramNode, position: number): void {
    const bundle = splitBundleRef(node.bundle);
    this.run(
      'UPDATE nodes SET name = ?, position = ?, bundle_name = ?, bundle_version = ?, x = ?, y = ? WHERE project_id = ? AND id = ?',
      node.name, position, bundle.name, bundle.version, node.position.x, node.position.y, projectId, node.id,
    );
  }

  deleteNode(projectId: string, nodeId: string): void {
    this.run('DELETE FROM nodes WHERE project_id = ? AND id = ?', projectId, nodeId);
  }

  setBundleHash(projectId: string, ref: string, hash: string): void {
    this.run(
      'INSERT INTO project_bundles (project_id, ref, hash) VALUES (?, ?, ?) ON CONFLICT (project_id, ref) DO UPDATE SET hash = excluded.hash',
      projectId, ref, hash,
    );
  }

  deleteBundleHash(projectId: string, ref: string): void {
    this.run('DELETE FROM project_bundles WHERE project_id = ? AND ref = ?', projectId, ref);
  }

  setParam(projectId: string, nodeId: string, key: string, value: unknown): void {
    this.run(
      'INSERT INTO params (project_id, node_id, key, value_json) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (project_id, node_id, key) DO UPDATE SET value_json = excluded.value_json',
      projectId, nodeId, key, json(value),
    );
  }

  deleteParam(projectId: string, nodeId: string, key: string): void {
    this.run('DELETE FROM params WHERE project_id = ? AND node_id = ? AND key = ?', projectId, nodeId, key);
  }

  replaceFormerNames(projectId: string, nodeId: string, names: readonly string[]): void {
    this.run('DELETE FROM node_former_names WHERE project_id = ? AND node_id = ?', projectId, nodeId);
    names.forEach((name, ordinal) =>
      this.run('INSERT INTO node_former_names (project_id, node_id, ordinal, name) VALUES (?, ?, ?, ?)', projectId, nodeId, ordinal, name),
    );
  }

  insertEdge(projectId: string, edge: DiagramEdge, position: number): void {
    this.run(
      'INSERT INTO edges (project_id, id, position, from_node_id, from_artifact, to_node_id, to_connection, confirmed_untyped) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
      projectId, edge.id, position, edge.from.node, edge.from.artifact, edge.to.node, edge.to.connection, edge.confirmedUntyped ? 1 : 0,
    );
  }

  deleteEdge(projectId: string, edgeId: string): void {
    this.run('DELETE FROM edges WHERE project_id = ? AND id = ?', projectId, edgeId);
  }

  insertEnvironment(projectId: string, environment: Environment, position: number): void {
    this.run(
      'INSERT INTO environments (project_id, id, name, position, backend_type, backend_config_json) VALUES (?, ?, ?, ?, ?, ?)',
      projectId, environment.id, environment.name, position, environment.backend.type, backendConfigOf(environment.backend),
    );
  }

  updateEnvironment(projectId: string, environment: Environment, position: number): void {
    this.run(
      'UPDATE environments SET name = ?, position = ?, backend_type = ?, backend_config_json = ? WHERE project_id = ? AND id = ?',
      environment.name, position, environment.backend.type, backendConfigOf(environment.backend), projectId, environment.id,
    );
  }

  deleteEnvironment(projectId: string, environmentId: string): void {
    this.run('DELETE FROM environments WHERE project_id = ? AND id = ?', projectId, environmentId);
  }

  setProvider(projectId: string, environmentId: string, provider: string, settings: unknown): void {
    this.run(
      'INSERT INTO environment_providers (project_id, environment_id, provider, settings_json) VALUES (?, ?, ?, ?) ' +
        'ON CONFLICT (project_id, environment_id, provider) DO UPDATE SET settings_json = excluded.settings_json',
      projectId, environmentId, provider, json(settings),
    );
  }

  deleteProvider(projectId: string, environmentId: string, provider: string): void {
    this.run('DELETE FROM environment_providers WHERE project_id = ? AND environment_id = ? AND provider = ?', projectId, environmentId, provider);
  }

  setOverride(projectId: string, environmentId: string, nodeId: string, key: string, value: unknown): void {
    this.run(
      'INSERT INTO overrides (project_id, environment_id, node_id, key, value_json) VALUES (?, ?, ?, ?, ?) ' +
        'ON CONFLICT (project_id, environment_id, node_id, key) DO UPDATE SET value_json = excluded.value_json',
      projectId, environmentId, nodeId, key, json(value),
    );
  }

  deleteOverride(projectId: string, environmentId: string, nodeId: string, key: string): void {
    this.run('DELETE FROM overrides WHERE project_id = ? AND environment_id = ? AND node_id = ? AND key = ?', projectId, environmentId, nodeId, key);
  }

  appendEdit(projectId: string, seq: number, edit: unknown, inverse: unknown, at: string): void {
    this.run('INSERT INTO edit_log (project_id, seq, edit_json, inverse_json, at) VALUES (?, ?, ?, ?, ?)', projectId, seq, json(edit), json(inverse), at);
  }

  /** The whole project as the model holds it, with each item's stored position. */
  readProject(projectId: string): { project: Project; positions: Positions } | undefined {
    const summary = this.summary(projectId);
    if (!summary) return undefined;
    const positions: Positions = { nodes: new Map(), edges: new Map(), environments: new Map() };
    const nodeRows = this.statement('SELECT * FROM nodes WHERE project_id = ? ORDER BY position').all(projectId) as NodeRow[];
    const nodes = new Map<string, DiagramNode>();
    for (const row of nodeRows) {
      const node: DiagramNode = {
        id: row.id,
        name: row.name,
        bundle: row.bundle_version === '' ? row.bundle_name : `${row.bundle_name}@${row.bundle_version}`,
        position: { x: row.x, y: row.y },
        params: {},
      };
      nodes.set(row.id, node);
      positions.nodes.set(row.id, row.position);
    }
    const paramRows = this.statement('SELECT node_id, key, value_json FROM params WHERE project_id = ? ORDER BY rowid').all(projectId) as {
      node_id: string;
      key: string;
      value_json: string;
    }[];
    for (const row of paramRows) nodes.get(row.node_id)!.params[row.key] = JSON.parse(row.value_json);
    const formerRows = this.statement('SELECT node_id, name FROM node_former_names WHERE project_id = ? ORDER BY node_id, ordinal').all(
      projectId,
    ) as { node_id: string; name: string }[];
    for (const row of formerRows) (nodes.get(row.node_id)!.formerNames ??= []).push(row.name);

    const edgeRows = this.statement('SELECT * FROM edges WHERE project_id = ? ORDER BY position').all(projectId) as {
      id: string;
      position: number;
      from_node_id: string;
      from_artifact: string;
      to_node_id: string;
      to_connection: string;
      confirmed_untyped: number;
    }[];
    const edges = edgeRows.map((row): DiagramEdge => {
      positions.edges.set(row.id, row.position);
      const edge: DiagramEdge = {
        id: row.id,
        from: { node: row.from_node_id, artifact: row.from_artifact },
        to: { node: row.to_node_id, connection: row.to_connection },
      };
      if (row.confirmed_untyped) edge.confirmedUntyped = true;
      return edge;
    });
    const project: Project = {
      id: summary.id,
      name: summary.name,
      diagram: { nodes: [...nodes.values()], edges },
      environments: this.readEnvironments(projectId, positions),
    };
    const hashes = this.statement('SELECT ref, hash FROM project_bundles WHERE project_id = ? ORDER BY rowid').all(projectId) as { ref: string; hash: string }[];
    if (hashes.length > 0) project.bundleHashes = Object.fromEntries(hashes.map((row) => [row.ref, row.hash]));
    return { project, positions };
  }

  private readEnvironments(projectId: string, positions: Positions): Environment[] {
    const rows = this.statement('SELECT * FROM environments WHERE project_id = ? ORDER BY position').all(projectId) as {
      id: string;
      name: string;
      position: number;
      backend_type: string;
      backend_config_json: string | null;
    }[];
    const environments = new Map<string, Environment>();
    for (const row of rows) {
      const backend = (
        row.backend_type === 'embedded' ? { type: 'embedded' } : { type: row.backend_type, config: JSON.parse(row.backend_config_json ?? '{}') }
      ) as BackendChoice;
      environments.set(row.id, { id: row.id, name: row.name, providers: {}, overrides: {}, backend });
      positions.environments.set(row.id, row.position);
    }
    const providers = this.statement(
      'SELECT environment_id, provider, settings_json FROM environment_providers WHERE project_id = ? ORDER BY rowid',
    ).all(projectId) as { environment_id: string; provider: string; settings_json: string }[];
    for (const row of providers) environments.get(row.environment_id)!.providers[row.provider] = JSON.parse(row.settings_json);
    const overrides = this.statement(
      'SELECT environment_id, node_id, key, value_json FROM overrides WHERE project_id = ? ORDER BY rowid',
    ).all(projectId) as { environment_id: string; node_id: string; key: string; value_json: string }[];
    for (const row of overrides) {
      const byNode = environments.get(row.environment_id)!.overrides;
      (byNode[row.node_id] ??= {})[row.key] = JSON.parse(row.value_json);
    }
    return [...environments.values()];
  }
}

function backendConfigOf(backend: BackendChoice): string | null {
  return backend.type === 'embedded' ? null : json(backend.config);
}
