import { accessSync, constants, mkdirSync, statSync } from 'node:fs';
import { homedir } from 'node:os';
import { join, resolve } from 'node:path';

/** The data dir of the web shell and CLI: flag, then DRIFTLESS_DATA_DIR, then ~/.driftless. */
export function resolveDataDir(flag: string | undefined, env: NodeJS.ProcessEnv = process.env): string {
  return resolve(flag ?? env.DRIFTLESS_DATA_DIR ?? join(homedir(), '.driftless'));
}

export class DataDirError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DataDirError';
  }
}

/** Creates the data dir (mode 0700: it will hold state and secrets) and proves it is writable. */
export function ensureDataDir(path: string): string {
  try {
    mkdirSync(path, { recursive: true, mode: 0o700 });
  } catch (error) {
    throw new DataDirError(
      `Cannot create the data directory ${path}: ${(error as Error).message}. ` +
        'Choose another with --data-dir or DRIFTLESS_DATA_DIR.',
    );
  }
  if (!statSync(path).isDirectory()) {
    throw new DataDirError(`The data directory ${path} is not a directory. Choose another with --data-dir.`);
  }
  try {
    accessSync(path, constants.W_OK | constants.R_OK);
  } catch {
    throw new DataDirError(
      `The data directory ${path} is not writable by this user. Fix its permissions or choose another with --data-dir.`,
    );
  }
  return path;
}
