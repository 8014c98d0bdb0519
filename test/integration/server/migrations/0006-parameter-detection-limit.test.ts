import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0006_parameter_detection_limit', (dialect) => {
  it('parameters keep their fields with no limit; a fractional limit is stored as is', () =>
    beforeMigration(dialect, '0006_parameter_detection_limit', async (m) => {
      await m.insertParameter();
      await m.migrate();
      expect(await m.rows(sql`select * from parameters`)).toEqual([
        { ...v1.parameter, detection_limit: null },
      ]);
      await sql`update parameters set detection_limit = ${0.0005} where id = 'par-1'`.execute(m.db);
      expect(await m.rows(sql`select detection_limit from parameters`)).toEqual([
        { detection_limit: 0.0005 },
      ]);
    }));
});
