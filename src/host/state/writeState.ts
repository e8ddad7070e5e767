import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3';
import { durably } from '../store/durably';
import { readStateHead } from './stateHead';
import type { StateLock, StateRepository, StateVersion } from './stateRepository';

/** Why a write was refused; `status` is the HTTP status the backend answers with. */
export type WriteRefusal =
  | { status: 400; message: string }
  | { status: 409; message: string }
  | { status: 423; message: string; holder: StateLock };

export type WriteOutcome = { stored: StateVersion } | { unchanged: StateVersion } | { refused: WriteRefusal };

export interface WriteRequest {
  environmentId: string;
  body: Buffer;
  /** The `?ID=` terraform sends when it holds the lock; undefined when absent. */
  lockId?: string;
  runId?: string;
  source?: 'backend' | 'restore';
  restoredFrom?: number;
  /** The body's base64 MD5 when already computed (the backend checks Content-MD5 with it). */
  md5?: string;
  /** The body's hex SHA-256 when already computed (the backend hashes while receiving). */
  sha256?: string;
}

/**
 * The checks of a careful http backend, then the write, in one immediate transaction flushed to
 * disk before the answer: the lock (423 to anyone but its holder), the lineage (409 when it differs
 * from the stored one), the serial (409 when lower, or equal with other bytes). An OpenTofu
 * encrypted envelope is stored opaquely.
 */
export function writeState(db: Database, repository: StateRepository, request: WriteRequest): WriteOutcome {
  const head = readStateHead(request.body);
  if (head.kind === 'invalid') return { refused: { status: 400, message: `Refused: ${head.message}` } };
  const sha256 = request.sha256 ?? createHash('sha256').update(request.body).digest('hex');
  const md5 = request.md5 ?? createHash('md5').update(request.body).digest('base64');

  return durably(db, () => db.transaction((): WriteOutcome => {
    const holder = repository.lock(request.environmentId);
    if (holder && holder.lockId !== request.lockId) {
      const message = request.lockId
        ? `Refused: the state of "${request.environmentId}" is locked by ${holder.lockId}, not by ${request.lockId}.`
        : `Refused: the state of "${request.environmentId}" is locked (lock ${holder.lockId}) and this write carries no lock ID.`;
      return { refused: { status: 423, message, holder } };
    }
    const latest = repository.latest(request.environmentId);
    if (head.kind === 'state' && latest && !latest.encrypted) {
      if (latest.lineage !== head.lineage) {
        return { refused: { status: 409, message: `Refused: lineage ${head.lineage} differs from the stored state's ${latest.lineage}. This is the state of another root module; check the address.` } };
      }
      if (head.serial < latest.serial!) {
        return { refused: { status: 409, message: `Refused: serial ${head.serial} is lower than the stored serial ${latest.serial}. Another run wrote newer state: re-run plan.` } };
      }
      if (head.serial === latest.serial) {
        if (latest.sha256 === sha256) return { unchanged: latest };
        return { refused: { status: 409, message: `Refused: serial ${head.serial} is already stored with different content. Re-run plan to write on top of the stored state.` } };
      }
    }
    const stored = repository.insert({
      environmentId: request.environmentId,
      serial: head.kind === 'state' ? head.serial : null,
      lineage: head.kind === 'state' ? head.lineage : null,
      encrypted: head.kind === 'encrypted',
      sha256,
      md5,
      body: request.body,
      terraformVersion: head.kind === 'state' ? head.terraformVersion : undefined,
      runId: request.runId,
      source: request.source,
      restoredFrom: request.restoredFrom,
    });
    return { stored };
  }).immediate());
}
