import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { fileKeyProvider } from '../secrets/keyProvider';
import { PlanFileError, PlanFiles } from './planFiles';

function setup() {
  const dataDir = mkdtempSync(join(tmpdir(), 'driftless-planfiles-'));
  const workdir = join(dataDir, 'workspaces', 'env-a');
  mkdirSync(workdir, { recursive: true });
  return { dataDir, workdir, files: new PlanFiles(dataDir, fileKeyProvider(dataDir)) };
}

describe('saved plan files', () => {
  it('seal deletes the clear plan and keeps no plain byte of it; unseal gives the same bytes back, 0600', () => {
    const { workdir, files } = setup();
    const plan = Buffer.concat([Buffer.from('PK\x03\x04 TF_VAR_password=canary-9c1d '), randomBytes(4096)]);
    const clear = files.clearPath(workdir, 'run-1');
    files.prepare(clear);
    writeFileSync(clear, plan);
    const sealed = files.seal('run-1', clear);
    expect(existsSync(clear)).toBe(false);
    expect(statSync(sealed).mode & 0o777).toBe(0o600);
    expect(readFileSync(sealed).includes(Buffer.from('canary-9c1d'))).toBe(false);
    files.unseal('run-1', sealed, clear);
    expect(readFileSync(clear).equals(plan)).toBe(true);
    expect(statSync(clear).mode & 0o777).toBe(0o600);
  });

  it('a sealed plan moved to another run, altered, or damaged is refused with what to do', () => {
    const { dataDir, workdir, files } = setup();
    const clear = files.clearPath(workdir, 'run-1');
    files.prepare(clear);
    writeFileSync(clear, 'plan bytes');
    const sealed = files.seal('run-1', clear);
    renameSync(sealed, files.sealedPath('run-2'));
    expect(() => files.unseal('run-2', files.sealedPath('run-2'), files.clearPath(workdir, 'run-2'))).toThrow(/cannot be decrypted.*Plan again/);
    const bytes = readFileSync(files.sealedPath('run-2'));
    bytes[bytes.length - 1]! ^= 1;
    writeFileSync(files.sealedPath('run-1'), bytes);
    expect(() => files.unseal('run-1', files.sealedPath('run-1'), clear)).toThrow(PlanFileError);
    writeFileSync(files.sealedPath('run-3'), 'not a sealed plan');
    expect(() => files.unseal('run-3', files.sealedPath('run-3'), clear)).toThrow(/damaged; plan again/);
    expect(() => files.unseal('run-4', files.sealedPath('run-4'), clear)).toThrow(/gone; plan again/);
    expect(existsSync(clear)).toBe(false);
    expect(readdirSync(join(dataDir, 'plans')).every((name) => name.endsWith('.sealed'))).toBe(true);
  });

  it('prune keeps the plans in use and deletes the rest, clear leftovers included', () => {
    const { dataDir, workdir, files } = setup();
    for (const id of ['kept', 'unused']) {
      const clear = files.clearPath(workdir, id);
      files.prepare(clear);
      writeFileSync(clear, id);
      files.seal(id, clear);
    }
    writeFileSync(join(dataDir, 'plans', 'old.tfplan'), 'a clear plan of an older version');
    writeFileSync(files.clearPath(workdir, 'crashed'), 'left by a crash');
    const removed = files.prune((id) => id === 'kept');
    expect(readdirSync(join(dataDir, 'plans'))).toEqual(['kept.tfplan.sealed']);
    expect(existsSync(files.clearPath(workdir, 'crashed'))).toBe(false);
    expect(removed).toHaveLength(3);
  });
});
