import type { Database } from 'better-sqlite3';
import { attributeValuesSql } from '../store/migrations/007-inventory-search';

const pendingOnly = 'WHERE environment_id IN (SELECT environment_id FROM resources_text_pending)';

/**
 * Brings the inventory's full-text index (`resources_text`, migration 7) up to the `resources`
 * table before it is read: the environments whose inventory was written since (noted by a trigger
 * in `resources_text_pending`) are dropped from the index and indexed again, in one transaction.
 * When the row counts disagree all the same (a writer that skipped the inventory status), the
 * whole index is rebuilt. Returns how many rows it indexed (0 = already in step, two cheap queries).
 */
export function catchUpFullText(db: Database): number {
  const pending = db.prepare('SELECT count(*) FROM resources_text_pending').pluck();
  const inStep = db.prepare('SELECT (SELECT count(*) FROM resources) = (SELECT count(*) FROM resources_text_rows)').pluck();
  if (pending.get() === 0 && inStep.get() === 1) return 0;

  const index = (where: string): number => {
    db.prepare(`INSERT INTO resources_text (rowid, type, address, resource_id, attribute_values)
      SELECT id, type, address, resource_id, ${attributeValuesSql('attributes')} FROM resources ${where}`).run();
    return db.prepare(`INSERT INTO resources_text_rows (id, environment_id) SELECT id, environment_id FROM resources ${where}`).run().changes;
  };
  const rebuild = (): number => {
    db.exec("INSERT INTO resources_text (resources_text) VALUES ('delete-all'); DELETE FROM resources_text_rows;");
    return index('');
  };

  return db
    .transaction(() => {
      // Looked at again inside the write transaction: another connection may have caught up meanwhile.
      if (pending.get() === 0 && inStep.get() === 1) return 0;
      let indexed: number;
      try {
        db.exec(`DELETE FROM resources_text WHERE rowid IN (SELECT id FROM resources_text_rows ${pendingOnly});
          DELETE FROM resources_text_rows ${pendingOnly};`);
        indexed = index(pendingOnly);
        if (inStep.get() !== 1) indexed = rebuild();
      } catch (error) {
        // A row id still listed under an environment not noted as written: that writer skipped the status too.
        if (!(error as Error).message.includes('UNIQUE')) throw error;
        indexed = rebuild();
      }
      db.exec('DELETE FROM resources_text_pending');
      return indexed;
    })
    .immediate();
}
