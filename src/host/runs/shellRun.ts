import { startPtyRun } from '../runner/ptyRun';
import { newActiveRun, watchAcknowledgements, type ActiveRun } from './ptyStep';
import type { RunRecords } from './runRecords';

/** The user's shell: $SHELL (or /bin/sh); on Windows %COMSPEC% (or cmd.exe). */
export function userShell(env: NodeJS.ProcessEnv = process.env): string {
  return process.platform === 'win32' ? (env.COMSPEC ?? 'cmd.exe') : (env.SHELL ?? '/bin/sh');
}

export interface ShellOptions {
  records: RunRecords;
  active: Map<string, ActiveRun>;
  environmentId: string;
  projectId: string;
  who: string;
  cwd: string;
  /** The run environment for this run id (state versions written from the shell name it). */
  env: (runId: string) => Promise<Record<string, string>>;
  flowControl: boolean;
  onOutput: (runId: string, data: string, seq: number) => void;
  onEnd: (runId: string, exitCode: number) => void;
}

/**
 * Opens an interactive shell in an environment's workdir with the environment terraform runs with
 * (backend variables, secrets as TF_VAR_*), recorded as a `shell` run like any other.
 */
export async function startShell(options: ShellOptions): Promise<string> {
  const { records, active } = options;
  const shell = userShell();
  const record = records.store.create({ environmentId: options.environmentId, kind: 'shell', command: [shell] });
  records.update(record.id, { meta: { projectId: options.projectId, who: options.who, hostPid: process.pid } });
  const env = await options.env(record.id);
  const run = newActiveRun();
  active.set(record.id, run);
  const acknowledgements = watchAcknowledgements(run, () => run.pty);
  const pty = startPtyRun({
    file: shell,
    args: [],
    cwd: options.cwd,
    env,
    cols: run.cols,
    rows: run.rows,
    onData: options.flowControl ? () => undefined : undefined,
    sink: {
      write: (chunk) => {
        options.onOutput(record.id, chunk, records.store.append(record.id, chunk));
        acknowledgements.selfAcknowledge(chunk);
      },
    },
  });
  run.pty = pty;
  void pty.exited.then((exit) => {
    acknowledgements.stop();
    active.delete(record.id);
    options.onEnd(record.id, exit.exitCode);
  });
  return record.id;
}
