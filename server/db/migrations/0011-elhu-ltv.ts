import type { ServerMigration } from './migration';

/**
 * Issue 10, long-term signatures: the long-term signature state of each signed E-LHU (PAdES level
 * reached, the signature timestamp's time, a pending timestamp and its retry) and every file
 * version the server made of it (B-T, B-LT, B-LTA, re-timestamped), each a genuine copy of the
 * report.
 */
export const m0011ElhuLtv: ServerMigration = {
  name: '0011_elhu_ltv',
  sql: ({ blob }) => `
    create table elhu_ltv (
      report_id text primary key,
      level text not null,
      status text not null,
      current_sha256 text not null,
      timestamp_time text,
      archive_until text,
      attempts integer not null default 0,
      next_attempt_at text,
      last_error text,
      updated_at text not null
    );
    create index elhu_ltv_due on elhu_ltv (status, next_attempt_at);

    create table elhu_ltv_files (
      sha256 text primary key,
      report_id text not null,
      level text not null,
      data ${blob} not null,
      created_at text not null
    );
    create index elhu_ltv_files_report on elhu_ltv_files (report_id, created_at);
  `,
};
