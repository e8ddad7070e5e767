import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { createHost } from '../../host/createHost';
import { resolveDataDir } from '../../host/dataDir';
import { isLoopback, startWebShell } from '../../web/webShell';
import type { Command } from '../command';
import { bundleFolders, bundlesOption } from './bundleFolders';
import { packageRoot, packageVersion } from '../packageRoot';

/** Builds the renderer once when it is missing, so a newcomer never meets an empty page. */
async function ensureRendererBuilt(staticDir: string, log: (text: string) => void): Promise<void> {
  if (existsSync(join(staticDir, 'index.html'))) return;
  log('Building the UI (first run only)…');
  const { build } = await import('vite');
  await build({ configFile: join(packageRoot, 'vite.renderer.config.ts'), logLevel: 'warn', build: { outDir: staticDir } });
}

export const serveCommand: Command = {
  name: 'serve',
  summary: 'Run Driftless in your browser: the web shell on loopback, behind a per-launch token',
  usage: 'driftless serve [--port N] [--host ADDRESS [--allow-remote]] [--bundles DIR]...',
  options: {
    port: { type: 'string', description: 'Port to listen on (default: a free one)', valueName: 'N' },
    host: { type: 'string', description: 'Address to bind (default 127.0.0.1)', valueName: 'ADDRESS' },
    'allow-remote': { type: 'boolean', description: 'Allow binding a non-loopback address (prints a warning)' },
    bundles: bundlesOption,
    'static-dir': { type: 'string', description: 'Folder of the built renderer (default dist/renderer)', valueName: 'DIR' },
  },
  details: 'Prints the URL to open (it carries the access token). Exit codes: 0 after Ctrl-C, 1 when it cannot start.',
  async run({ values, stdout, stderr }) {
    const port = values.port === undefined ? 0 : Number(values.port);
    if (!Number.isInteger(port) || port < 0 || port > 65535) {
      stderr(`--port must be a whole number from 0 to 65535, not "${String(values.port)}".`);
      return 1;
    }
    const hostname = (values.host as string | undefined) ?? '127.0.0.1';
    if (!isLoopback(hostname) && values['allow-remote']) {
      stderr(`WARNING: listening on ${hostname} exposes Driftless (and your infrastructure credentials) to the network.`);
    }
    const staticDir = (values['static-dir'] as string | undefined) ?? join(packageRoot, 'dist', 'renderer');
    const host = createHost({
      version: packageVersion(),
      dataDir: resolveDataDir(values['data-dir'] as string | undefined),
      shell: 'web',
      heartbeatMs: Number(process.env.DRIFTLESS_HEARTBEAT_MS ?? 5000),
      bundleDirs: bundleFolders(values),
    });
    try {
      await ensureRendererBuilt(staticDir, stderr);
      const shell = await startWebShell({ host, staticDir, hostname, port, allowRemote: Boolean(values['allow-remote']) });
      stdout(`Driftless is running at ${shell.url}`);
      stdout('Open that URL in your browser. Press Ctrl-C to stop.');
      await new Promise<void>((resolvePromise) => {
        const stop = () => resolvePromise();
        process.once('SIGINT', stop);
        process.once('SIGTERM', stop);
      });
      await shell.close();
      return 0;
    } finally {
      await host.close();
    }
  },
};
