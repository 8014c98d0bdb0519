/**
 * The one map of every call the desktop UI makes (DESIGN.md, "Desktop shell"). Each call has a
 * zod schema for its input and its output; the engine's map (main/services/bridge) must implement
 * exactly these names, and both transports (Electron IPC, the loopback HTTP host) carry them as
 * `invoke(name, input)` answered by an Envelope.
 */
import { z } from 'zod';
import { CALL_NAMES, type CallName, type SameNames } from './names';
import { ExpandedUncertaintySchema, OrderSchema } from '../domain/entities';
import { ONLINE_CALLS } from './online-calls';
import { HolidaySchema } from '../api/calendar';
import { OutdatedNoticeSchema } from './events';
import { Empty, Id, Reason, SampleRef } from './input-fields';
import {
  AppInfoSchema,
  CycleReportSchema,
  KeystoreInfoSchema,
  LoginModeSchema,
  OrderHistorySchema,
  QueuedCommandSchema,
  ReportRefSchema,
  SessionInfoSchema,
  SettingsSchema,
  SigningLockoutSchema,
  SigningQueueItemSchema,
  SignOutcomeSchema,
  StaffMemberSchema,
  SyncStatusSchema,
  WorklistPageSchema,
  WorklistQuerySchema,
} from './models';

/** Secrets cross the bridge once and are never logged or kept (the engine drops them after use). */
const Secret = z.string().min(1, { error: 'wajib diisi / required' }).max(200);

/** The Penyelia's sample receipt check (pemeriksaan contoh), as the lab's checklist. */
export const ReceiptCheckSchema = z.strictObject({
  quantity: z.enum(['cukup', 'tidak_cukup']),
  condition: z.enum(['baik', 'tidak_baik']),
  container: z.enum(['baik', 'tidak_baik']),
  sealIntact: z.boolean(),
  storage: z.string().trim().max(200).default(''),
  note: z.string().trim().max(1000).default(''),
});
export type ReceiptCheck = z.infer<typeof ReceiptCheckSchema>;

/** What every local action answers: the queued change and the order as the user now sees it. */
export const ActionOutcomeSchema = z.object({
  commandIds: z.array(z.string()),
  summary: z.string(),
  order: OrderSchema,
});
export type ActionOutcome = z.infer<typeof ActionOutcomeSchema>;

export const KeystoreFileSchema = z.strictObject({
  name: z.string().max(255),
  /** The PKCS#12 file's bytes, base64 (at most 64 KiB of keystore). */
  base64: z
    .string()
    .max(90_000)
    .regex(/^[A-Za-z0-9+/]*={0,2}$/, { error: 'bukan base64 / not base64' }),
});

interface CallSpec<I extends z.ZodType, O extends z.ZodType> {
  input: I;
  output: O;
  /** Needs a signed-in user. */
  session: boolean;
  /** Needs the server now (online-only); offline it answers `offline` and keeps nothing half-done. */
  online?: boolean;
}
const call = <I extends z.ZodType, O extends z.ZodType>(
  input: I,
  output: O,
  session = true,
  online = false,
): CallSpec<I, O> => ({
  input,
  output,
  session,
  online,
});

export const BRIDGE_CALLS = {
  // App and settings (no session)
  'app.info': call(Empty, AppInfoSchema, false),
  'settings.get': call(Empty, SettingsSchema, false),
  // No defaults in a patch: a default would overwrite what the user saved (worklistFilters: {}).
  'settings.update': call(
    SettingsSchema.omit({ worklistFilters: true })
      .partial()
      .extend({ worklistFilters: SettingsSchema.shape.worklistFilters.unwrap().optional() })
      .strict(),
    SettingsSchema,
    false,
  ),
  /** The server's last word on this desktop's version: null, or the version it needs (the outdated banner). */
  'client.notice': call(Empty, OutdatedNoticeSchema.nullable(), false),
  /**
   * Install the downloaded update now (the outdated banner's *Perbarui*): the Electron shell answers
   * it itself, and restarts only when no change waits; elsewhere it says how to update instead.
   */
  'update.install': call(
    Empty,
    z.object({ installed: z.boolean(), message: z.object({ id: z.string(), en: z.string() }).nullable() }),
    false,
  ),

  // Session
  'session.current': call(Empty, SessionInfoSchema.nullable(), false),
  'session.login': call(
    z.strictObject({
      /** The server address; the first run asks for it, later runs take it from settings. */
      serverUrl: z
        .url({
          protocol: /^https?$/,
          error: 'alamat server harus http(s)://… / the server address must be http(s)://…',
        })
        .max(500)
        .optional(),
      username: z
        .string()
        .trim()
        .min(1, { error: 'nama pengguna wajib diisi / username is required' })
        .max(64),
      password: Secret,
      mode: LoginModeSchema.default('auto'),
    }),
    SessionInfoSchema,
    false,
  ),
  'session.relogin': call(z.strictObject({ password: Secret }), SessionInfoSchema),
  'session.logout': call(Empty, z.null(), false),

  // Sync and changes
  'sync.status': call(Empty, SyncStatusSchema),
  'sync.now': call(Empty, CycleReportSchema),
  'changes.list': call(
    Empty,
    z.object({
      waiting: z.array(QueuedCommandSchema),
      blocked: z.array(QueuedCommandSchema),
      rejected: z.array(QueuedCommandSchema),
    }),
  ),
  'changes.dismiss': call(z.strictObject({ commandId: Id }), QueuedCommandSchema),
  'changes.redo': call(z.strictObject({ commandId: Id }), ActionOutcomeSchema),

  // Worklists, orders, history, reference data
  'worklist.page': call(WorklistQuerySchema, WorklistPageSchema),
  'worklist.facets': call(
    Empty,
    z.object({
      statuses: z.array(z.object({ status: z.string(), count: z.number().int() })),
      labs: z.array(z.object({ id: z.string(), name: z.string() })),
      sampleTypes: z.array(z.object({ name: z.string(), count: z.number().int() })),
    }),
  ),
  'order.get': call(
    z.strictObject({ orderId: Id }),
    z.object({ order: OrderSchema, changes: z.array(QueuedCommandSchema) }),
  ),
  'order.history': call(z.strictObject({ orderId: Id }), OrderHistorySchema),
  'reference.staff': call(
    z.strictObject({ labId: Id.optional(), role: z.string().max(40).optional() }),
    z.array(StaffMemberSchema),
  ),
  'reference.labs': call(Empty, z.array(z.object({ id: z.string(), code: z.string(), name: z.string() }))),
  /** The unit's holiday list as last brought down from the server ([] before the first pull): the clocks skip it. */
  'reference.holidays': call(Empty, z.array(HolidaySchema)),

  // Penyelia (steps 12, 15)
  'sample.accept': call(z.strictObject({ ...SampleRef, check: ReceiptCheckSchema }), ActionOutcomeSchema),
  'sample.reject': call(z.strictObject({ ...SampleRef, reason: Reason }), ActionOutcomeSchema),
  'sample.assignAnalysts': call(
    z.strictObject({
      ...SampleRef,
      assignments: z
        .array(z.strictObject({ analysisId: Id, analystId: Id }))
        .min(1)
        .max(500),
    }),
    ActionOutcomeSchema,
  ),
  'results.verify': call(z.strictObject(SampleRef), ActionOutcomeSchema),
  'analysis.requestRetest': call(
    z.strictObject({
      ...SampleRef,
      analysisIds: z.array(Id).min(1).max(500),
      reason: Reason,
      analystId: Id.nullable().default(null),
    }),
    ActionOutcomeSchema,
  ),

  // MT (steps 13, 16)
  'assignment.validate': call(z.strictObject(SampleRef), ActionOutcomeSchema),
  'assignment.return': call(z.strictObject({ ...SampleRef, reason: Reason }), ActionOutcomeSchema),
  'results.validate': call(z.strictObject(SampleRef), ActionOutcomeSchema),
  'results.return': call(z.strictObject({ ...SampleRef, reason: Reason }), ActionOutcomeSchema),

  // Analis (step 14)
  'result.save': call(
    z.strictObject({
      ...SampleRef,
      analysisId: Id,
      /** As typed: "12,5", "12.5", "<0,05", "< LoQ", "negatif". */
      value: z.string().trim().min(1, { error: 'hasil wajib diisi / a result is required' }).max(100),
      notes: z.string().max(2000).default(''),
      /** The analyst's expanded uncertainty; null or absent: the method's catalog default applies. */
      uncertainty: ExpandedUncertaintySchema.nullable().default(null),
    }),
    ActionOutcomeSchema,
  ),
  'result.submit': call(
    z.strictObject({ ...SampleRef, analysisIds: z.array(Id).min(1).max(500) }),
    ActionOutcomeSchema,
  ),

  // Kepala Balai (step 19, offline)
  'signing.queue': call(Empty, z.array(SigningQueueItemSchema)),
  /** The unsigned E-LHU as cached on this workstation (for the preview). */
  'signing.document': call(
    z.strictObject({ reportId: Id }),
    z.object({ base64: z.string(), pages: z.number().int().nullable() }),
  ),
  'signing.keystore': call(
    Empty,
    z.object({ keystore: KeystoreInfoSchema.nullable(), lockout: SigningLockoutSchema }),
  ),
  /**
   * Import the PKCS#12 keystore once. In Electron `file` is null and the main process opens the
   * file dialog; in a browser the page's file input supplies the bytes. Never a path.
   */
  'signing.importKeystore': call(
    z.strictObject({ file: KeystoreFileSchema.nullable(), passphrase: Secret.nullable() }),
    KeystoreInfoSchema,
  ),
  'signing.sign': call(
    z.strictObject({ reports: z.array(ReportRefSchema).min(1).max(200), passphrase: Secret }),
    SignOutcomeSchema,
  ),
  'signing.refuse': call(z.strictObject({ ...SampleRef, reportId: Id, reason: Reason }), ActionOutcomeSchema),

  // Online staff screens (Admin Satker, CS, Ketua Tim PJI, Bendahara): requests to the server now
  ...ONLINE_CALLS,
} as const satisfies Record<string, CallSpec<z.ZodType, z.ZodType>>;

export type BridgeCalls = typeof BRIDGE_CALLS;
export type BridgeCallName = keyof BridgeCalls;
export const BRIDGE_CALL_NAMES: readonly BridgeCallName[] = CALL_NAMES;
// The plain name list (names.ts) and this map name exactly the same calls.
const _namesMatch: SameNames<BridgeCallName, CallName> = true;
void _namesMatch;
/** What the caller passes (defaults may be left out). */
export type CallInput<N extends BridgeCallName> = z.input<BridgeCalls[N]['input']>;
/** What the handler receives, after validation. */
export type CallArgs<N extends BridgeCallName> = z.output<BridgeCalls[N]['input']>;
export type CallOutput<N extends BridgeCallName> = z.output<BridgeCalls[N]['output']>;

export { isBridgeCallName } from './names';
