import type { Diagnostic } from '../../diagnostics';
import type { TargetScope } from '../../compiler/targets';
import type { LiveStatus } from '../../terraform/applyStatus';
import type { RunFailure } from '../../terraform/classify';
import type { ChangeCounts } from '../../terraform/actions';
import type { NodeChanges } from '../../terraform/plan';
import { method, event, type JsonSchema } from '../schema';

export type RunKindView = 'plan' | 'destroy' | 'drift' | 'apply' | 'shell';
/** queued → running → planned (a plan to review) → applied; or succeeded, failed, stale, cancelled, interrupted. */
export type RunStatusView = 'queued' | 'running' | 'planned' | 'applied' | 'succeeded' | 'failed' | 'stale' | 'cancelled' | 'interrupted';

export interface RunTarget {
  nodeId: string;
  mode: TargetScope;
}

/** One node's planned changes (masked), keyed by node id in RunView.nodes. */
export interface RunNodeView {
  nodeId: string;
  name: string;
  counts: ChangeCounts;
  resources: NodeChanges['resources'];
  drift: NodeChanges['drift'];
  /** Artifacts (and so the edges leaving this node) whose values are known only after apply. */
  unknownArtifacts?: string[];
}

/** An artifact value after apply: sensitive values are never sent or stored. */
export interface ArtifactValue {
  nodeId: string;
  artifact: string;
  output: string;
  sensitive: boolean;
  /** Absent when sensitive. */
  value?: unknown;
}

/** A run as the user sees it in the history. */
export interface RunView {
  id: string;
  projectId?: string;
  environmentId: string;
  kind: RunKindView;
  status: RunStatusView;
  command: string[];
  who?: string;
  queuedAt?: string;
  startedAt?: string;
  endedAt?: string;
  durationMs?: number;
  exitCode?: number;
  /** sha256 of the compiled root module files. */
  moduleHash?: string;
  target?: RunTarget;
  /** The plan run an apply applied. */
  planRunId?: string;
  /** The apply run that applied this plan. */
  appliedBy?: string;
  /** What went wrong and what to do. */
  message?: string;
  failure?: RunFailure;
  /** Plans: does it change anything? */
  hasChanges?: boolean;
  totals?: ChangeCounts;
  /** Plans: per node id. */
  nodes?: Record<string, RunNodeView>;
  /** Applies: live or final status per node id. */
  live?: Record<string, LiveStatus>;
  /** Output/artifact problems after apply, located on their node. */
  diagnostics?: Diagnostic[];
  /** A state lock this run left behind (crash, kill): release it with state.unlock. */
  lockLeft?: { lockId: string; who: string; operation: string; since: string };
}

export interface PlanRequest {
  projectId: string;
  environmentId: string;
  target?: RunTarget;
}

/** A started (or refused) run: refused plans carry the compile diagnostics and no run. */
export interface RunStarted {
  run?: RunView;
  diagnostics: Diagnostic[];
}

const id: JsonSchema = { type: 'string', minLength: 1, maxLength: 200 };
const target: JsonSchema = {
  type: 'object',
  properties: { nodeId: id, mode: { enum: ['node', 'with-dependencies', 'with-dependents'] } },
  required: ['nodeId', 'mode'],
  additionalProperties: false,
};
const planRequest: JsonSchema = {
  type: 'object',
  properties: { projectId: id, environmentId: id, target },
  required: ['projectId', 'environmentId'],
  additionalProperties: false,
};
const runRequest = (extra: Record<string, JsonSchema> = {}, required: string[] = []): JsonSchema => ({
  type: 'object',
  properties: { runId: id, ...extra },
  required: ['runId', ...required],
  additionalProperties: false,
});

export const runMethods = {
  'run.plan': method<PlanRequest, RunStarted>('Queues a plan of one environment (optionally targeted); review it, then run.apply it.', planRequest),
  'run.destroy': method<PlanRequest, RunStarted>('Queues a destroy plan of one environment; review it, then run.apply it.', planRequest),
  'run.drift': method<PlanRequest, RunStarted>('Queues a drift check (refresh-only plan): drifted resources per node.', planRequest),
  'run.apply': method<{ runId: string }, RunStarted>('Applies the saved plan of a planned run — never a fresh plan.', runRequest()),
  'run.cancel': method<{ runId: string; kill?: boolean }, { run: RunView; action: 'dequeued' | 'interrupted' | 'killed' | 'none' }>(
    'Cancels a run: a queued one is dropped; the first cancel of a running one sends Ctrl-C, kill:true (after confirmation) kills it.',
    runRequest({ kill: { type: 'boolean' } }),
  ),
  'run.list': method<{ environmentId: string; status?: RunStatusView; kind?: RunKindView; limit?: number }, { runs: RunView[] }>(
    'Runs of one environment, newest first (queued ones included).',
    {
      type: 'object',
      properties: {
        environmentId: id,
        status: { enum: ['queued', 'running', 'planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted'] },
        kind: { enum: ['plan', 'destroy', 'drift', 'apply', 'shell'] },
        limit: { type: 'integer', minimum: 1, maximum: 1000 },
      },
      required: ['environmentId'],
      additionalProperties: false,
    },
  ),
  'run.get': method<{ runId: string }, RunView>('One run with its per-node summary.', runRequest()),
  'run.output': method<{ runId: string; fromSeq?: number }, { chunks: { seq: number; data: string }[]; running: boolean }>(
    'The stored terminal output of a run, chunk by chunk, for exact replay.',
    runRequest({ fromSeq: { type: 'integer', minimum: 0 } }),
  ),
  'run.ack': method<{ runId: string; characters: number }, { ok: true }>(
    'Flow control: the terminal has processed this many characters of run.output events.',
    runRequest({ characters: { type: 'integer', minimum: 0 } }, ['characters']),
  ),
  'run.shell': method<{ projectId: string; environmentId: string }, RunStarted>(
    "Opens a shell in the environment's workdir with the environment terraform runs with (backend, secrets): the escape hatch.",
    { type: 'object', properties: { projectId: id, environmentId: id }, required: ['projectId', 'environmentId'], additionalProperties: false },
  ),
  'run.input': method<{ runId: string; data: string }, { ok: true }>('Keystrokes for a running shell.', runRequest({ data: { type: 'string', maxLength: 65536 } }, ['data'])),
  'run.resize': method<{ runId: string; cols: number; rows: number }, { ok: true }>(
    'Resizes the terminal of a running run.',
    runRequest({ cols: { type: 'integer', minimum: 1, maximum: 1000 }, rows: { type: 'integer', minimum: 1, maximum: 1000 } }, ['cols', 'rows']),
  ),
  'run.outputs': method<{ runId: string }, { values: ArtifactValue[]; diagnostics: Diagnostic[] }>(
    'Artifact values an apply produced, per node (sensitive ones masked).',
    runRequest(),
  ),
};

export const runEvents = {
  'run.output': event<{ runId: string; data: string; seq: number }>('Terminal output of a running run (batched chunks); acknowledge with run.ack.'),
  'run.status': event<{ runId: string; environmentId: string; status: RunStatusView; nodes: Record<string, LiveStatus> }>(
    'A run changed status, or its per-node live status moved.',
  ),
};
