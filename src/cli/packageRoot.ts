import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

/** The folder of Driftless's package.json, wherever the CLI was started from. */
export const packageRoot = fileURLToPath(new URL('../../', import.meta.url));

/** Driftless's version, from package.json. */
export function packageVersion(): string {
  return (JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string }).version;
}
