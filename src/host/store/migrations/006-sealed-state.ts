import type { Migration } from './index';

/**
 * State bodies sealed at rest (AES-256-GCM with the secret store's key): terraform state holds
 * sensitive values in clear. Each chunk gets its nonce, tag and the id of the key that sealed it.
 *
 * A migration has no key (openDatabase runs it before any key provider exists), so it only adds
 * the columns: existing rows keep `format` 0 (plain) and the host seals
 * them on its first open with the key (stateRepository.sealPlain). The partial index makes
 * "any plain rows left?" one lookup instead of a walk over every multi-megabyte row.
 */
export const sealedStateMigration: Migration = {
  version: 6,
  name: 'sealed-state',
  up(db) {
    db.exec(`
      ALTER TABLE state_bodies ADD COLUMN format INTEGER NOT NULL DEFAULT 0; -- 0 plain (before this migration), 1 AES-256-GCM
      ALTER TABLE state_bodies ADD COLUMN nonce BLOB;
      ALTER TABLE state_bodies ADD COLUMN tag BLOB;
      ALTER TABLE state_bodies ADD COLUMN key_id TEXT;
      CREATE INDEX state_bodies_plain ON state_bodies (version_id) WHERE format = 0;
    `);
  },
};
