/** What the public verification says of a report's long-term signature (from the server's records). */
import type { Db } from '../../db/schema';
import type { LtvLevel } from './tables';

export interface PublicLongTerm {
  level: LtvLevel;
  /** A step waits for the TSA or a CRL (the report is valid at `level` meanwhile). */
  pending: boolean;
  /** The time the signature timestamp proves (ISO); null before B-T. */
  timestampTime: string | null;
  /** Whether the signer's certificate was valid at timestampTime; null before B-T. */
  certificateValidAtTimestamp: boolean | null;
  /** The newest timestamp's certificate ends then: archived reports are re-timestamped before. */
  archiveUntil: string | null;
}

export async function publicLongTerm(db: Db, reportId: string): Promise<PublicLongTerm | null> {
  const r = await db
    .selectFrom('elhu_ltv')
    .select(['level', 'status', 'timestamp_time', 'certificate_valid', 'archive_until'])
    .where('report_id', '=', reportId)
    .executeTakeFirst();
  if (!r) return null;
  return {
    level: r.level,
    pending: r.status === 'pending',
    timestampTime: r.timestamp_time,
    certificateValidAtTimestamp:
      r.certificate_valid === null || r.certificate_valid === undefined
        ? null
        : Number(r.certificate_valid) === 1,
    archiveUntil: r.archive_until,
  };
}

export const LEVEL_TEXT: Record<LtvLevel, { id: string; en: string }> = {
  'B-B': {
    id: 'PAdES B-B: tanda tangan dasar (waktu hanya klaim penanda tangan)',
    en: "PAdES B-B: basic signature (the time is only the signer's claim)",
  },
  'B-T': { id: 'PAdES B-T: bercap waktu dari TSA', en: 'PAdES B-T: timestamped by a TSA' },
  'B-LT': {
    id: 'PAdES B-LT: bercap waktu, dengan rantai sertifikat dan data pencabutan (CRL)',
    en: 'PAdES B-LT: timestamped, with the certificate chain and revocation data (CRL)',
  },
  'B-LTA': {
    id: 'PAdES B-LTA: B-LT ditambah cap waktu dokumen (arsip jangka panjang)',
    en: 'PAdES B-LTA: B-LT plus a document timestamp (long-term archive)',
  },
};
