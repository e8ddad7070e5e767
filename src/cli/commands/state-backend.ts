import { createHost } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import { startStateBackend } from '../../host/state/http/stateBackend';
import type { Command } from '../command';
import { packageVersion } from '../packageRoot';

const environmentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;

/** The shell lines that point a user's own terraform at the backend. */
export function exportLines(env: Record<string, string>): string[] {
  return Object.entries(env).map(([name, value]) => `export ${name}='${value.replaceAll("'", "'\\''")}'`);
}

export const stateBackendCommand: Command = {
  name: 'state-backend',
  summary: "Run the state backend alone, for your own terraform runs against Driftless's state",
  usage: 'driftless state-backend [--environment ID] [--port N] [--json]',
  options: {
    environment: { type: 'string', description: 'Environment whose state to serve (default "default")', valueName: 'ID' },
    port: { type: 'string', description: 'Port to listen on, on 127.0.0.1 (default: a free one)', valueName: 'N' },
    json: { type: 'boolean', description: 'Print the settings as one JSON line' },
  },
  details: [
    'Prints the TF_HTTP_* variables to export in the shell where you run terraform, and the empty',
    'backend block to put in your root module. Every write becomes a state version in the database.',
    'The password is new on every launch. Exit codes: 0 after Ctrl-C, 1 when it cannot start.',
  ].join('\n'),
  async run({ values, stdout, stderr }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      stderr(`--port must be a whole number from 0 to 65535, not "${String(values.port)}".`);
      return 1;
    }
    const environmentId = (values.environment as string | undefined) ?? 'default';
    if (!environmentIdPattern.test(environmentId)) {
      stderr(`--environment "${environmentId}" is not a valid id: use letters, digits, ".", "_" and "-" (at most 128).`);
      return 1;
    }
    const host = createHost({ version: packageVersion(), dataDir: resolveDataDir(values['data-dir'] as string | undefined), shell: 'cli', heartbeatMs: 0 });
    try {
      const backend = await startStateBackend({ db: host.database.get(), port, log: stderr });
      const env = backend.envFor(environmentId);
      if (values.json) {
        stdout(JSON.stringify({ url: backend.url, port: backend.port, environmentId, env }));
      } else {
        stdout(`Driftless state backend on ${backend.url}, serving the state of "${environmentId}". Press Ctrl-C to stop.`);
        stdout('');
        stdout('# In the shell where you run terraform:');
        stdout(exportLines(env).join('\n'));
        stdout('');
        stdout('# In your root module (leave it empty: the variables above configure it):');
        stdout('terraform {\n  backend "http" {}\n}');
        stdout('');
        stdout('# Then: terraform init -reconfigure (or -migrate-state to move existing state in).');
      }
      await new Promise<void>((resolve) => {
        process.once('SIGINT', resolve);
        process.once('SIGTERM', resolve);
      });
      await backend.close();
      return 0;
    } finally {
      await host.close();
    }
  },
};
