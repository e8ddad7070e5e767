import { readdirSync, statSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { CatalogBundle, CatalogSnapshot } from '../../core/bundles/manifest';
import type { Diagnostic } from '../../core/diagnostics';
import { isSymlink } from './bundleFiles';
import { builtinBundlesDir } from './bundlesDir';
import { bundleOriginOf, loadBundle, MANIFEST_FILE, MASSDRIVER_FILE, type ModuleCache } from './loadBundle';
import { loadArtifactTypes } from './loadTypes';

export interface LoadCatalogOptions {
  /** User bundle folders, after the built-in library. */
  dirs: string[];
  /** Leave out the built-in `bundles/` (tests of user folders alone). */
  withoutBuiltin?: boolean;
  /** Parsed modules by content hash; defaults to one cache shared by the process. */
  cache?: ModuleCache;
  /** Forget cached modules no bundle of this load uses (a long-running host whose files change). */
  pruneCache?: boolean;
}

const sharedCache: ModuleCache = new Map();

/** A fresh cache of parsed modules, for callers that want their own (benchmarks, tests). */
export function createModuleCache(): ModuleCache {
  return new Map();
}

function entriesOf(dir: string): string[] {
  try {
    return readdirSync(dir).sort();
  } catch {
    return [];
  }
}

/** Bundle folders under a catalog folder: the folder itself, its children, or versions side by side one level deeper. */
function findBundleFolders(root: string, diagnostics: Diagnostic[]): string[] {
  const names = entriesOf(root);
  if (bundleOriginOf(names)) return [root];
  const found: string[] = [];
  for (const name of names) {
    if (name === 'types' || name.startsWith('.') || name === 'node_modules') continue;
    const path = join(root, name);
    if (isSymlink(path)) {
      diagnostics.push({ severity: 'error', code: 'catalog.symlink', message: `${path} is a symbolic link and is not loaded: bundles may not point outside their catalog folder. Copy the bundle in instead.`, location: { file: path } });
      continue;
    }
    if (!statSync(path, { throwIfNoEntry: false })?.isDirectory()) continue;
    const children = entriesOf(path);
    if (bundleOriginOf(children)) {
      found.push(path);
      continue;
    }
    for (const child of children) {
      const versionDir = join(path, child);
      if (!isSymlink(versionDir) && statSync(versionDir, { throwIfNoEntry: false })?.isDirectory() && bundleOriginOf(entriesOf(versionDir))) found.push(versionDir);
    }
  }
  return found;
}

function manifestPathOf(bundle: CatalogBundle): string {
  if (bundle.origin === 'manifest') return join(bundle.dir, MANIFEST_FILE);
  if (bundle.origin === 'massdriver') return join(bundle.dir, MASSDRIVER_FILE);
  return bundle.dir;
}

/**
 * Loads the bundle catalog: the built-in library plus user folders, each bundle checked against
 * its Terraform module. Never throws for anything on disk: every problem is a diagnostic.
 */
export async function loadCatalog(options: LoadCatalogOptions): Promise<CatalogSnapshot> {
  const cache = options.cache ?? sharedCache;
  const diagnostics: Diagnostic[] = [];
  const roots = [...(options.withoutBuiltin ? [] : [builtinBundlesDir()]), ...options.dirs.map((dir) => resolve(dir))];
  const uniqueRoots = [...new Set(roots)];
  for (const root of uniqueRoots) {
    if (!statSync(root, { throwIfNoEntry: false })?.isDirectory()) {
      diagnostics.push({ severity: 'error', code: 'catalog.missing-folder', message: `Bundle folder ${root} does not exist or is not a folder: create it or remove it from the bundle folders.`, location: { file: root } });
    }
  }
  const { types, diagnostics: typeDiagnostics } = loadArtifactTypes(uniqueRoots);
  diagnostics.push(...typeDiagnostics);
  const bundles: CatalogBundle[] = [];
  const seen = new Map<string, CatalogBundle>();
  for (const root of uniqueRoots) {
    let folders: string[];
    try {
      folders = findBundleFolders(root, diagnostics);
    } catch (error) {
      diagnostics.push({ severity: 'error', code: 'catalog.unreadable', message: `Cannot list ${root}: ${(error as Error).message}. Check its permissions.`, location: { file: root } });
      continue;
    }
    for (const dir of folders) {
      let bundle: CatalogBundle;
      try {
        bundle = await loadBundle(dir, types, cache);
      } catch (error) {
        // A bug of ours must not take the catalog down: report it against the folder.
        diagnostics.push({ severity: 'error', code: 'catalog.internal', message: `Loading ${dir} failed unexpectedly: ${(error as Error).message}. Please report this.`, location: { file: dir } });
        continue;
      }
      for (const diagnostic of bundle.diagnostics) diagnostic.location = { ...diagnostic.location, bundle: bundle.ref };
      const first = seen.get(bundle.ref);
      if (first) {
        diagnostics.push({
          severity: 'error',
          code: 'catalog.duplicate-bundle',
          message: `${bundle.ref} is defined twice: ${manifestPathOf(first)} and ${manifestPathOf(bundle)}. The second is ignored; bump its version or remove one.`,
          location: { file: manifestPathOf(bundle), pointer: bundle.origin === 'manifest' ? '/version' : undefined, bundle: bundle.ref },
        });
        continue;
      }
      seen.set(bundle.ref, bundle);
      bundles.push(bundle);
    }
  }
  if (options.pruneCache) {
    const used = new Set(bundles.map((bundle) => bundle.hash));
    for (const hash of cache.keys()) if (!used.has(hash)) cache.delete(hash);
  }
  bundles.sort((a, b) => a.manifest.name.localeCompare(b.manifest.name) || a.manifest.version.localeCompare(b.manifest.version, undefined, { numeric: true }));
  types.sort((a, b) => a.name.localeCompare(b.name));
  return { bundles, types, diagnostics };
}
