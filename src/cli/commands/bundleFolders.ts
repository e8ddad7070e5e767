import type { OptionSpec } from '../command';

/** `--bundles DIR` (repeatable): bundle folders read besides the built-in library. */
export const bundlesOption: OptionSpec = { type: 'string', multiple: true, description: 'A bundle folder besides the built-in library (repeatable)', valueName: 'DIR' };

/** The folders given with `--bundles`, in order (none when the option is absent). */
export function bundleFolders(values: Record<string, unknown>): string[] {
  return (values.bundles as string[] | undefined) ?? [];
}
