import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Duplex } from 'node:stream';
import { WebSocketServer } from 'ws';
import { contentSecurityPolicy } from '../core/security/csp';
import type { Host } from '../host/createHost';
import { readStaticFile } from './staticFiles';
import { newToken, sameSecret, tokenCookie, tokenOf } from './token';
import { serveSocket } from './socketSession';

export interface WebShellOptions {
  host: Host;
  /** Folder of the built renderer (index.html and assets/). */
  staticDir: string;
  hostname?: string;
  port?: number;
  /** Binding anything but loopback needs this, and prints a warning. */
  allowRemote?: boolean;
  token?: string;
}

export interface WebShell {
  url: string;
  port: number;
  token: string;
  close(): Promise<void>;
}

export class WebShellError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebShellError';
  }
}

const loopbackNames = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

/** True for the loopback addresses that need no --allow-remote. */
export function isLoopback(hostname: string): boolean {
  return loopbackNames.has(hostname) || hostname.startsWith('127.');
}

const securityHeaders = {
  'Content-Security-Policy': contentSecurityPolicy(),
  'X-Content-Type-Options': 'nosniff',
  'X-Frame-Options': 'DENY',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Opener-Policy': 'same-origin',
};

function refuse(response: ServerResponse): void {
  response.writeHead(401, { 'Content-Type': 'text/plain; charset=utf-8', Connection: 'close', ...securityHeaders });
  response.end('Unauthorized: open the URL that "driftless serve" printed; it carries the access token.\n');
}

/** Serves the renderer and the API over a WebSocket, on loopback, behind a per-launch token. */
export async function startWebShell(options: WebShellOptions): Promise<WebShell> {
  const hostname = options.hostname ?? '127.0.0.1';
  if (!isLoopback(hostname) && !options.allowRemote) {
    throw new WebShellError(
      `Refusing to listen on ${hostname}: it is not a loopback address. Pass --allow-remote if you really mean to expose Driftless on the network.`,
    );
  }
  const token = options.token ?? newToken();
  const sockets = new WebSocketServer({ noServer: true, maxPayload: 64 * 1024 * 1024 });
  let origin = '';

  const authorized = (request: IncomingMessage, url: URL) => {
    const { fromQuery, fromCookie } = tokenOf(request, url);
    return { byQuery: sameSecret(fromQuery, token), byCookie: sameSecret(fromCookie, token) };
  };

  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', origin);
    const auth = authorized(request, url);
    if (!auth.byQuery && !auth.byCookie) return refuse(response);
    if (auth.byQuery) {
      // Trade the token in the URL for an HttpOnly cookie, and drop it from the address bar.
      url.searchParams.delete('token');
      response.writeHead(303, {
        'Set-Cookie': `${tokenCookie}=${encodeURIComponent(token)}; HttpOnly; SameSite=Strict; Path=/`,
        Location: url.pathname + url.search,
        ...securityHeaders,
      });
      return response.end();
    }
    void readStaticFile(options.staticDir, url.pathname).then((file) => {
      if (!file) {
        response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8', ...securityHeaders });
        return response.end('Not found. Build the renderer first: npm run build:web\n');
      }
      response.writeHead(200, {
        'Content-Type': file.contentType,
        'Cache-Control': file.immutable ? 'public, max-age=31536000, immutable' : 'no-store',
        ...securityHeaders,
      });
      response.end(file.body);
    });
  });

  server.on('upgrade', (request: IncomingMessage, socket: Duplex, head: Buffer) => {
    const url = new URL(request.url ?? '/', origin);
    const auth = authorized(request, url);
    const sameOrigin = request.headers.origin === undefined || request.headers.origin === origin;
    if (url.pathname !== '/api' || !(auth.byQuery || auth.byCookie) || !sameOrigin) {
      socket.end('HTTP/1.1 401 Unauthorized\r\nConnection: close\r\nContent-Length: 0\r\n\r\n');
      return;
    }
    sockets.handleUpgrade(request, socket, head, (ws) => serveSocket(ws, options.host));
  });

  await new Promise<void>((resolvePromise, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) => {
      if (error.code === 'EADDRINUSE') {
        reject(new WebShellError(`Port ${options.port} on ${hostname} is already in use. Choose another with --port (0 picks a free one).`));
      } else if (error.code === 'EACCES') {
        reject(new WebShellError(`Not allowed to listen on ${hostname}:${options.port}. Choose a port above 1024 with --port.`));
      } else {
        reject(new WebShellError(`Cannot listen on ${hostname}:${options.port}: ${error.message}`));
      }
    });
    server.listen(options.port ?? 0, hostname, () => resolvePromise());
  });
  const port = (server.address() as AddressInfo).port;
  const urlHost = hostname.includes(':') && !hostname.startsWith('[') ? `[${hostname}]` : hostname;
  origin = `http://${urlHost}:${port}`;

  return {
    url: `${origin}/?token=${token}`,
    port,
    token,
    async close() {
      for (const client of sockets.clients) client.terminate();
      sockets.close();
      server.closeAllConnections();
      await new Promise<void>((resolvePromise) => server.close(() => resolvePromise()));
    },
  };
}
