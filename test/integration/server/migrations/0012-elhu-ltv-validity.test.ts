import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AT, beforeMigration, describeEachDialect } from './helper';

describeEachDialect('migration 0012_elhu_ltv_validity', (dialect) => {
  it('long-term states already there have no certificate verdict; one can be recorded', () =>
    beforeMigration(dialect, '0012_elhu_ltv_validity', async (m) => {
      const state = {
        report_id: 'rep-1',
        level: 'B-T',
        status: 'done',
        current_sha256: 'hash-bt',
        timestamp_time: AT,
        archive_until: null,
        attempts: 1,
        next_attempt_at: null,
        last_error: null,
        updated_at: AT,
      };
      await m.insert('elhu_ltv', state);
      await m.migrate();
      expect(await m.rows(sql`select * from elhu_ltv`)).toEqual([{ ...state, certificate_valid: null }]);
      await sql`update elhu_ltv set certificate_valid = 1 where report_id = 'rep-1'`.execute(m.db);
      expect(await m.rows(sql`select certificate_valid from elhu_ltv`)).toEqual([{ certificate_valid: 1 }]);
    }));
});
