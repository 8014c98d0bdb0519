import type { Migration } from '../../migrate';
import { sampleClock } from '../../sop-clock';
import { shownOrder, trustedOrder } from '../../store/stored-json';

/**
 * Working copy v4: the worklist's SOP clock (step, when it started, when it is due) and the count
 * of changes held back behind a rejection, per sample; the clock is filled from the orders there.
 * The blocked counts start at 0: the outbox is another file, and the first start after this
 * migration recomputes every order with blocked changes (LocalStore.recover).
 */
export const m004WorklistClock: Migration = {
  version: 4,
  name: 'worklist-clock',
  up(db) {
    db.exec(`
      ALTER TABLE samples ADD COLUMN step INTEGER;
      ALTER TABLE samples ADD COLUMN step_started_at TEXT;
      ALTER TABLE samples ADD COLUMN due_at TEXT;
      ALTER TABLE samples ADD COLUMN blocked_commands INTEGER NOT NULL DEFAULT 0;
      CREATE INDEX samples_due ON samples (due_at);
    `);
    const set = db.prepare(
      'UPDATE samples SET step = ?, step_started_at = ?, due_at = ? WHERE id = ? AND order_id = ?',
    );
    for (const r of db.prepare('SELECT id, base_json, local_json FROM orders').all() as {
      id: string;
      base_json: string;
      local_json: string | null;
    }[]) {
      // An unreadable row stops the migration with a StoredRowError: the workspace takes it as
      // damage of the working copy (moved aside, rebuilt from the server, outbox untouched).
      const order = shownOrder(r, trustedOrder);
      for (const s of order.samples) {
        const c = sampleClock(order, s);
        set.run(c.step, c.startedAt, c.dueAt, s.id, order.id);
      }
    }
  },
};
