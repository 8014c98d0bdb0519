/**
 * What the desktop engine hands the UI, as schemas (so `renderer/` never imports `main/`, and the
 * bridge can check what crosses it). The engine's own types are these (z.infer), not copies.
 */
import { z } from 'zod';
import { REJECTION_CODES } from '../domain/rejections';
import { RoleSchema } from '../sop/roles';
import { OrderReviewAnswersSchema } from '../domain/order-review';
import { StatusChange } from '../api/http';
import { MessageSchema } from './envelope';
import { ProxyUrlSchema, UpdateChannelSchema } from './network-settings';

const Instant = z.string();

// Session

export const SessionUserSchema = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: RoleSchema,
  labId: z.string().nullable(),
});
export type SessionUserView = z.infer<typeof SessionUserSchema>;

export const LoginModeSchema = z.enum(['auto', 'online', 'offline']);
export type LoginMode = z.infer<typeof LoginModeSchema>;

export const IntegrityReportSchema = z.object({ movedTo: z.string(), reason: z.string(), at: Instant });

export const SessionInfoSchema = z.object({
  user: SessionUserSchema,
  /** From the one source of connectivity: the sync engine's last contact with the server. */
  mode: z.enum(['online', 'offline']),
  workspace: z.string(),
  integrity: IntegrityReportSchema.nullable(),
});
export type SessionInfoView = z.infer<typeof SessionInfoSchema>;

// Sync

export const SyncStatusSchema = z.object({
  online: z.boolean().nullable(),
  session: z.enum(['active', 'needs_login', 'ended', 'signed_out']),
  sessionEndedBecause: z.string().nullable(),
  running: z.boolean(),
  syncing: z.boolean(),
  pending: z.number().int(),
  blocked: z.number().int(),
  rejected: z.number().int(),
  lastSyncAt: Instant.nullable(),
  lastError: z.string().nullable(),
  nextRetryAt: Instant.nullable(),
  retryAttempt: z.number().int(),
  serverTimeOffsetMs: z.number(),
  rebuiltFrom: z.string().nullable(),
  signedAwaitingUpload: z.number().int(),
});
export type SyncStatusView = z.infer<typeof SyncStatusSchema>;

export const CycleReportSchema = z.object({
  pushed: z.number().int(),
  applied: z.number().int(),
  rejected: z.number().int(),
  pulled: z.number().int(),
  removed: z.number().int(),
});

// Changes (the outbox as the user sees it)

export const OutboxStatusSchema = z.enum(['pending', 'sent', 'applied', 'rejected', 'blocked']);

/**
 * Why a change was refused, for people: a conflict (someone else changed it first: who, what, and
 * whether redo can help), a change held back behind a rejected one, or a plain refusal.
 */
export const RejectionKindSchema = z.enum(['conflict', 'depends_on_rejected', 'refused']);
export const ConflictInfoSchema = z.object({
  /** Who changed it first, as the current copy shows (name when known). */
  byUserId: z.string().nullable(),
  byName: z.string().nullable(),
  byRole: RoleSchema.nullable(),
  at: Instant.nullable(),
  /** What it is now, in words ("Penugasan dikembalikan oleh MT: ..."). */
  what: MessageSchema,
  /** Whether deciding the change again on the current state would be accepted. */
  redoPossible: z.boolean(),
});

export const QueuedCommandSchema = z.object({
  id: z.string(),
  seq: z.number().int(),
  type: z.string(),
  aggregateId: z.string(),
  payload: z.unknown(),
  baseVersion: z.number().int().nullable(),
  issuedAt: Instant,
  status: OutboxStatusSchema,
  summary: z.string(),
  attempts: z.number().int(),
  nextAttemptAt: Instant.nullable(),
  lastError: z.string().nullable(),
  rejection: z.object({ code: z.enum(REJECTION_CODES), message: MessageSchema }).nullable(),
  /** Set on rejected and blocked changes. */
  rejectionKind: RejectionKindSchema.nullable().optional(),
  conflict: ConflictInfoSchema.nullable().optional(),
  resolution: z.enum(['dismissed', 'redone']).nullable(),
  redoOf: z.string().nullable(),
  blockedBy: z.string().nullable(),
  appliedVersion: z.number().int().nullable(),
});
export type QueuedCommandView = z.infer<typeof QueuedCommandSchema>;

// Worklists

export const WorklistQuerySchema = z.strictObject({
  /** Only samples where the user has something to do ("Pekerjaan saya"). */
  actionOnly: z.boolean().optional(),
  status: z.array(z.string().max(40)).max(20).optional(),
  labId: z.string().max(64).optional(),
  sampleTypeName: z.string().max(200).optional(),
  /** Substring of order number, sample number, sample type or customer label. */
  search: z.string().max(200).optional(),
  limit: z.number().int().min(1).max(500).optional(),
  /** Cursor from the previous page. */
  after: z.string().max(200).nullable().optional(),
});
export type WorklistQueryInput = z.infer<typeof WorklistQuerySchema>;

export const WorklistRowSchema = z.object({
  id: z.string(),
  order_id: z.string(),
  order_number: z.string().nullable(),
  order_status: z.string(),
  sample_number: z.string().nullable(),
  sample_type_name: z.string(),
  /** Empty for the Analis (coded samples: impartiality, ISO/IEC 17025 4.1). */
  customer_label: z.string(),
  status: z.string(),
  lab_id: z.string().nullable().optional(),
  received_at: Instant.nullable(),
  analyses_total: z.number().int(),
  analyses_mine: z.number().int(),
  analyses_open_mine: z.number().int(),
  analyses_submitted: z.number().int(),
  next_action: z.string().nullable(),
  pending_commands: z.number().int(),
  /** Changes on this sample held back behind a rejected change (0 when none). */
  blocked_commands: z.number().int().optional(),
  /** The SOP step the sample is at (1..22), when it waits in the lab. */
  step: z.number().int().nullable().optional(),
  /** When the current step started (the sample's last status change) and when its standard time runs out. */
  step_started_at: Instant.nullable().optional(),
  due_at: Instant.nullable().optional(),
});
export type WorklistRowView = z.infer<typeof WorklistRowSchema>;

export const WorklistPageSchema = z.object({
  rows: z.array(WorklistRowSchema),
  next: z.string().nullable(),
  total: z.number().int(),
  action: z.number().int(),
});
export type WorklistPageView = z.infer<typeof WorklistPageSchema>;

// History

export const HistoryEntrySchema = z.object({
  at: Instant,
  actorId: z.string().nullable(),
  actorName: z.string().nullable(),
  role: z.string().nullable(),
  command: z.string(),
  step: z.number().int().nullable(),
  entity: z.string(),
  entityId: z.string().nullable(),
  sampleId: z.string().nullable(),
  ...StatusChange,
  /** CS's order review answers (step 5), on the entry that ended the review. */
  review: OrderReviewAnswersSchema.nullable().optional(),
  /** 'local' for a change of this user not yet confirmed by the server. */
  source: z.enum(['server', 'local']),
});
export type HistoryEntryView = z.infer<typeof HistoryEntrySchema>;

export const OrderHistorySchema = z.object({
  /** 'server' when fetched now; 'cache' when offline and shown as last fetched (with its time). */
  source: z.enum(['server', 'cache', 'local_only']),
  fetchedAt: Instant.nullable(),
  entries: z.array(HistoryEntrySchema),
});

// Reference data

export const StaffMemberSchema = z.object({
  id: z.string(),
  name: z.string(),
  role: z.string(),
  labId: z.string().nullable(),
  active: z.boolean(),
  /** Open analyses assigned to this analyst in the working copy (the Penyelia's picker). */
  openWork: z.number().int().optional(),
});
export type StaffMemberView = z.infer<typeof StaffMemberSchema>;

// Signing (Kepala Balai)

export const ReportRefSchema = z.strictObject({
  orderId: z.string().max(64),
  sampleId: z.string().max(64),
  reportId: z.string().max(64),
});
export type ReportRef = z.infer<typeof ReportRefSchema>;

export const SigningQueueItemSchema = z.object({
  orderId: z.string(),
  sampleId: z.string(),
  reportId: z.string(),
  orderNumber: z.string().nullable(),
  sampleNumber: z.string().nullable(),
  sampleTypeName: z.string(),
  customerLabel: z.string(),
  reportNumber: z.string(),
  documentHash: z.string(),
  issuedAt: Instant.nullable(),
  documentReady: z.boolean(),
  /** Who requested the signature (CS), when known. */
  requestedBy: z.string().nullable().optional(),
});
export type SigningQueueItemView = z.infer<typeof SigningQueueItemSchema>;

export const KeystoreInfoSchema = z.object({
  importedAt: Instant,
  fingerprint: z.string().nullable(),
  subject: z.string().nullable(),
  issuer: z.string().nullable().optional(),
  validFrom: Instant.nullable(),
  validTo: Instant.nullable(),
});
export type KeystoreInfoView = z.infer<typeof KeystoreInfoSchema>;

export const SigningLockoutSchema = z.object({
  attemptsLeft: z.number().int(),
  lockedUntil: Instant.nullable(),
});

export const SignOutcomeSchema = z.object({
  signed: z.array(z.object({ reportId: z.string(), reportNumber: z.string(), commandId: z.string() })),
  failed: z.array(z.object({ reportId: z.string(), code: z.string(), message: MessageSchema })),
  /** Signed here, waiting for upload to the server. */
  awaitingUpload: z.number().int(),
});
export type SignOutcome = z.infer<typeof SignOutcomeSchema>;

export const SigningProgressSchema = z.object({
  done: z.number().int(),
  total: z.number().int(),
  reportId: z.string().nullable(),
});

// App and settings

export const LanguageSchema = z.enum(['id', 'en']);
export type Language = z.infer<typeof LanguageSchema>;

/**
 * The Kepala Balai's choice, made once: the imported PKCS#12 key file, or a PKCS#11 token (USB token
 * or smart card) through the vendor's module; the token's PIN is then the passphrase.
 */
export const SigningSourceSchema = z
  .object({
    source: z.enum(['file', 'token']),
    /** The PKCS#11 module (the token vendor's library), e.g. /usr/lib/softhsm/libsofthsm2.so. */
    modulePath: z.string().min(1).optional(),
    /** The token's label; when absent, `slot` (index among slots holding a token, 0 = first). */
    tokenLabel: z.string().min(1).optional(),
    slot: z.number().int().nonnegative().optional(),
  })
  .refine((s) => s.source === 'file' || s.modulePath !== undefined, {
    message: 'lokasi modul PKCS#11 wajib diisi untuk token / the PKCS#11 module path is required for a token',
    path: ['modulePath'],
  });
export type SigningSource = z.infer<typeof SigningSourceSchema>;

export const SettingsSchema = z.object({
  serverUrl: z.string().nullable(),
  language: LanguageSchema,
  lastUser: z.string().nullable(),
  window: z.object({ width: z.number().int(), height: z.number().int() }).nullable(),
  /** Per-user worklist filters, kept across restarts. */
  worklistFilters: z.record(z.string(), z.record(z.string(), z.unknown())).default({}),
  /** Where the Kepala Balai's signing key lives (absent: the PKCS#12 key file). */
  signing: SigningSourceSchema.optional(),
  /** The unit's HTTP(S) proxy to the server and the release feed (absent or null: none, or HTTPS_PROXY). */
  proxy: ProxyUrlSchema.nullable().optional(),
  /** The release channel the updater follows (absent: SIPPT_UPDATE_CHANNEL, else 'latest'). */
  updateChannel: UpdateChannelSchema.optional(),
});
export type Settings = z.infer<typeof SettingsSchema>;

export const AppInfoSchema = z.object({
  version: z.string(),
  /** 'electron' in the installed app; 'web' when served to a browser by the loopback host. */
  host: z.enum(['electron', 'web']),
  serverUrl: z.string().nullable(),
  unitName: z.string().nullable(),
});
export type AppInfo = z.infer<typeof AppInfoSchema>;
