import type { ApiClient } from '../../../src/core/api/client';
import { claimShellRun, releaseShellRun } from './shellRuns';

/** Where a shell's output goes and how it reports back (xterm, in the Shell tab). */
export interface ShellTerminal {
  /** Writes output; `done` once the terminal has parsed it (the acknowledgement for flow control). */
  write(data: string, done: () => void): void;
  ended(message: string): void;
}

export interface ShellSession {
  runId: string;
  write(data: string): void;
  resize(cols: number, rows: number): void;
  /** Ends the shell (kills it) and stops listening. */
  close(): Promise<void>;
}

const RUNNING = new Set(['queued', 'running']);
// Keystrokes go in pieces the host accepts (run.input takes at most 65536 characters).
const INPUT_LIMIT = 16384;

/**
 * Opens the user's shell in an environment's workdir with the run environment (run.shell) and wires
 * it to a terminal: output acknowledged once parsed, keystrokes to run.input, resizes to run.resize.
 */
export async function openShell(api: ApiClient, projectId: string, environmentId: string, terminal: ShellTerminal, size: { cols: number; rows: number }): Promise<ShellSession | { error: string }> {
  // Output can arrive before run.shell answers: keep it per run until the shell's id is known.
  const early = new Map<string, string[]>();
  const shell: { runId?: string } = {}; // known once run.shell answers
  let finished = false;
  let closing = false;
  const end = (message: string) => {
    if (finished) return;
    finished = true;
    offOutput();
    offStatus();
    if (shell.runId) releaseShellRun(shell.runId);
    terminal.ended(message);
  };
  const offOutput = api.subscribe('run.output', (event) => {
    if (shell.runId === undefined) {
      if (early.size < 16 || early.has(event.runId)) early.set(event.runId, [...(early.get(event.runId) ?? []), event.data]);
      return;
    }
    if (event.runId !== shell.runId) return;
    terminal.write(event.data, () => void api.call('run.ack', { runId: event.runId, characters: event.data.length }));
  });
  const earlyStatus = new Map<string, string>();
  const offStatus = api.subscribe('run.status', (event) => {
    if (shell.runId === undefined) earlyStatus.set(event.runId, event.status);
    else if (event.runId === shell.runId && !RUNNING.has(event.status)) end(closing ? '[shell closed]' : `[shell ended: ${event.status}]`);
  });
  const opened = await api.call('run.shell', { projectId, environmentId });
  if (!opened.ok || !opened.value.run) {
    end('');
    return { error: opened.ok ? opened.value.diagnostics.map((diagnostic) => diagnostic.message).join(' ') || 'The shell did not start.' : opened.error.message };
  }
  const id = opened.value.run.id;
  claimShellRun(id);
  shell.runId = id;
  // The run terminal acknowledged what came before the id was known; show it without acknowledging again.
  const first = early.get(id)?.join('') ?? '';
  early.clear();
  if (first) terminal.write(first, () => undefined);
  const status = earlyStatus.get(id);
  if (status && !RUNNING.has(status)) end(`[shell ended: ${status}]`);
  void api.call('run.resize', { runId: id, cols: size.cols, rows: size.rows });
  return {
    runId: id,
    write(data) {
      if (finished) return;
      for (let start = 0; start < data.length; start += INPUT_LIMIT) void api.call('run.input', { runId: id, data: data.slice(start, start + INPUT_LIMIT) });
    },
    resize(cols, rows) {
      if (!finished) void api.call('run.resize', { runId: id, cols, rows });
    },
    async close() {
      if (finished) return;
      closing = true;
      await api.call('run.cancel', { runId: id, kill: true });
      end('[shell closed]');
    },
  };
}
