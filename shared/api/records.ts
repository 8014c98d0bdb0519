import { z } from 'zod';
import { DateOnlySchema, IdSchema, InstantSchema, RupiahSchema } from '../domain/entities';
import { RECORD_KINDS, type RecordKind } from '../domain/record-permissions';
import { OrderStatusSchema, ReportStatusSchema, SampleStatusSchema } from '../domain/states';
import { RoleSchema } from '../sop/roles';

/**
 * Records and reports of the unit (SOP "Pencatatan dan Pendataan"): `GET /api/v1/records/<kind>`
 * for a period of calendar dates in WIB, both ends included, as JSON (these schemas), XLSX or PDF
 * (`format`). Who may read which: shared/domain/record-permissions.ts.
 *
 * Which records fall in the period:
 * - order register: orders submitted in it;
 * - sample register: samples registered (received, step 11) in it;
 * - report register: LHU numbers given (step 17) in it, amended and superseded ones included;
 * - revenue: e-billings paid in it (the payment date: NTPN or proof of payment);
 * - performance: SOP steps finished in it (the audit trail's times);
 * - IKM: surveys submitted in it.
 * Rupiah are integers; instants are ISO-8601 UTC; `*.date` fields are WIB calendar dates.
 */

/** The longest period one request may cover: a year (a yearly report), leap years included. */
export const MAX_PERIOD_DAYS = 366;

export const RecordFormatSchema = z.enum(['json', 'xlsx', 'pdf']);
export type RecordFormat = z.infer<typeof RecordFormatSchema>;

export const RecordsQuerySchema = z
  .strictObject({
    from: DateOnlySchema,
    to: DateOnlySchema,
    format: RecordFormatSchema.default('json'),
  })
  .refine((q) => q.from <= q.to, {
    error: 'tanggal "from" harus sebelum atau sama dengan "to" / "from" must not be after "to"',
    path: ['to'],
  })
  .refine((q) => (Date.parse(q.to) - Date.parse(q.from)) / 86_400_000 < MAX_PERIOD_DAYS, {
    error: `periode paling lama ${MAX_PERIOD_DAYS} hari / the period is at most ${MAX_PERIOD_DAYS} days`,
    path: ['to'],
  });
export type RecordsQuery = z.output<typeof RecordsQuerySchema>;

export const RecordKindSchema = z.enum(RECORD_KINDS);

export const PeriodSchema = z.object({
  from: DateOnlySchema,
  to: DateOnlySchema,
  timeZone: z.literal('WIB'),
  /** The first instant of `from` (00:00 WIB) and the first instant after `to`, UTC. */
  start: InstantSchema,
  end: InstantSchema,
});
export type Period = z.infer<typeof PeriodSchema>;

const Header = {
  kind: RecordKindSchema,
  unit: z.object({ code: z.string(), name: z.string() }),
  period: PeriodSchema,
  generatedAt: InstantSchema,
};

export const RecordsIndexResponseSchema = z.object({
  role: RoleSchema,
  /** The records this user may read. */
  kinds: z.array(RecordKindSchema),
  formats: z.array(RecordFormatSchema),
  maxPeriodDays: z.number().int(),
});

// ------------------------------------------------------------------------------------------------
// Registers

/** A register: the header, one row per order, sample or report of the period, and its totals. */
function register<K extends RecordKind, R extends z.ZodType, T extends z.ZodRawShape>(
  kind: K,
  row: R,
  totals: T,
) {
  return z.object({ ...Header, kind: z.literal(kind), rows: z.array(row), totals: z.object(totals) });
}

export const OrderRegisterRowSchema = z.object({
  orderId: IdSchema,
  number: z.string().nullable(),
  submittedAt: InstantSchema,
  customerId: IdSchema,
  customerName: z.string(),
  sampleCount: z.number().int().nonnegative(),
  sampleTypes: z.array(z.string()),
  parameterCount: z.number().int().nonnegative(),
  /** The approved tariff total, or the total of the order's parameters before approval. */
  total: RupiahSchema,
  status: OrderStatusSchema,
  paidAt: InstantSchema.nullable(),
  finishedAt: InstantSchema.nullable(),
});
export const OrderRegisterResponseSchema = register('orders', OrderRegisterRowSchema, {
  orders: z.number().int(),
  samples: z.number().int(),
  amount: RupiahSchema,
  byStatus: z.record(z.string(), z.number().int()),
});
export type OrderRegister = z.infer<typeof OrderRegisterResponseSchema>;

export const SampleRegisterRowSchema = z.object({
  sampleId: IdSchema,
  orderId: IdSchema,
  number: z.string().nullable(),
  orderNumber: z.string().nullable(),
  receivedAt: InstantSchema,
  customerName: z.string(),
  sampleType: z.string(),
  description: z.string(),
  customerLabel: z.string(),
  labId: IdSchema.nullable(),
  labName: z.string(),
  parameterCount: z.number().int().nonnegative(),
  status: SampleStatusSchema,
  /** The current LHU number of the sample, if numbered. */
  reportNumber: z.string().nullable(),
});
export const SampleRegisterResponseSchema = register('samples', SampleRegisterRowSchema, {
  samples: z.number().int(),
  parameters: z.number().int(),
  byLab: z.record(z.string(), z.number().int()),
});
export type SampleRegister = z.infer<typeof SampleRegisterResponseSchema>;

export const ReportRegisterRowSchema = z.object({
  reportId: IdSchema,
  number: z.string(),
  orderId: IdSchema,
  orderNumber: z.string().nullable(),
  sampleId: IdSchema,
  sampleNumber: z.string().nullable(),
  customerName: z.string(),
  sampleType: z.string(),
  labName: z.string(),
  numberedAt: InstantSchema,
  signedAt: InstantSchema.nullable(),
  releasedAt: InstantSchema.nullable(),
  status: ReportStatusSchema,
  /** An amended report (ISO/IEC 17025 7.8.8): the number it replaces and why. */
  replacesNumber: z.string().nullable(),
  amendReason: z.string().nullable(),
});
export const ReportRegisterResponseSchema = register('reports', ReportRegisterRowSchema, {
  reports: z.number().int(),
  released: z.number().int(),
  amended: z.number().int(),
});
export type ReportRegister = z.infer<typeof ReportRegisterResponseSchema>;

// ------------------------------------------------------------------------------------------------
// PNBP revenue

export const RevenueResponseSchema = z.object({
  ...Header,
  kind: z.literal('revenue'),
  /** Per parameter of the catalog (a parameter belongs to one sample type of one lab). */
  byParameter: z.array(
    z.object({
      parameterId: IdSchema,
      parameterName: z.string(),
      sampleType: z.string(),
      labName: z.string(),
      /** Tests paid for (parameter x sample). */
      count: z.number().int().nonnegative(),
      amount: RupiahSchema,
    }),
  ),
  byLab: z.array(
    z.object({
      labId: IdSchema.nullable(),
      labName: z.string(),
      samples: z.number().int().nonnegative(),
      count: z.number().int().nonnegative(),
      amount: RupiahSchema,
    }),
  ),
  /** Each paid e-billing. */
  payments: z.array(
    z.object({
      orderId: IdSchema,
      orderNumber: z.string().nullable(),
      customerName: z.string(),
      billingCode: z.string(),
      ntpn: z.string().nullable(),
      paidAt: InstantSchema,
      amount: RupiahSchema,
    }),
  ),
  totals: z.object({
    orders: z.number().int(),
    /** Sum of the parameter lines (equals byLab and byParameter). */
    amount: RupiahSchema,
    /** Sum of the paid e-billings' amounts: equals `amount` unless an order changed after payment. */
    billed: RupiahSchema,
  }),
});
export type RevenueReport = z.infer<typeof RevenueResponseSchema>;

// ------------------------------------------------------------------------------------------------
// SOP performance

export const StandardSchema = z.object({
  unit: z.enum(['minutes', 'working_days', 'none']),
  value: z.number().nullable(),
});

export const StepPerformanceSchema = z.object({
  step: z.number().int().min(1).max(22),
  actor: RoleSchema,
  activity: z.object({ id: z.string(), en: z.string() }),
  standard: StandardSchema,
  /** Unit of median and p90: minutes, or working days for step 14. */
  unit: z.enum(['minutes', 'working_days']),
  /** Times the step finished in the period (per sample for steps 11-20). */
  count: z.number().int().nonnegative(),
  /**
   * Of these, the ones with a measured time: a customer's registration (step 2) or first order
   * (step 4) begins in the customer's browser, where nothing is recorded, so only a resubmitted
   * order (from the return) has a start. Median and P90 are of the measured ones.
   */
  measured: z.number().int().nonnegative(),
  median: z.number().nullable(),
  /** 90th percentile, nearest rank. */
  p90: z.number().nullable(),
  over: z.number().int().nonnegative(),
  /** Why a step has no figures, when it cannot have any (step 1 is not recorded). */
  note: z.string().nullable(),
});
export const OverrunSchema = z.object({
  step: z.number().int(),
  orderId: IdSchema.nullable(),
  orderNumber: z.string().nullable(),
  sampleId: IdSchema.nullable(),
  sampleNumber: z.string().nullable(),
  customerName: z.string(),
  startedAt: InstantSchema,
  finishedAt: InstantSchema,
  actual: z.number(),
  standard: z.number(),
  unit: z.enum(['minutes', 'working_days']),
});
export const PerformanceResponseSchema = z.object({
  ...Header,
  kind: z.literal('performance'),
  steps: z.array(StepPerformanceSchema).length(22),
  overruns: z.array(OverrunSchema),
  totals: z.object({
    timings: z.number().int(),
    over: z.number().int(),
    orders: z.number().int(),
    ordersOver: z.number().int(),
  }),
});
export type PerformanceReport = z.infer<typeof PerformanceResponseSchema>;

// ------------------------------------------------------------------------------------------------
// IKM

export const IkmCategorySchema = z.object({
  grade: z.enum(['A', 'B', 'C', 'D']),
  label: z.object({ id: z.string(), en: z.string() }),
  min: z.number(),
  max: z.number(),
});
const IkmFigures = {
  count: z.number().int().nonnegative(),
  /** Two decimals; null without surveys. */
  index: z.number().nullable(),
  category: IkmCategorySchema.nullable(),
};
export const IkmResponseSchema = z.object({
  ...Header,
  kind: z.literal('ikm'),
  ...IkmFigures,
  elements: z
    .array(
      z.object({
        key: z.string(),
        label: z.object({ id: z.string(), en: z.string() }),
        mean: z.number().nullable(),
      }),
    )
    .length(9),
  /** The same per calendar month (WIB) of the period. */
  byMonth: z.array(z.object({ month: z.string().regex(/^\d{4}-\d{2}$/), ...IkmFigures })),
  responses: z.array(
    z.object({
      orderId: IdSchema,
      orderNumber: z.string().nullable(),
      customerName: z.string(),
      submittedAt: InstantSchema,
      scores: z.array(z.number().int().min(1).max(4)).length(9),
      index: z.number(),
      comment: z.string(),
    }),
  ),
});
export type IkmReport = z.infer<typeof IkmResponseSchema>;

export type RecordReport =
  OrderRegister | SampleRegister | ReportRegister | RevenueReport | PerformanceReport | IkmReport;
