import { createHash } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0008_holidays', (dialect) => {
  it("the unit's holiday list starts as the national list as it stood at 0008; the data already there stays", () =>
    beforeMigration(dialect, '0008_holidays', async (m) => {
      const { data: _data, ...order } = v1.order('ord-1', 1);
      await m.insert('orders', order);
      await m.migrate();
      const holidays = await m.rows<{ date: string; name: string; kind: string }>(
        sql`select date, name, kind from holidays order by date`,
      );
      expect(holidays).toHaveLength(51);
      expect(holidays[0]).toEqual({
        date: '2025-01-01',
        name: 'Tahun Baru 2025 Masehi',
        kind: 'libur_nasional',
      });
      expect(holidays).toContainEqual({
        date: '2026-01-16',
        name: "Isra Mi'raj Nabi Muhammad SAW",
        kind: 'libur_nasional',
      });
      expect(holidays.at(-1)).toEqual({
        date: '2026-12-25',
        name: 'Hari Raya Natal',
        kind: 'libur_nasional',
      });
      // The whole list as it stood at 0008 (shared/calendar/holidays.ts then), one "date|name|kind"
      // line per row: the migration's rows are history and must not change.
      const digest = createHash('sha256')
        .update(holidays.map((h) => `${h.date}|${h.name}|${h.kind}\n`).join(''))
        .digest('hex');
      expect(digest).toBe('be1c959290707705d4324076682df033e8324f5c5b9dd42c6a675d4de79ad52b');
      expect(await m.rows(sql`select id, status from orders`)).toEqual([{ id: 'ord-1', status: 'in_lab' }]);
      // One entry per date.
      await expect(
        m.insert('holidays', { date: '2025-01-01', name: 'lagi', kind: 'libur_nasional' }),
      ).rejects.toThrow();
    }));
});
