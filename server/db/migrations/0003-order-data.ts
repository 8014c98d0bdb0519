import type { ServerMigration } from './migration';

/**
 * The Order JSON moves to its own table: the orders rows the lists scan stay small; two index
 * updates fewer on every command (status filters use the updated_seq index).
 */
export const m0003OrderData: ServerMigration = {
  name: '0003_order_data',
  sql: () => `
    create table order_data (
      order_id text primary key,
      data text not null
    );

    insert into order_data (order_id, data) select id, data from orders;
    alter table orders drop column data;
    drop index orders_status;

    -- An order's customer never changes: index it alone, so a command does not touch this index.
    drop index orders_customer;
    create index orders_customer on orders (customer_id);
  `,
};
