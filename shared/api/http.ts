import { z } from 'zod';
import { COMMAND_PAYLOADS } from '../domain/commands';
import {
  BillingCodeSchema,
  CustomerSchema,
  IdSchema,
  InstantSchema,
  LabSchema,
  NtpnSchema,
  OrderSchema,
  ParameterSchema,
  ReasonSchema,
  RequirementSchema,
  RupiahSchema,
  SampleTypeSchema,
  IKM_ELEMENTS,
  UnitSchema,
  UserSchema,
} from '../domain/entities';
import { REJECTION_CODES } from '../domain/rejections';
import { OrderReviewAnswersSchema } from '../domain/order-review';
import { ResultInputSchema } from '../domain/result-value';
import {
  AccountStatusSchema,
  AnalysisStatusSchema,
  OrderStatusSchema,
  SampleStatusSchema,
} from '../domain/states';
import type { Role } from '../sop/roles';
import { STAFF_ROLES } from '../domain/permissions';

/**
 * The HTTP contract of the SIPPT server (`/api/v1`): request and response bodies as zod schemas,
 * shared by the server (validation, OpenAPI document) and its clients (desktop, portal).
 *
 * Request bodies are strict: an unknown field is an error, so a typo never silently does nothing.
 * Server-owned data (ids, numbers, catalog data, tariffs, billing codes, hashes) is never part of a
 * request: the server fills it in from its tables.
 */

export const API_PREFIX = '/api/v1';

export const MessageSchema = z.object({ id: z.string(), en: z.string() });

/** Every error: a code for programs, a message for people (Indonesian first, English second). */
export const ERROR_CODES = [
  ...REJECTION_CODES,
  'bad_request', // the request itself is malformed (JSON syntax, wrong field types, unknown fields)
  'unauthorized', // no or invalid access token
  'invalid_credentials',
  'account_pending', // customer account not yet activated (SOP step 3)
  'account_inactive',
  'account_locked', // too many failed logins
  'rate_limited',
  'refresh_reused', // a rotated refresh token was used again: the session is revoked
  'payload_too_large',
  'unsupported_media_type',
  'unsupported_file_type',
  'invalid_signature', // payment notification HMAC or signed report
  'conflict', // unique data already exists (username, e-mail, code)
  'survey_required', // SOP step 21: the E-LHU is downloadable only after the survey
  'not_available',
  'method_not_allowed', // 405: the address exists but not with this method; the Allow header lists the methods it takes
  'client_outdated', // the desktop is older than the unit's minimum supported version (426): update it; its queued changes stay on it
  'history_changed', // sync pull: the cursor belongs to another history of the server (restored from a backup): pull again from the start (cursor null)
  'internal_error',
] as const;
export type ErrorCode = (typeof ERROR_CODES)[number];
export const ErrorResponseSchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: MessageSchema,
    /** For invalid requests: the fields at fault. */
    issues: z.array(z.object({ path: z.string(), message: z.string() })).optional(),
  }),
});
export type ErrorResponse = z.infer<typeof ErrorResponseSchema>;

/** HTTP status of each rejection code of the domain core. */
export const REJECTION_STATUS = {
  forbidden: 403,
  not_found: 404,
  invalid_transition: 409,
  stale_version: 409,
  invalid_payload: 422,
} as const;

// Who may call the operations outside the command table: shared/domain/permissions.ts, the one
// table of permissions; re-exported for the route table.
export { HTTP_PERMISSIONS, STAFF_ROLES, hasPermission, type HttpPermission } from '../domain/permissions';

// ------------------------------------------------------------------------------------------------
// Common
export const EmptyBodySchema = z.strictObject({});
export const ReasonBodySchema = z.strictObject({ reason: ReasonSchema });
/** Step 5: CS validates, with the order review's answers (kept on the order; all "bisa"). */
export const ValidateOrderRequestSchema = z.strictObject({
  review: OrderReviewAnswersSchema.optional(),
  /**
   * The parameters the lab has tested by a subcontracted laboratory (ISO/IEC 17025 6.6), chosen by CS
   * in the order review: the customer sees them with the tariff (step 7); a customer's order names none.
   */
  subcontractors: COMMAND_PAYLOADS['order.validate'].shape.subcontractors.optional(),
});
/** CS or Ketua Tim returns an order; CS's return at step 5 may carry the order review's answers. */
export const ReturnOrderRequestSchema = z.strictObject({
  reason: ReasonSchema,
  review: OrderReviewAnswersSchema.optional(),
});
export const OrderParamsSchema = z.strictObject({ orderId: IdSchema });
export const SampleParamsSchema = z.strictObject({ orderId: IdSchema, sampleId: IdSchema });
export const AnalysisParamsSchema = z.strictObject({
  orderId: IdSchema,
  sampleId: IdSchema,
  analysisId: IdSchema,
});
export const ReportParamsSchema = z.strictObject({
  orderId: IdSchema,
  sampleId: IdSchema,
  reportId: IdSchema,
});
export const ProofParamsSchema = z.strictObject({ orderId: IdSchema, proofId: IdSchema });
export const IdParamsSchema = z.strictObject({ id: IdSchema });
/** An optional `Idempotency-Key` header (UUID) makes any state-changing request safe to resend. */
export const IDEMPOTENCY_HEADER = 'idempotency-key';

// ------------------------------------------------------------------------------------------------
// Auth and accounts
export const UsernameSchema = UserSchema.shape.username;
export const PasswordSchema = z
  .string()
  .min(10, { error: 'kata sandi minimal 10 karakter / password needs at least 10 characters' })
  .max(200, { error: 'kata sandi maksimal 200 karakter / password is at most 200 characters' });

export const RegisterRequestSchema = z.strictObject({
  username: UsernameSchema,
  password: PasswordSchema,
  ...CustomerSchema.pick({ companyName: true, contactName: true, email: true, phone: true, address: true })
    .shape,
  npwp: CustomerSchema.shape.npwp.optional().default(null),
});
export type RegisterRequest = z.input<typeof RegisterRequestSchema>;
export const RegisterResponseSchema = z.object({
  customerId: IdSchema,
  userId: IdSchema,
  status: AccountStatusSchema,
  message: MessageSchema,
  /** The customer created (the same as customerId); the Location header names it. */
  createdId: IdSchema,
});

export const LoginRequestSchema = z.strictObject({
  username: z.string().trim().min(1).max(64),
  password: z.string().min(1).max(200),
});
export const RefreshRequestSchema = z.strictObject({ refreshToken: z.string().min(20).max(200) });
export const PublicUserSchema = UserSchema;
export type PublicUser = z.infer<typeof PublicUserSchema>;
/** POST /users: the account created, its id again as createdId (the Location header names it). */
export const CreatedUserResponseSchema = PublicUserSchema.extend({ createdId: IdSchema });
export const SessionResponseSchema = z.object({
  tokenType: z.literal('Bearer'),
  accessToken: z.string(),
  /** Seconds until the access token expires. */
  expiresIn: z.number().int().positive(),
  refreshToken: z.string(),
  refreshExpiresIn: z.number().int().positive(),
  user: PublicUserSchema,
});
export type SessionResponse = z.infer<typeof SessionResponseSchema>;
export const OkResponseSchema = z.object({ ok: z.literal(true) });

export const ChangePasswordRequestSchema = z.strictObject({
  currentPassword: z.string().min(1).max(200),
  newPassword: PasswordSchema,
});

/** Staff roles Admin Satker may give; a customer account is made by registration only. */
export const StaffRoleSchema = z.enum(
  STAFF_ROLES as unknown as [
    Exclude<Role, 'pelanggan' | 'sistem'>,
    ...Exclude<Role, 'pelanggan' | 'sistem'>[],
  ],
);
export const CreateUserRequestSchema = z.strictObject({
  username: UsernameSchema,
  password: PasswordSchema,
  name: UserSchema.shape.name,
  role: StaffRoleSchema,
  labId: IdSchema.nullable().default(null),
  nip: UserSchema.shape.nip.default(null),
});
export const UpdateUserRequestSchema = z
  .strictObject({
    name: UserSchema.shape.name,
    role: StaffRoleSchema,
    labId: IdSchema.nullable(),
    nip: UserSchema.shape.nip,
    active: z.boolean(),
  })
  .partial()
  .refine((v) => Object.keys(v).length > 0, { error: 'tidak ada yang diubah / nothing to change' });
export const ResetPasswordRequestSchema = z.strictObject({ password: PasswordSchema });
export const UserListResponseSchema = z.object({ users: z.array(PublicUserSchema) });
/** Lab staff as the desktop shows them (names for ids in worklists). */
export const StaffMemberSchema = UserSchema.pick({
  id: true,
  name: true,
  role: true,
  labId: true,
  active: true,
});
export const StaffListResponseSchema = z.object({ staff: z.array(StaffMemberSchema) });

export const CustomerListQuerySchema = z.strictObject({
  status: AccountStatusSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
});
export const CustomerResponseSchema = z.object({ customer: CustomerSchema, version: z.number().int() });
export const CustomerListResponseSchema = z.object({ customers: z.array(CustomerSchema) });

// ------------------------------------------------------------------------------------------------
// Catalog
export const NumberFormatsSchema = z.strictObject({
  order: z.string().min(5).max(80).optional(),
  sample: z.string().min(5).max(80).optional(),
  lhu: z.string().min(5).max(80).optional(),
});
export const TimeZoneSchema = z.enum(['WIB', 'WITA', 'WIT']);
/** The unit as the catalog and the E-LHU letterhead show it. */
export const UnitSettingsSchema = UnitSchema.extend({
  shortName: z.string().max(100),
  parentLines: z.array(z.string().max(200)).max(4),
  city: z.string().max(100),
  contactLine: z.string().max(300),
  timeZone: TimeZoneSchema,
  hasLogo: z.boolean(),
  numberFormats: z.object({ order: z.string(), sample: z.string(), lhu: z.string() }),
});
export const UpdateUnitRequestSchema = z.strictObject({
  name: UnitSchema.shape.name.optional(),
  address: UnitSchema.shape.address.optional(),
  accreditation: UnitSchema.shape.accreditation.optional(),
  shortName: z.string().trim().max(100).optional(),
  parentLines: z.array(z.string().trim().max(200)).max(4).optional(),
  city: z.string().trim().max(100).optional(),
  contactLine: z.string().trim().max(300).optional(),
  timeZone: TimeZoneSchema.optional(),
  numberFormats: NumberFormatsSchema.optional(),
});
export const CatalogLabSchema = LabSchema.extend({ active: z.boolean() });
export const CatalogSampleTypeSchema = SampleTypeSchema.extend({ active: z.boolean() });
export const CatalogResponseSchema = z.object({
  unit: UnitSettingsSchema,
  labs: z.array(CatalogLabSchema),
  sampleTypes: z.array(CatalogSampleTypeSchema),
  parameters: z.array(ParameterSchema),
});
export type CatalogResponse = z.infer<typeof CatalogResponseSchema>;
export const CreateLabRequestSchema = z.strictObject({
  code: LabSchema.shape.code,
  name: LabSchema.shape.name,
});
export const UpdateLabRequestSchema = z
  .strictObject({ name: LabSchema.shape.name, active: z.boolean() })
  .partial();
export const CreateSampleTypeRequestSchema = z.strictObject({
  labId: IdSchema,
  name: SampleTypeSchema.shape.name,
  description: SampleTypeSchema.shape.description.default(''),
});
export const UpdateSampleTypeRequestSchema = z
  .strictObject({
    name: SampleTypeSchema.shape.name,
    description: SampleTypeSchema.shape.description,
    active: z.boolean(),
  })
  .partial();
/** A requirement as sent: strict (no unknown fields), then checked by the entity's own rules. */
const RequirementInputSchema = z
  .strictObject(RequirementSchema.shape)
  .pipe(
    RequirementSchema as unknown as z.ZodType<
      z.output<typeof RequirementSchema>,
      z.output<typeof RequirementSchema>
    >,
  );
/**
 * A parameter's default expanded uncertainty U with its coverage factor k, from the method's
 * validation (ISO/IEC 17025 7.8.3.1 c): the Analis accepts it or enters their own per result.
 */
export const CatalogUncertaintySchema = z.strictObject({
  expanded: z
    .number({ error: 'U harus angka / U must be a number' })
    .finite()
    .positive({ error: 'U harus lebih dari 0 / U must be greater than 0' }),
  coverageFactor: z
    .number({ error: 'k harus angka / k must be a number' })
    .finite()
    .min(1, { error: 'k minimal 1 (biasanya 2) / k is at least 1 (usually 2)' })
    .max(10, { error: 'k paling besar 10 (biasanya 2) / k is at most 10 (usually 2)' }),
});
export const CreateParameterRequestSchema = z.strictObject({
  sampleTypeId: IdSchema,
  name: ParameterSchema.shape.name,
  unit: ParameterSchema.shape.unit,
  method: ParameterSchema.shape.method,
  requirement: RequirementInputSchema.nullable().default(null),
  detectionLimit: ParameterSchema.shape.detectionLimit,
  /** Default U with k (null: none stated). */
  uncertainty: CatalogUncertaintySchema.nullable().default(null),
  /** Inside the unit's accreditation scope (the E-LHU marks results outside it). */
  accredited: z.boolean().default(true),
  tariff: RupiahSchema,
});
export const UpdateParameterRequestSchema = z
  .strictObject({
    name: ParameterSchema.shape.name,
    unit: ParameterSchema.shape.unit,
    method: ParameterSchema.shape.method,
    requirement: RequirementInputSchema.nullable(),
    detectionLimit: ParameterSchema.shape.detectionLimit.unwrap(),
    /** null removes the default U. */
    uncertainty: CatalogUncertaintySchema.nullable(),
    accredited: z.boolean(),
    tariff: RupiahSchema,
    active: z.boolean(),
  })
  .partial();
export const LabResponseSchema = z.object({ lab: CatalogLabSchema });
export const SampleTypeResponseSchema = z.object({ sampleType: CatalogSampleTypeSchema });
export const ParameterResponseSchema = z.object({ parameter: ParameterSchema });

// ------------------------------------------------------------------------------------------------
// Orders (steps 4-10, 21-22)
export const OrderSampleRequestSchema = z.strictObject({
  sampleTypeId: IdSchema,
  description: z.string().trim().min(3).max(1000),
  customerLabel: z.string().trim().max(200).default(''),
  parameterIds: z
    .array(IdSchema)
    .min(1, { error: 'pilih minimal satu parameter / pick at least one parameter' })
    .max(200)
    .refine((ids) => new Set(ids).size === ids.length, { error: 'parameter ganda / duplicate parameter' }),
});
export const SubmitOrderRequestSchema = z.strictObject({
  samples: z
    .array(OrderSampleRequestSchema)
    .min(1, { error: 'pesanan butuh minimal satu sampel / an order needs at least one sample' })
    .max(100),
});
export type SubmitOrderRequest = z.input<typeof SubmitOrderRequestSchema>;
export const TariffApproveRequestSchema = z.strictObject({
  adjustments: COMMAND_PAYLOADS['tariff.approve'].shape.adjustments,
});

export const OrderSummarySchema = z.object({
  id: IdSchema,
  number: z.string().nullable(),
  status: OrderStatusSchema,
  customerId: IdSchema,
  companyName: z.string(),
  submittedAt: InstantSchema,
  updatedAt: InstantSchema,
  version: z.number().int(),
  sampleCount: z.number().int(),
  total: z.number().int(),
});
export type OrderSummary = z.infer<typeof OrderSummarySchema>;
/**
 * A page cursor of GET /orders: the last order of the previous page as `<submittedAt>_<id>`. The
 * list is ordered by submission time then id, newest first: both never change, so paging stays
 * stable while orders are updated or new ones arrive (new ones come before the first page).
 */
export const ORDER_CURSOR_PATTERN =
  '^[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}(?:\\.[0-9]{1,9})?Z_[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$';

/** Worklist queries (issue 12): no client has to scan every order. Filters combine (and). */
export const OrderListQuerySchema = z.strictObject({
  status: OrderStatusSchema.optional(),
  /** Orders with at least one sample in this status. */
  sampleStatus: SampleStatusSchema.optional(),
  /** Orders with at least one analysis in this status. */
  analysisStatus: AnalysisStatusSchema.optional(),
  /**
   * "My work": orders waiting at an SOP step the caller's role performs and, for the lab roles,
   * assigned to the caller (the analyst's open analyses, the Penyelia's verification, the MT's
   * validation, the Kepala Balai's signature).
   */
  mine: z.enum(['true', 'false']).optional(),
  limit: z.coerce.number().int().min(1).max(200).default(50),
  /** The previous page's nextCursor (ORDER_CURSOR_PATTERN). */
  cursor: z.string().regex(new RegExp(ORDER_CURSOR_PATTERN)).optional(),
});
export const OrderListResponseSchema = z.object({
  orders: z.array(OrderSummarySchema),
  nextCursor: z.string().nullable(),
});
export const OrderResponseSchema = z.object({
  order: OrderSchema,
  totals: z.object({ total: z.number().int(), parameterCount: z.number().int() }),
});
export type OrderResponse = z.infer<typeof OrderResponseSchema>;
/** Answer to every state-changing operation: the command's outcome and the order as it is now. */
export const CommandResponseSchema = OrderResponseSchema.extend({
  commandId: IdSchema,
  status: z.literal('applied'),
  version: z.number().int(),
  /** True when the request was a resend (same Idempotency-Key) and the stored outcome was returned. */
  replayed: z.boolean(),
  /** A command that creates something (an order, a report): its id; the Location header names it. */
  createdId: IdSchema.optional(),
});
export type CommandResponse = z.infer<typeof CommandResponseSchema>;
export const AccountCommandResponseSchema = CustomerResponseSchema.extend({
  commandId: IdSchema,
  status: z.literal('applied'),
  replayed: z.boolean(),
});

// Billing and payment (steps 8-10)
export const PaymentNotifyRequestSchema = z.strictObject({
  billingCode: BillingCodeSchema,
  ntpn: NtpnSchema,
  paidAt: InstantSchema,
  /** When the gateway sends it, it must equal the billed amount. */
  amount: RupiahSchema.optional(),
});
export const PaymentNotifyResponseSchema = z.object({
  status: z.literal('paid'),
  orderId: IdSchema,
  replayed: z.boolean(),
});
/** Header carrying `sha256=<hex HMAC-SHA256 of the raw body>` with the unit's shared secret. */
export const PAYMENT_SIGNATURE_HEADER = 'x-sippt-signature';
/** Multipart fields of a proof-of-payment upload: `file` (PDF, JPEG or PNG) and optional `ntpn`. */
export const UPLOAD_MAX_BYTES = 5 * 1024 * 1024;
export const UploadProofFieldsSchema = z.strictObject({ ntpn: NtpnSchema.optional() });

// Samples and results (steps 11-16)
export const RegisterSampleRequestSchema = z.strictObject({
  labId: IdSchema,
  penyeliaId: IdSchema,
  mtId: IdSchema,
});
export const AcceptSampleRequestSchema = z.strictObject({
  condition: COMMAND_PAYLOADS['sample.accept'].shape.condition,
});
export const AssignAnalystsRequestSchema = z.strictObject({
  assignments: z
    .array(z.strictObject({ analysisId: IdSchema, analystId: IdSchema }))
    .min(1)
    .max(2000),
});
export const SaveResultRequestSchema = z.strictObject({ result: ResultInputSchema });
export const RetestRequestSchema = z.strictObject({
  reason: ReasonSchema,
  analystId: IdSchema.nullable().default(null),
});

// Reports (steps 17-20)
export const RequestSignatureRequestSchema = z.strictObject({ kepalaBalaiId: IdSchema });
export const AmendReportRequestSchema = z.strictObject({ reason: ReasonSchema });
/** A verified signed E-LHU stored ahead of its report.sign command (the desktop pushes that command by sync). */
export const SignedFileResponseSchema = z.object({
  reportId: IdSchema,
  signedHash: z.string().regex(/^[0-9a-f]{64}$/),
});

/** Step 19 without the desktop: the prepared E-LHU (signature block and placeholder in place) and what to sign. */
export const SigningPackageResponseSchema = z.object({
  reportId: IdSchema,
  /** The prepared PDF (base64): the signed file is these bytes with the CMS hex-encoded into /Contents. */
  pdfBase64: z.string(),
  /** /ByteRange [offset1, length1, offset2, length2]: the signed bytes are these two ranges of the prepared PDF. */
  byteRange: z.tuple([z.number().int(), z.number().int(), z.number().int(), z.number().int()]),
  /** SHA-256 (hex) of the two byte ranges: the CMS's message-digest attribute. */
  digestSha256: z.string().regex(/^[0-9a-f]{64}$/),
  /** The signing time written in the document (/M): send it back with the CMS. */
  signingTime: InstantSchema,
  /** Bytes of DER CMS the placeholder holds at most. */
  signatureLength: z.number().int(),
  /** SHA-256 (hex) of the unsigned E-LHU queued at step 18. */
  documentHash: z.string().regex(/^[0-9a-f]{64}$/),
  subFilter: z.literal('ETSI.CAdES.detached'),
});
export const DetachedSignatureRequestSchema = z.strictObject({
  /** PAdES B-B: CMS SignedData (DER, base64), detached, with content-type, message-digest and signing-certificate-v2; no signing-time. */
  cms: z
    .string()
    .min(16)
    .max(200_000)
    .regex(/^[A-Za-z0-9+/]+={0,2}$/, { error: 'CMS harus DER dalam base64 / the CMS must be DER in base64' }),
  /** The signingTime of the signing package. */
  signingTime: InstantSchema,
});

// Survey (step 21): the nine IKM elements by name (shared/domain/entities.ts IKM_ELEMENTS).
export const IKM_ELEMENT_KEYS = IKM_ELEMENTS.map((e) => e.key);
const ikmScore = (e: (typeof IKM_ELEMENTS)[number]) =>
  z
    .number({
      error: (iss) =>
        iss.input === undefined
          ? `unsur IKM "${e.key}" (${e.id}) belum dinilai / IKM element "${e.key}" (${e.en}) is missing`
          : `nilai unsur "${e.key}" harus angka 1-4 / the score of "${e.key}" must be a number 1-4`,
    })
    .int({
      error: `nilai unsur "${e.key}" harus bilangan bulat 1-4 / the score of "${e.key}" must be a whole number 1-4`,
    })
    .min(1, { error: `nilai unsur "${e.key}" harus 1-4 / the score of "${e.key}" must be 1-4` })
    .max(4, { error: `nilai unsur "${e.key}" harus 1-4 / the score of "${e.key}" must be 1-4` });
export const SurveyNamedScoresSchema = z
  .looseObject(
    Object.fromEntries(IKM_ELEMENTS.map((e) => [e.key, ikmScore(e)])) as {
      [K in (typeof IKM_ELEMENTS)[number]['key']]: z.ZodNumber;
    },
  )
  .superRefine((v, ctx) => {
    for (const k of Object.keys(v)) {
      if (!(IKM_ELEMENT_KEYS as readonly string[]).includes(k)) {
        ctx.addIssue({
          code: 'custom',
          path: [k],
          message: `unsur IKM tidak dikenal: "${k}" (yang ada: ${IKM_ELEMENT_KEYS.join(', ')}) / unknown IKM element "${k}" (the nine are: ${IKM_ELEMENT_KEYS.join(', ')})`,
        });
      }
    }
  });
export type SurveyNamedScores = { [K in (typeof IKM_ELEMENTS)[number]['key']]: number };
export const SurveyRequestSchema = z.strictObject({
  scores: SurveyNamedScoresSchema,
  comment: z.string().max(2000).default(''),
});
/** The stored form (and the survey.submit command's): the scores in IKM_ELEMENTS order. */
export function surveyScoresInOrder(scores: SurveyNamedScores): number[] {
  return IKM_ELEMENTS.map((e) => scores[e.key]);
}

// ------------------------------------------------------------------------------------------------
// Audit trail
export const AuditQuerySchema = z.strictObject({
  orderId: IdSchema.optional(),
  entityId: IdSchema.optional(),
  limit: z.coerce.number().int().min(1).max(500).default(100),
  /** Entries older than this position (from the previous page). */
  before: z
    .string()
    .regex(/^\d{1,15}:\d{1,5}$/)
    .optional(),
});
/** What an entry of the audit log or of a history changed: the status before and after, and the reason given. */
export const StatusChange = {
  from: z.string().nullable(),
  to: z.string().nullable(),
  reason: z.string().nullable(),
};
export const AuditEntrySchema = z.object({
  position: z.string(),
  at: InstantSchema,
  actorId: IdSchema.nullable(),
  role: z.string(),
  commandId: z.string(),
  command: z.string(),
  step: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string(),
  orderId: IdSchema.nullable(),
  sampleId: IdSchema.nullable(),
  ...StatusChange,
  before: z.unknown(),
  after: z.unknown(),
});
export const AuditListResponseSchema = z.object({
  entries: z.array(AuditEntrySchema),
  nextBefore: z.string().nullable(),
});

/**
 * One order's history for its readers (who did what when, with reasons), oldest first. `actorId`
 * and `actorName` are null where the reader may not know who it was (shared/domain/history.ts);
 * the role is always given.
 */
export const OrderHistoryEntrySchema = z.object({
  at: InstantSchema,
  actorId: IdSchema.nullable(),
  actorName: z.string().nullable(),
  role: z.string(),
  command: z.string(),
  /** The SOP step the command performs; null for returns and other "no" paths. */
  step: z.number().int().min(1).max(22).nullable(),
  entity: z.string(),
  entityId: z.string(),
  sampleId: IdSchema.nullable(),
  ...StatusChange,
  /** CS's order review answers, on the entry of the command that ended the review (step 5). */
  review: OrderReviewAnswersSchema.nullable().optional(),
});
export type OrderHistoryEntry = z.infer<typeof OrderHistoryEntrySchema>;
export const OrderHistoryResponseSchema = z.object({ entries: z.array(OrderHistoryEntrySchema) });
export type OrderHistoryResponse = z.infer<typeof OrderHistoryResponseSchema>;

// ------------------------------------------------------------------------------------------------
// Health
export const HealthResponseSchema = z.object({
  status: z.literal('ok'),
  database: z.enum(['sqlite', 'postgres']),
  time: InstantSchema,
});
