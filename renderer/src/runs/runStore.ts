import { create } from 'zustand';
import type { RunKindView, RunTarget, RunView } from '../../../src/core/api/areas/run';
import type { ApiClient } from '../../../src/core/api/client';
import type { MethodName, RequestOf, ResponseOf } from '../../../src/core/api/contract';
import type { LiveStatus } from '../../../src/core/terraform/applyStatus';
import { isShellRun } from '../shell/shellRuns';
import { resetOutput, writeOutput } from './runOutput';

export type StartKind = Exclude<RunKindView, 'apply'>;

export interface RunState {
  api?: ApiClient;
  /** The run shown on the diagram and in the terminal. */
  run?: RunView;
  /** Per node id: live status during (and after) an apply. */
  live: Record<string, LiveStatus>;
  /** The plan under review (the review panel is open while set). */
  reviewRunId?: string;
  /** Why the last run request failed or was refused. */
  message?: string;
  /** Bumped when a run changes status, so the history reloads. */
  historyVersion: number;
  start(api: ApiClient): () => void;
  /** Queues a plan, destroy plan or drift check of one environment. */
  begin(kind: StartKind, projectId: string, environmentId: string, target?: RunTarget): Promise<void>;
  /** Applies the reviewed plan — that run id, never a fresh plan. */
  apply(planRunId: string): Promise<void>;
  /** The run whose terraform got Ctrl-C and is still stopping: cancelling it again asks to kill it. */
  stopping?: string;
  /** The run the user is asked to kill (the kill confirmation is open while set). */
  confirmKill?: string;
  /** First cancel: Ctrl-C (terraform stops safely); a second one while it stops: asks to kill. */
  cancel(): Promise<void>;
  /** Kills the terraform of the run under confirmation. */
  kill(): Promise<void>;
  keepWaiting(): void;
  /** Shows a stored run: its summary on the diagram and its output replayed in the terminal. */
  show(runId: string, review?: boolean): Promise<void>;
  closeReview(): void;
}

export const FINISHED = new Set(['planned', 'applied', 'succeeded', 'failed', 'stale', 'cancelled', 'interrupted']);
/** A run waiting for its turn or running: no other run of its environment can start meanwhile. */
export const isActive = (status: string | undefined) => status === 'queued' || status === 'running';

export const useRunStore = create<RunState>((set, get) => {
  // Output of runs not (yet) shown: a run's first chunks can arrive before run.plan answers.
  const early = new Map<string, string[]>();
  const call = async <M extends MethodName>(method: M, request: RequestOf<M>): Promise<ResponseOf<M> | undefined> => {
    const api = get().api;
    if (!api) return undefined;
    const result = await api.call(method, request);
    if (result.ok) return result.value;
    set({ message: `${method}: ${result.error.message}` });
    return undefined;
  };

  const adopt = (started: { run?: RunView; diagnostics: { message: string }[] } | undefined, review: boolean) => {
    if (!started) return;
    if (!started.run) {
      set({ message: `Not started: ${started.diagnostics.map((diagnostic) => diagnostic.message).join(' ')}` });
      return;
    }
    resetOutput();
    const first = early.get(started.run.id)?.join('') ?? '';
    early.clear();
    if (first) writeOutput(first, () => undefined);
    set({ run: started.run, live: started.run.live ?? {}, reviewRunId: review ? undefined : get().reviewRunId, message: undefined });
  };

  return {
    live: {},
    historyVersion: 0,
    start(api) {
      set({ api });
      const offOutput = api.subscribe('run.output', ({ runId, data }) => {
        if (isShellRun(runId)) return; // the Shell tab shows and acknowledges it
        if (runId !== get().run?.id) {
          if (early.size < 8 || early.has(runId)) early.set(runId, [...(early.get(runId) ?? []), data]);
          return void api.call('run.ack', { runId, characters: data.length });
        }
        writeOutput(data, () => void api.call('run.ack', { runId, characters: data.length }));
      });
      const offStatus = api.subscribe('run.status', ({ runId, status, nodes }) => {
        const run = get().run;
        if (runId !== run?.id) return set((state) => ({ historyVersion: state.historyVersion + 1 }));
        set((state) => ({ run: { ...run, status }, live: { ...state.live, ...nodes }, historyVersion: state.historyVersion + 1 }));
        if (FINISHED.has(status) && get().stopping === runId) set((state) => ({ stopping: undefined, confirmKill: undefined, message: state.message?.startsWith('Stopping:') ? undefined : state.message }));
        // The per-node summary (and the final live status) arrive with the finished run.
        if (FINISHED.has(status)) {
          void call('run.get', { runId }).then((full) => {
            if (!full || get().run?.id !== runId) return;
            set((state) => ({ run: full, live: { ...state.live, ...full.live }, reviewRunId: full.status === 'planned' || (full.kind === 'drift' && full.nodes) ? full.id : state.reviewRunId }));
          });
        }
      });
      return () => {
        offOutput();
        offStatus();
      };
    },
    async begin(kind, projectId, environmentId, target) {
      const method = kind === 'plan' ? 'run.plan' : kind === 'destroy' ? 'run.destroy' : 'run.drift';
      set({ reviewRunId: undefined });
      adopt(await call(method, { projectId, environmentId, ...(target ? { target } : {}) }), true);
    },
    async apply(planRunId) {
      set({ reviewRunId: undefined });
      adopt(await call('run.apply', { runId: planRunId }), true);
    },
    async cancel() {
      const run = get().run;
      if (!run || FINISHED.has(run.status)) return;
      if (get().stopping === run.id) return set({ confirmKill: run.id });
      const answer = await call('run.cancel', { runId: run.id });
      if (answer?.action === 'interrupted' && !FINISHED.has(get().run?.status ?? '')) {
        set({ stopping: run.id, message: 'Stopping: terraform got Ctrl-C and is finishing safely (it releases its lock). Cancel again to kill it.' });
      }
    },
    async kill() {
      const runId = get().confirmKill;
      set({ confirmKill: undefined });
      if (!runId) return;
      const answer = await call('run.cancel', { runId, kill: true });
      if (answer) set({ message: answer.action === 'killed' ? 'Terraform was killed.' : 'The run had already ended.' });
    },
    keepWaiting() {
      set({ confirmKill: undefined });
    },
    async show(runId, review = false) {
      const run = await call('run.get', { runId });
      if (!run) return;
      set({ run, live: run.live ?? {}, reviewRunId: review && run.status === 'planned' ? run.id : undefined });
      const output = await call('run.output', { runId });
      resetOutput();
      if (output) writeOutput(output.chunks.map((chunk) => chunk.data).join(''), () => undefined);
    },
    closeReview() {
      set({ reviewRunId: undefined });
    },
  };
});
