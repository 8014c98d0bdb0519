import type { Order, Report } from '../../shared/domain/entities';
import { IdSchema } from '../../shared/domain/entities';
import { loadOrder } from '../commands/store';
import type { Db } from '../db/schema';
import type { SignatureFailureCode } from '../elhu/verify-signature';
import type { LongTermView } from '../elhu/ltv/file-check';
import { publicLongTerm, type PublicLongTerm } from '../elhu/ltv/public';
import { reportOfLtvFile } from '../elhu/ltv/store';
import { sharedPdfPool, type PdfPool } from './pdf-pool';

/**
 * The public verification of an E-LHU (the page the QR code opens): what anyone may learn of a
 * report from its id, and whether an uploaded PDF is a genuine signed E-LHU of this server.
 * The id is the report's UUID (random, from the server or the issuing desktop), so the page
 * address cannot be guessed from a report number.
 */
export type ReportValidity = 'valid' | 'superseded' | 'signed_not_released' | 'not_signed';

export interface ReportLink {
  reportId: string;
  number: string;
}

export interface PublicReport {
  reportId: string;
  number: string;
  validity: ReportValidity;
  customerName: string;
  sample: { number: string | null; type: string };
  /** Date of issue (YYYY-MM-DD), once the report was issued for signature. */
  issuedOn: string | null;
  signer: { name: string; nip: string | null } | null;
  signedAt: string | null;
  releasedAt: string | null;
  /** SHA-256 of the signed PDF as the server accepted it (hex). */
  signedSha256: string | null;
  /** The long-term signature the server added (server/elhu/ltv): level, the timestamp's time, pending. */
  longTerm: PublicLongTerm | null;
  supersededBy: (ReportLink & { reason: string | null }) | null;
  replaces: (ReportLink & { reason: string | null }) | null;
}

export const VALIDITY_TEXT: Record<ReportValidity, { id: string; en: string }> = {
  valid: { id: 'Sah', en: 'Valid' },
  superseded: { id: 'Digantikan', en: 'Superseded' },
  signed_not_released: { id: 'Sudah ditandatangani, belum diterbitkan', en: 'Signed, not yet released' },
  not_signed: { id: 'Belum ditandatangani', en: 'Not yet signed' },
};

function validityOf(r: Report): ReportValidity {
  if (r.status === 'released') return 'valid';
  if (r.status === 'superseded') return 'superseded';
  if (r.status === 'signed') return 'signed_not_released';
  return 'not_signed';
}

/** The public view of a report by its id; null when there is no such report. */
export async function publicReport(db: Db, reportId: string): Promise<PublicReport | null> {
  if (!IdSchema.safeParse(reportId).success) return null;
  const row = await db
    .selectFrom('reports')
    .select(['order_id', 'sample_id'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row) return null;
  const loaded = await loadOrder(db, row.order_id);
  if (!loaded) return null;
  return describe(db, loaded.order, row.sample_id, reportId);
}

async function describe(
  db: Db,
  order: Order,
  sampleId: string,
  reportId: string,
): Promise<PublicReport | null> {
  const sample = order.samples.find((s) => s.id === sampleId);
  const report = sample?.reports.find((r) => r.id === reportId);
  if (!sample || !report) return null;
  const [customer, kb] = await Promise.all([
    db
      .selectFrom('customers')
      .select(['company_name', 'data'])
      .where('id', '=', order.customerId)
      .executeTakeFirst(),
    report.kepalaBalaiId
      ? db
          .selectFrom('users')
          .select(['name', 'nip'])
          .where('id', '=', report.kepalaBalaiId)
          .executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  const validity = validityOf(report);
  const signed = validity !== 'not_signed' && report.signedHash !== null;
  const next = report.supersededBy ? sample.reports.find((r) => r.id === report.supersededBy) : undefined;
  const prev = report.replaces ? sample.reports.find((r) => r.id === report.replaces) : undefined;
  let customerName = customer?.company_name ?? '';
  if (!customerName && customer)
    customerName = (JSON.parse(customer.data) as { contactName?: string }).contactName ?? '';
  return {
    reportId: report.id,
    number: report.number,
    validity,
    customerName,
    sample: { number: sample.number, type: sample.sampleTypeName },
    issuedOn: report.issuedAt ? report.issuedAt.slice(0, 10) : null,
    signer: signed && kb ? { name: kb.name, nip: kb.nip } : null,
    signedAt: signed ? report.signedAt : null,
    releasedAt: report.releasedAt,
    signedSha256: signed ? report.signedHash : null,
    longTerm: signed ? await publicLongTerm(db, report.id) : null,
    supersededBy: next ? { reportId: next.id, number: next.number, reason: next.amendReason } : null,
    replaces: prev ? { reportId: prev.id, number: prev.number, reason: report.amendReason } : null,
  };
}

/** What the check of an uploaded PDF found. */
export type FileVerdict = 'genuine' | 'unknown_document' | 'altered' | 'signature_invalid' | 'not_pdf';

export interface FileCheck {
  verdict: FileVerdict;
  sha256: string;
  /** Why it is not genuine, in Bahasa Indonesia and English. */
  reason: { id: string; en: string } | null;
  /** The report the file is (genuine), or the report it claims to be (its signed metadata), when known. */
  report: PublicReport | null;
  /** The signature check as such (the PAdES signature over the file's bytes). */
  signature:
    | { ok: true; signer: string; signedAt: string; longTerm: LongTermView | null }
    | { ok: false; code: SignatureFailureCode };
}

const ALTERED: ReadonlySet<SignatureFailureCode> = new Set([
  'digest_mismatch',
  'byte_range_incomplete',
  'byte_range_invalid',
]);

/**
 * Is this PDF a genuine E-LHU of this server? Genuine means: its SHA-256 is that of a signed E-LHU the
 * server accepted at step 19 (after verifying the signature, the registered certificate and that
 * the document is the one it issued), and its PAdES signature verifies. Anything else is explained.
 */
export async function checkUploadedPdf(
  db: Db,
  bytes: Uint8Array,
  pool: PdfPool = sharedPdfPool(),
  opts: { transfer?: boolean } = {},
): Promise<FileCheck> {
  // Hashing, parsing the PDF and checking its signature run in the worker pool (503 when it is
  // full). `transfer`: the caller owns the bytes' ArrayBuffer and gives it up, so the upload moves
  // to the worker instead of being copied (it is unusable here afterwards).
  const { sha256, sig } = await pool.run(
    'checkSignature',
    bytes,
    opts.transfer ? [bytes.buffer as ArrayBuffer] : undefined,
  );
  // A genuine copy is the file accepted at step 19 or a version the server made of it (B-T .. B-LTA).
  const row =
    (await db.selectFrom('reports').select(['id']).where('signed_hash', '=', sha256).executeTakeFirst()) ??
    (await reportOfLtvFile(db, sha256).then((r) => (r ? { id: r.reportId } : undefined)));
  const signature: FileCheck['signature'] = sig.ok
    ? {
        ok: true,
        signer: sig.signerName ?? sig.signerCommonName,
        signedAt: sig.signingTime.toISOString(),
        longTerm: sig.longTerm,
      }
    : { ok: false, code: sig.code };
  const known = row ? await publicReport(db, row.id) : null;
  if (
    known &&
    (known.signedSha256 === sha256 || (await reportOfLtvFile(db, sha256))?.reportId === known.reportId)
  ) {
    if (sig.ok) return { verdict: 'genuine', sha256, reason: null, report: known, signature };
    return {
      verdict: 'signature_invalid',
      sha256,
      reason: {
        id: `Tanda tangan elektronik tidak dapat diverifikasi: ${sig.message.id}`,
        en: `The electronic signature does not verify: ${sig.message.en}`,
      },
      report: known,
      signature,
    };
  }
  // Not a file the server accepted: say why, naming the report it claims to be when it says so.
  const claimed = sig.ok && sig.reportNumber ? await reportByNumber(db, sig.reportNumber) : null;
  if (sig.ok) {
    return {
      verdict: 'unknown_document',
      sha256,
      reason: claimed
        ? {
            id: `Dokumen ini mengaku sebagai LHU ${claimed.number}, tetapi tidak sama dengan E-LHU bertanda tangan yang terdaftar untuk nomor itu. Tanda tangannya sah secara teknis, tetapi dokumen ini bukan E-LHU yang diterbitkan.`,
            en: `This document claims to be report ${claimed.number}, but it is not the signed E-LHU registered under that number. Its signature is technically valid, but it is not the report that was issued.`,
          }
        : {
            id: 'Dokumen ini tidak terdaftar sebagai E-LHU yang diterbitkan oleh laboratorium ini (tanda tangannya sah secara teknis, tetapi dokumennya tidak dikenal).',
            en: 'This document is not registered as a report issued by this laboratory (its signature is technically valid, but the document is unknown).',
          },
      report: claimed,
      signature,
    };
  }
  if (sig.code === 'not_pdf' || sig.code === 'unreadable_pdf') {
    return { verdict: 'not_pdf', sha256, reason: sig.message, report: null, signature };
  }
  if (sig.code === 'no_signature') {
    return {
      verdict: 'unknown_document',
      sha256,
      reason: {
        id: 'PDF ini tidak bertanda tangan elektronik dan tidak terdaftar sebagai E-LHU yang diterbitkan.',
        en: 'This PDF carries no electronic signature and is not registered as an issued report.',
      },
      report: null,
      signature,
    };
  }
  if (ALTERED.has(sig.code)) {
    return {
      verdict: 'altered',
      sha256,
      reason: {
        id: `Dokumen telah diubah setelah ditandatangani: ${sig.message.id}`,
        en: `The document was changed after it was signed: ${sig.message.en}`,
      },
      report: null,
      signature,
    };
  }
  return {
    verdict: 'signature_invalid',
    sha256,
    reason: {
      id: `Tanda tangan elektronik tidak sah: ${sig.message.id}`,
      en: `The electronic signature is not valid: ${sig.message.en}`,
    },
    report: null,
    signature,
  };
}

async function reportByNumber(db: Db, number: string): Promise<PublicReport | null> {
  const row = await db.selectFrom('reports').select(['id']).where('number', '=', number).executeTakeFirst();
  return row ? publicReport(db, row.id) : null;
}
