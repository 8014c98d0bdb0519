import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0003_order_data', (dialect) => {
  it("each order's JSON moves to order_data; the orders rows and indexes shrink", () =>
    beforeMigration(dialect, '0003_order_data', async (m) => {
      const orders = [v1.order('ord-1', 1), v1.order('ord-2', 2)];
      for (const o of orders) await m.insert('orders', o);
      await m.migrate();
      expect(await m.rows(sql`select order_id, data from order_data order by order_id`)).toEqual(
        orders.map((o) => ({ order_id: o.id, data: o.data })),
      );
      expect(await m.columns('orders')).not.toContain('data');
      const { data: _moved, ...kept } = orders[0]!;
      expect(await m.rows(sql`select * from orders where id = 'ord-1'`)).toEqual([kept]);
      expect(await m.indexColumns('orders_status')).toBeNull();
      expect(await m.indexColumns('orders_customer')).toEqual(['customer_id']);
      await expect(m.insert('order_data', { order_id: 'ord-1', data: '{}' })).rejects.toThrow();
      // A new order is written in its two places.
      const { data, ...row } = v1.order('ord-3', 3);
      await m.insert('orders', row);
      await m.insert('order_data', { order_id: 'ord-3', data });
      expect(await m.rows(sql`select count(*) as n from orders join order_data on order_id = id`)).toEqual([
        { n: 3 },
      ]);
    }));
});
