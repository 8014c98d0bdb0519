import { expect, it } from 'vitest';
import { ensureUnit, readElhuUnit } from '../../../server/catalog/repo';
import { createTestDatabase, describeEachDialect } from './harness';
import { EMPTY_LETTERHEAD } from './migrations/helper';

describeEachDialect('a unit on its first start', (dialect) => {
  it('exists with a placeholder name and an empty letterhead in WIB, until Admin Satker fills it in', async () => {
    const test = await createTestDatabase(dialect);
    const handle = await test.open();
    try {
      await ensureUnit(handle.db, 'PLG', new Date('2026-03-02T03:00:00.000Z'));
      // A second start leaves the row as it is.
      await ensureUnit(handle.db, 'PLG', new Date('2026-03-03T03:00:00.000Z'));
      const row = await handle.db.selectFrom('units').selectAll().executeTakeFirstOrThrow();
      expect(row).toMatchObject({
        code: 'PLG',
        name: 'Balai Standardisasi dan Pelayanan Jasa Industri (PLG)',
        ...EMPTY_LETTERHEAD,
        updated_at: '2026-03-02T03:00:00.000Z',
      });
      // The E-LHU prints the unit's name where the short name and the city are still empty.
      expect(await readElhuUnit(handle.db, 'PLG')).toMatchObject({
        shortName: row.name,
        parentLines: [],
        city: row.name,
        timeZone: 'WIB',
        logoPng: null,
      });
    } finally {
      await handle.close();
      await test.drop();
    }
  });
});
