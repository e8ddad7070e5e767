import { spawn, type IPty } from 'node-pty';

/** Receives every output chunk, in order, before the consumer sees it (for example the runs table). */
export interface OutputSink {
  write(chunk: string): void;
}

export interface PtyRunOptions {
  file: string;
  args: string[];
  cwd: string;
  env: Record<string, string>;
  cols?: number;
  rows?: number;
  /** Output is gathered for this long and delivered as one chunk (VS Code's terminal bufferer). */
  batchMs?: number;
  /**
   * Pause the pty when the consumer is this many characters behind (default 100k, as the issue and
   * VS Code's terminal use). A 512k window was measured too: no throughput gain (acks cross a
   * WebSocket and wait for xterm to parse), and a longer queue for a Ctrl-C's prompt to wait behind.
   */
  highWatermark?: number;
  /** …and resume it when it is back under this many (default 5k). */
  lowWatermark?: number;
  sink?: OutputSink;
  /**
   * The consumer (for example the renderer's terminal). With it, flow control is on: it must call
   * `acknowledge(chunk.length)` once it has processed a chunk. Without it, nothing waits.
   */
  onData?: (chunk: string) => void;
}

export interface PtyExit {
  exitCode: number;
  /** The signal number that ended the process, when one did. */
  signal?: number;
  /** A cancel (Ctrl-C) was sent during the run. */
  cancelled: boolean;
  /** The process group was killed. */
  killed: boolean;
  /** Characters delivered in total. */
  outputLength: number;
}

export interface PtyRun {
  readonly pid: number;
  /** Once the command has ended and all its output is delivered (its wrapper may take a moment more to exit). */
  readonly exited: Promise<PtyExit>;
  /** The consumer has processed this many characters. */
  acknowledge(characters: number): void;
  resize(cols: number, rows: number): void;
  write(data: string): void;
  /** First call: Ctrl-C (SIGINT to the foreground group: terraform stops safely). Later calls: kill. */
  cancel(): 'interrupted' | 'killed';
  /** SIGKILL to the whole process group. */
  kill(): void;
  /** True while the pty is paused by flow control. */
  readonly paused: boolean;
}

/**
 * The command runs under a small sh wrapper. Linux discards what is still buffered in a pty when
 * its last process exits, so a run's final output could be lost. The wrapper prints an exit marker
 * (an OSC sequence terminals ignore) after the command, then waits for our newline: the process
 * ends only after we have read everything before the marker. `trap : INT` lets the wrapper outlive
 * a Ctrl-C (its children get the default handler back) so a cancelled run still reports its code.
 */
const wrapper = `trap : INT; "$@"; code=$?; printf '\\033]777;driftless-exit;%d\\007' "$code"; read -r _; exit "$code"`;
// eslint-disable-next-line no-control-regex -- the marker is a terminal escape sequence
const marker = /\x1b\]777;driftless-exit;(\d+)\x07/;
const markerStart = '\x1b]777;';

/** Length of the longest end of `text` that could begin an exit marker (held back until more arrives). */
function partialMarker(text: string): number {
  for (let length = Math.min(markerStart.length + 30, text.length); length > 0; length--) {
    const tail = text.slice(-length);
    if (tail.startsWith(markerStart) ? !tail.includes('\x07') : markerStart.startsWith(tail)) return length;
  }
  return 0;
}

/** Starts a command in a pseudo-terminal with batched output, flow control and safe cancel. */
export function startPtyRun(options: PtyRunOptions): PtyRun {
  const batchMs = options.batchMs ?? 5;
  const high = options.highWatermark ?? 100_000;
  const low = options.lowWatermark ?? 5_000;
  const pty: IPty = spawn('/bin/sh', ['-c', wrapper, 'driftless', options.file, ...options.args], {
    name: options.env.TERM ?? 'xterm-256color',
    cols: options.cols ?? 120,
    rows: options.rows ?? 30,
    cwd: options.cwd,
    env: options.env,
  });

  let pending: string[] = [];
  let heldBack = '';
  let markedExitCode: number | undefined;
  let timer: NodeJS.Timeout | undefined;
  let unacknowledged = 0;
  let paused = false;
  let cancelled = false;
  let killed = false;
  let outputLength = 0;
  let exitedFlag = false;
  let liveness: NodeJS.Timeout | undefined;

  const resume = () => {
    if (!paused) return;
    paused = false;
    if (liveness) clearInterval(liveness);
    liveness = undefined;
    pty.resume();
  };

  const pause = () => {
    if (paused || exitedFlag || cancelled) return;
    paused = true;
    pty.pause();
    // node-pty destroys the socket 200 ms after the process ends; paused, its last output would be
    // lost. While paused, check the process is alive and drain once it is gone.
    liveness = setInterval(() => {
      try {
        process.kill(pty.pid, 0);
      } catch {
        resume();
      }
    }, 20);
  };

  const flush = () => {
    timer = undefined;
    if (pending.length === 0) return;
    const chunk = pending.length === 1 ? pending[0]! : pending.join('');
    pending = [];
    outputLength += chunk.length;
    // Counted before anyone sees it: a sink whose listener acknowledges at once (an event listener
    // in the same process) must not find nothing to subtract, or the run stays paused for good.
    if (options.onData) unacknowledged += chunk.length;
    options.sink?.write(chunk);
    if (options.onData) {
      options.onData(chunk);
      if (unacknowledged > high) pause();
    }
  };

  pty.onData((data) => {
    if (markedExitCode !== undefined) return; // after the marker: only the echo of our newline
    let text = heldBack + data;
    heldBack = '';
    const found = marker.exec(text);
    if (found) {
      markedExitCode = Number(found[1]);
      text = text.slice(0, found.index);
      pty.write('\n'); // everything before the marker is read: let the wrapper exit
    } else {
      const partial = partialMarker(text);
      if (partial > 0) {
        heldBack = text.slice(-partial);
        text = text.slice(0, -partial);
      }
    }
    if (text.length > 0) {
      pending.push(text);
      timer ??= setTimeout(flush, batchMs);
    }
    // The command has ended and all its output is read: the run is over now, not once the wrapper
    // has read our newline, exited and node-pty has seen its pty close (a few ms per command).
    if (markedExitCode !== undefined) end(markedExitCode);
  });

  let settle!: (exit: PtyExit) => void;
  const exited = new Promise<PtyExit>((resolve) => (settle = resolve));
  function end(exitCode: number, signal?: number): void {
    if (exitedFlag) return;
    exitedFlag = true;
    if (timer) clearTimeout(timer);
    if (heldBack) pending.push(heldBack);
    heldBack = '';
    flush();
    if (liveness) clearInterval(liveness);
    const result: PtyExit = { exitCode, cancelled, killed, outputLength };
    if (signal) result.signal = signal;
    settle(result);
  }
  pty.onExit(({ exitCode, signal }) => end(exitCode, signal));

  const kill = () => {
    killed = true;
    try {
      process.kill(-pty.pid, 'SIGKILL'); // the pty's session: terraform, providers, local-exec children
    } catch {
      try {
        pty.kill('SIGKILL');
      } catch {
        // already gone
      }
    }
  };

  return {
    pid: pty.pid,
    exited,
    get paused() {
      return paused;
    },
    acknowledge(characters) {
      unacknowledged = Math.max(0, unacknowledged - characters);
      if (paused && unacknowledged < low) resume();
    },
    resize(cols, rows) {
      if (!exitedFlag) pty.resize(Math.max(1, Math.floor(cols)), Math.max(1, Math.floor(rows)));
    },
    write(data) {
      if (!exitedFlag) pty.write(data);
    },
    cancel() {
      if (cancelled) {
        kill();
        return 'killed';
      }
      cancelled = true;
      resume(); // a cancelled run drains regardless of the consumer, so it can end
      // Ctrl-C through the line discipline signals the whole foreground group, so a local-exec's
      // own children (sleep, scripts) stop too; terraform then stops safely and releases its lock.
      if (!exitedFlag) pty.write('\x03');
      return 'interrupted';
    },
    kill,
  };
}
