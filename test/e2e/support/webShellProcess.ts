import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface RunningWebShell {
  url: string;
  origin: string;
  dataDir: string;
  stop(): Promise<void>;
}

const root = new URL('../../..', import.meta.url).pathname;

/** Starts the real `driftless serve` (the same command users run) and waits for its URL. */
export async function startServe(env: Record<string, string> = {}, args: string[] = []): Promise<RunningWebShell> {
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-e2e-'));
  const child: ChildProcess = spawn(process.execPath, [join(root, 'bin/driftless.mjs'), 'serve', '--data-dir', dataDir, ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const url = await new Promise<string>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`driftless serve printed no URL in 60 s:\n${output}`)), 60000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const match = /running at (http:\/\/\S+)/.exec(output);
      if (match) {
        clearTimeout(timer);
        resolve(match[1]!);
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', onData);
    child.once('exit', (code) => reject(new Error(`driftless serve exited with ${code}:\n${output}`)));
  });
  return {
    url,
    origin: new URL(url).origin,
    dataDir,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
