import { nodeOfModuleAddress } from './address';
import type { StreamDiagnostic, StreamMessage } from './stream';

/**
 * Where a resource (or a node, the sum of its resources) is during an apply; after an apply that
 * did not succeed, `interrupted` (it was in progress) or `skipped` (it never started).
 */
export type LiveStatus = 'waiting' | 'reading' | 'creating' | 'updating' | 'destroying' | 'done' | 'failed' | 'interrupted' | 'skipped';

export interface LiveResource {
  address: string;
  node?: string;
  status: LiveStatus;
  /** The planned action (`create`, `replace`, …) when the stream announced it. */
  planned?: string;
  /** Hooks still to complete: a replace runs as two (delete and create, in either order). */
  remaining?: number;
}

/** The live picture of a run, built from its `-json` stream by `reduceLiveRun`. */
export interface LiveRun {
  resources: Record<string, LiveResource>;
  /** Keyed by node id; root resources count under no node. */
  nodes: Record<string, LiveStatus>;
  diagnostics: StreamDiagnostic[];
  summary?: { add: number; change: number; remove: number; import?: number; operation: string };
  version?: { product: 'terraform' | 'tofu'; version: string };
}

/** An empty LiveRun. */
export function emptyLiveRun(): LiveRun {
  return { resources: {}, nodes: {}, diagnostics: [] };
}

const activeOf: Record<string, LiveStatus> = {
  create: 'creating',
  update: 'updating',
  delete: 'destroying',
  read: 'reading',
  replace: 'creating',
};

// A node shows the most pressing status of its resources.
const rank: Record<LiveStatus, number> = { failed: 6, interrupted: 6, destroying: 5, creating: 5, updating: 5, reading: 4, waiting: 3, skipped: 2, done: 1 };

function nodeStatus(statuses: LiveStatus[]): LiveStatus {
  let best: LiveStatus = 'done';
  for (const status of statuses) if (rank[status] > rank[best]) best = status;
  return best;
}

function recompute(run: LiveRun, node: string | undefined): void {
  if (node === undefined) return;
  const statuses = Object.values(run.resources)
    .filter((resource) => resource.node === node)
    .map((resource) => resource.status);
  run.nodes[node] = nodeStatus(statuses);
}

const endedAs: Partial<Record<LiveStatus, LiveStatus>> = { creating: 'interrupted', updating: 'interrupted', destroying: 'interrupted', reading: 'interrupted', waiting: 'skipped' };
/**
 * After a successful apply, a change still waiting is one terraform found nothing to do for once
 * the values unknown at plan time were known (an update of an input that came out the same): it
 * announces no hook for it, and the node is as planned.
 */
const succeededAs: Partial<Record<LiveStatus, LiveStatus>> = { waiting: 'done' };

/** The last word on each node of an apply: nothing still shows as waiting or in progress. */
export function endLiveNodes<K extends string>(nodes: Record<K, LiveStatus>, succeeded: boolean): Record<K, LiveStatus> {
  const table = succeeded ? succeededAs : endedAs;
  const ended = {} as Record<K, LiveStatus>;
  for (const [node, status] of Object.entries(nodes) as [K, LiveStatus][]) ended[node] = table[status] ?? status;
  return ended;
}

/**
 * Folds one stream message into the live picture (mutates and returns `run`): planned changes are
 * waiting; apply_start → creating/updating/destroying; apply_complete → done (or waiting for the
 * create half of a replace); apply_errored → failed. Diagnostics are collected.
 */
export function reduceLiveRun(run: LiveRun, message: StreamMessage): LiveRun {
  switch (message.type) {
    case 'version':
      run.version = message.tofu !== undefined
        ? { product: 'tofu', version: message.tofu }
        : { product: 'terraform', version: message.terraform ?? 'unknown' };
      break;
    case 'diagnostic':
      run.diagnostics.push(message.diagnostic);
      break;
    case 'change_summary':
      run.summary = message.changes;
      break;
    case 'planned_change': {
      const { resource, action } = message.change;
      if (action === 'noop') break;
      const node = nodeOfModuleAddress(resource.module);
      const remaining = action === 'replace' ? 2 : 1;
      run.resources[resource.addr] = { address: resource.addr, node, status: 'waiting', planned: action, remaining };
      recompute(run, node);
      break;
    }
    case 'apply_start':
    case 'apply_progress':
    case 'apply_complete':
    case 'apply_errored': {
      const { resource, action } = message.hook;
      const node = nodeOfModuleAddress(resource.module);
      const entry = (run.resources[resource.addr] ??= { address: resource.addr, node, status: 'waiting' });
      if (message.type === 'apply_errored') entry.status = 'failed';
      else if (message.type === 'apply_complete') {
        // A replace runs as delete then create (or the reverse): done only after both halves.
        entry.remaining = Math.max(0, (entry.remaining ?? 1) - 1);
        entry.status = entry.remaining > 0 ? 'waiting' : 'done';
      } else if (entry.status !== 'failed') entry.status = activeOf[action] ?? 'updating';
      recompute(run, node);
      break;
    }
    default:
      break;
  }
  return run;
}
