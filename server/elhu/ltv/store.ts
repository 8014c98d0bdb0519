/**
 * The long-term signature records (tables elhu_ltv and elhu_ltv_files, migration 0011): which level
 * a signed E-LHU reached, its current file, and every file version the server made of it.
 */
import { createHash } from 'node:crypto';
import type { Selectable } from 'kysely';
import { inTransaction, type DbHandle } from '../../db/connect';
import type { Db } from '../../db/schema';
import type { ElhuLtvTable, LtvLevel, LtvStatus } from './tables';

export interface LtvRecord {
  reportId: string;
  level: LtvLevel;
  status: LtvStatus;
  currentSha256: string;
  timestampTime: string | null;
  archiveUntil: string | null;
  attempts: number;
  nextAttemptAt: string | null;
  lastError: string | null;
}

const toRecord = (r: Selectable<ElhuLtvTable>): LtvRecord => ({
  reportId: r.report_id,
  level: r.level,
  status: r.status,
  currentSha256: r.current_sha256,
  timestampTime: r.timestamp_time,
  archiveUntil: r.archive_until,
  attempts: Number(r.attempts),
  nextAttemptAt: r.next_attempt_at,
  lastError: r.last_error,
});

/** Whole records, for the reads below to narrow and order. */
const records = (db: Db) => db.selectFrom('elhu_ltv').selectAll();

export async function ltvRecord(db: Db, reportId: string): Promise<LtvRecord | null> {
  const r = await records(db).where('report_id', '=', reportId).executeTakeFirst();
  return r ? toRecord(r) : null;
}

/** The report a file version (by SHA-256) belongs to, when the server made it. */
export async function reportOfLtvFile(
  db: Db,
  sha256: string,
): Promise<{ reportId: string; level: LtvLevel } | null> {
  const r = await db
    .selectFrom('elhu_ltv_files')
    .select(['report_id', 'level'])
    .where('sha256', '=', sha256)
    .executeTakeFirst();
  return r ? { reportId: r.report_id, level: r.level } : null;
}

/** Signed reports (step 19 accepted) not yet tracked: tracked from their signed file, at B-B, due now. */
export async function trackNewlySigned(db: Db, now: Date): Promise<number> {
  const rows = await db
    .selectFrom('reports')
    .innerJoin('files', 'files.id', 'reports.signed_file_id')
    .leftJoin('elhu_ltv', 'elhu_ltv.report_id', 'reports.id')
    .select(['reports.id as id', 'files.sha256 as sha256'])
    .where('elhu_ltv.report_id', 'is', null)
    .execute();
  for (const r of rows) {
    await db
      .insertInto('elhu_ltv')
      .values({
        report_id: r.id,
        level: 'B-B',
        status: 'pending',
        current_sha256: r.sha256,
        timestamp_time: null,
        archive_until: null,
        attempts: 0,
        next_attempt_at: now.toISOString(),
        last_error: null,
        updated_at: now.toISOString(),
      })
      .onConflict((oc) => oc.column('report_id').doNothing())
      .execute();
  }
  return rows.length;
}

export async function dueReports(db: Db, now: Date, limit = 20): Promise<LtvRecord[]> {
  const rows = await records(db)
    .where('status', '=', 'pending')
    .where('next_attempt_at', '<=', now.toISOString())
    .orderBy('next_attempt_at')
    .limit(limit)
    .execute();
  return rows.map(toRecord);
}

/**
 * Claims a due record for `leaseMs` (several server instances may share one PostgreSQL): true when
 * this caller got it.
 */
export async function claim(db: Db, rec: LtvRecord, now: Date, leaseMs: number): Promise<boolean> {
  let q = db
    .updateTable('elhu_ltv')
    .set({ next_attempt_at: new Date(now.getTime() + leaseMs).toISOString() })
    .where('report_id', '=', rec.reportId)
    .where('current_sha256', '=', rec.currentSha256);
  q =
    rec.nextAttemptAt === null
      ? q.where('next_attempt_at', 'is', null)
      : q.where('next_attempt_at', '=', rec.nextAttemptAt);
  const r = await q.executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** The bytes of the report's current file: a version the server made, or the signed file as accepted. */
export async function currentFile(
  db: Db,
  rec: Pick<LtvRecord, 'reportId' | 'currentSha256'>,
): Promise<Uint8Array | null> {
  const made = await db
    .selectFrom('elhu_ltv_files')
    .select('data')
    .where('sha256', '=', rec.currentSha256)
    .executeTakeFirst();
  if (made) return new Uint8Array(made.data);
  const signed = await db
    .selectFrom('files')
    .select('data')
    .where('ref_id', '=', rec.reportId)
    .where('kind', '=', 'report_signed')
    .where('sha256', '=', rec.currentSha256)
    .executeTakeFirst();
  return signed ? new Uint8Array(signed.data) : null;
}

/** Stores a new version and makes it the report's current file, at `level`. */
export async function saveVersion(
  handle: DbHandle,
  reportId: string,
  previousSha256: string,
  pdf: Uint8Array,
  level: LtvLevel,
  at: Date,
  extra: {
    timestampTime?: string;
    archiveUntil?: string;
    certificateValid?: boolean | null;
    status: LtvStatus;
  },
): Promise<string> {
  const sha256 = createHash('sha256').update(pdf).digest('hex');
  await inTransaction(handle, async (trx) => {
    await trx
      .insertInto('elhu_ltv_files')
      .values({ sha256, report_id: reportId, level, data: Buffer.from(pdf), created_at: at.toISOString() })
      .onConflict((oc) => oc.column('sha256').doNothing())
      .execute();
    await trx
      .updateTable('elhu_ltv')
      .set({
        level,
        status: extra.status,
        current_sha256: sha256,
        attempts: 0,
        next_attempt_at: extra.status === 'pending' ? at.toISOString() : null,
        last_error: null,
        updated_at: at.toISOString(),
        ...(extra.timestampTime ? { timestamp_time: extra.timestampTime } : {}),
        ...(extra.archiveUntil ? { archive_until: extra.archiveUntil } : {}),
        ...(extra.certificateValid !== undefined && extra.certificateValid !== null
          ? { certificate_valid: extra.certificateValid ? 1 : 0 }
          : {}),
      })
      .where('report_id', '=', reportId)
      .where('current_sha256', '=', previousSha256)
      .execute();
  });
  return sha256;
}

export async function markPending(
  db: Db,
  rec: LtvRecord,
  error: string,
  retryAt: Date,
  at: Date,
): Promise<void> {
  await db
    .updateTable('elhu_ltv')
    .set({
      status: 'pending',
      attempts: rec.attempts + 1,
      next_attempt_at: retryAt.toISOString(),
      last_error: error.slice(0, 500),
      updated_at: at.toISOString(),
    })
    .where('report_id', '=', rec.reportId)
    .execute();
}

export async function markFailed(db: Db, rec: LtvRecord, error: string, at: Date): Promise<void> {
  await db
    .updateTable('elhu_ltv')
    .set({
      status: 'failed',
      next_attempt_at: null,
      last_error: error.slice(0, 500),
      updated_at: at.toISOString(),
    })
    .where('report_id', '=', rec.reportId)
    .execute();
}

/** Reports at B-LTA whose last document timestamp's TSA certificate ends before `before`. */
export async function expiringArchives(db: Db, before: Date): Promise<LtvRecord[]> {
  const rows = await records(db)
    .where('level', '=', 'B-LTA')
    .where('archive_until', '<', before.toISOString())
    .orderBy('archive_until')
    .execute();
  return rows.map(toRecord);
}

/** Makes a done B-LTA record due again (re-timestamping). */
export async function reopen(db: Db, reportId: string, at: Date): Promise<void> {
  await db
    .updateTable('elhu_ltv')
    .set({ status: 'pending', next_attempt_at: at.toISOString(), updated_at: at.toISOString() })
    .where('report_id', '=', reportId)
    .execute();
}
