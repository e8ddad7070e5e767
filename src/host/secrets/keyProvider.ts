import { randomBytes } from 'node:crypto';
import { closeSync, existsSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { join } from 'node:path';

/** Where the 32-byte AES-256-GCM key that encrypts secrets at rest comes from. */
export interface KeyProvider {
  /** The key; created on first use. Throws SecretKeyError when it cannot be had. */
  key(): Buffer;
  /** Where the key is kept, for messages (a path, or the keychain). */
  readonly location?: string;
}

export class SecretKeyError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'SecretKeyError';
  }
}

const KEY_BYTES = 32;

/** Writes `bytes` to a new file of mode 0600; never replaces an existing one. */
function createPrivateFile(path: string, bytes: Buffer): void {
  const fd = openSync(path, 'wx', 0o600);
  try {
    writeSync(fd, bytes);
  } finally {
    closeSync(fd);
  }
}

/**
 * The web shell's and CLI's key: `<dataDir>/secret.key`, 32 random bytes, mode 0600. Losing the
 * file loses the secrets (they must be set again) and the stored terraform state, sealed with it
 * too: back it up with the database. It is never overwritten. A data dir whose key
 * the desktop app keeps (`secret.key.safe`) is refused rather than given a second key: secrets and
 * state sealed with two keys in one database would each be unreadable to the other side.
 */
export function fileKeyProvider(dataDir: string): KeyProvider {
  const path = join(dataDir, 'secret.key');
  let cached: Buffer | undefined;
  return {
    location: path,
    key() {
      if (cached) return cached;
      if (!existsSync(path) && existsSync(join(dataDir, 'secret.key.safe'))) {
        throw new SecretKeyError(
          `${dataDir} belongs to the desktop app: its secret key is in secret.key.safe, which only the app can open (through the system keychain). ` +
            'Open this data dir in the app, or give the web shell and CLI another --data-dir.',
        );
      }
      if (!existsSync(path)) {
        try {
          createPrivateFile(path, randomBytes(KEY_BYTES));
        } catch (error) {
          // Another process may have created it first; read theirs.
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') {
            throw new SecretKeyError(`Cannot create the secret key ${path}: ${(error as Error).message}.`);
          }
        }
      }
      const key = readFileSync(path);
      if (key.length !== KEY_BYTES) {
        throw new SecretKeyError(
          `The secret key ${path} is damaged (${key.length} bytes, expected ${KEY_BYTES}). It was left untouched: ` +
            'restore it from a backup, or move it aside and set the secrets again.',
        );
      }
      if ((statSync(path).mode & 0o077) !== 0) {
        throw new SecretKeyError(`The secret key ${path} is readable by other users. Run "chmod 600 ${path}" and try again.`);
      }
      cached = key;
      return key;
    },
  };
}

/** The part of Electron's `safeStorage` that the desktop key provider needs (main/ passes the real one). */
export interface SafeStorageLike {
  isEncryptionAvailable(): boolean;
  encryptString(plainText: string): Buffer;
  decryptString(encrypted: Buffer): string;
}

/**
 * The desktop app's key: a random key kept in `<dataDir>/secret.key.safe`, itself encrypted by
 * the OS keychain through Electron's safeStorage. main/ supplies `safeStorage` (it cannot be
 * imported outside Electron) and passes this provider to the host instead of the key file.
 * A data dir started by the web shell or CLI keeps its key: `secret.key` is adopted (wrapped by the
 * keychain) instead of a new key that could not open the secrets and state already sealed.
 */
export function safeStorageKeyProvider(safeStorage: SafeStorageLike, dataDir: string): KeyProvider {
  const path = join(dataDir, 'secret.key.safe');
  let cached: Buffer | undefined;
  return {
    location: `${path} (opened by the system keychain)`,
    key() {
      if (cached) return cached;
      if (!safeStorage.isEncryptionAvailable()) {
        throw new SecretKeyError('The system keychain is not available, so secrets cannot be encrypted. Unlock or set up the keychain.');
      }
      if (!existsSync(path)) {
        const adopted = existsSync(join(dataDir, 'secret.key')) ? fileKeyProvider(dataDir).key() : randomBytes(KEY_BYTES);
        try {
          createPrivateFile(path, safeStorage.encryptString(adopted.toString('base64')));
        } catch (error) {
          if ((error as NodeJS.ErrnoException).code !== 'EEXIST') throw new SecretKeyError(`Cannot create ${path}: ${(error as Error).message}.`);
        }
      }
      const key = Buffer.from(safeStorage.decryptString(readFileSync(path)), 'base64');
      if (key.length !== KEY_BYTES) throw new SecretKeyError(`The secret key ${path} is damaged. Move it aside and set the secrets again.`);
      cached = key;
      return key;
    },
  };
}
