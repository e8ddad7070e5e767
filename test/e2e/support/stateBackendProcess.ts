import { spawn } from 'node:child_process';

const root = new URL('../../..', import.meta.url).pathname;

export interface RunningStateBackend {
  env: Record<string, string>;
  /** Sends LOCK with this lock info as the user's own terraform would; resolves with the HTTP status. */
  lock(info: Record<string, string>): Promise<number>;
  stop(): Promise<void>;
}

/** Starts the real `driftless state-backend` on a data directory (the escape hatch for hand-run terraform). */
export async function startStateBackend(dataDir: string, environmentId: string): Promise<RunningStateBackend> {
  const child = spawn(process.execPath, [`${root}bin/driftless.mjs`, 'state-backend', '--data-dir', dataDir, '--environment', environmentId, '--json'], {
    cwd: root,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const env = await new Promise<Record<string, string>>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`driftless state-backend printed nothing in 60 s:\n${output}`)), 60000);
    child.stdout.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split('\n').find((candidate) => candidate.startsWith('{') && candidate.endsWith('}'));
      if (!line) return;
      clearTimeout(timer);
      resolve((JSON.parse(line) as { env: Record<string, string> }).env);
    });
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.once('exit', (code) => reject(new Error(`driftless state-backend exited with ${code}:\n${output}`)));
  });
  const authorization = `Basic ${Buffer.from(`${env.TF_HTTP_USERNAME}:${env.TF_HTTP_PASSWORD}`).toString('base64')}`;
  return {
    env,
    lock: async (info) => (await fetch(env.TF_HTTP_LOCK_ADDRESS!, { method: 'LOCK', headers: { authorization }, body: JSON.stringify(info) })).status,
    stop: () =>
      new Promise<void>((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
