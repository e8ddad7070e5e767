import { statSync } from 'node:fs';
import { resolve } from 'node:path';
import type { OptionSpec } from '../command';

/** `--bundles DIR` (repeatable): bundle folders read besides the built-in library. */
export const bundlesOption: OptionSpec = { type: 'string', multiple: true, description: 'A bundle folder besides the built-in library (repeatable)', valueName: 'DIR' };

/** A `--bundles` folder that is not there: the user's to fix, said in one line. */
export class BundleFolderError extends Error {}

/** The folders given with `--bundles`, in order (none when the option is absent); each must be an existing folder. */
export function bundleFolders(values: Record<string, unknown>): string[] {
  const folders = (values.bundles as string[] | undefined) ?? [];
  for (const folder of folders) {
    if (!statSync(folder, { throwIfNoEntry: false })?.isDirectory()) {
      throw new BundleFolderError(`--bundles ${folder}: there is no folder at ${resolve(folder)}. Give a folder of bundles (each with a bundle.yaml, or a plain Terraform module), or leave the option out.`);
    }
  }
  return folders;
}
