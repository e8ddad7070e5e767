import type { ServerResponse } from 'node:http';
import type { Database } from 'better-sqlite3';
import type { InventoryIndexer } from '../inventoryIndexer';
import type { StateRepository } from '../stateRepository';
import { writeState } from '../writeState';
import type { ReceivedBody } from './readBody';
import { holderRefusal, Refusal, sendJson } from './reply';

export interface BackendContext {
  db: Database;
  repository: StateRepository;
  indexer: InventoryIndexer;
}

export interface StateRequest {
  environmentId: string;
  /** `?ID=`: the lock terraform holds while writing. */
  lockId?: string;
  /** `?run=`: the Driftless run this terraform belongs to. */
  runId?: string;
  body: ReceivedBody;
}

/** GET: the latest state (with its Content-MD5) from memory, or 204 when there is none — never `{}`. */
export function getState(context: BackendContext, request: StateRequest, response: ServerResponse): void {
  const latest = context.repository.latestWithBody(request.environmentId);
  if (!latest) {
    response.writeHead(204).end();
    return;
  }
  response.writeHead(200, { 'Content-Type': 'application/json', 'Content-Length': String(latest.body.length), 'Content-MD5': latest.version.md5 });
  response.end(latest.body);
}

/** POST: a new state version, after the lock, lineage and serial checks. */
export function postState(context: BackendContext, request: StateRequest, response: ServerResponse): void {
  const outcome = writeState(context.db, context.repository, {
    environmentId: request.environmentId,
    body: request.body.bytes,
    md5: request.body.md5,
    sha256: request.body.sha256,
    lockId: request.lockId,
    runId: request.runId,
  });
  if ('refused' in outcome) {
    const refused = outcome.refused;
    if (refused.status === 423) throw holderRefusal(423, refused.holder.info, refused.message);
    throw new Refusal(refused.status, refused.message);
  }
  if ('stored' in outcome) context.indexer.schedule(request.environmentId);
  const version = 'stored' in outcome ? outcome.stored : outcome.unchanged;
  sendJson(response, 200, { version: version.version, serial: version.serial, stored: 'stored' in outcome });
}

function lockInfoOf(body: ReceivedBody): { id: string; info: string } {
  const text = body.bytes.toString('utf8');
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    throw new Refusal(400, 'Refused: the lock info is not JSON. Send {"ID": "...", "Operation": ..., "Who": ...} as terraform does.');
  }
  const id = (parsed as { ID?: unknown } | null)?.ID;
  if (typeof id !== 'string' || id === '') throw new Refusal(400, 'Refused: the lock info has no "ID". Send the lock info JSON with a non-empty ID.');
  return { id, info: text };
}

/** LOCK: 200 when free (or already held by the same ID); 423 with the holder's lock info otherwise. */
export function lockState(context: BackendContext, request: StateRequest, response: ServerResponse): void {
  const { id, info } = lockInfoOf(request.body);
  const taken = context.db.transaction(() => context.repository.tryLock(request.environmentId, id, info) || context.repository.lock(request.environmentId)!).immediate();
  if (taken === true || taken.lockId === id) {
    sendJson(response, 200, JSON.parse(info));
    return;
  }
  throw holderRefusal(423, taken.info, `The state of "${request.environmentId}" is locked by ${taken.lockId} since ${taken.createdAt}.`);
}

/**
 * UNLOCK: 200 when the body's ID holds the lock (or nothing is locked); 409 with the holder when it
 * does not. An empty body — what `terraform force-unlock` sends — unlocks only when armed.
 */
export function unlockState(context: BackendContext, request: StateRequest, response: ServerResponse): void {
  const environmentId = request.environmentId;
  const forced = request.body.bytes.length === 0;
  const given = forced ? undefined : lockInfoOf(request.body).id;
  const outcome = context.db.transaction(() => {
    const holder = context.repository.lock(environmentId);
    if (!holder) return { unlocked: true as const };
    if (given === holder.lockId) return { unlocked: context.repository.unlock(environmentId, holder.lockId) };
    if (forced && context.repository.takeForceUnlock(environmentId, holder.lockId)) {
      return { unlocked: context.repository.unlock(environmentId, holder.lockId) };
    }
    return { holder };
  }).immediate();
  if ('unlocked' in outcome) {
    sendJson(response, 200, { unlocked: true });
    return;
  }
  const holder = outcome.holder;
  const message = forced
    ? `Refused: force-unlock of "${environmentId}" (lock ${holder.lockId}) is not armed. Arm it first with \`driftless state unlock ${environmentId} --arm\` (or Force unlock in the app's State panel), then run terraform force-unlock again within 5 minutes.`
    : `Refused: the state of "${environmentId}" is locked by ${holder.lockId}, not by ${given}.`;
  throw holderRefusal(409, holder.info, message);
}
