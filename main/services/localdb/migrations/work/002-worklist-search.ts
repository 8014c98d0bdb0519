import type { Migration } from '../../migrate';

/**
 * Working copy v2: a search column on the worklist (order number, sample number, sample type and
 * the customer's label, lower-cased), filled for the rows already there.
 */
export const m002WorklistSearch: Migration = {
  version: 2,
  name: 'worklist-search',
  up(db) {
    db.exec(`
      ALTER TABLE samples ADD COLUMN search TEXT NOT NULL DEFAULT '';
      UPDATE samples SET search = lower(
        coalesce(order_number, '') || ' ' || coalesce(sample_number, '') || ' ' || sample_type_name || ' ' || customer_label
      );
    `);
  },
};
