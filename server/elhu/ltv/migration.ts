import type { Kysely, Migration } from 'kysely';
import type { DialectName } from '../../db/connect';

/**
 * Migration 0011: the long-term signature state of each signed E-LHU (PAdES level reached, the
 * signature timestamp's time, a pending timestamp and its retry) and every file version the server
 * made of it (B-T, B-LT, B-LTA, re-timestamped), each a genuine copy of the report.
 */
export function elhuLtvMigration(dialect: DialectName): Migration {
  const blob = dialect === 'postgres' ? 'bytea' : 'blob';
  return {
    async up(db: Kysely<unknown>) {
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
    async down() {
      throw new Error('SIPPT migrations are forward-only');
    },
  };
}

/** Migration 0012: whether the signer's certificate was valid (dates, CRL) at the signature timestamp's time. */
export const elhuLtvValidityMigration: Migration = {
  async up(db: Kysely<unknown>) {
    await db.schema.alterTable('elhu_ltv').addColumn('certificate_valid', 'integer').execute();
  },
  async down() {
    throw new Error('SIPPT migrations are forward-only');
  },
};

export type LtvLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';
/**
 * pending: a step waits for the TSA or a CRL (retried); done: the level the server aims at is
 * reached; failed: the file cannot take the next level (the report stays valid at its level).
 */
export type LtvStatus = 'pending' | 'done' | 'failed';

export interface ElhuLtvTable {
  report_id: string;
  level: LtvLevel;
  status: LtvStatus;
  current_sha256: string;
  timestamp_time: string | null;
  archive_until: string | null;
  /** 1/0: the signer's certificate was valid at timestamp_time; null before B-T. */
  certificate_valid?: number | null;
  attempts: number;
  next_attempt_at: string | null;
  last_error: string | null;
  updated_at: string;
}

export interface ElhuLtvFilesTable {
  sha256: string;
  report_id: string;
  level: LtvLevel;
  data: Buffer;
  created_at: string;
}
