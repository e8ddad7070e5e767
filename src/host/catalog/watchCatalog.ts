import { watch, type FSWatcher } from 'node:fs';

export interface CatalogWatcher {
  close(): void;
}

/**
 * Calls `onChange` once after files under any of `dirs` stop changing for `debounceMs`. Folders that
 * do not exist (yet) are skipped; a watcher error closes that watcher and leaves the others running.
 */
export function watchCatalog(dirs: readonly string[], onChange: () => void, debounceMs = 200): CatalogWatcher {
  let timer: NodeJS.Timeout | undefined;
  const schedule = () => {
    if (timer) clearTimeout(timer);
    timer = setTimeout(() => {
      timer = undefined;
      onChange();
    }, debounceMs);
  };
  const watchers: FSWatcher[] = [];
  for (const dir of dirs) {
    try {
      const watcher = watch(dir, { recursive: true, persistent: false }, (_event, name) => {
        // Terraform's own working files must not trigger reloads of a bundle being validated in place.
        if (typeof name === 'string' && /(^|\/)\.terraform(\/|$)|\.tfstate/.test(name)) return;
        schedule();
      });
      watcher.on('error', () => watcher.close());
      watchers.push(watcher);
    } catch {
      // A missing folder is reported by loadCatalog as a diagnostic; nothing to watch.
    }
  }
  return {
    close() {
      if (timer) clearTimeout(timer);
      for (const watcher of watchers) watcher.close();
    },
  };
}
