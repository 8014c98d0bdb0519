import { sql } from 'kysely';
import type { ServerMigration } from './migration';

/**
 * The Order JSON moves to its own table: the orders rows the lists scan stay small; two index
 * updates fewer on every command (status filters use the updated_seq index).
 */
export const m0003OrderData: ServerMigration = {
  name: '0003_order_data',
  async up(db) {
    await db.schema
      .createTable('order_data')
      .addColumn('order_id', 'text', (c) => c.primaryKey())
      .addColumn('data', 'text', (c) => c.notNull())
      .execute();
    await sql`insert into order_data (order_id, data) select id, data from orders`.execute(db);
    await db.schema.alterTable('orders').dropColumn('data').execute();
    await db.schema.dropIndex('orders_status').execute();
    // An order's customer never changes: index it alone, so a command does not touch this index.
    await db.schema.dropIndex('orders_customer').execute();
    await db.schema.createIndex('orders_customer').on('orders').column('customer_id').execute();
  },
};
