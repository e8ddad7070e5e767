import type { StateVersion } from './stateRepository';

/** Bodies kept in memory, in all; a larger one is never cached (read from the database each time). */
export const latestBodiesBudget = 256 * 1024 * 1024;

/**
 * The opened latest body of each environment, so GET answers from memory without decrypting.
 * An entry is served only while it matches the stored latest version (row id and SHA-256), so a
 * write by another process, a restore, or a rolled-back insert is never answered from here.
 * Least recently used environments go first when the budget is exceeded.
 */
export function createLatestBodies(budget = latestBodiesBudget) {
  const entries = new Map<string, { id: number; sha256: string; body: Buffer }>();
  let bytes = 0;

  const forget = (environmentId: string) => {
    const entry = entries.get(environmentId);
    if (!entry) return;
    bytes -= entry.body.length;
    entries.delete(environmentId);
  };

  return {
    get(environmentId: string, version: StateVersion): Buffer | undefined {
      const entry = entries.get(environmentId);
      if (!entry || entry.id !== version.id || entry.sha256 !== version.sha256) return undefined;
      entries.delete(environmentId); // most recently used last
      entries.set(environmentId, entry);
      return entry.body;
    },
    set(environmentId: string, version: StateVersion, body: Buffer): void {
      forget(environmentId);
      if (body.length > budget) return;
      entries.set(environmentId, { id: version.id, sha256: version.sha256, body });
      bytes += body.length;
      for (const oldest of entries.keys()) {
        if (bytes <= budget) break;
        forget(oldest);
      }
    },
    get bytes() {
      return bytes;
    },
  };
}
