import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { beforeMigration, describeEachDialect, v1 } from './helper';

describeEachDialect('migration 0004_signed_file_document', (dialect) => {
  it('files keep their bytes and get no document hash; signed reports are found by hash', () =>
    beforeMigration(dialect, '0004_signed_file_document', async (m) => {
      const pdf = Buffer.from('%PDF-1.7 signed bytes \u0000\u00ff', 'latin1');
      await m.insert('files', v1.file('file-1', pdf));
      await m.insert('reports', v1.report('rep-1', 'hash-signed-1'));
      await m.insert('reports', v1.report('rep-2', null));
      await m.migrate();
      const [file] = await m.rows<{ data: Buffer; document_hash: string | null; size: number }>(
        sql`select data, document_hash, size from files`,
      );
      expect(file!.document_hash).toBeNull();
      expect(file!.size).toBe(pdf.length);
      expect(Buffer.from(file!.data).equals(pdf)).toBe(true);
      expect(await m.indexColumns('reports_signed_hash')).toEqual(['signed_hash']);
      expect(await m.rows(sql`select id from reports where signed_hash = 'hash-signed-1'`)).toEqual([
        { id: 'rep-1' },
      ]);
      await m.insert('files', { ...v1.file('file-2', pdf), document_hash: 'doc-rep-1' });
      expect(await m.rows(sql`select id from files where document_hash = 'doc-rep-1'`)).toEqual([
        { id: 'file-2' },
      ]);
    }));
});
