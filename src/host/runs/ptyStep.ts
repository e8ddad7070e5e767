import { emptyLiveRun, reduceLiveRun, type LiveRun } from '../../core/terraform/applyStatus';
import { classifyFailure, type RunFailure } from '../../core/terraform/classify';
import { HumanProgressDecoder } from '../../core/runs/humanProgress';
import { startPtyRun, type PtyExit, type PtyRun } from '../runner/ptyRun';
import type { RunStore } from '../runner/runStore';

/** One live run: the pty of its current command, cancel state, terminal size, live status. */
export interface ActiveRun {
  pty?: PtyRun;
  cancelled: boolean;
  cols: number;
  rows: number;
  live: LiveRun;
  lastAckAt: number;
  /** The consumer stopped acknowledging (a closed window): output no longer waits for it. */
  consumerGone?: boolean;
}

export function newActiveRun(): ActiveRun {
  return { cancelled: false, cols: 120, rows: 30, live: emptyLiveRun(), lastAckAt: Date.now() };
}

export interface StepResult {
  exit: PtyExit;
  failure?: RunFailure;
}

export interface StepOptions {
  store: RunStore;
  runId: string;
  active: ActiveRun;
  binary: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  /** On: the consumer acknowledges output (run.ack); off: nothing waits (CLI, no window). */
  flowControl: boolean;
  onOutput: (data: string, seq: number) => void;
  onLive?: (live: LiveRun) => void;
}

const tailLength = 65536;
// A consumer that stopped acknowledging (a closed window) must not stall the run forever.
const staleAckMs = 10_000;

/**
 * A consumer that stopped acknowledging (a closed window) must not stall the run or shell: once the
 * pty has waited `staleMs` for it, every chunk acknowledges itself until the consumer acks again
 * (run.ack clears `consumerGone`). Call `selfAcknowledge` from the pty's sink; stop when it exits.
 */
export function watchAcknowledgements(active: ActiveRun, pty: () => PtyRun | undefined, staleMs = staleAckMs): { selfAcknowledge(chunk: string): void; stop(): void } {
  active.lastAckAt = Date.now();
  const timer = setInterval(() => {
    const current = pty();
    if (current?.paused && Date.now() - active.lastAckAt > staleMs) {
      active.consumerGone = true;
      current.acknowledge(Number.MAX_SAFE_INTEGER);
    }
  }, Math.min(1000, staleMs));
  return {
    selfAcknowledge: (chunk) => {
      if (active.consumerGone) pty()?.acknowledge(chunk.length);
    },
    stop: () => clearInterval(timer),
  };
}

/**
 * Runs one terraform command of a run in its pty, human output and colours included: every chunk
 * stored as the run's next output chunk and sent live; progress lines folded into live per-node status.
 */
export async function runStep(options: StepOptions): Promise<StepResult> {
  const { store, runId, active } = options;
  const decoder = new HumanProgressDecoder();
  let tail = '';
  const fold = (messages: ReturnType<HumanProgressDecoder['push']>) => {
    for (const message of messages) reduceLiveRun(active.live, message);
    if (messages.length > 0) options.onLive?.(active.live);
  };
  const acknowledgements = watchAcknowledgements(active, () => pty);
  const pty: PtyRun = startPtyRun({
    file: options.binary,
    args: options.args,
    cwd: options.cwd,
    env: options.env,
    cols: active.cols,
    rows: active.rows,
    onData: options.flowControl ? () => undefined : undefined,
    sink: {
      write(chunk) {
        const seq = store.append(runId, chunk);
        tail = (tail.length + chunk.length > tailLength * 2 ? tail.slice(-tailLength) : tail) + chunk;
        options.onOutput(chunk, seq);
        acknowledgements.selfAcknowledge(chunk);
        fold(decoder.push(chunk));
      },
    },
  });
  active.pty = pty;
  if (active.cancelled) pty.cancel(); // cancelled between two commands of the run
  try {
    const exit = await pty.exited;
    fold(decoder.end());
    const failure = classifyFailure({ exitCode: exit.exitCode, cancelled: exit.cancelled || exit.killed || active.cancelled, diagnostics: active.live.diagnostics, output: tail });
    return failure ? { exit, failure } : { exit };
  } finally {
    acknowledgements.stop();
    active.pty = undefined;
  }
}
