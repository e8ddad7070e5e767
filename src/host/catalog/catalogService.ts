import { stringify } from 'yaml';
import { ApiFailure } from '../../core/api/errors';
import { manifestDocument } from '../../core/bundles/deriveManifest';
import type { CatalogSnapshot } from '../../core/bundles/manifest';
import { builtinBundlesDir } from './bundlesDir';
import { createModuleCache, loadCatalog } from './loadCatalog';
import { watchCatalog, type CatalogWatcher } from './watchCatalog';

export interface CatalogServiceOptions {
  /** User bundle folders, after the built-in library. */
  dirs: string[];
  /** Watch the folders and reload on change (off for one-shot CLI use). */
  watch?: boolean;
  onChanged?: (snapshot: CatalogSnapshot) => void;
  debounceMs?: number;
}

export interface CatalogService {
  /** The catalog, loaded on first use and then kept until files change. */
  list(): Promise<CatalogSnapshot>;
  /** Loads again from disk (parsing only bundles whose content hash changed). */
  reload(): Promise<CatalogSnapshot>;
  /** The manifest of `name@version` as bundle.yaml text. */
  manifestYaml(ref: string): Promise<{ ref: string; yaml: string }>;
  close(): void;
}

/** The host's bundle catalog: lazy, cached, and reloaded when its folders change on disk. */
export function createCatalogService(options: CatalogServiceOptions): CatalogService {
  const cache = createModuleCache();
  let current: Promise<CatalogSnapshot> | undefined;
  let watcher: CatalogWatcher | undefined;
  let closed = false;

  const load = () => loadCatalog({ dirs: options.dirs, cache, pruneCache: true });
  const reload = async () => {
    const next = load();
    current = next;
    const snapshot = await next;
    return snapshot;
  };
  const startWatching = () => {
    if (!options.watch || watcher || closed) return;
    watcher = watchCatalog([builtinBundlesDir(), ...options.dirs], () => {
      void reload().then((snapshot) => {
        if (!closed) options.onChanged?.(snapshot);
      });
    }, options.debounceMs);
  };
  const list = () => {
    if (!current) {
      current = load();
      startWatching();
    }
    return current;
  };
  return {
    list,
    reload,
    async manifestYaml(ref) {
      const snapshot = await list();
      const bundle = snapshot.bundles.find((candidate) => candidate.ref === ref);
      if (!bundle) throw new ApiFailure('not_found', `No bundle ${ref} in the catalog. Run "driftless bundles" to see name@version of each.`);
      return { ref, yaml: stringify(manifestDocument(bundle.manifest), { lineWidth: 0 }) };
    },
    close() {
      closed = true;
      watcher?.close();
    },
  };
}
