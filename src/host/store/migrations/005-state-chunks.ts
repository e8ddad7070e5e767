import type { Migration } from './index';

/** Size of one stored piece of a state body; the state backend writes and streams bodies in these. */
export const stateChunkSize = 1048576;

/**
 * State bodies split into 1 MiB rows (`seq` 0, 1, 2…): SQLite writes and reads many medium rows
 * faster than one multi-megabyte overflow chain, and GET streams a body row by row so the first
 * byte goes out before the last is read. The table keeps its name, so whatever protects
 * `state_bodies` (the query console refuses to read it) still covers it. Old bodies are split here.
 */
export const stateChunksMigration: Migration = {
  version: 5,
  name: 'state-chunks',
  up(db) {
    db.exec(`
      ALTER TABLE state_bodies RENAME TO state_bodies_whole;
      CREATE TABLE state_bodies (
        version_id INTEGER NOT NULL REFERENCES state_versions (id) ON DELETE CASCADE,
        seq INTEGER NOT NULL,               -- 0, 1, 2…: the body is the concatenation in this order
        body BLOB NOT NULL,
        PRIMARY KEY (version_id, seq)
      );
      WITH RECURSIVE pieces (version_id, seq) AS (
        SELECT version_id, 0 FROM state_bodies_whole
        UNION ALL
        SELECT pieces.version_id, pieces.seq + 1 FROM pieces JOIN state_bodies_whole USING (version_id)
        WHERE (pieces.seq + 1) * ${stateChunkSize} < length(state_bodies_whole.body)
      )
      INSERT INTO state_bodies (version_id, seq, body)
        SELECT version_id, seq, substr(body, seq * ${stateChunkSize} + 1, ${stateChunkSize}) FROM pieces JOIN state_bodies_whole USING (version_id);
      DROP TABLE state_bodies_whole;
    `);
  },
};
