import type { ServerMigration } from './migration';

/**
 * Issue 10, long-term signatures: the long-term signature state of each signed E-LHU (PAdES level
 * reached, the signature timestamp's time, a pending timestamp and its retry) and every file
 * version the server made of it (B-T, B-LT, B-LTA, re-timestamped), each a genuine copy of the
 * report.
 */
export const m0011ElhuLtv: ServerMigration = {
  name: '0011_elhu_ltv',
  async up(db, dialect) {
    const blob = dialect === 'postgres' ? 'bytea' : 'blob';
    await db.schema
      .createTable('elhu_ltv')
      .addColumn('report_id', 'text', (c) => c.primaryKey())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('status', 'text', (c) => c.notNull())
      .addColumn('current_sha256', 'text', (c) => c.notNull())
      .addColumn('timestamp_time', 'text')
      .addColumn('archive_until', 'text')
      .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
      .addColumn('next_attempt_at', 'text')
      .addColumn('last_error', 'text')
      .addColumn('updated_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('elhu_ltv_due')
      .on('elhu_ltv')
      .columns(['status', 'next_attempt_at'])
      .execute();
    await db.schema
      .createTable('elhu_ltv_files')
      .addColumn('sha256', 'text', (c) => c.primaryKey())
      .addColumn('report_id', 'text', (c) => c.notNull())
      .addColumn('level', 'text', (c) => c.notNull())
      .addColumn('data', blob, (c) => c.notNull())
      .addColumn('created_at', 'text', (c) => c.notNull())
      .execute();
    await db.schema
      .createIndex('elhu_ltv_files_report')
      .on('elhu_ltv_files')
      .columns(['report_id', 'created_at'])
      .execute();
  },
};
