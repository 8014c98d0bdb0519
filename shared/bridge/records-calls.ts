/**
 * The unit's records and reports in the desktop (SOP "Pencatatan dan Pendataan"; server
 * `GET /api/v1/records/<kind>`): read now from the server with the signed-in session, like every
 * online call. Who may read which is shared/domain/record-permissions.ts; the server refuses the
 * rest. An export is fetched by the engine and saved by the host into the user's export folder
 * (the window never names a path), answered with where it went.
 */
import { z } from 'zod';
import {
  IkmResponseSchema,
  OrderRegisterResponseSchema,
  PerformanceResponseSchema,
  RecordKindSchema,
  ReportRegisterResponseSchema,
  RevenueResponseSchema,
  SampleRegisterResponseSchema,
} from '../api/records';
import { DateOnlySchema } from '../domain/entities';

const Period = {
  kind: RecordKindSchema,
  from: DateOnlySchema,
  to: DateOnlySchema,
};
const fromBeforeTo = (p: { from: string; to: string }) => p.from <= p.to;
const FROM_AFTER_TO = {
  error:
    'tanggal awal harus sebelum atau sama dengan tanggal akhir / the start date must not be after the end date',
  path: ['to'],
};

export const RecordReportSchema = z.discriminatedUnion('kind', [
  OrderRegisterResponseSchema,
  SampleRegisterResponseSchema,
  ReportRegisterResponseSchema,
  RevenueResponseSchema,
  PerformanceResponseSchema,
  IkmResponseSchema,
]);

/** Where an exported file was saved, by the host. */
export const SavedExportSchema = z.object({
  fileName: z.string(),
  /** The full path on this computer (shown so the user can find it). */
  path: z.string(),
  size: z.number().int().nonnegative(),
  mime: z.string(),
});
export type SavedExport = z.infer<typeof SavedExportSchema>;

interface RecordSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  session: true;
  online: true;
}
const rec = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): RecordSpec<I, O> => ({
  input,
  output,
  session: true,
  online: true,
});

export const RECORD_CALLS = {
  /** One record for a period of WIB dates (both ends included), as the server's JSON. */
  'online.records.get': rec(z.strictObject(Period).refine(fromBeforeTo, FROM_AFTER_TO), RecordReportSchema),
  /** The same as XLSX or PDF, saved on this computer by the host. */
  'online.records.export': rec(
    z.strictObject({ ...Period, format: z.enum(['xlsx', 'pdf']) }).refine(fromBeforeTo, FROM_AFTER_TO),
    SavedExportSchema,
  ),
} as const;
