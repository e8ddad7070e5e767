import { emptyLiveRun, reduceLiveRun, type LiveRun } from '../../core/terraform/applyStatus';
import { classifyFailure, type RunFailure } from '../../core/terraform/classify';
import { StreamDecoder } from '../../core/terraform/stream';
import { whichBinary } from './binary';
import { startPtyRun, type PtyExit, type PtyRun } from './ptyRun';
import type { RunKind, RunRecord, RunStore } from './runStore';

export interface RecordedRunOptions {
  store: RunStore;
  environmentId: string;
  kind: RunKind;
  /** The terraform (or tofu) binary path. */
  binary: string;
  args: string[];
  cwd: string;
  /** From buildRunEnvironment. */
  env: Record<string, string>;
  moduleHash?: string;
  cols?: number;
  rows?: number;
  /** The live consumer; with it, flow control applies (acknowledge through `pty`). */
  onData?: (chunk: string) => void;
  /** Called after each chunk that changed the live picture (per-node status, diagnostics). */
  onLive?: (live: LiveRun) => void;
}

export interface RunOutcome {
  record: RunRecord;
  exit: PtyExit;
  live: LiveRun;
  failure?: RunFailure;
}

export interface RecordedRun {
  id: string;
  /** Absent when the binary could not be started (the outcome then says why). */
  pty?: PtyRun;
  finished: Promise<RunOutcome>;
}

const tailLength = 65536;

/**
 * Runs terraform in a pty as one stored run: every chunk appended to run_output, the -json stream
 * folded into live per-node status, and the end classified (succeeded, failed with a code, cancelled).
 */
export function startRecordedRun(options: RecordedRunOptions): RecordedRun {
  const { store } = options;
  const record = store.create({ environmentId: options.environmentId, kind: options.kind, command: [options.binary, ...options.args], moduleHash: options.moduleHash });
  if (!whichBinary(options.binary, options.env)) {
    const failure: RunFailure = {
      code: 'binary_missing',
      message: `${options.binary} was not found. Install Terraform 1.5 or newer or OpenTofu, then choose its path in File → Terraform binary… in the app (or put it on PATH).`,
    };
    store.append(record.id, `${failure.message}\r\n`);
    store.finish(record.id, { status: 'failed', summary: { failure } });
    const exit: PtyExit = { exitCode: 127, cancelled: false, killed: false, outputLength: 0 };
    return { id: record.id, finished: Promise.resolve({ record: store.get(record.id)!, exit, live: emptyLiveRun(), failure }) };
  }
  const decoder = new StreamDecoder();
  const live = emptyLiveRun();
  let tail = '';
  const pty = startPtyRun({
    file: options.binary,
    args: options.args,
    cwd: options.cwd,
    env: options.env,
    cols: options.cols,
    rows: options.rows,
    onData: options.onData,
    sink: {
      write(chunk) {
        store.append(record.id, chunk);
        tail = (tail.length + chunk.length > tailLength * 2 ? tail.slice(-tailLength) : tail) + chunk;
        const messages = decoder.push(chunk);
        for (const message of messages) reduceLiveRun(live, message);
        if (messages.length > 0) options.onLive?.(live);
      },
    },
  });
  const finished = pty.exited.then((exit): RunOutcome => {
    for (const message of decoder.end()) reduceLiveRun(live, message);
    const failure = classifyFailure({ exitCode: exit.exitCode, cancelled: exit.cancelled || exit.killed, diagnostics: live.diagnostics, output: tail.slice(-tailLength) });
    const status = failure ? (failure.code === 'cancelled' ? 'cancelled' : 'failed') : 'succeeded';
    store.finish(record.id, { status, exitCode: exit.exitCode, summary: failure ? { failure } : undefined });
    const outcome: RunOutcome = { record: store.get(record.id)!, exit, live };
    if (failure) outcome.failure = failure;
    return outcome;
  });
  return { id: record.id, pty, finished };
}
