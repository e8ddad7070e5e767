import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Database } from 'better-sqlite3';
import { SecretKeyError, type KeyProvider } from '../../secrets/keyProvider';
import { createInventoryIndexer, type InventoryIndexer } from '../inventoryIndexer';
import { StateBodyError } from '../stateSealing';
import { openStateRepository, type StateRepository } from '../stateRepository';
import { backendUsername, isAuthorized, newPassword } from './auth';
import { getState, lockState, postState, unlockState, type BackendContext, type StateRequest } from './handlers';
import { readBody } from './readBody';
import { Refusal, sendJson, sendRefusal } from './reply';

export interface StateBackendOptions {
  db: Database;
  /** 0 (default) picks a free port. */
  port?: number;
  /** Largest accepted body in bytes (default 256 MiB). */
  bodyLimit?: number;
  log?: (message: string) => void;
  /** Seals state bodies (default: the key file beside the database); ignored when `repository` is given. */
  keys?: KeyProvider;
  /** Share the host's repository and indexer (default: the backend makes its own on `db`). */
  repository?: StateRepository;
  indexer?: InventoryIndexer;
}

export interface StateBackend {
  url: string;
  port: number;
  username: string;
  password: string;
  repository: StateRepository;
  indexer: InventoryIndexer;
  /** The address of one environment's state (also its lock and unlock address). */
  addressOf(environmentId: string, runId?: string): string;
  /** The TF_HTTP_* variables that point terraform at this environment's state. */
  envFor(environmentId: string, runId?: string): Record<string, string>;
  close(): Promise<void>;
}

export const defaultBodyLimit = 256 * 1024 * 1024;
const environmentIdPattern = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const handlers: Record<string, (context: BackendContext, request: StateRequest, response: ServerResponse) => void> = {
  GET: getState,
  POST: postState,
  LOCK: lockState,
  UNLOCK: unlockState,
};

/** Routes, authenticates and reads one request; every refusal becomes a 4xx with a JSON message. */
async function serve(context: BackendContext, settings: { username: string; password: string; bodyLimit: number }, request: IncomingMessage, response: ServerResponse) {
  if (!isAuthorized(request, settings.username, settings.password)) {
    throw new Refusal(401, 'Unauthorized: use the TF_HTTP_USERNAME and TF_HTTP_PASSWORD this Driftless printed or set.', {}, { 'WWW-Authenticate': 'Basic realm="driftless-state"' });
  }
  const url = new URL(request.url ?? '/', 'http://127.0.0.1');
  const match = /^\/state\/([^/]+)\/?$/.exec(url.pathname);
  if (!match) throw new Refusal(404, `Not found: ${url.pathname}. State lives at /state/<environment id>.`);
  const environmentId = decodeURIComponent(match[1]!);
  if (!environmentIdPattern.test(environmentId)) {
    throw new Refusal(400, `Refused: "${environmentId}" is not a valid environment id (letters, digits, ".", "_", "-"; at most 128).`);
  }
  const handler = handlers[request.method ?? ''];
  if (!handler) throw new Refusal(405, `Method ${request.method} is not part of the http backend protocol: use GET, POST, LOCK or UNLOCK.`, {}, { Allow: 'GET, POST, LOCK, UNLOCK' });
  const body = await readBody(request, settings.bodyLimit, request.method === 'POST');
  handler(context, { environmentId, lockId: url.searchParams.get('ID') || undefined, runId: url.searchParams.get('run') || undefined, body }, response);
}

/** Starts Terraform's http state backend on 127.0.0.1 with a random per-launch password. */
export async function startStateBackend(options: StateBackendOptions): Promise<StateBackend> {
  const log = options.log ?? ((message: string) => process.stderr.write(`${message}\n`));
  const repository = options.repository ?? openStateRepository(options.db, options.keys, log);
  const indexer = options.indexer ?? createInventoryIndexer(options.db, repository, log);
  const context: BackendContext = { db: options.db, repository, indexer };
  const settings = { username: backendUsername, password: newPassword(), bodyLimit: options.bodyLimit ?? defaultBodyLimit };

  const server = createServer((request, response) => {
    serve(context, settings, request, response).catch((error: unknown) => {
      if (response.headersSent) return response.destroy();
      if (error instanceof Refusal) return sendRefusal(response, error);
      if (error instanceof StateBodyError || error instanceof SecretKeyError) {
        // not transient, so a 4xx (terraform retries 5xx); terraform prints only the status, so it is logged too
        log(`state backend: ${request.method} ${request.url}: ${error.message}`);
        return sendRefusal(response, new Refusal(409, error.message));
      }
      log(`state backend: ${request.method} ${request.url}: ${(error as Error).stack ?? String(error)}`);
      sendJson(response, 500, { message: `Internal error of the state backend: ${(error as Error).message}` });
    });
  });
  server.on('clientError', (_error, socket) => socket.destroy());
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const port = (server.address() as AddressInfo).port;
  const url = `http://127.0.0.1:${port}`;
  indexer.catchUp();

  const addressOf = (environmentId: string, runId?: string) =>
    `${url}/state/${encodeURIComponent(environmentId)}${runId ? `?run=${encodeURIComponent(runId)}` : ''}`;
  return {
    url,
    port,
    username: settings.username,
    password: settings.password,
    repository,
    indexer,
    addressOf,
    envFor(environmentId, runId) {
      const address = addressOf(environmentId, runId);
      return {
        TF_HTTP_ADDRESS: address,
        TF_HTTP_LOCK_ADDRESS: address,
        TF_HTTP_UNLOCK_ADDRESS: address,
        TF_HTTP_LOCK_METHOD: 'LOCK',
        TF_HTTP_UNLOCK_METHOD: 'UNLOCK',
        TF_HTTP_USERNAME: settings.username,
        TF_HTTP_PASSWORD: settings.password,
      };
    },
    async close() {
      await indexer.whenIdle();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}
