import { copyFileSync, existsSync, lstatSync, mkdirSync, readdirSync, readFileSync, realpathSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import type { ModuleSource } from '../../core/compiler/types';

/** Marks a folder written by the compiler, and lists what it wrote, so a recompile removes only its own stale files. */
export const WORKDIR_MARKER = '.driftless-workdir.json';

/** Why a workdir could not be written: a message for the user, never half-written files. */
export class WorkdirError extends Error {
  constructor(
    readonly code: 'workdir-foreign' | 'workdir-symlink' | 'workdir-module-missing',
    message: string,
  ) {
    super(message);
    this.name = 'WorkdirError';
  }
}

interface Marker {
  generator: 'driftless';
  files: string[];
  modules: string[];
}

/** Kept across compiles: terraform's own working data and lock file, and anything the user added. */
const KEPT = new Set(['.terraform', '.terraform.lock.hcl', WORKDIR_MARKER]);

function readMarker(dir: string): Marker | undefined {
  try {
    const marker = JSON.parse(readFileSync(join(dir, WORKDIR_MARKER), 'utf8')) as Marker;
    return marker.generator === 'driftless' ? marker : undefined;
  } catch {
    return undefined;
  }
}

/** Writes a file by rename, so a reader never sees half of it. */
function writeAtomically(path: string, content: string): void {
  mkdirSync(dirname(path), { recursive: true });
  const temporary = `${path}.tmp-${process.pid}`;
  writeFileSync(temporary, content);
  renameSync(temporary, path);
}

function inside(root: string, path: string): boolean {
  return path === root || path.startsWith(root + sep);
}

/** Copies a module folder; a symlink is followed only when its target stays inside the bundle. */
function copyModule(bundleRoot: string, from: string, to: string): void {
  mkdirSync(to, { recursive: true });
  for (const name of readdirSync(from).sort()) {
    if (name === '.terraform' || name.endsWith('.tfstate') || name.endsWith('.tfstate.backup')) continue;
    const source = join(from, name);
    let real = source;
    if (lstatSync(source).isSymbolicLink()) {
      real = realpathSync(source);
      if (!inside(bundleRoot, real)) {
        throw new WorkdirError('workdir-symlink', `${source} is a symbolic link to ${real}, outside its bundle. Bundles are copied whole and self-contained: replace the link with the file itself.`);
      }
    }
    if (statSync(real).isDirectory()) copyModule(bundleRoot, real, join(to, name));
    else copyFileSync(real, join(to, name));
  }
}

/**
 * Writes a compiled root module into `dir`: the files, and a content-addressed copy of each bundle
 * module under `modules/`. Refuses a non-empty folder it did not create; removes the files and
 * modules an earlier compile wrote that are no longer part of the output; keeps `.terraform/`.
 */
export function writeWorkdir(dir: string, compiled: { files: Record<string, string>; moduleSources: ModuleSource[] }): void {
  const root = resolve(dir);
  const existing = existsSync(root) ? readdirSync(root) : [];
  const marker = readMarker(root);
  if (existing.length > 0 && !marker) {
    throw new WorkdirError('workdir-foreign', `${root} is not empty and was not written by driftless compile. Choose an empty or new folder.`);
  }
  mkdirSync(join(root, 'modules'), { recursive: true });

  // Modules first: they are content-addressed, so an existing folder of the same name is the same module.
  for (const source of compiled.moduleSources) {
    const target = join(root, source.to);
    if (!inside(join(root, 'modules'), target)) throw new Error(`module folder ${source.to} is outside modules/`);
    if (existsSync(target)) continue;
    const bundleRoot = realpathSync(source.from);
    const moduleDir = resolve(bundleRoot, source.module);
    if (!inside(bundleRoot, moduleDir) || !existsSync(moduleDir)) {
      throw new WorkdirError('workdir-module-missing', `The module folder "${source.module}" of bundle ${source.bundleRef} is missing or outside ${bundleRoot}. Fix the bundle's module setting.`);
    }
    const staging = `${target}.tmp-${process.pid}`;
    rmSync(staging, { recursive: true, force: true });
    try {
      copyModule(bundleRoot, realpathSync(moduleDir), staging);
      renameSync(staging, target);
    } finally {
      rmSync(staging, { recursive: true, force: true });
    }
  }
  for (const [name, content] of Object.entries(compiled.files)) {
    const path = resolve(root, name);
    if (!inside(root, path) || path === root) throw new Error(`compiled file ${name} is outside the workdir`);
    writeAtomically(path, content);
  }

  const files = Object.keys(compiled.files).sort();
  const modules = compiled.moduleSources.map((source) => relative(join(root, 'modules'), join(root, source.to))).sort();
  for (const stale of marker?.files ?? []) {
    const path = resolve(root, stale);
    if (!files.includes(stale) && !KEPT.has(stale) && inside(root, path) && path !== root) rmSync(path, { force: true });
  }
  for (const name of readdirSync(join(root, 'modules'))) {
    if (!modules.includes(name)) rmSync(join(root, 'modules', name), { recursive: true, force: true });
  }
  const next: Marker = { generator: 'driftless', files, modules };
  writeAtomically(join(root, WORKDIR_MARKER), `${JSON.stringify(next, null, 2)}\n`);
}
