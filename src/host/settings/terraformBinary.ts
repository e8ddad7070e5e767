import { existsSync } from 'node:fs';
import type { HostDatabase } from '../store/hostDatabase';

const settingKey = 'terraform.binary';

/** Where the terraform (or tofu) a run uses comes from: a launch override, the saved setting, else PATH. */
export interface TerraformBinarySetting {
  /** The name or path runs use now. */
  current(): string;
  /** The launch override (host option or DRIFTLESS_TERRAFORM), which the saved setting cannot beat. */
  readonly override?: string;
  /** Saves a path (or clears it with null: back to `terraform` on PATH). */
  save(path: string | null): void;
}

/** Reads and writes the chosen binary in the settings table, so it survives restarts. */
export function createTerraformBinarySetting(database: HostDatabase, override?: string): TerraformBinarySetting {
  const saved = (): string | undefined => {
    if (!database.isOpen && !existsSync(database.path)) return undefined; // `driftless info` creates no database
    const row = database.get().prepare('SELECT value_json FROM settings WHERE key = ?').get(settingKey) as { value_json: string } | undefined;
    if (!row) return undefined;
    const value = JSON.parse(row.value_json) as { path?: unknown };
    return typeof value.path === 'string' && value.path.length > 0 ? value.path : undefined;
  };
  return {
    override,
    current: () => override ?? saved() ?? 'terraform',
    save(path) {
      const db = database.get();
      if (path === null) db.prepare('DELETE FROM settings WHERE key = ?').run(settingKey);
      else {
        db.prepare('INSERT INTO settings (key, value_json) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value_json = excluded.value_json')
          .run(settingKey, JSON.stringify({ path }));
      }
    },
  };
}
