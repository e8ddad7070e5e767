import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * The built-in bundle library: `bundles/` at the package root. Found by walking up from this file
 * to Driftless's package.json, so it works from src/ (tsx, vitest) and from a bundled build.
 */
export function builtinBundlesDir(from = fileURLToPath(import.meta.url)): string {
  let dir = dirname(from);
  for (;;) {
    const manifest = join(dir, 'package.json');
    if (existsSync(manifest) && existsSync(join(dir, 'bundles'))) {
      try {
        if ((JSON.parse(readFileSync(manifest, 'utf8')) as { name?: string }).name === 'driftless') return join(dir, 'bundles');
      } catch {
        // An unreadable package.json is not ours: keep walking up.
      }
    }
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`the built-in bundles folder was not found above ${from}`);
    dir = parent;
  }
}
