import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyProvider, safeStorageKeyProvider, type SafeStorageLike } from './keyProvider';

const safeStorage: SafeStorageLike = {
  isEncryptionAvailable: () => true,
  encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
  decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
};

describe('one key per data dir, whichever shell opens it', () => {
  it('the desktop app adopts the key file of a data dir the web shell or CLI started', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-adopt-'));
    const fileKey = fileKeyProvider(dataDir).key();
    const appKey = safeStorageKeyProvider(safeStorage, dataDir).key();
    expect(appKey.equals(fileKey)).toBe(true);
    expect(existsSync(join(dataDir, 'secret.key.safe'))).toBe(true);
    expect(readFileSync(join(dataDir, 'secret.key')).equals(fileKey)).toBe(true); // left in place
  });

  it("the web shell and CLI refuse a data dir whose key the desktop app keeps, instead of making a second key", () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-app-dir-'));
    safeStorageKeyProvider(safeStorage, dataDir).key();
    expect(() => fileKeyProvider(dataDir).key()).toThrow(/belongs to the desktop app: its secret key is in secret.key.safe.*another --data-dir/);
    expect(existsSync(join(dataDir, 'secret.key'))).toBe(false);
  });
});
