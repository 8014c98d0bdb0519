import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1, type MigrationDb } from './helper';

/** A feed at position 41 with changes, bucket removals and an order written before the migration. */
async function feedAt41(m: MigrationDb) {
  await sql`update counters set value = 41 where name = 'feed'`.execute(m.db);
  for (const seq of [39, 40, 41]) await m.insert('change_feed', v1.changeFeed(seq));
  await m.insert('bucket_removals', { user_id: 'u-1', order_id: 'ord-0', seq: 40 });
  const { data: _data, ...order } = v1.order('ord-1', 41);
  await m.insert('orders', order);
}

describeEachDialect('migration 0005_feed_xid', (dialect) => {
  if (dialect === 'postgres')
    it('PostgreSQL: the feed sequence goes on after the counter; rows before it carry xid 0, new rows their transaction', () =>
      beforeMigration(dialect, '0005_feed_xid', async (m) => {
        await feedAt41(m);
        await m.migrate();
        expect(await m.rows(sql`select nextval('feed_seq') as seq`)).toEqual([{ seq: 42 }]);
        expect(await m.rows(sql`select seq, xid::text as xid from change_feed order by seq`)).toEqual(
          [39, 40, 41].map((seq) => ({ seq, xid: '0' })),
        );
        expect(await m.rows(sql`select order_id, xid::text as xid from bucket_removals`)).toEqual([
          { order_id: 'ord-0', xid: '0' },
        ]);
        expect(await m.rows(sql`select id, updated_xid::text as xid from orders`)).toEqual([
          { id: 'ord-1', xid: '0' },
        ]);

        await m.insert('change_feed', v1.changeFeed(42));
        const { data: _data, ...order } = v1.order('ord-2', 42);
        await m.insert('orders', order);
        const fresh = await m.rows<{ xid: string }>(
          sql`select xid::text as xid from change_feed where seq = 42 union all select updated_xid::text from orders where id = 'ord-2'`,
        );
        expect(fresh).toHaveLength(2);
        for (const r of fresh) expect(BigInt(r.xid)).toBeGreaterThan(0n);
        expect(await m.indexColumns('orders_updated_xid')).toEqual(['updated_xid']);
        expect(await m.indexColumns('bucket_removals_user_xid')).toEqual(['user_id', 'xid']);
      }));

  if (dialect === 'sqlite')
    it('SQLite: nothing changes (one writer at a time keeps the counter)', () =>
      beforeMigration(dialect, '0005_feed_xid', async (m) => {
        await feedAt41(m);
        const columns = async () => [
          await m.columns('orders'),
          await m.columns('change_feed'),
          await m.columns('bucket_removals'),
        ];
        const before = await columns();
        await m.migrate();
        expect(await columns()).toEqual(before);
        expect(await m.rows(sql`select value from counters where name = 'feed'`)).toEqual([{ value: 41 }]);
        expect(await m.rows(sql`select seq from change_feed order by seq`)).toEqual([
          { seq: 39 },
          { seq: 40 },
          { seq: 41 },
        ]);
      }));
});
