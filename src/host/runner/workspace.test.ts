import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { InitQueue, moduleHash, needsInit, pluginCacheDir, recordInit, workspaceDir, writeRootModule } from './workspace';

const module = (extra: object = {}) =>
  JSON.stringify({ terraform: { required_providers: { aws: { source: 'hashicorp/aws', version: '5.100.0' } }, backend: { http: {} } }, module: { db: { source: '../bundles/db', size: 1, ...extra } } });

describe('workspaces', () => {
  it('one workdir per environment and one plugin cache, under the data dir', () => {
    const data = mkdtempSync(join(tmpdir(), 'driftless-ws-'));
    expect(workspaceDir(data, 'dev')).toBe(join(data, 'workspaces', 'dev'));
    expect(existsSync(pluginCacheDir(data))).toBe(true);
    expect(() => workspaceDir(data, '../etc')).toThrow(/Invalid environment id/);
  });

  it('writes the module fresh: stale generated files removed, .terraform and other files kept', () => {
    const dir = workspaceDir(mkdtempSync(join(tmpdir(), 'driftless-ws-')), 'dev');
    mkdirSync(join(dir, '.terraform'));
    writeFileSync(join(dir, '.terraform.lock.hcl'), '# lock');
    writeRootModule(dir, { 'main.tf.json': module(), 'old.tf.json': '{}' });
    const hash = writeRootModule(dir, { 'main.tf.json': module() });
    expect(readdirSync(dir).sort()).toEqual(['.terraform', '.terraform.lock.hcl', 'main.tf.json']);
    expect(hash).toBe(moduleHash({ 'main.tf.json': module() }));
    expect(hash).not.toBe(moduleHash({ 'main.tf.json': module({ size: 2 }) }));
    expect(() => writeRootModule(dir, { '../escape.tf.json': '{}' })).toThrow(/plain \*\.tf\.json name/);
  });

  it('leaves a file that did not change as it is (no write per command), replaces one that did', () => {
    const dir = workspaceDir(mkdtempSync(join(tmpdir(), 'driftless-ws-')), 'dev');
    writeRootModule(dir, { 'main.tf.json': module(), 'other.tf.json': '{}' });
    const before = { main: statSync(join(dir, 'main.tf.json')).ino, other: statSync(join(dir, 'other.tf.json')).ino };
    writeRootModule(dir, { 'main.tf.json': module(), 'other.tf.json': '{"locals":{}}' });
    expect(statSync(join(dir, 'main.tf.json')).ino).toBe(before.main); // a replacement is a new file (rename)
    expect(statSync(join(dir, 'other.tf.json')).ino).not.toBe(before.other);
    expect(readFileSync(join(dir, 'other.tf.json'), 'utf8')).toBe('{"locals":{}}');
  });

  it('needs init at first, not again for input changes, again when a module source or provider changes', () => {
    const dir = workspaceDir(mkdtempSync(join(tmpdir(), 'driftless-ws-')), 'dev');
    const files = { 'main.tf.json': module() };
    expect(needsInit(dir, files)).toBe(true);
    recordInit(dir, files);
    expect(needsInit(dir, files)).toBe(false);
    expect(needsInit(dir, { 'main.tf.json': module({ size: 5 }) })).toBe(false);
    expect(needsInit(dir, { 'main.tf.json': module({ source: '../bundles/db2' }) })).toBe(true);
    expect(needsInit(dir, { 'main.tf.json': module().replace('5.100.0', '5.99.0') })).toBe(true);
  });

  it('runs inits one at a time, even when one fails', async () => {
    const queue = new InitQueue();
    let running = 0;
    let most = 0;
    const init = (fail: boolean) => async () => {
      running++;
      most = Math.max(most, running);
      await new Promise((resolve) => setTimeout(resolve, 20));
      running--;
      if (fail) throw new Error('init failed');
      return 'ok';
    };
    const results = await Promise.allSettled([queue.run(init(false)), queue.run(init(true)), queue.run(init(false))]);
    expect(results.map((result) => result.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect(most).toBe(1);
  });
});
