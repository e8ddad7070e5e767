import { createHash } from 'node:crypto';
import { lstatSync, readdirSync, readFileSync } from 'node:fs';
import { isAbsolute, join, normalize, sep } from 'node:path';
import type { Diagnostic } from '../../core/diagnostics';

/** Folders that are never part of a bundle: terraform's working data and VCS metadata. */
const IGNORED = new Set(['.terraform', '.git', 'node_modules']);

/** The regular files of a bundle folder, relative with forward slashes, sorted; symlinks are refused. */
export interface BundleFiles {
  dir: string;
  /** Relative path → content. */
  contents: Map<string, string>;
  diagnostics: Diagnostic[];
}

function isIgnoredFile(name: string): boolean {
  return name.endsWith('.tfstate') || name.endsWith('.tfstate.backup') || name === '.terraform.lock.hcl';
}

/** Reads every file of a bundle folder. A symlink is a diagnostic, never followed: a bundle must not reach outside its folder. */
export function readBundleFiles(dir: string): BundleFiles {
  const contents = new Map<string, string>();
  const diagnostics: Diagnostic[] = [];
  const walk = (relativeDir: string) => {
    let entries;
    try {
      entries = readdirSync(join(dir, relativeDir), { withFileTypes: true });
    } catch (error) {
      diagnostics.push({ severity: 'error', code: 'bundle.unreadable', message: `Cannot read ${relativeDir || 'the bundle folder'}: ${(error as Error).message}. Check its permissions.`, location: { file: relativeDir || '.' } });
      return;
    }
    for (const entry of entries.sort((a, b) => a.name.localeCompare(b.name))) {
      const path = relativeDir ? `${relativeDir}/${entry.name}` : entry.name;
      if (entry.isSymbolicLink()) {
        diagnostics.push({ severity: 'error', code: 'bundle.symlink', message: `${path} is a symbolic link; bundles may not link outside their folder. Replace it with a copy of the file.`, location: { file: path } });
      } else if (entry.isDirectory()) {
        if (!IGNORED.has(entry.name)) walk(path);
      } else if (entry.isFile() && !isIgnoredFile(entry.name)) {
        try {
          contents.set(path, readFileSync(join(dir, path), 'utf8'));
        } catch (error) {
          diagnostics.push({ severity: 'error', code: 'bundle.unreadable', message: `Cannot read ${path}: ${(error as Error).message}. Check its permissions.`, location: { file: path } });
        }
      }
    }
  };
  walk('');
  return { dir, contents, diagnostics };
}

/** sha256 over every file's path and content, in sorted path order: the identity of a bundle version. */
export function contentHash(contents: ReadonlyMap<string, string>): string {
  const hash = createHash('sha256');
  for (const path of [...contents.keys()].sort()) {
    hash.update(path).update('\0').update(contents.get(path)!).update('\0');
  }
  return `sha256:${hash.digest('hex')}`;
}

/** A path named in a manifest, made relative to the bundle folder; undefined when it leaves the folder. */
export function insideBundle(path: string): string | undefined {
  if (isAbsolute(path)) return undefined;
  const normalized = normalize(path).split(sep).join('/').replace(/\/+$/, '');
  if (normalized === '..' || normalized.startsWith('../')) return undefined;
  return normalized === '' ? '.' : normalized;
}

/** True when the folder itself (not following links) is a symlink. */
export function isSymlink(path: string): boolean {
  try {
    return lstatSync(path).isSymbolicLink();
  } catch {
    return false;
  }
}

/** The files of `contents` directly in `moduleDir` (Terraform reads no subfolders) ending in .tf. */
export function terraformFilesIn(contents: ReadonlyMap<string, string>, moduleDir: string): string[] {
  const prefix = moduleDir === '.' ? '' : `${moduleDir}/`;
  return [...contents.keys()].filter((path) => path.startsWith(prefix) && path.endsWith('.tf') && !path.slice(prefix.length).includes('/')).sort();
}
