import type { CatalogSnapshot } from '../../../src/core/bundles/manifest';
import type { BackendChoice, Environment, Project } from '../../../src/core/model/diagram';
import { credentialProblem } from '../../../src/core/diagram/credentials';

/** One row of a key/value editor, as typed. */
export interface SettingRow {
  key: string;
  value: string;
}

export type RemoteBackend = Exclude<BackendChoice['type'], 'embedded'>;

/** The remote backends an environment may choose, with the keys they usually need and where their credentials come from. */
export const REMOTE_BACKENDS: Record<RemoteBackend, { title: string; keys: string[]; credentials: string }> = {
  s3: { title: 'Amazon S3', keys: ['bucket', 'key', 'region', 'use_lockfile'], credentials: 'AWS_PROFILE or AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY' },
  gcs: { title: 'Google Cloud Storage', keys: ['bucket', 'prefix'], credentials: 'GOOGLE_APPLICATION_CREDENTIALS or gcloud application-default login' },
  azurerm: { title: 'Azure Storage', keys: ['resource_group_name', 'storage_account_name', 'container_name', 'key'], credentials: 'az login, ARM_ACCESS_KEY or ARM_CLIENT_ID / ARM_CLIENT_SECRET' },
  pg: { title: 'PostgreSQL', keys: ['schema_name'], credentials: 'PG_CONN_STR (the connection string, password included) or PGUSER / PGPASSWORD' },
  remote: { title: 'HCP Terraform (remote)', keys: ['hostname', 'organization', 'workspaces'], credentials: 'TF_TOKEN_app_terraform_io or terraform login' },
};

/** Why a setting must not be typed here (a credential), or undefined when it may: the same rule the host's validation and the compiler apply. */
export const secretProblem = (key: string, value: string): string | undefined => credentialProblem(key, value);

/** A typed value: JSON objects and arrays (such as the remote backend's `workspaces`) and true/false are parsed, everything else stays text. */
function parsedValue(value: string): unknown {
  const trimmed = value.trim();
  if (trimmed === 'true') return true;
  if (trimmed === 'false') return false;
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) {
    try {
      return JSON.parse(trimmed) as unknown;
    } catch {
      return value;
    }
  }
  return value;
}

/** The rows as a settings object, or the problems that keep them from being saved (empty keys, duplicates, credentials). */
export function rowsToSettings(rows: readonly SettingRow[]): { settings: Record<string, unknown>; problems: string[] } {
  const settings: Record<string, unknown> = {};
  const problems: string[] = [];
  for (const row of rows) {
    const key = row.key.trim();
    if (key === '' && row.value.trim() === '') continue;
    if (key === '') {
      problems.push(`The value "${row.value}" has no key. Name the setting or clear the row.`);
      continue;
    }
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(key)) {
      problems.push(`"${key}" is not a setting name: use letters, digits and "_".`);
      continue;
    }
    if (Object.hasOwn(settings, key)) {
      problems.push(`"${key}" is set twice. Keep one row.`);
      continue;
    }
    const secret = secretProblem(key, row.value);
    if (secret) {
      problems.push(secret);
      continue;
    }
    if (row.value.trim() === '') continue;
    settings[key] = parsedValue(row.value);
  }
  return { settings, problems };
}

/** A settings object as editable rows (non-text values as JSON). */
export function settingsToRows(settings: Record<string, unknown>): SettingRow[] {
  return Object.entries(settings).map(([key, value]) => ({ key, value: typeof value === 'string' ? value : JSON.stringify(value) }));
}

/** The rows for a backend: its current config, then the usual keys it does not have yet, empty. */
export function backendRows(type: RemoteBackend, config: Record<string, unknown>): SettingRow[] {
  const rows = settingsToRows(config);
  for (const key of REMOTE_BACKENDS[type].keys) if (!Object.hasOwn(config, key)) rows.push({ key, value: '' });
  return rows;
}

/** The rows for a provider's settings; aws always offers region and profile. */
export function providerRows(provider: string, settings: Record<string, unknown>): SettingRow[] {
  const rows = settingsToRows(settings);
  const usual = provider === 'aws' ? ['region', 'profile'] : [];
  for (const key of usual) if (!Object.hasOwn(settings, key)) rows.push({ key, value: '' });
  return rows;
}

/** Providers the diagram's bundles require (from their required_providers), then any others the environment configures. */
export function environmentProviders(project: Project, catalog: CatalogSnapshot, environment: Environment): { name: string; used: boolean }[] {
  const refs = new Set(project.diagram.nodes.map((node) => node.bundle));
  const used = new Set(catalog.bundles.filter((bundle) => refs.has(bundle.ref)).flatMap((bundle) => Object.keys(bundle.manifest.providers)));
  const configured = Object.keys(environment.providers).filter((name) => !used.has(name));
  return [...[...used].sort().map((name) => ({ name, used: true })), ...configured.sort().map((name) => ({ name, used: false }))];
}

/** A new environment with a name no other environment has: embedded state, no settings, no overrides. */
export function freshEnvironment(project: Project, id: string): Environment {
  const taken = new Set(project.environments.map((environment) => environment.name));
  let name = 'staging';
  for (let number = 2; taken.has(name); number += 1) name = `staging_${number}`;
  return { id, name, providers: {}, overrides: {}, backend: { type: 'embedded' } };
}
