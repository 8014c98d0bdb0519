import { z } from 'zod';
import {
  BillingCodeSchema,
  CustomerSchema,
  DecisionRuleSchema,
  DetectionLimitSchema,
  ExpandedUncertaintySchema,
  SamplingSchema,
  DateOnlySchema,
  IdSchema,
  InstantSchema,
  NtpnSchema,
  ReasonSchema,
  textSchema,
  RequirementSchema,
  RupiahSchema,
  SurveyScoresSchema,
} from './entities';
import { OrderReviewAnswersSchema } from './order-review';
import { ResultInputSchema } from './result-value';

/**
 * Command payloads. These are the *resolved* form a decision needs: catalog data (method,
 * requirement, tariff) and numbers come filled in by the server from its tables and sequences,
 * so that the decision itself stays a pure function of (state, command, actor, now).
 */
const reason = { reason: ReasonSchema };
const sampleRef = { sampleId: IdSchema };
const reportRef = { sampleId: IdSchema, reportId: IdSchema };
const sha256 = z.string().regex(/^[0-9a-f]{64}$/, { error: 'hash SHA-256 (hex) / a hex SHA-256 hash' });

export const OrderedAnalysisSchema = z.object({
  analysisId: IdSchema,
  parameterId: IdSchema,
  parameterName: textSchema(200, { printed: true }),
  unit: textSchema(40, { min: 0, printed: true }),
  method: textSchema(200, { printed: true }),
  requirement: RequirementSchema.nullable(),
  detectionLimit: DetectionLimitSchema,
  /** Filled in by the server from the catalog, like detectionLimit. */
  uncertainty: ExpandedUncertaintySchema.nullable().default(null),
  accredited: z.boolean().default(true),
  subcontractor: textSchema(200, { printed: true }).nullable().default(null),
  tariff: RupiahSchema,
});
const ONE_SAMPLE = { error: 'pesanan butuh minimal satu sampel / an order needs at least one sample' };
const ONE_PARAMETER = { error: 'pilih minimal satu parameter / pick at least one parameter' };
export const OrderedSampleSchema = z.object({
  sampleId: IdSchema,
  sampleTypeId: IdSchema,
  sampleTypeName: textSchema(200, { printed: true }),
  description: textSchema(1000, { min: 3, multiline: true, printed: true }),
  customerLabel: textSchema(200, { min: 0, printed: true }).default(''),
  analyses: z.array(OrderedAnalysisSchema).min(1, ONE_PARAMETER).max(200),
  sampling: SamplingSchema.default({ by: 'customer' }),
});

export const COMMAND_PAYLOADS = {
  // Accounts (steps 2-3)
  'account.register': CustomerSchema.pick({
    id: true,
    companyName: true,
    contactName: true,
    email: true,
    phone: true,
    address: true,
    npwp: true,
  }),
  'account.activate': z.object({ customerId: IdSchema }),
  'account.deactivate': z.object({ customerId: IdSchema, ...reason }),
  // Order (steps 4-10, 21-22)
  'order.submit': z.object({
    orderId: IdSchema,
    /** The unit that receives the order: the server's, never the client's. */
    unitCode: z.string().max(40).default(''),
    samples: z.array(OrderedSampleSchema).min(1, ONE_SAMPLE).max(100),
    decisionRule: DecisionRuleSchema.default('simple_acceptance'),
  }),
  'order.resubmit': z.object({
    samples: z.array(OrderedSampleSchema).min(1).max(100),
    /** Absent: the rule chosen before stays. */
    decisionRule: DecisionRuleSchema.optional(),
  }),
  'order.cancel': z.object(reason),
  // The order review's answers (step 5): optional, as integrators and orders before it validate without.
  'order.validate': z.object({
    orderNumber: z.string().min(1).max(80),
    review: OrderReviewAnswersSchema.optional(),
    /** CS's order review: parameters the lab has done by a subcontracted laboratory (staff only; a customer's order names none). */
    subcontractors: z
      .array(z.object({ analysisId: IdSchema, subcontractor: textSchema(200, { printed: true }) }))
      .max(2000)
      .default([]),
  }),
  'order.return_to_customer': z.object({ ...reason, review: OrderReviewAnswersSchema.optional() }),
  'tariff.approve': z.object({
    adjustments: z
      .array(z.object({ analysisId: IdSchema, tariff: RupiahSchema }))
      .max(2000)
      .default([]),
  }),
  'tariff.reject': z.object(reason),
  'billing.request': z.object({}),
  'billing.issue': z.object({ billingId: IdSchema, code: BillingCodeSchema, expiresAt: InstantSchema }),
  'billing.reissue': z.object({ billingId: IdSchema, code: BillingCodeSchema, expiresAt: InstantSchema }),
  'payment.upload_proof': z.object({
    proofId: IdSchema,
    fileId: IdSchema,
    ntpn: NtpnSchema.nullable().default(null),
  }),
  'payment.confirm_auto': z.object({
    billingCode: BillingCodeSchema,
    ntpn: NtpnSchema,
    paidAt: InstantSchema,
  }),
  'payment.approve': z.object({ proofId: IdSchema }),
  'payment.reject': z.object({ proofId: IdSchema, ...reason }),
  // Sample (steps 11-13)
  'sample.register': z.object({
    ...sampleRef,
    sampleNumber: z.string().min(1).max(80),
    labId: IdSchema,
    penyeliaId: IdSchema,
    mtId: IdSchema,
  }),
  'sample.accept': z.object({
    ...sampleRef,
    condition: textSchema(1000, { min: 2, multiline: true, printed: true }),
  }),
  'sample.reject': z.object({ ...sampleRef, ...reason }),
  'sample.assign_analysts': z.object({
    ...sampleRef,
    assignments: z
      .array(z.object({ analysisId: IdSchema, analystId: IdSchema }))
      .min(1)
      .max(2000),
  }),
  'assignment.validate': z.object(sampleRef),
  'assignment.return': z.object({ ...sampleRef, ...reason }),
  // Results (steps 14-16)
  'result.save': z.object({ ...sampleRef, analysisId: IdSchema, result: ResultInputSchema }),
  'result.submit': z.object({ ...sampleRef, analysisId: IdSchema }),
  'results.verify': z.object(sampleRef),
  'analysis.request_retest': z.object({
    ...sampleRef,
    analysisId: IdSchema,
    newAnalysisId: IdSchema,
    analystId: IdSchema.nullable().default(null),
    ...reason,
  }),
  'results.validate': z.object(sampleRef),
  'results.return': z.object({ ...sampleRef, ...reason }),
  // Report (steps 17-20, amendment)
  'report.number': z.object({ ...reportRef, reportNumber: z.string().min(1).max(80) }),
  'report.request_signature': z.object({
    ...reportRef,
    kepalaBalaiId: IdSchema,
    documentHash: sha256,
    issuedOn: DateOnlySchema,
  }),
  'report.sign': z.object({ ...reportRef, signedHash: sha256 }),
  'report.refuse': z.object({ ...reportRef, ...reason }),
  'report.release': z.object(reportRef),
  'report.amend': z.object({
    ...reportRef,
    newReportId: IdSchema,
    newReportNumber: z.string().min(1).max(80),
    ...reason,
  }),
  // Survey and close (steps 21-22)
  'survey.submit': z.object({
    scores: SurveyScoresSchema,
    comment: textSchema(2000, { min: 0, multiline: true }).default(''),
  }),
  'order.finish': z.object({}),
} as const;

export type CommandType = keyof typeof COMMAND_PAYLOADS;

/**
 * A sample as a client orders it: the type and parameters by id; names, methods, requirements and
 * tariffs are the catalog's (the server fills them in). Ids are the client's when it sends them
 * (an offline desktop links to them), else the server makes them.
 */
export const OrderedSampleRequestSchema = OrderedSampleSchema.omit({ sampleTypeName: true }).extend({
  sampleId: IdSchema.nullish(),
  analyses: z
    .array(
      OrderedAnalysisSchema.pick({ parameterId: true, subcontractor: true }).extend({
        analysisId: IdSchema.nullish(),
      }),
    )
    .min(1, ONE_PARAMETER)
    .max(200),
});

/**
 * What a client sends, where it differs from the payload `decide` reads: without the fields the
 * server fills in (numbers, ids that are public addresses, the unit, billing codes, the rendered
 * document's hash, catalog data). A value a client sends for them is dropped, never taken.
 */
export const COMMAND_REQUESTS = {
  'account.register': COMMAND_PAYLOADS['account.register'].omit({ id: true }).extend({
    // One address, one account: compared and kept trimmed and in lower case.
    email: z.preprocess(
      (v) => (typeof v === 'string' ? v.trim().toLowerCase() : v),
      COMMAND_PAYLOADS['account.register'].shape.email,
    ),
  }),
  'order.submit': z.object({
    samples: z.array(OrderedSampleRequestSchema).min(1, ONE_SAMPLE).max(100),
    decisionRule: COMMAND_PAYLOADS['order.submit'].shape.decisionRule,
  }),
  'order.resubmit': COMMAND_PAYLOADS['order.resubmit'].extend({
    samples: z.array(OrderedSampleRequestSchema).min(1).max(100),
  }),
  'order.validate': COMMAND_PAYLOADS['order.validate'].omit({ orderNumber: true }),
  'billing.issue': z.object({}),
  'billing.reissue': z.object({}),
  'payment.upload_proof': COMMAND_PAYLOADS['payment.upload_proof'].extend({ proofId: IdSchema.nullish() }),
  'sample.register': COMMAND_PAYLOADS['sample.register'].omit({ sampleNumber: true }),
  'analysis.request_retest': COMMAND_PAYLOADS['analysis.request_retest'].extend({
    newAnalysisId: IdSchema.nullish(),
  }),
  'report.number': COMMAND_PAYLOADS['report.number'].omit({ reportId: true, reportNumber: true }),
  'report.request_signature': COMMAND_PAYLOADS['report.request_signature'].omit({
    documentHash: true,
    issuedOn: true,
  }),
  'report.amend': COMMAND_PAYLOADS['report.amend'].omit({ newReportId: true, newReportNumber: true }),
} satisfies { [T in CommandType]?: z.ZodType };
export const COMMAND_TYPES = Object.keys(COMMAND_PAYLOADS) as CommandType[];
export const CommandTypeSchema = z.enum(COMMAND_TYPES as [CommandType, ...CommandType[]]);
export type PayloadOf<T extends CommandType> = z.output<(typeof COMMAND_PAYLOADS)[T]>;
export type PayloadInput<T extends CommandType> = z.input<(typeof COMMAND_PAYLOADS)[T]>;

type Requested = keyof typeof COMMAND_REQUESTS;
/** A client's payload, parsed: its request schema, or the payload schema when the two are one. */
export type RequestOf<T extends CommandType> = T extends Requested
  ? z.output<(typeof COMMAND_REQUESTS)[T]>
  : PayloadOf<T>;
/**
 * What the server adds to a request before `decide`: every field a client may not send, and
 * (optionally) the client's fields it resolves, such as an order's samples from the catalog.
 */
export type ServerFields<T extends CommandType> = Omit<PayloadOf<T>, keyof RequestOf<T>> &
  Partial<PayloadOf<T>>;
export function requestSchema(type: CommandType): z.ZodType {
  return Object.hasOwn(COMMAND_REQUESTS, type) ? COMMAND_REQUESTS[type as Requested] : COMMAND_PAYLOADS[type];
}

/** A command as it travels: from the HTTP API, or from a desktop's outbox through sync. */
export interface Command<T extends CommandType = CommandType> {
  /** UUID made where the command was first issued: the idempotency key together with the client id. */
  id: string;
  type: T;
  payload: PayloadInput<T>;
  /** Version of the entity the command acts on, as the issuer last saw it: guards against stale edits. */
  baseVersion?: number | null;
}

export const CommandEnvelopeSchema = z.object({
  id: IdSchema,
  type: CommandTypeSchema,
  payload: z.unknown(),
  baseVersion: z.number().int().nonnegative().nullable().optional(),
});

/** Which aggregate a command acts on: orders hold samples, analyses, billings and reports. */
export type AggregateKind = 'account' | 'order';
export function aggregateOf(type: CommandType): AggregateKind {
  return type.startsWith('account.') ? 'account' : 'order';
}

/** Commands that create their aggregate (they act on "no state yet"). */
export const CREATING_COMMANDS: readonly CommandType[] = ['account.register', 'order.submit'];
