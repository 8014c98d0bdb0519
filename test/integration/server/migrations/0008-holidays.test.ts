import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { HOLIDAYS_AT_0008 } from '../../../../server/db/migrations/0008-holidays';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0008_holidays', (dialect) => {
  it("the unit's holiday list starts as the national list as it stood at 0008; the data already there stays", () =>
    beforeMigration(dialect, '0008_holidays', async (m) => {
      const { data: _data, ...order } = v1.order('ord-1', 1);
      await m.insert('orders', order);
      await m.migrate();
      expect(await m.rows(sql`select date, name, kind from holidays order by date`)).toEqual(
        [...HOLIDAYS_AT_0008]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
      );
      expect(await m.rows(sql`select id, status from orders`)).toEqual([{ id: 'ord-1', status: 'in_lab' }]);
      // One entry per date.
      const first = HOLIDAYS_AT_0008[0]!;
      await expect(
        m.insert('holidays', { date: first.date, name: 'lagi', kind: first.kind }),
      ).rejects.toThrow();
    }));
});
