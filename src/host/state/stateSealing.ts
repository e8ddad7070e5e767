import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import type { KeyProvider } from '../secrets/keyProvider';

/** How a row of `state_bodies` holds its bytes (migration 6). */
export const bodyFormat = {
  /** As terraform sent them; only rows written before migration 6, sealed on the host's first open. */
  plain: 0,
  /** AES-256-GCM with a fresh nonce per chunk, bound to its place (see chunkPlace). */
  sealed: 1,
} as const;

/** Where a chunk belongs; bound to its ciphertext as associated data, so chunks cannot be moved, reordered or cut off. */
export interface ChunkPlace {
  environmentId: string;
  version: number;
  seq: number;
  /** The whole body's size: dropping a last chunk and editing the size column both fail. */
  size: number;
}

export interface SealedChunk {
  body: Buffer;
  nonce: Buffer;
  tag: Buffer;
  keyId: string;
}

/** A stored state body that cannot be served: wrong key, or bytes that were altered. Never answered with garbage. */
export class StateBodyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'StateBodyError';
  }
}

const placeOf = (place: ChunkPlace) =>
  Buffer.from(['driftless-state-body', place.environmentId, place.version, place.seq, place.size].join('\u0000'), 'utf8');

/** A short public name of a key (not derivable back to it), stored per chunk so a wrong key is told apart from tampering. */
export function keyIdOf(key: Buffer): string {
  return createHash('sha256').update('driftless state key id\u0000').update(key).digest('hex').slice(0, 16);
}

/** Pieces the cipher works through at a time: small outputs reuse freed memory instead of faulting in fresh megabytes. */
const pieceSize = 65536;

/**
 * Seals and opens state chunks with the secret store's key (fetched on first use, so lock-only
 * use never needs it). Ciphertext and plain text are written piece by piece into buffers the
 * caller owns: allocating a fresh megabyte per chunk doubled the cost of a 10 MB POST here.
 */
export function createStateSealer(keys: KeyProvider) {
  let known: { key: Buffer; id: string } | undefined;
  const current = () => {
    const key = keys.key();
    if (known?.key !== key) known = { key, id: keyIdOf(key) };
    return known;
  };

  return {
    /** Seals `plain` into `scratch` (at least as long); the returned body is a view of it, valid until the next seal into it. */
    seal(plain: Buffer, place: ChunkPlace, scratch: Buffer): SealedChunk {
      const { key, id } = current();
      const nonce = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      cipher.setAAD(placeOf(place));
      let written = 0;
      for (let offset = 0; offset < plain.length; offset += pieceSize) {
        written += cipher.update(plain.subarray(offset, offset + pieceSize)).copy(scratch, written);
      }
      cipher.final(); // GCM emits nothing more
      return { body: scratch.subarray(0, written), nonce, tag: cipher.getAuthTag(), keyId: id };
    },

    /**
     * Opens a sealed chunk into `target` at `offset`; returns the bytes written. Throws
     * StateBodyError naming the cause and the fix (the bytes written so far must then be dropped).
     */
    openInto(sealed: SealedChunk, place: ChunkPlace, target: Buffer, offset: number): number {
      const { key, id } = current();
      const where = `chunk ${place.seq} of state version ${place.version} of "${place.environmentId}"`;
      if (sealed.keyId !== id) {
        throw new StateBodyError(
          `The stored state cannot be decrypted: ${where} was sealed with another secret key (key id ${sealed.keyId}; this Driftless has ${id}${keys.location ? `, from ${keys.location}` : ''}). ` +
            'Put back the secret key this data dir was created with (restore it from a backup), then retry.',
        );
      }
      const damaged = () =>
        new StateBodyError(
          `The stored state cannot be decrypted: ${where} failed its integrity check, so the database row was altered or damaged. ` +
            `Nothing was served. Restore an earlier version (driftless state versions ${place.environmentId}, then driftless state restore), or the database from a backup.`,
        );
      if (offset + sealed.body.length > target.length) throw damaged();
      let written = 0;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
        decipher.setAAD(placeOf(place));
        decipher.setAuthTag(sealed.tag);
        for (let index = 0; index < sealed.body.length; index += pieceSize) {
          written += decipher.update(sealed.body.subarray(index, index + pieceSize)).copy(target, offset + written);
        }
        decipher.final();
      } catch {
        throw damaged();
      }
      return written;
    },
  };
}

export type StateSealer = ReturnType<typeof createStateSealer>;
