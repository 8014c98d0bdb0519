import type { Migration } from '../../migrate';
import { ORDERS_V1_COLUMNS } from './001-initial';

/**
 * Working copy v3: `orders` rebuilt as an ordinary rowid table. Its rows carry two JSON documents
 * of several kilobytes (base and local view); in a WITHOUT ROWID table every such row lives in the
 * primary-key b-tree itself, so each local action rewrote more pages than it needed. Rows, columns
 * and the local-view index are kept.
 */
export const m003OrdersRowid: Migration = {
  version: 3,
  name: 'orders-rowid',
  up(db) {
    db.exec(`
      CREATE TABLE orders_v3 (${ORDERS_V1_COLUMNS});
      INSERT INTO orders_v3 (id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at)
        SELECT id, version, status, number, customer_id, submitted_at, base_version, base_json, local_json, pending_commands, pulled_at FROM orders;
      DROP TABLE orders;
      ALTER TABLE orders_v3 RENAME TO orders;
      CREATE INDEX orders_local ON orders (id) WHERE local_json IS NOT NULL;
    `);
  },
};
