import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { NATIONAL_HOLIDAYS } from '../../../../shared/calendar/holidays';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0008_holidays', (dialect) => {
  it("the unit's holiday list starts as the national list; the data already there stays", () =>
    beforeMigration(dialect, '0008_holidays', async (m) => {
      const { data: _data, ...order } = v1.order('ord-1', 1);
      await m.insert('orders', order);
      await m.migrate();
      expect(await m.rows(sql`select date, name, kind from holidays order by date`)).toEqual(
        [...NATIONAL_HOLIDAYS]
          .sort((a, b) => a.date.localeCompare(b.date))
          .map((h) => ({ date: h.date, name: h.name, kind: h.kind })),
      );
      expect(await m.rows(sql`select id, status from orders`)).toEqual([{ id: 'ord-1', status: 'in_lab' }]);
      // One entry per date.
      const first = NATIONAL_HOLIDAYS[0]!;
      await expect(
        m.insert('holidays', { date: first.date, name: 'lagi', kind: first.kind }),
      ).rejects.toThrow();
    }));
});
