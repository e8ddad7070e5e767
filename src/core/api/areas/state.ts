import { emptyRequest, method, type JsonSchema } from '../schema';

/** One stored version of an environment's Terraform state (the body is fetched apart). */
export interface StateVersionInfo {
  environmentId: string;
  /** 1, 2, 3… per environment, in write order. */
  version: number;
  /** Null for an OpenTofu encrypted envelope, which Driftless stores without reading. */
  serial: number | null;
  lineage: string | null;
  encrypted: boolean;
  sha256: string;
  size: number;
  createdAt: string;
  terraformVersion: string | null;
  /** The Driftless run whose terraform wrote it, when known. */
  runId: string | null;
  source: 'backend' | 'restore';
  restoredFrom: number | null;
}

export interface ResourceSummary {
  address: string;
  /** The diagram node (top-level module name), null at the root. */
  node: string | null;
  type: string;
  resourceId: string | null;
}

export interface AttributeChange {
  attribute: string;
  /** Sensitive values show as "(sensitive value)". */
  before: unknown;
  after: unknown;
}

/** What changed between two state versions. */
export interface StateDiff {
  added: ResourceSummary[];
  removed: ResourceSummary[];
  changed: (ResourceSummary & { changes: AttributeChange[] })[];
  unchanged: number;
  outputs: { added: string[]; removed: string[]; changed: string[] };
}

/** A held state lock: who, doing what, since when. */
export interface LockSummary {
  environmentId: string;
  lockId: string;
  operation: string;
  who: string;
  version: string;
  since: string;
}

const environmentId: JsonSchema = { type: 'string', pattern: '^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$' };
const version: JsonSchema = { type: 'integer', minimum: 1 };
const request = (properties: Record<string, JsonSchema>): JsonSchema => ({
  type: 'object',
  properties,
  required: Object.keys(properties),
  additionalProperties: false,
});

export const stateMethods = {
  'state.environments': method<Record<string, never>, string[]>('Environments that have stored state.', emptyRequest),
  'state.versions': method<{ environmentId: string }, StateVersionInfo[]>('Every state version of an environment, newest first.', request({ environmentId })),
  'state.download': method<{ environmentId: string; version: number }, { version: StateVersionInfo; text: string }>(
    'The exact content of one state version (it may contain secrets: handle it as one).',
    request({ environmentId, version }),
  ),
  'state.diff': method<{ environmentId: string; from: number; to: number }, StateDiff>(
    'Resources added, removed and changed between two versions, sensitive values masked.',
    request({ environmentId, from: version, to: version }),
  ),
  'state.restore': method<{ environmentId: string; version: number; confirm: true }, StateVersionInfo>(
    'Writes an old version again as the newest (same lineage, next serial). Needs confirm: true.',
    request({ environmentId, version, confirm: { const: true } }),
  ),
  'state.locks': method<Record<string, never>, LockSummary[]>('Every held state lock.', emptyRequest),
  'state.forceUnlock': method<{ environmentId: string; lockId: string; confirm: true }, { released: boolean }>(
    'Releases a lock now, after confirmation; false when that lock is no longer held.',
    request({ environmentId, lockId: { type: 'string', minLength: 1, maxLength: 200 }, confirm: { const: true } }),
  ),
  'state.armForceUnlock': method<{ environmentId: string }, { lockId: string; expiresAt: string }>(
    'Lets the next `terraform force-unlock` of this environment release its current lock (for 5 minutes).',
    request({ environmentId }),
  ),
};
