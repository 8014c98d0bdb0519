import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { AT, beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0011_elhu_ltv', (dialect) => {
  it('signed reports stay as they are; each can then get its long-term state and file versions', () =>
    beforeMigration(dialect, '0011_elhu_ltv', async (m) => {
      const pdf = Buffer.from('%PDF-1.7 signed', 'latin1');
      await m.insert('reports', v1.report('rep-1', 'hash-signed-1'));
      await m.insert('files', { ...v1.file('file-1', pdf), document_hash: 'doc-rep-1' });
      await m.migrate();
      expect(await m.rows(sql`select id, signed_hash from reports`)).toEqual([
        { id: 'rep-1', signed_hash: 'hash-signed-1' },
      ]);
      expect(await m.rows(sql`select count(*) as n from elhu_ltv`)).toEqual([{ n: 0 }]);

      // attempts starts at 0 when not given.
      await m.insert('elhu_ltv', {
        report_id: 'rep-1',
        level: 'B-B',
        status: 'pending',
        current_sha256: 'hash-signed-1',
        next_attempt_at: AT,
        updated_at: AT,
      });
      expect(await m.rows(sql`select level, status, attempts, timestamp_time from elhu_ltv`)).toEqual([
        { level: 'B-B', status: 'pending', attempts: 0, timestamp_time: null },
      ]);
      const bt = Buffer.from('%PDF-1.7 signed + timestamp', 'latin1');
      await m.insert('elhu_ltv_files', {
        sha256: 'hash-bt',
        report_id: 'rep-1',
        level: 'B-T',
        data: bt,
        created_at: AT,
      });
      const [file] = await m.rows<{ data: Buffer }>(
        sql`select data from elhu_ltv_files where report_id = 'rep-1'`,
      );
      expect(Buffer.from(file!.data).equals(bt)).toBe(true);
      expect(await m.indexColumns('elhu_ltv_due')).toEqual(['status', 'next_attempt_at']);
      expect(await m.indexColumns('elhu_ltv_files_report')).toEqual(['report_id', 'created_at']);
    }));
});
