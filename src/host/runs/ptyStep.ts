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
  const pty = startPtyRun({
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
        fold(decoder.push(chunk));
      },
    },
  });
  active.pty = pty;
  if (active.cancelled) pty.cancel(); // cancelled between two commands of the run
  active.lastAckAt = Date.now();
  const watchdog = setInterval(() => {
    if (pty.paused && Date.now() - active.lastAckAt > staleAckMs) pty.acknowledge(Number.MAX_SAFE_INTEGER);
  }, 1000);
  try {
    const exit = await pty.exited;
    fold(decoder.end());
    const failure = classifyFailure({ exitCode: exit.exitCode, cancelled: exit.cancelled || exit.killed || active.cancelled, diagnostics: active.live.diagnostics, output: tail });
    return failure ? { exit, failure } : { exit };
  } finally {
    clearInterval(watchdog);
    active.pty = undefined;
  }
}
