import { userInfo } from 'node:os';
import type { RunStatusView, RunView } from '../../core/api/areas/run';
import { ApiFailure } from '../../core/api/errors';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import type { Project } from '../../core/model/diagram';
import type { EventHub } from '../api/eventHub';
import type { ProjectService } from '../projects/projectService';
import { whichBinary } from '../runner/binary';
import { buildRunEnvironment } from '../runner/environment';
import { RunStore } from '../runner/runStore';
import { InitQueue, pluginCacheDir } from '../runner/workspace';
import { fileKeyProvider, type KeyProvider } from '../secrets/keyProvider';
import type { StateService } from '../state/stateService';
import type { HostDatabase } from '../store/hostDatabase';
import { PlanFiles } from './planFiles';
import { runStep, type ActiveRun, type StepResult } from './ptyStep';
import { RunQueue } from './runQueue';
import { RunRecords, viewOf, type RunMeta } from './runRecords';

export interface RunServiceOptions {
  database: HostDatabase;
  dataDir: string;
  projects: ProjectService;
  state: StateService;
  events: EventHub;
  catalog: () => Promise<CatalogSnapshot>;
  /** terraform or tofu: a name on PATH or a path — read at each run, since the app's setting can change. */
  binary: () => string;
  /** Seals saved plans at rest (they hold variable values): the secret store's key (default: the key file). */
  keys?: KeyProvider;
  /** Runs of different environments at once (default 2). */
  parallel?: number;
  /** The user's environment, passed through to terraform. */
  env?: NodeJS.ProcessEnv;
  /** False: terraform's output carries no colour codes (the CLI's output going to a file or a log). Default true. */
  color?: boolean;
}

/** Who queued a run: the OS user. */
export function who(): string {
  try {
    return userInfo().username;
  } catch {
    return 'unknown';
  }
}

export type RunContext = ReturnType<typeof createRunContext>;

/**
 * What the run service's parts share: the queue, the live runs, the records (opened on first use),
 * run views with node ids, status events, and running one terraform command of a run.
 */
export function createRunContext(options: RunServiceOptions) {
  const queue = new RunQueue(options.parallel ?? 2);
  const inits = new InitQueue();
  const active = new Map<string, ActiveRun>();
  const planFiles = new PlanFiles(options.dataDir, options.keys ?? fileKeyProvider(options.dataDir));
  let opened: RunRecords | undefined;
  let onOpen: ((records: RunRecords) => void) | undefined;

  const records = (): RunRecords => {
    if (opened) return opened;
    const db = options.database.get();
    opened = new RunRecords(db, new RunStore(db));
    onOpen?.(opened);
    return opened;
  };

  // Node names (module calls) → node ids, from the project the run belongs to.
  const namesToIds = new Map<string, Map<string, string>>();
  const nodesById = <T>(record: { summary?: unknown }, byName: Record<string, T>): Record<string, T> => {
    const projectId = (record.summary as RunMeta | undefined)?.projectId;
    const ids = projectId ? namesToIds.get(projectId) : undefined;
    return Object.fromEntries(Object.entries(byName).map(([name, value]) => [ids?.get(name) ?? name, value]));
  };
  const remember = (project: Project) => namesToIds.set(project.id, new Map(project.diagram.nodes.map((node) => [node.name, node.id])));

  const view = (id: string): RunView => {
    const record = records().store.get(id);
    if (!record) throw new ApiFailure('not_found', `There is no run with id "${id}".`);
    const result = viewOf(record);
    const live = active.get(id);
    if (live && Object.keys(live.live.nodes).length > 0) result.live = nodesById(record, live.live.nodes);
    return result;
  };

  const emitStatus = (id: string) => {
    const run = view(id);
    options.events.emit('run.status', { runId: id, environmentId: run.environmentId, status: run.status, nodes: run.live ?? {} });
  };

  const finish = (id: string, status: RunStatusView, meta: Partial<RunMeta>, exitCode?: number) => {
    records().update(id, { status, ended: true, meta, exitCode: exitCode ?? null });
    emitStatus(id);
  };

  /** After a cancel or failure: is the environment's state lock still held? */
  const lockLeft = (environmentId: string): RunMeta['lockLeft'] => {
    const lock = options.state.history().locks().find((candidate) => candidate.environmentId === environmentId);
    return lock && { lockId: lock.lockId, who: lock.who, operation: lock.operation, since: lock.since };
  };

  const failedMeta = (result: StepResult, environmentId: string): Partial<RunMeta> => {
    const meta: Partial<RunMeta> = { failure: result.failure!, message: result.failure!.message };
    const lock = result.failure!.code === 'cancelled' ? lockLeft(environmentId) : undefined;
    if (lock) {
      meta.lockLeft = lock;
      meta.message += ` The state lock ${lock.lockId} is still held: release it (force-unlock) once you are sure no terraform runs.`;
    } else if (result.failure!.code === 'cancelled') meta.message = 'The run was cancelled; terraform stopped and the state lock was released.';
    return meta;
  };

  async function environmentFor(runId: string, environmentId: string, embedded: boolean, variables: Record<string, string>) {
    const backend = embedded ? (await options.state.backend()).envFor(environmentId, runId) : {};
    return buildRunEnvironment({ base: { ...process.env, ...options.env }, variables, pluginCacheDir: pluginCacheDir(options.dataDir), color: options.color, extra: backend });
  }

  function step(id: string, run: ActiveRun, binary: string, args: string[], cwd: string, env: Record<string, string>): Promise<StepResult> {
    return runStep({
      store: records().store, runId: id, active: run, binary, args, cwd, env,
      flowControl: options.events.listenerCount('run.output') > 0,
      onOutput: (data, seq) => options.events.emit('run.output', { runId: id, data, seq }),
      onLive: () => emitStatus(id),
    });
  }

  return {
    options,
    queue,
    inits,
    active,
    planFiles,
    records,
    /** True once the records are open (close has nothing to do before). */
    isOpen: () => opened !== undefined,
    /** Runs once, when the records are first opened (crash recovery). */
    whenOpened(callback: (records: RunRecords) => void) {
      onOpen = callback;
    },
    view,
    nodesById,
    remember,
    emitStatus,
    finish,
    failedMeta,
    environmentFor,
    step,
    binaryPath: (): string | undefined => whichBinary(options.binary(), { ...process.env, ...options.env }),
  };
}
