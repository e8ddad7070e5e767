import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export interface Sealed {
  ciphertext: Buffer;
  nonce: Buffer;
  tag: Buffer;
}

/**
 * AES-256-GCM with a fresh 96-bit nonce. `context` (project, environment, node, param) is bound
 * as associated data, so a ciphertext copied to another slot does not decrypt.
 */
export function seal(key: Buffer, plainText: string, context: string): Sealed {
  return sealBytes(key, Buffer.from(plainText, 'utf8'), context);
}

/** The plain text of a sealed value; throws when the key, the context or the bytes differ. */
export function open(key: Buffer, sealed: Sealed, context: string): string {
  return openBytes(key, sealed, context).toString('utf8');
}

/** `seal` for bytes that are not text (saved plan files). */
export function sealBytes(key: Buffer, plain: Buffer, context: string): Sealed {
  const nonce = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, nonce);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const ciphertext = Buffer.concat([cipher.update(plain), cipher.final()]);
  return { ciphertext, nonce, tag: cipher.getAuthTag() };
}

/** `open` for bytes; throws when the key, the context or the bytes differ. */
export function openBytes(key: Buffer, sealed: Sealed, context: string): Buffer {
  const decipher = createDecipheriv('aes-256-gcm', key, sealed.nonce);
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(sealed.tag);
  return Buffer.concat([decipher.update(sealed.ciphertext), decipher.final()]);
}
