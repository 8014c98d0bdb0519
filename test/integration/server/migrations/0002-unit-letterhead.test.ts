import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, EMPTY_LETTERHEAD, v1 } from './helper';

describeEachDialect('migration 0002_unit_letterhead', (dialect) => {
  it('a unit already there gets an empty letterhead (WIB, no logo), and the letterhead can be set', () =>
    beforeMigration(dialect, '0002_unit_letterhead', async (m) => {
      await m.insert('units', v1.unit);
      await m.migrate();
      expect(await m.rows(sql`select * from units`)).toEqual([{ ...v1.unit, ...EMPTY_LETTERHEAD }]);
      const logo = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2]);
      await sql`update units set short_name = 'BUP', city = 'Palembang', time_zone = 'WIB', logo_png = ${logo} where code = 'PLG'`.execute(
        m.db,
      );
      const [unit] = await m.rows<{ short_name: string; logo_png: Buffer }>(
        sql`select short_name, logo_png from units`,
      );
      expect(unit!.short_name).toBe('BUP');
      expect(Buffer.from(unit!.logo_png).equals(logo)).toBe(true);
    }));
});
