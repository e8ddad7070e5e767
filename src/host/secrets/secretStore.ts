import type { Database } from 'better-sqlite3';
import { ApiFailure } from '../../core/api/errors';
import { isSecretMarker, SECRET_SET, type Project } from '../../core/model/diagram';
import type { DiagramEdit } from '../../core/diagram/edits';
import type { ProjectRepository } from '../projects/projectRepository';
import type { KeyProvider } from './keyProvider';
import { open, seal } from './secretCipher';

/** Where one secret lives: a node's param, for every environment (`environmentId` unset) or one. */
export interface SecretSlot {
  projectId: string;
  nodeId: string;
  param: string;
  environmentId?: string;
}

export interface SecretStore {
  /** Encrypts and stores a value (replacing any), and marks the param as set in the diagram. */
  set(slot: SecretSlot, value: string): void;
  /** Forgets a value and unmarks the param. */
  clear(slot: SecretSlot): void;
  /**
   * Host-internal: every secret value one environment's run needs, keyed by `secretKey(node id, param)`.
   * A `DRIFTLESS_SECRET_<NODE>_<PARAM>` variable wins over the stored value (see secretVariableName).
   */
  resolveSecrets(projectId: string, environmentId: string): Map<string, string>;
}

export interface SecretStoreOptions {
  db: Database;
  projects: ProjectRepository;
  keys: KeyProvider;
  env?: NodeJS.ProcessEnv;
}

/** The key of a value in `resolveSecrets`' map. */
export function secretKey(nodeId: string, param: string): string {
  return `${nodeId}/${param}`;
}

/**
 * The environment variable that supplies a secret in CI: `DRIFTLESS_SECRET_` + the node's name +
 * `_` + the param, uppercased, with every character other than A-Z and 0-9 turned into `_`.
 * Node `main-db`, param `password` → `DRIFTLESS_SECRET_MAIN_DB_PASSWORD`.
 */
export function secretVariableName(nodeName: string, param: string): string {
  const part = (text: string) => text.toUpperCase().replace(/[^A-Z0-9]/g, '_');
  return `DRIFTLESS_SECRET_${part(nodeName)}_${part(param)}`;
}

const contextOf = (slot: SecretSlot) => [slot.projectId, slot.environmentId ?? '', slot.nodeId, slot.param].join('\u0000');

/** Secrets encrypted at rest (AES-256-GCM); values go in, and out only to the runner. */
export function createSecretStore(options: SecretStoreOptions): SecretStore {
  const { db, projects, keys } = options;
  const env = options.env ?? process.env;
  const upsert = db.prepare(
    'INSERT INTO secrets (project_id, environment_id, node_id, key, ciphertext, nonce, tag, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?) ' +
      "ON CONFLICT (project_id, ifnull(environment_id, ''), node_id, key) DO UPDATE SET " +
      'ciphertext = excluded.ciphertext, nonce = excluded.nonce, tag = excluded.tag, updated_at = excluded.updated_at',
  );
  const remove = db.prepare("DELETE FROM secrets WHERE project_id = ? AND ifnull(environment_id, '') = ? AND node_id = ? AND key = ?");
  const rows = db.prepare('SELECT environment_id, node_id, key, ciphertext, nonce, tag FROM secrets WHERE project_id = ? AND (environment_id IS NULL OR environment_id = ?)');

  const projectOf = (slot: SecretSlot): Project => {
    const project = projects.load(slot.projectId);
    if (!project) throw new ApiFailure('not_found', `There is no project with id "${slot.projectId}".`);
    if (!project.diagram.nodes.some((node) => node.id === slot.nodeId)) {
      throw new ApiFailure('not_found', `There is no node with id "${slot.nodeId}" in project "${project.name}".`);
    }
    if (slot.environmentId !== undefined && !project.environments.some((environment) => environment.id === slot.environmentId)) {
      throw new ApiFailure('not_found', `There is no environment with id "${slot.environmentId}" in project "${project.name}".`);
    }
    return project;
  };

  const markerOf = (project: Project, slot: SecretSlot): unknown => {
    if (slot.environmentId === undefined) return project.diagram.nodes.find((node) => node.id === slot.nodeId)?.params[slot.param];
    return project.environments.find((environment) => environment.id === slot.environmentId)?.overrides[slot.nodeId]?.[slot.param];
  };

  const mark = (slot: SecretSlot, edit: DiagramEdit) => {
    const outcome = projects.applyEdit(slot.projectId, edit);
    if (!outcome.applied) throw new ApiFailure('conflict', outcome.diagnostics.map((diagnostic) => diagnostic.message).join(' '));
  };

  return {
    set(slot, value) {
      const project = projectOf(slot);
      const sealed = seal(keys.key(), value, contextOf(slot));
      db.transaction(() => {
        upsert.run(slot.projectId, slot.environmentId ?? null, slot.nodeId, slot.param, sealed.ciphertext, sealed.nonce, sealed.tag, new Date().toISOString());
        if (isSecretMarker(markerOf(project, slot))) return;
        mark(
          slot,
          slot.environmentId === undefined
            ? { kind: 'setParam', id: slot.nodeId, param: slot.param, value: SECRET_SET }
            : { kind: 'setOverride', environmentId: slot.environmentId, nodeId: slot.nodeId, param: slot.param, value: SECRET_SET },
        );
      })();
    },
    clear(slot) {
      const project = projectOf(slot);
      db.transaction(() => {
        remove.run(slot.projectId, slot.environmentId ?? '', slot.nodeId, slot.param);
        if (!isSecretMarker(markerOf(project, slot))) return;
        mark(
          slot,
          slot.environmentId === undefined
            ? { kind: 'unsetParam', id: slot.nodeId, param: slot.param }
            : { kind: 'resetOverride', environmentId: slot.environmentId, nodeId: slot.nodeId, param: slot.param },
        );
      })();
    },
    resolveSecrets(projectId, environmentId) {
      const project = projects.load(projectId);
      if (!project) throw new ApiFailure('not_found', `There is no project with id "${projectId}".`);
      const environment = project.environments.find((candidate) => candidate.id === environmentId);
      if (!environment) throw new ApiFailure('not_found', `There is no environment with id "${environmentId}" in project "${project.name}".`);
      const stored = new Map<string, string>();
      const specific = new Map<string, string>();
      for (const row of rows.all(projectId, environmentId) as {
        environment_id: string | null;
        node_id: string;
        key: string;
        ciphertext: Buffer;
        nonce: Buffer;
        tag: Buffer;
      }[]) {
        const slot = { projectId, environmentId: row.environment_id ?? undefined, nodeId: row.node_id, param: row.key };
        let value: string;
        try {
          value = open(keys.key(), row, contextOf(slot));
        } catch {
          throw new ApiFailure(
            'conflict',
            `The secret "${row.key}" of node "${row.node_id}" cannot be decrypted: the secret key changed or the row was altered. Set the secret again.`,
          );
        }
        (row.environment_id === null ? stored : specific).set(secretKey(row.node_id, row.key), value);
      }
      const values = new Map<string, string>();
      for (const node of project.diagram.nodes) {
        const params = new Set(Object.keys(node.params).filter((param) => isSecretMarker(node.params[param])));
        for (const [param, value] of Object.entries(environment.overrides[node.id] ?? {})) if (isSecretMarker(value)) params.add(param);
        for (const param of params) {
          const key = secretKey(node.id, param);
          const value = env[secretVariableName(node.name, param)] ?? specific.get(key) ?? stored.get(key);
          if (value !== undefined) values.set(key, value);
        }
      }
      return values;
    },
  };
}
