import { createHash } from 'node:crypto';
import { request } from 'node:http';

export interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: Buffer;
  json(): Record<string, unknown>;
}

/**
 * One http backend request as terraform's client sends it: basic auth, and for a body
 * `Content-Type: application/json` with `Content-MD5`. For tests and benchmarks.
 */
export function backendRequest(
  url: string,
  method: string,
  options: { body?: Buffer | string; auth?: { username: string; password: string } | null; md5?: string | null } = {},
): Promise<Reply> {
  const body = options.body === undefined ? undefined : Buffer.isBuffer(options.body) ? options.body : Buffer.from(options.body);
  const headers: Record<string, string> = {};
  if (options.auth) headers.Authorization = `Basic ${Buffer.from(`${options.auth.username}:${options.auth.password}`).toString('base64')}`;
  if (body) {
    headers['Content-Type'] = 'application/json';
    headers['Content-Length'] = String(body.length);
    const md5 = options.md5 === undefined ? createHash('md5').update(body).digest('base64') : options.md5;
    if (md5 !== null) headers['Content-MD5'] = md5;
  }
  return new Promise((resolve, reject) => {
    const outgoing = request(url, { method, headers, agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => {
        const bytes = Buffer.concat(chunks);
        resolve({ status: response.statusCode ?? 0, headers: response.headers, body: bytes, json: () => JSON.parse(bytes.toString('utf8')) });
      });
      response.on('error', reject);
    });
    outgoing.on('error', reject);
    outgoing.end(body);
  });
}
