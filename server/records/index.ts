import type { Period, RecordFormat, RecordReport } from '../../shared/api/records';
import type { RecordKind } from '../../shared/domain/record-permissions';
import type { ElhuFonts } from '../../shared/elhu/types';
import { unitCalendar } from '../calendar/holidays';
import type { DbHandle } from '../db/connect';
import { loadElhuFonts } from '../elhu/verify-signature';
import { recordDocument } from './document';
import { ikmReport } from './ikm';
import { readReference } from './load';
import { performanceReport } from './performance';
import { recordPdf } from './pdf';
import { orderRegister, reportRegister, sampleRegister } from './registers';
import { revenueReport } from './revenue';
import { recordXlsx } from './xlsx';

export { periodOf } from './period';

/** One record of the unit for a period, as JSON data (shared/api/records.ts). */
export async function buildRecord(
  handle: DbHandle,
  unitCode: string,
  kind: RecordKind,
  period: Period,
  now: Date,
): Promise<RecordReport> {
  const db = handle.db;
  const ref = await readReference(db, unitCode);
  switch (kind) {
    case 'orders':
      return orderRegister(db, ref, period, now);
    case 'samples':
      return sampleRegister(db, ref, period, now);
    case 'reports':
      return reportRegister(db, ref, period, now);
    case 'revenue':
      return revenueReport(db, ref, period, now);
    case 'performance':
      // The unit's stored holiday list, as the Admin Satker keeps it (step 14 counts working days).
      return performanceReport(db, ref, period, now, await unitCalendar(db));
    case 'ikm':
      return ikmReport(db, ref, period, now);
  }
}

export interface RecordFile {
  body: Buffer;
  contentType: string;
  fileName: string;
}

export const CONTENT_TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

let fonts: ElhuFonts | null = null;

/** A record as an XLSX or PDF file. */
export async function renderRecord(
  report: RecordReport,
  format: Exclude<RecordFormat, 'json'>,
): Promise<RecordFile> {
  const doc = recordDocument(report);
  if (format === 'xlsx')
    return { body: await recordXlsx(doc), contentType: CONTENT_TYPES.xlsx, fileName: `${doc.fileStem}.xlsx` };
  const bytes = await recordPdf(doc, (fonts ??= loadElhuFonts()));
  return {
    body: Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
    contentType: CONTENT_TYPES.pdf,
    fileName: `${doc.fileStem}.pdf`,
  };
}
