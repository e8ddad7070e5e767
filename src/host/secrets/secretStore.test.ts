import { mkdtempSync, readFileSync, statSync, writeFileSync, existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { generateProject } from '../../core/diagram/generateProject';
import { SECRET_SET } from '../../core/model/diagram';
import { createProjectRepository } from '../projects/projectRepository';
import { openDatabase } from '../store/openDatabase';
import { fileKeyProvider, safeStorageKeyProvider, type SafeStorageLike } from './keyProvider';
import { createSecretStore, secretKey, secretVariableName } from './secretStore';

const CANARY = 'canary-7f3e9a1c-do-not-leak';

function setup(env: NodeJS.ProcessEnv = {}) {
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-secrets-'));
  const db = openDatabase(join(dataDir, 'driftless.db'));
  const projects = createProjectRepository({ db });
  const project = { ...generateProject(20, 25), id: 'p1', name: 'shop' };
  projects.insert(project);
  const secrets = createSecretStore({ db, projects, keys: fileKeyProvider(dataDir), env });
  return { dataDir, db, projects, secrets };
}

describe('secret store', () => {
  it('encrypts at rest: the value is in neither the database file nor its WAL, and resolves for a run', () => {
    const { dataDir, db, projects, secrets } = setup();
    secrets.set({ projectId: 'p1', nodeId: 'n4', param: 'password' }, CANARY);
    expect(projects.load('p1')!.diagram.nodes[4]!.params.password).toEqual(SECRET_SET);
    expect(secrets.resolveSecrets('p1', 'env-dev').get(secretKey('n4', 'password'))).toBe(CANARY);
    for (const file of ['driftless.db', 'driftless.db-wal']) {
      const bytes = readFileSync(join(dataDir, file));
      expect(bytes.includes(Buffer.from(CANARY))).toBe(false);
    }
    const logged = db.prepare('SELECT edit_json, inverse_json FROM edit_log').all();
    expect(JSON.stringify(logged)).not.toContain(CANARY);
    db.close();
    for (const file of ['driftless.db']) expect(readFileSync(join(dataDir, file)).includes(Buffer.from(CANARY))).toBe(false);
  });

  it('creates the key file 0600 with 32 bytes and reuses it', () => {
    const { dataDir, secrets, db } = setup();
    secrets.set({ projectId: 'p1', nodeId: 'n4', param: 'password' }, 'one');
    const path = join(dataDir, 'secret.key');
    expect(statSync(path).mode & 0o777).toBe(0o600);
    expect(readFileSync(path).length).toBe(32);
    const again = fileKeyProvider(dataDir).key();
    expect(again.equals(readFileSync(path))).toBe(true);
    db.close();
  });

  it('refuses a damaged key file and leaves it untouched', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-key-'));
    writeFileSync(join(dataDir, 'secret.key'), 'short', { mode: 0o600 });
    expect(() => fileKeyProvider(dataDir).key()).toThrow(/damaged \(5 bytes, expected 32\)/);
    expect(readFileSync(join(dataDir, 'secret.key'), 'utf8')).toBe('short');
  });

  it('replaces and clears a value; an environment value wins over the project one; a variable wins over both', () => {
    const { db, projects, secrets } = setup({ [secretVariableName('service_6', 'token')]: 'from-ci' });
    secrets.set({ projectId: 'p1', nodeId: 'n5', param: 'password' }, 'first');
    secrets.set({ projectId: 'p1', nodeId: 'n5', param: 'password' }, 'second');
    secrets.set({ projectId: 'p1', nodeId: 'n5', param: 'password', environmentId: 'env-prod' }, 'prod-only');
    expect(secrets.resolveSecrets('p1', 'env-dev').get(secretKey('n5', 'password'))).toBe('second');
    expect(secrets.resolveSecrets('p1', 'env-prod').get(secretKey('n5', 'password'))).toBe('prod-only');

    secrets.set({ projectId: 'p1', nodeId: 'n6', param: 'token' }, 'stored');
    expect(secrets.resolveSecrets('p1', 'env-dev').get(secretKey('n6', 'token'))).toBe('from-ci');

    secrets.clear({ projectId: 'p1', nodeId: 'n5', param: 'password' });
    expect(projects.load('p1')!.diagram.nodes[5]!.params.password).toBeUndefined();
    expect(secrets.resolveSecrets('p1', 'env-dev').has(secretKey('n5', 'password'))).toBe(false);
    expect(secrets.resolveSecrets('p1', 'env-prod').get(secretKey('n5', 'password'))).toBe('prod-only');
    db.close();
  });

  it('names CI variables by node name and param, uppercased, other characters as _', () => {
    expect(secretVariableName('main-db', 'password')).toBe('DRIFTLESS_SECRET_MAIN_DB_PASSWORD');
    expect(secretVariableName('api_1', 'api.key')).toBe('DRIFTLESS_SECRET_API_1_API_KEY');
  });

  it('a ciphertext moved to another slot does not decrypt', () => {
    const { db, secrets } = setup();
    secrets.set({ projectId: 'p1', nodeId: 'n5', param: 'password' }, 'secret-a');
    db.prepare("UPDATE secrets SET node_id = 'n7'").run();
    const projects = createProjectRepository({ db });
    const fresh = createSecretStore({ db, projects, keys: fileKeyProvider(join(db.name, '..')), env: {} });
    expect(() => fresh.resolveSecrets('p1', 'env-dev')).toThrow(/cannot be decrypted/);
    db.close();
  });

  it('keeps the desktop key encrypted by the OS keychain (safeStorage)', () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'driftless-safe-'));
    const safeStorage: SafeStorageLike = {
      isEncryptionAvailable: () => true,
      encryptString: (text) => Buffer.from(text, 'utf8').reverse(),
      decryptString: (bytes) => Buffer.from(bytes).reverse().toString('utf8'),
    };
    const key = safeStorageKeyProvider(safeStorage, dataDir).key();
    expect(key.length).toBe(32);
    expect(existsSync(join(dataDir, 'secret.key.safe'))).toBe(true);
    expect(safeStorageKeyProvider(safeStorage, dataDir).key().equals(key)).toBe(true);
    expect(() => safeStorageKeyProvider({ ...safeStorage, isEncryptionAvailable: () => false }, mkdtempSync(join(tmpdir(), 'x-'))).key()).toThrow(/keychain/);
  });
});
