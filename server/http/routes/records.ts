import type { ZodType } from 'zod';
import { API_PREFIX } from '../../../shared/api/http';
import {
  IkmResponseSchema,
  MAX_PERIOD_DAYS,
  OrderRegisterResponseSchema,
  PerformanceResponseSchema,
  RecordFormatSchema,
  RecordsIndexResponseSchema,
  RecordsQuerySchema,
  ReportRegisterResponseSchema,
  RevenueResponseSchema,
  SampleRegisterResponseSchema,
} from '../../../shared/api/records';
import {
  RECORD_ACCESS,
  RECORD_KINDS,
  recordsFor,
  type RecordKind,
} from '../../../shared/domain/record-permissions';
import { buildRecord, periodOf, renderRecord } from '../../records';
import type { AppContext } from '../context';

const SPECS: Record<RecordKind, { path: string; summary: string; response: ZodType }> = {
  orders: {
    path: 'orders',
    summary: 'Register order: order yang diajukan dalam periode / the order register',
    response: OrderRegisterResponseSchema,
  },
  samples: {
    path: 'samples',
    summary: 'Register sampel: sampel yang diregistrasi (langkah 11) dalam periode / the sample register',
    response: SampleRegisterResponseSchema,
  },
  reports: {
    path: 'reports',
    summary: 'Register LHU: nomor LHU (langkah 17) dalam periode / the report register',
    response: ReportRegisterResponseSchema,
  },
  revenue: {
    path: 'revenue',
    summary: 'Penerimaan PNBP per parameter dan per laboratorium (e-billing lunas) / PNBP revenue',
    response: RevenueResponseSchema,
  },
  performance: {
    path: 'performance',
    summary:
      'Kinerja SOP: per langkah jumlah, median, P90 terhadap waktu baku, dan yang terlambat / SOP performance against the standard times',
    response: PerformanceResponseSchema,
  },
  ikm: {
    path: 'ikm',
    summary:
      'Hasil survei: IKM dengan mutu pelayanan, per unsur dan per bulan / the satisfaction index (IKM)',
    response: IkmResponseSchema,
  },
};

/**
 * Records and reports (SOP "Pencatatan dan Pendataan"): each record for a period of WIB dates as
 * JSON, XLSX or PDF (`?format=`). Who may read which is the table in
 * shared/domain/record-permissions.ts; the figures come from server/records.
 */
export function recordRoutes(app: AppContext): void {
  const { handle, config } = app.env;

  app.router.add({
    method: 'GET',
    url: `${API_PREFIX}/records`,
    summary: 'Rekap dan laporan yang boleh dibaca pengguna ini / the records this user may read',
    tags: ['records'],
    access: 'user',
    response: RecordsIndexResponseSchema,
    handler: async ({ auth }) => ({
      role: auth.actor.role,
      kinds: recordsFor(auth.actor.role),
      formats: RecordFormatSchema.options,
      maxPeriodDays: MAX_PERIOD_DAYS,
    }),
  });

  for (const kind of RECORD_KINDS) {
    const spec = SPECS[kind];
    app.router.add({
      method: 'GET',
      url: `${API_PREFIX}/records/${spec.path}`,
      summary: `${spec.summary}. format=json|xlsx|pdf`,
      tags: ['records'],
      access: RECORD_ACCESS[kind],
      query: RecordsQuerySchema,
      response: spec.response,
      handler: async ({ query, reply }) => {
        const report = await buildRecord(
          handle,
          config.unitCode,
          kind,
          periodOf(query.from, query.to),
          config.now(),
        );
        if (query.format === 'json') return report;
        const file = await renderRecord(report, query.format);
        return reply
          .header('content-type', file.contentType)
          .header('content-disposition', `attachment; filename="${file.fileName}"`)
          .send(file.body);
      },
    });
  }
}
