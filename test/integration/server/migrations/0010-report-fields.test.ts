import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0010_report_fields', (dialect) => {
  it('parameters already there are accredited with no default uncertainty; units keep the default signature statement', () =>
    beforeMigration(dialect, '0010_report_fields', async (m) => {
      await m.insert('units', v1.unit);
      await m.insertParameter({ ...v1.parameter, detection_limit: 0.01 });
      await m.migrate();
      expect(await m.rows(sql`select * from parameters`)).toEqual([
        {
          ...v1.parameter,
          detection_limit: 0.01,
          uncertainty_expanded: null,
          uncertainty_k: null,
          accredited: 1,
        },
      ]);
      expect(await m.rows(sql`select code, name, signature_statement from units`)).toEqual([
        { code: 'PLG', name: v1.unit.name, signature_statement: null },
      ]);
      await sql`update parameters set uncertainty_expanded = ${0.05}, uncertainty_k = ${2}, accredited = 0`.execute(
        m.db,
      );
      await sql`update units set signature_statement = ${'Ditandatangani secara elektronik'}`.execute(m.db);
      expect(
        await m.rows(sql`select uncertainty_expanded, uncertainty_k, accredited from parameters`),
      ).toEqual([{ uncertainty_expanded: 0.05, uncertainty_k: 2, accredited: 0 }]);
    }));
});
