/**
 * The online staff calls (Admin Satker, CS, Ketua Tim PJI, Bendahara): each one is a request to the
 * SIPPT server made now, with the signed-in user's session. They keep nothing locally: offline they
 * answer `offline` and nothing is half-done, so the screen keeps what was typed and says
 * "perlu koneksi". Inputs and outputs reuse the server's own request and response schemas
 * (shared/api/http.ts), so the desktop and the server cannot drift apart.
 */
import { z } from 'zod';
import {
  AccountCommandResponseSchema,
  AuditListResponseSchema,
  CatalogResponseSchema,
  CommandResponseSchema,
  CreateLabRequestSchema,
  CreateParameterRequestSchema,
  CreateSampleTypeRequestSchema,
  CreateUserRequestSchema,
  CustomerListResponseSchema,
  CustomerResponseSchema,
  LabResponseSchema,
  OrderResponseSchema,
  OrderSummarySchema,
  ParameterResponseSchema,
  PublicUserSchema,
  RegisterSampleRequestSchema,
  RequestSignatureRequestSchema,
  SampleTypeResponseSchema,
  StaffListResponseSchema,
  TariffApproveRequestSchema,
  UpdateLabRequestSchema,
  UpdateParameterRequestSchema,
  UpdateSampleTypeRequestSchema,
  UpdateUserRequestSchema,
  UserListResponseSchema,
} from '../api/http';
import { HolidayListSchema, PutHolidaysRequestSchema } from '../api/calendar';
import { OrderSchema } from '../domain/entities';
import { OrderReviewAnswersSchema } from '../domain/order-review';
import { RECORD_CALLS } from './records-calls';
import { Empty, Id, OrderRef, Reason, ReportRef, SampleRef } from './input-fields';
import { AccountStatusSchema, OrderStatusSchema } from '../domain/states';

interface OnlineSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  session: true;
  online: true;
}
const online = <I extends z.ZodType, O extends z.ZodType>(input: I, output: O): OnlineSpec<I, O> => ({
  input,
  output,
  session: true,
  online: true,
});

/** An order of a front-office list: the server's summary (with the customer's name) and the order itself. */
export const OnlineOrderSchema = z.object({
  summary: OrderSummarySchema,
  order: OrderSchema,
  totals: OrderResponseSchema.shape.totals,
});
export type OnlineOrder = z.infer<typeof OnlineOrderSchema>;

/** A file fetched from the server for viewing (an E-LHU, a proof of payment), base64. */
export const OnlineFileSchema = z.object({
  base64: z.string(),
  mime: z.string(),
  size: z.number().int().nonnegative(),
});
export type OnlineFile = z.infer<typeof OnlineFileSchema>;

/** A Kepala Balai's registered signing certificate, as the server answers PUT /users/:id/certificate. */
export const CertificateInfoSchema = z.object({
  userId: z.string(),
  fingerprint: z.string(),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});

/** At most this many orders per list call (the newest first, per status). */
export const ONLINE_ORDERS_MAX = 300;

export const ONLINE_CALLS = {
  // Orders (all four roles): the orders in the given statuses, each with its samples, billings,
  // proofs and reports (the worklists derive the SOP step and clock from them).
  'online.orders': online(
    z.strictObject({
      statuses: z.array(OrderStatusSchema).min(1).max(13),
      limit: z.number().int().min(1).max(ONLINE_ORDERS_MAX).default(200),
    }),
    z.object({ orders: z.array(OnlineOrderSchema), truncated: z.boolean() }),
  ),
  'online.order': online(z.strictObject(OrderRef), OrderResponseSchema),
  /** Lab and unit staff with role and lab (pickers: Penyelia, MT, Kepala Balai). */
  'online.staff': online(Empty, StaffListResponseSchema),
  'online.catalog': online(Empty, CatalogResponseSchema),

  // Admin Satker: customers (step 3), staff accounts, catalog, holidays, certificates, audit trail
  'online.customers': online(
    z.strictObject({
      status: AccountStatusSchema.optional(),
      limit: z.number().int().min(1).max(500).default(200),
    }),
    CustomerListResponseSchema,
  ),
  'online.customer': online(z.strictObject({ customerId: Id }), CustomerResponseSchema),
  'online.customer.activate': online(z.strictObject({ customerId: Id }), AccountCommandResponseSchema),
  'online.customer.deactivate': online(
    z.strictObject({ customerId: Id, reason: Reason }),
    AccountCommandResponseSchema,
  ),
  'online.users': online(Empty, UserListResponseSchema),
  'online.user.create': online(CreateUserRequestSchema, PublicUserSchema),
  'online.user.update': online(
    z.strictObject({ userId: Id, patch: UpdateUserRequestSchema }),
    PublicUserSchema,
  ),
  /** The PEM text of a Kepala Balai's certificate, as picked from a file by the screen. */
  'online.user.certificate': online(
    z.strictObject({ userId: Id, certificatePem: z.string().min(1).max(20_000) }),
    CertificateInfoSchema,
  ),
  'online.lab.create': online(CreateLabRequestSchema, LabResponseSchema),
  'online.lab.update': online(
    z.strictObject({ labId: Id, patch: UpdateLabRequestSchema }),
    LabResponseSchema,
  ),
  'online.sampleType.create': online(CreateSampleTypeRequestSchema, SampleTypeResponseSchema),
  'online.sampleType.update': online(
    z.strictObject({ sampleTypeId: Id, patch: UpdateSampleTypeRequestSchema }),
    SampleTypeResponseSchema,
  ),
  'online.parameter.create': online(CreateParameterRequestSchema, ParameterResponseSchema),
  'online.parameter.update': online(
    z.strictObject({ parameterId: Id, patch: UpdateParameterRequestSchema }),
    ParameterResponseSchema,
  ),
  'online.holidays': online(Empty, HolidayListSchema),
  'online.holidays.save': online(PutHolidaysRequestSchema, HolidayListSchema),
  'online.audit': online(
    z.strictObject({
      orderId: Id.optional(),
      entityId: Id.optional(),
      limit: z.number().int().min(1).max(500).default(100),
      before: z
        .string()
        .regex(/^\d{1,15}:\d{1,5}$/)
        .optional(),
    }),
    AuditListResponseSchema,
  ),

  // CS (steps 5, 11, 18, 20)
  /** Step 5, with the order review's answers (kept on the order, shown in its history). */
  'online.order.validate': online(
    z.strictObject({ ...OrderRef, review: OrderReviewAnswersSchema.optional() }),
    CommandResponseSchema,
  ),
  /** CS (an order as submitted, with the review's answers) or Ketua Tim (a tariff to check) sends the order back to the customer. */
  'online.order.return': online(
    z.strictObject({ ...OrderRef, reason: Reason, review: OrderReviewAnswersSchema.optional() }),
    CommandResponseSchema,
  ),
  'online.sample.register': online(
    z.strictObject({ ...SampleRef, ...RegisterSampleRequestSchema.shape }),
    CommandResponseSchema,
  ),
  /** The E-LHU of a report as this user may see it: unsigned until it is signed. */
  'online.report.file': online(z.strictObject(ReportRef), OnlineFileSchema),
  /** The unsigned E-LHU as it would be rendered now, marked DRAFT (step 18, before choosing the Kepala Balai). */
  'online.report.preview': online(
    z.strictObject({ ...ReportRef, kepalaBalaiId: Id.optional() }),
    OnlineFileSchema,
  ),
  'online.report.requestSignature': online(
    z.strictObject({ ...ReportRef, ...RequestSignatureRequestSchema.shape }),
    CommandResponseSchema,
  ),
  'online.report.release': online(z.strictObject(ReportRef), CommandResponseSchema),

  // Ketua Tim PJI (steps 6, 17; amendment)
  'online.tariff.approve': online(
    z.strictObject({ ...OrderRef, ...TariffApproveRequestSchema.shape }),
    CommandResponseSchema,
  ),
  'online.report.number': online(z.strictObject(SampleRef), CommandResponseSchema),
  'online.report.amend': online(z.strictObject({ ...ReportRef, reason: Reason }), CommandResponseSchema),

  // Bendahara (steps 8, 10)
  'online.billing.issue': online(z.strictObject(OrderRef), CommandResponseSchema),
  'online.billing.reissue': online(z.strictObject(OrderRef), CommandResponseSchema),
  'online.proof.file': online(z.strictObject({ ...OrderRef, proofId: Id }), OnlineFileSchema),
  'online.proof.approve': online(z.strictObject({ ...OrderRef, proofId: Id }), CommandResponseSchema),
  'online.proof.reject': online(
    z.strictObject({ ...OrderRef, proofId: Id, reason: Reason }),
    CommandResponseSchema,
  ),

  // Records and reports (Admin Satker, Kepala Balai, Ketua Tim PJI, CS, Bendahara: record-permissions.ts)
  ...RECORD_CALLS,
} as const;

export type OnlineCallName = keyof typeof ONLINE_CALLS;
