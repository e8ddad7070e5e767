import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Files Driftless generates into a workdir; any other file (and `.terraform/`) is left alone. */
const generated = /\.tf\.json$/;
const fingerprintFile = 'driftless-init.json';

/** The workdir of one environment under the data dir (created on demand). */
export function workspaceDir(dataDir: string, environmentId: string): string {
  if (!/^[A-Za-z0-9_.-]+$/.test(environmentId) || environmentId.startsWith('.')) {
    throw new Error(`Invalid environment id ${JSON.stringify(environmentId)} for a workdir name.`);
  }
  const dir = join(dataDir, 'workspaces', environmentId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  return dir;
}

/** The provider cache shared by every environment (TF_PLUGIN_CACHE_DIR must exist). */
export function pluginCacheDir(dataDir: string): string {
  const dir = join(dataDir, 'plugin-cache');
  mkdirSync(dir, { recursive: true });
  return dir;
}

/** sha256 over file names and contents, in name order: the compiled module's identity for run history. */
export function moduleHash(files: Record<string, string>): string {
  const hash = createHash('sha256');
  for (const name of Object.keys(files).sort()) hash.update(`${name}\0${files[name]}\0`);
  return hash.digest('hex');
}

function sameText(path: string, text: string): boolean {
  try {
    return readFileSync(path, 'utf8') === text;
  } catch {
    return false;
  }
}

/**
 * Writes the compiled root module (`*.tf.json` by name) fresh: each changed file replaced atomically,
 * generated files no longer in the set removed, `.terraform/` and the lock file kept.
 */
export function writeRootModule(dir: string, files: Record<string, string>): string {
  for (const name of Object.keys(files)) {
    if (!generated.test(name) || name.includes('/') || name.includes('\\')) {
      throw new Error(`Generated file ${JSON.stringify(name)} must be a plain *.tf.json name.`);
    }
  }
  for (const entry of readdirSync(dir)) {
    if (generated.test(entry) && !(entry in files)) rmSync(join(dir, entry), { force: true });
  }
  for (const [name, text] of Object.entries(files)) {
    if (sameText(join(dir, name), text)) continue; // unchanged since the last run: no write per command
    const temporary = join(dir, `.${name}.tmp`);
    writeFileSync(temporary, text, { mode: 0o600 });
    renameSync(temporary, join(dir, name));
  }
  return moduleHash(files);
}

type Json = Record<string, unknown>;

/**
 * What `init` depends on: the `terraform` blocks (required providers, backend) and every module
 * call's source and version. Anything else can change without a new init.
 */
export function initFingerprint(files: Record<string, string>): string {
  const parts: unknown[] = [];
  for (const name of Object.keys(files).sort()) {
    let document: Json;
    try {
      document = JSON.parse(files[name]!) as Json;
    } catch {
      parts.push([name, files[name]]); // unreadable: any change re-inits, terraform will say what is wrong
      continue;
    }
    const modules = Object.entries((document.module ?? {}) as Record<string, Json>).map(([call, body]) => [call, body.source, body.version]);
    parts.push([name, document.terraform ?? null, modules]);
  }
  return createHash('sha256').update(JSON.stringify(parts)).digest('hex');
}

/** True when the workdir must be initialised before a run: never initialised, or providers/modules/backend changed. */
export function needsInit(dir: string, files: Record<string, string>): boolean {
  const recorded = join(dir, '.terraform', fingerprintFile);
  if (!existsSync(recorded)) return true;
  try {
    return (JSON.parse(readFileSync(recorded, 'utf8')) as { fingerprint?: string }).fingerprint !== initFingerprint(files);
  } catch {
    return true;
  }
}

/** Records a successful init so the next run with the same providers/modules/backend skips it. */
export function recordInit(dir: string, files: Record<string, string>): void {
  mkdirSync(join(dir, '.terraform'), { recursive: true });
  writeFileSync(join(dir, '.terraform', fingerprintFile), JSON.stringify({ fingerprint: initFingerprint(files), at: new Date().toISOString() }));
}

/** Runs `init`s one at a time: the shared plugin cache is not safe for concurrent inits. */
export class InitQueue {
  private tail: Promise<unknown> = Promise.resolve();

  run<T>(init: () => Promise<T>): Promise<T> {
    const result = this.tail.then(init, init);
    this.tail = result.catch(() => undefined);
    return result;
  }
}
