import { z } from 'zod';
import { ELHU_PRINTABLE_RANGES, firstUnprintable } from '../elhu/coverage';
import { RoleSchema } from '../sop/roles';
import {
  AccountStatusSchema,
  AnalysisStatusSchema,
  BillingStatusSchema,
  OrderStatusSchema,
  ProofStatusSchema,
  ReportStatusSchema,
  SampleStatusSchema,
} from './states';
import { OrderReviewAnswersSchema } from './order-review';

/** Ids are UUIDs: the desktop creates them offline, so they cannot come from a database sequence. */
export const IdSchema = z.uuid({ error: 'harus berupa UUID / must be a UUID' });
export type Id = z.infer<typeof IdSchema>;
/** Instants are ISO-8601 strings in UTC, always set by the server clock for anything that counts. */
export const InstantSchema = z.iso.datetime({ offset: true });
export const DateOnlySchema = z.iso.date();
export const ReasonSchema = z
  .string()
  .overwrite((v) => v.normalize('NFC').replace(/\r\n?/g, '\n'))
  .trim()
  // eslint-disable-next-line no-control-regex
  .regex(/^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/, {
    error:
      'karakter kendali tidak diizinkan (selain baris baru) / control characters are not allowed (except line breaks)',
  })
  .min(5, { error: 'alasan minimal 5 karakter / reason needs at least 5 characters' })
  .max(1000, { error: 'alasan maksimal 1000 karakter / reason is at most 1000 characters' })
  // The document states the rule as sent (textPattern below: trimmed ends, CR LF, at least 5).
  .meta({
    get pattern() {
      return textPattern({ multiline: true, min: 5 });
    },
    description:
      'NFC; spasi di awal dan akhir dipangkas, CR LF menjadi LF; panjang dihitung setelah normalisasi dan pemangkasan / NFC; whitespace at either end is trimmed, CR LF becomes LF; lengths count after normalisation and trimming',
  });
/** Rupiah are integers: PNBP tariffs have no sen. */
export const RupiahSchema = z.number().int().nonnegative().max(10_000_000_000);

/**
 * Names and free text, the one building block of every entry point: normalised to NFC, trimmed,
 * without control characters (C0, DEL, C1, line/paragraph separators, bidirectional overrides);
 * multi-line fields (addresses, notes, reasons, descriptions) keep line breaks (CR LF becomes LF).
 * `printed`: the field reaches the E-LHU, so a character its fonts cannot draw is refused by name.
 */
// eslint-disable-next-line no-control-regex
const SINGLE_LINE = /^[^\u0000-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;
// eslint-disable-next-line no-control-regex
const MULTI_LINE = /^[^\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]*$/;

/**
 * The same rule as a JSON-schema pattern (the OpenAPI document), for the value as it may be sent:
 * whitespace at either end is allowed (the server trims it away), then a core that neither starts
 * nor ends with whitespace, of the characters the field takes (no control characters; only what
 * the E-LHU prints when `printed`, any other character, emoji included, when not; LF and CR where
 * multi-line, since CR LF and a lone CR become LF), of at least `min` characters. Patterns are
 * read with the `u` flag (JSON Schema, ajv), so a character beyond U+FFFF is written \u{...}.
 */
type Ranges = [number, number][];
const CONTROL: Ranges = [
  [0x00, 0x1f],
  [0x7f, 0x9f],
  [0x2028, 0x2029],
  [0x202a, 0x202e],
  [0x2066, 0x2069],
];
/** What String.prototype.trim removes. */
const TRIMMED: Ranges = [
  [0x09, 0x0d],
  [0x20, 0x20],
  [0xa0, 0xa0],
  [0x1680, 0x1680],
  [0x2000, 0x200a],
  [0x2028, 0x2029],
  [0x202f, 0x202f],
  [0x205f, 0x205f],
  [0x3000, 0x3000],
  [0xfeff, 0xfeff],
];
function minus(a: Ranges, b: Ranges): Ranges {
  let out = a.map((r) => [...r] as [number, number]);
  for (const [lo, hi] of b) {
    out = out.flatMap(([x, y]): Ranges =>
      hi < x || lo > y
        ? [[x, y]]
        : [
            ...(x < lo ? [[x, lo - 1] as [number, number]] : []),
            ...(y > hi ? [[hi + 1, y] as [number, number]] : []),
          ],
    );
  }
  return out;
}
const hex = (n: number) => (n > 0xffff ? `\\u{${n.toString(16)}}` : `\\u${n.toString(16).padStart(4, '0')}`);
const charClass = (r: Ranges) =>
  `[${r.map(([a, b]) => (a === b ? hex(a) : `${hex(a)}-${hex(b)}`)).join('')}]`;
export function textPattern(opts: TextOptions = {}): string {
  const base: Ranges = opts.printed ? ELHU_PRINTABLE_RANGES.map(([a, b]) => [a, b]) : [[0x00, 0x10ffff]];
  const allowed = minus(base, CONTROL);
  if (opts.multiline) allowed.unshift([0x0a, 0x0a], [0x0d, 0x0d]);
  const edge = charClass(minus(allowed, TRIMMED));
  const all = charClass(allowed);
  const ws = `${charClass(TRIMMED)}*`;
  const min = opts.min ?? 1;
  const core =
    min === 0
      ? `(?:${edge}(?:${all}*${edge})?)?`
      : min === 1
        ? `${edge}(?:${all}*${edge})?`
        : `${edge}${all}{${min - 2},}${edge}`;
  return `^${ws}${core}${ws}$`;
}

export interface TextOptions {
  min?: number;
  multiline?: boolean;
  printed?: boolean;
}
export function textSchema(max: number, opts: TextOptions = {}) {
  const min = opts.min ?? 1;
  let s = z.string().overwrite((v) => v.normalize('NFC'));
  if (opts.multiline) s = s.overwrite((v) => v.replace(/\r\n?/g, '\n'));
  s = s.trim().regex(opts.multiline ? MULTI_LINE : SINGLE_LINE, {
    error: opts.multiline
      ? 'karakter kendali tidak diizinkan (selain baris baru) / control characters are not allowed (except line breaks)'
      : 'karakter kendali (termasuk baris baru) tidak diizinkan / control characters (line breaks included) are not allowed',
  });
  // Lengths in characters (code points), as JSON Schema counts them: an emoji is one character.
  const length = (v: string) => {
    let n = 0;
    for (const _ of v) n++;
    return n;
  };
  if (min > 0)
    s = s.refine((v) => length(v) >= min, {
      error: min === 1 ? 'wajib diisi / required' : `minimal ${min} karakter / at least ${min} characters`,
    });
  s = s.refine((v) => length(v) <= max, { error: `maksimal ${max} karakter / at most ${max} characters` });
  const documented = {
    ...(min > 0 ? { minLength: min } : {}),
    maxLength: max,
    pattern: textPattern(opts),
    description: `NFC; spasi di awal dan akhir dipangkas${opts.multiline ? ', CR LF menjadi LF' : ''}; panjang dihitung setelah normalisasi dan pemangkasan / NFC; whitespace at either end is trimmed${opts.multiline ? ', CR LF becomes LF' : ''}; lengths count after normalisation and trimming`,
  };
  if (!opts.printed) return s.meta(documented);
  return s
    .superRefine((v, ctx) => {
      const bad = firstUnprintable(v);
      if (bad) {
        ctx.addIssue({
          code: 'custom',
          message: `Karakter "${bad.char}" (${bad.codePoint}) tidak dapat dicetak di LHU / The character "${bad.char}" (${bad.codePoint}) cannot be printed on the report`,
        });
      }
    })
    .meta(documented);
}
/** A name or label printed on the E-LHU. */
const text = (max: number) => textSchema(max, { printed: true });

/** A requirement (spec) a result is judged against: a range, a limit, or a text (e.g. "negatif"). */
export const RequirementSchema = z
  .object({
    min: z.number().finite().nullable().default(null),
    max: z.number().finite().nullable().default(null),
    text: textSchema(200, { printed: true }).nullable().default(null),
    /** The standard that sets the limit, e.g. "SNI 1903:2017". */
    source: textSchema(200, { printed: true }).nullable().default(null),
  })
  .refine((r) => r.min !== null || r.max !== null || r.text !== null, {
    error: 'syarat butuh batas bawah, batas atas atau teks / requirement needs a min, max or text',
  });
export type Requirement = z.infer<typeof RequirementSchema>;

export const UserSchema = z.object({
  id: IdSchema,
  username: z
    .string()
    .trim()
    .min(3)
    .max(64)
    .regex(/^[a-zA-Z0-9._@-]+$/, {
      error: 'hanya huruf, angka, titik, garis, @ / letters, digits, . _ @ - only',
    }),
  name: text(120),
  role: RoleSchema,
  labId: IdSchema.nullable(),
  customerId: IdSchema.nullable(),
  /** Nomor Induk Pegawai: 18 digits, printed on the E-LHU for the Kepala Balai. */
  nip: z
    .string()
    .regex(/^\d{18}$/, { error: 'NIP harus 18 digit / NIP must be 18 digits' })
    .nullable(),
  active: z.boolean(),
});
export type User = z.infer<typeof UserSchema>;

export const CustomerSchema = z.object({
  id: IdSchema,
  companyName: text(200),
  contactName: text(120),
  email: z.email({ error: 'alamat email tidak valid / invalid email address' }).max(200),
  phone: z
    .string()
    .trim()
    .regex(/^\+?[0-9 ()-]{6,20}$/, { error: 'nomor telepon tidak valid / invalid phone number' })
    // Documented as stored: trimmed, so no space at either end.
    .meta({ pattern: '^[+]?[0-9()-][0-9 ()-]{4,18}[0-9()-]$' }),
  address: textSchema(500, { multiline: true, printed: true }),
  npwp: z
    .string()
    .regex(/^\d{15,16}$/, { error: 'NPWP 15 atau 16 digit / NPWP is 15 or 16 digits' })
    .nullable(),
  status: AccountStatusSchema,
  registeredAt: InstantSchema,
  activatedAt: InstantSchema.nullable(),
  activatedBy: IdSchema.nullable(),
});
export type Customer = z.infer<typeof CustomerSchema>;

export const UnitSchema = z.object({
  code: z.string().regex(/^[A-Z0-9-]{2,20}$/),
  name: text(200),
  address: textSchema(500, { multiline: true, printed: true }),
  accreditation: z.string().max(100).nullable(),
});
export type Unit = z.infer<typeof UnitSchema>;

export const LabSchema = z.object({
  id: IdSchema,
  code: z.string().regex(/^[A-Z0-9-]{1,20}$/),
  name: text(200),
});
export type Lab = z.infer<typeof LabSchema>;

export const SampleTypeSchema = z.object({
  id: IdSchema,
  labId: IdSchema,
  name: text(200),
  description: textSchema(1000, { min: 0, multiline: true }),
});
export type SampleType = z.infer<typeof SampleTypeSchema>;

/**
 * The method's limit of detection or quantitation for a parameter, in the parameter's unit: a
 * result below it is reported as "< limit" rather than a number. Null: the method has none.
 */
export const DetectionLimitSchema = z
  .number()
  .finite()
  .positive({ error: 'batas deteksi harus positif / the detection limit must be positive' })
  .nullable()
  .default(null);

/**
 * Expanded measurement uncertainty U with its coverage factor k (ISO/IEC 17025 7.8.3.1 c), in the
 * parameter's unit: a catalog default from method validation, or the analyst's own for a result.
 */
export const ExpandedUncertaintySchema = z.object({
  expanded: z.number().finite().positive({ error: 'U harus positif / U must be positive' }),
  coverageFactor: z.number().finite().min(1).max(10),
});
export type ExpandedUncertaintyValue = z.infer<typeof ExpandedUncertaintySchema>;

/**
 * The decision rule for statements of conformity (7.1.3, 7.8.6; ILAC-G8:09/2019), agreed when the
 * order is made: simple acceptance, or a guard band w = U with an undecided zone (judgment.ts).
 */
export const DecisionRuleSchema = z.enum(['simple_acceptance', 'guard_band']);

/** Who took the sample (7.8.2.1 h and k, 7.8.2.2): the customer, or the lab with its date, plan and method. */
export const SamplingSchema = z.discriminatedUnion('by', [
  z.object({ by: z.literal('customer') }),
  z.object({
    by: z.literal('lab'),
    date: DateOnlySchema,
    plan: textSchema(300, { printed: true }),
    method: textSchema(300, { printed: true }),
  }),
]);

export const ParameterSchema = z.object({
  id: IdSchema,
  sampleTypeId: IdSchema,
  name: text(200),
  unit: textSchema(40, { min: 0, printed: true }),
  method: text(200),
  requirement: RequirementSchema.nullable(),
  detectionLimit: DetectionLimitSchema,
  /** The method's default expanded uncertainty from validation; null or absent when none is stated. */
  uncertainty: ExpandedUncertaintySchema.nullable().optional(),
  /** Inside the unit's accreditation scope (absent: inside); the E-LHU marks results outside it. */
  accredited: z.boolean().optional(),
  tariff: RupiahSchema,
  active: z.boolean(),
});
export type Parameter = z.infer<typeof ParameterSchema>;

/** One measured result, as the analyst enters it. */
export const ResultSchema = z
  .object({
    /** As written by the analyst (keeps significant figures); `numeric` is its parsed value. */
    value: textSchema(100, { printed: true }),
    numeric: z.number().finite().nullable(),
    unit: textSchema(40, { min: 0, printed: true }),
    notes: textSchema(2000, { min: 0, multiline: true, printed: true }).default(''),
    /** Below the limit of detection: reported as "< LOD" rather than a number. */
    belowDetectionLimit: z.boolean().default(false),
    detectionLimit: z.number().finite().positive().nullable().default(null),
    testedOn: DateOnlySchema.nullable().default(null),
    /** The analyst's expanded uncertainty; absent or null: the analysis' catalog default applies. */
    uncertainty: ExpandedUncertaintySchema.nullable().optional(),
  })
  .refine((r) => !r.belowDetectionLimit || r.detectionLimit !== null, {
    error: 'hasil < LOD butuh nilai LOD / a below-LOD result needs the detection limit',
    path: ['detectionLimit'],
  });
export type Result = z.infer<typeof ResultSchema>;

export const AnalysisSchema = z.object({
  id: IdSchema,
  version: z.number().int().nonnegative(),
  parameterId: IdSchema,
  parameterName: text(200),
  unit: z.string().max(40),
  method: text(200),
  requirement: RequirementSchema.nullable(),
  /** Copied from the catalog when the order is submitted, like method and requirement. */
  detectionLimit: DetectionLimitSchema,
  /** Copied from the catalog at submission (absent in analyses stored before: no U, inside the scope). */
  uncertainty: ExpandedUncertaintySchema.nullable().optional(),
  accredited: z.boolean().optional(),
  /** The subcontracted laboratory that does this analysis (7.8.2.1 p); null or absent: in-house. */
  subcontractor: textSchema(200, { printed: true }).nullable().optional(),
  tariff: RupiahSchema,
  status: AnalysisStatusSchema,
  analystId: IdSchema.nullable(),
  result: ResultSchema.nullable(),
  enteredBy: IdSchema.nullable(),
  submittedAt: InstantSchema.nullable(),
  verifiedBy: IdSchema.nullable(),
  validatedBy: IdSchema.nullable(),
  /** The analysis this one repeats after a retest request, and why. */
  retestOf: IdSchema.nullable(),
  retestReason: z.string().nullable(),
  /** Server time the analysis entered its current status (null in analyses stored before it was kept). */
  statusSince: InstantSchema.nullable().default(null),
});
export type Analysis = z.infer<typeof AnalysisSchema>;

export const ReportSchema = z.object({
  id: IdSchema,
  number: z.string().min(1).max(80),
  status: ReportStatusSchema,
  numberedAt: InstantSchema,
  numberedBy: IdSchema,
  kepalaBalaiId: IdSchema.nullable(),
  /** SHA-256 (hex) of the unsigned E-LHU queued for signature, and of the signed file. */
  documentHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  signedHash: z
    .string()
    .regex(/^[0-9a-f]{64}$/)
    .nullable(),
  issuedAt: InstantSchema.nullable(),
  signedAt: InstantSchema.nullable(),
  releasedAt: InstantSchema.nullable(),
  /** Amendment (ISO/IEC 17025 7.8.8): the report this one replaces, and why. */
  replaces: IdSchema.nullable(),
  amendReason: z.string().nullable(),
  supersededBy: IdSchema.nullable(),
});
export type Report = z.infer<typeof ReportSchema>;

export const SampleSchema = z.object({
  id: IdSchema,
  version: z.number().int().nonnegative(),
  number: z.string().nullable(),
  sampleTypeId: IdSchema,
  sampleTypeName: text(200),
  /** The customer's own description and marking of the sample. */
  description: text(1000),
  customerLabel: z.string().max(200),
  status: SampleStatusSchema,
  labId: IdSchema.nullable(),
  penyeliaId: IdSchema.nullable(),
  mtId: IdSchema.nullable(),
  receivedAt: InstantSchema.nullable(),
  condition: z.string().nullable(),
  analyses: z.array(AnalysisSchema),
  reports: z.array(ReportSchema),
  /** Who took the sample; absent in samples stored before: the customer. */
  sampling: SamplingSchema.optional(),
  /** Server time the sample entered its current status: the start of the SOP clock of the step it waits at. */
  statusSince: InstantSchema.nullable().default(null),
});
export type Sample = z.infer<typeof SampleSchema>;

/** SIMPONI e-billing: a 15-digit billing code with an expiry; payment gives a 16-character NTPN. */
export const BillingCodeSchema = z
  .string()
  .regex(/^\d{15}$/, { error: 'kode billing 15 digit / billing code is 15 digits' });
export const NtpnSchema = z.string().regex(/^[0-9A-Z]{16}$/, {
  error: 'NTPN 16 karakter huruf besar/angka / NTPN is 16 upper-case letters or digits',
});

export const BillingSchema = z.object({
  id: IdSchema,
  code: BillingCodeSchema,
  amount: RupiahSchema,
  status: BillingStatusSchema,
  issuedAt: InstantSchema,
  expiresAt: InstantSchema,
  ntpn: NtpnSchema.nullable(),
  paidAt: InstantSchema.nullable(),
});
export type Billing = z.infer<typeof BillingSchema>;

export const PaymentProofSchema = z.object({
  id: IdSchema,
  billingId: IdSchema,
  /** Server-side id of the stored upload; a name the user sent never reaches the file system. */
  fileId: IdSchema,
  ntpn: NtpnSchema.nullable(),
  status: ProofStatusSchema,
  uploadedAt: InstantSchema,
  decidedBy: IdSchema.nullable(),
  reason: z.string().nullable(),
});
export type PaymentProof = z.infer<typeof PaymentProofSchema>;

/** IKM survey (PermenPANRB 14/2017): nine elements scored 1..4. */
export const IKM_ELEMENTS = [
  { key: 'persyaratan', id: 'Persyaratan', en: 'Requirements' },
  { key: 'prosedur', id: 'Sistem, mekanisme, dan prosedur', en: 'Procedure' },
  { key: 'waktu', id: 'Waktu penyelesaian', en: 'Completion time' },
  { key: 'biaya', id: 'Biaya/tarif', en: 'Cost / tariff' },
  { key: 'produk', id: 'Produk spesifikasi jenis pelayanan', en: 'Service product' },
  { key: 'kompetensi', id: 'Kompetensi pelaksana', en: 'Staff competence' },
  { key: 'perilaku', id: 'Perilaku pelaksana', en: 'Staff behaviour' },
  { key: 'pengaduan', id: 'Penanganan pengaduan, saran dan masukan', en: 'Handling of complaints' },
  { key: 'sarana', id: 'Sarana dan prasarana', en: 'Facilities' },
] as const;
export const SurveyScoresSchema = z
  .array(z.number().int().min(1).max(4))
  .length(IKM_ELEMENTS.length, { error: 'survei butuh 9 nilai 1-4 / the survey needs 9 scores of 1-4' });
export const SurveySchema = z.object({
  scores: SurveyScoresSchema,
  comment: z.string().max(2000),
  submittedAt: InstantSchema,
});
export type Survey = z.infer<typeof SurveySchema>;

/** The IKM index of one survey: mean score times 25 (range 25..100). */
export function ikmIndex(scores: readonly number[]): number {
  if (scores.length === 0) return 0;
  return (scores.reduce((a, b) => a + b, 0) / scores.length) * 25;
}

/** Every "no" in the process: kept on the order so customer and staff see who returned what and why. */
export const ReturnNoteSchema = z.object({
  at: InstantSchema,
  by: IdSchema,
  role: RoleSchema,
  command: z.string(),
  entity: z.enum(['order', 'sample', 'analysis', 'report', 'billing', 'proof']),
  entityId: IdSchema,
  reason: z.string(),
});
export type ReturnNote = z.infer<typeof ReturnNoteSchema>;

/** CS's order review (step 5) as it ended the review: the answers, who and when. */
export const OrderReviewSchema = z.object({
  answers: OrderReviewAnswersSchema,
  by: IdSchema,
  at: InstantSchema,
});
export type OrderReview = z.infer<typeof OrderReviewSchema>;

export const OrderSchema = z.object({
  id: IdSchema,
  version: z.number().int().nonnegative(),
  unitCode: z.string(),
  number: z.string().nullable(),
  customerId: IdSchema,
  status: OrderStatusSchema,
  submittedAt: InstantSchema,
  /** Ketua Tim's approval of the tariff: by whom and the total approved. */
  tariffApprovedBy: IdSchema.nullable(),
  tariffTotal: RupiahSchema.nullable(),
  /** Chosen with the order and shown before the tariff is accepted; absent in orders stored before: simple acceptance. */
  decisionRule: DecisionRuleSchema.optional(),
  samples: z.array(SampleSchema).min(1),
  billings: z.array(BillingSchema),
  proofs: z.array(PaymentProofSchema),
  survey: SurveySchema.nullable(),
  returns: z.array(ReturnNoteSchema),
  finishedAt: InstantSchema.nullable(),
  /** Server time the order entered its current status (null in orders stored before it was kept). */
  statusSince: InstantSchema.nullable().default(null),
  /** The last order review (step 5); absent before CS reviewed it, and in orders stored before it was kept. */
  review: OrderReviewSchema.optional(),
});
export type Order = z.infer<typeof OrderSchema>;

export const AccountSchema = z.object({
  customer: CustomerSchema,
  version: z.number().int().nonnegative(),
});
export type Account = z.infer<typeof AccountSchema>;
