/**
 * The desktop core as one object: what the bridge (main/services/bridge) maps every UI call to, in
 * the Electron utility process and in the loopback web host alike. Plain Node: no electron import
 * anywhere below main/services. It hands out plain results, never its live parts: a re-login
 * replaces the engine underneath, and whoever listens through `on()` keeps hearing it.
 *
 *   const core = new DesktopServices({ dataDir, serverUrl });
 *   core.on('status', (s) => bar.show(s));            // survives logout/login and relogin
 *   await core.login('penyelia1', 'password');        // online, or offline when the server is away
 *   core.worklistPage({ actionOnly: true });          // the user's samples, overdue first
 *   core.acceptSample(orderId, sampleId, 'Segel utuh');
 *   core.changes();                                   // waiting, blocked, rejected (with conflicts)
 *   core.dismiss(id); core.redo(id);
 *   // Kepala Balai (TTE, offline): import the keystore once, sign queued reports in a batch
 *   core.importKeystore(bytes, passphrase);
 *   await core.signReports([{ orderId, sampleId, reportId }], passphrase, onProgress);
 *   await core.logout();
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicUser } from '../../shared/api/http';
import type {
  QueuedCommandView,
  SessionInfoView,
  SigningLockoutSchema,
  SigningSource,
  WorklistQueryInput,
} from '../../shared/bridge/models';
import type { ExpandedUncertaintyValue, Order } from '../../shared/domain/entities';
import type { ElhuFonts } from '../../shared/elhu/types';
import type { Role } from '../../shared/sop/roles';
import type { z } from 'zod';
import type { ClientNotice } from '../../shared/api/releases';
import { ApiClient } from './api/client';
import { describeChange, type ChangeContext } from './actions/changes';
import {
  ActionRejectedError,
  LocalActions,
  type ActionResult,
  type ResultInput,
} from './actions/local-actions';
import { interpretResultText } from '../../shared/domain/result-text';
import type { Session } from './auth/session';
import {
  asLoginError,
  LoginError,
  loginOffline,
  loginOnline,
  ProfileStore,
  type SessionUser,
} from './auth/session';
import type { ScryptParams } from './auth/verifier';
import {
  ServerClock,
  systemClock,
  systemScheduler,
  type Clock,
  type Random,
  type Scheduler,
  type TimerHandle,
} from './clock';
import { buildHistory, type OrderHistory } from './history';
import { normalizeServerUrl, OUTBOX_FILE, workspaceDir } from './localdb/paths';
import {
  LocalStore,
  type QueuedCommand,
  type StoredRowError,
  type WorklistFacets,
  type WorklistPage,
  type WorklistQuery,
  type WorklistRow,
} from './localdb/store';
import { Workspace } from './localdb/workspace';
import { useUnitHolidays } from './localdb/sop-clock';
import {
  DesktopSigning,
  type KeystoreInfo,
  type ReportRefInput,
  type SignedReport,
  type SignerIdentity,
  type SigningQueueItem,
  type SigningSourceInfo,
} from './signing/desk';
import { loadElhuFonts } from '../../node-shared/elhu-fonts';
import { errorFields, SILENT_LOGGER, type Logger } from './log/logger';
import type { LockoutPolicy } from './signing/lockout';
import {
  SyncEngine,
  type CycleReport,
  type SyncEngineDeps,
  type SyncOptions,
  type SyncStatus,
} from './sync/engine';

export interface DesktopServicesOptions {
  /** The app's data folder; workspaces go in `<dataDir>/workspaces/<hash of server and user>`. */
  dataDir: string;
  serverUrl: string;
  clock?: Clock;
  scheduler?: Scheduler;
  random?: Random;
  http?: { timeoutMs?: number; pullTimeoutMs?: number; validatePull?: boolean };
  sync?: SyncOptions;
  /** Cost of the offline-login verifier (tests lower it). */
  scrypt?: ScryptParams;
  /** fsync of the outbox at every local action (FULL, default) or not (NORMAL): see WorkspaceOptions. */
  outboxSync?: 'FULL' | 'NORMAL';
  /** Start the sync loop at login (default true). */
  autoSync?: boolean;
  syncHook?: SyncEngineDeps['hook'];
  /**
   * The Kepala Balai's signing: E-LHU fonts folder (a packaged app passes its resources), the lockout
   * policy, and where the key is (the settings' `signing`: key file, the default, or PKCS#11 token).
   */
  signing?: { fontsDir?: string; policy?: LockoutPolicy; source?: () => SigningSource | undefined };
  /** The unit's HTTP(S) proxy for every request to the server (the settings' `proxy`), read at each request. */
  proxy?: () => string | null | undefined;
  /** The host's logger (sync, signing, sign-in outcomes); main/services never writes to the console. */
  logger?: Logger;
}

/** Who is signed in, and online or offline as the sync engine last found the server. */
export type SessionInfo = SessionInfoView;

export type LoginMode = 'auto' | 'online' | 'offline';

/** Thrown by every call that needs a signed-in user when nobody is (the bridge answers `not_signed_in`). */
export class NotSignedInError extends Error {
  readonly code = 'not_signed_in';
  constructor() {
    super('Belum masuk / not signed in');
    this.name = 'NotSignedInError';
  }
}

/** What a local action did: the queued command(s) (one per analysis for a retest or submit) and the order as the user now sees it. */
export interface ActionDone {
  command: QueuedCommand;
  commands: QueuedCommand[];
  order: Order;
}

export interface SigningProgress {
  done: number;
  total: number;
  reportId: string | null;
}

/** What DesktopServices tells its listeners; the subscription belongs to the app, not to a session. */
export interface DesktopEvents {
  status: SyncStatus;
  /** Signed in, signed out, online/offline changed. */
  session: SessionInfo | null;
  /** Orders of the working copy changed (null: reload everything). */
  data: { orderIds: string[] | null };
  signing: SigningProgress;
  /** The server told this desktop it is older than the minimum supported version (null: no longer, or not known to be). */
  outdated: OutdatedNotice | null;
}
export type DesktopEventName = keyof DesktopEvents;

export interface StaffMember {
  id: string;
  name: string;
  role: string;
  labId: string | null;
  active: boolean;
  /** Open analyses assigned to them in this working copy. */
  openWork: number;
}

export type SigningLockout = z.infer<typeof SigningLockoutSchema>;

/** What the server said when it refused this desktop's version: the version needed and its words. */
export interface OutdatedNotice {
  minimumVersion: string;
  currentVersion: string;
  message: { id: string; en: string };
}

/**
 * For tests and diagnostics only, never for the UI: the live parts of the current session. They
 * are replaced at every login; hold on to none of them.
 */
export interface Diagnostics {
  store: LocalStore;
  sync: SyncEngine;
  actions: LocalActions;
  signing: DesktopSigning;
}

interface Open {
  housekeeping: TimerHandle | null;
  ws: Workspace;
  store: LocalStore;
  profile: ProfileStore;
  clock: ServerClock;
  api: ApiClient;
  session: Session;
  actions: LocalActions;
  sync: SyncEngine;
  signing: DesktopSigning;
  unsubscribe: () => void;
}

type Listener<E extends DesktopEventName> = (payload: DesktopEvents[E]) => void;

export class DesktopServices {
  readonly serverUrl: string;
  private open: Open | null = null;
  private readonly listeners: { [E in DesktopEventName]: Set<Listener<E>> } = {
    status: new Set(),
    session: new Set(),
    data: new Set(),
    signing: new Set(),
    outdated: new Set(),
  };
  /** The server's last word on this desktop's version (kept across logins: the app is still the same version). */
  private notice: OutdatedNotice | null = null;
  /** The mode last told to 'session' listeners, so a change of connectivity is told once. */
  private toldMode: 'online' | 'offline' | null = null;
  private readonly logger: Logger;

  constructor(private readonly options: DesktopServicesOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
    this.logger = options.logger ?? SILENT_LOGGER;
  }

  private get o(): Open {
    if (!this.open) throw new NotSignedInError();
    return this.open;
  }

  // ---------------------------------------------------------------------------------------------
  // Events

  /** Listen to the app's events; returns the unsubscribe function. Keeps working across logins. */
  on<E extends DesktopEventName>(event: E, listener: Listener<E>): () => void {
    const set = this.listeners[event] as Set<Listener<E>>;
    set.add(listener);
    return () => {
      set.delete(listener);
    };
  }

  private emit<E extends DesktopEventName>(event: E, payload: DesktopEvents[E]): void {
    for (const l of [...(this.listeners[event] as Set<Listener<E>>)]) {
      try {
        l(payload);
      } catch {
        // A listener's failure is its own; the engine goes on.
      }
    }
  }

  private onSyncStatus(o: Open, status: SyncStatus): void {
    if (this.open !== o) return;
    this.emit('status', status);
    const mode = this.modeOf(o);
    if (mode !== this.toldMode) {
      this.toldMode = mode;
      this.emit('session', this.session);
    }
  }

  private modeOf(o: Open): 'online' | 'offline' {
    const online = o.sync.connectivity;
    if (online === null) return o.session.mode;
    return online ? 'online' : 'offline';
  }

  /**
   * The server's word on this desktop's version, from a login or renewal answer or a push refused
   * with 426; null once the server accepts it again (a newer desktop, or the minimum lowered).
   */
  outdatedNotice(): OutdatedNotice | null {
    return this.notice ? { ...this.notice, message: { ...this.notice.message } } : null;
  }

  private onClientNotice(notice: ClientNotice | null): void {
    const next: OutdatedNotice | null = notice
      ? { minimumVersion: notice.minimumVersion, currentVersion: clientVersion(), message: notice.message }
      : null;
    if (JSON.stringify(next) === JSON.stringify(this.notice)) return;
    this.notice = next;
    this.emit('outdated', this.outdatedNotice());
  }

  // ---------------------------------------------------------------------------------------------
  // Session

  get signedIn(): boolean {
    return this.open !== null;
  }

  get session(): SessionInfo | null {
    if (!this.open) return null;
    return {
      user: this.open.session.user,
      mode: this.modeOf(this.open),
      workspace: this.open.ws.dir,
      integrity: this.open.ws.integrity,
    };
  }

  /** Test and diagnostics access to the current session's parts (see Diagnostics); not for the UI. */
  get diagnostics(): Diagnostics {
    const o = this.o;
    return { store: o.store, sync: o.sync, actions: o.actions, signing: o.signing };
  }

  // ---------------------------------------------------------------------------------------------
  // Sync and changes

  /** Sync status, plus how many signed reports wait for upload. */
  status(): SyncStatus {
    return this.o.sync.status();
  }

  /** Push and pull now (the user's "sync"); rejects with the error that stopped it. */
  syncNow(): Promise<CycleReport> {
    return this.o.sync.syncNow();
  }

  private changeContext(o: Open): ChangeContext {
    let staff: Map<string, { name: string; role: Role | null }> | null = null;
    return {
      currentOrder: (id) => o.store.viewOf(id, { excludeBlocked: true }).view,
      actor: () => o.session.actor,
      now: () => o.clock.now(),
      person: (id) => {
        staff ??= new Map(
          [
            ...o.store.reference<{ id: string; name: string; role: Role }>('staff'),
            ...o.store.reference<{ id: string; name: string; role: Role }>('self'),
          ].map((u) => [u.id, { name: u.name, role: u.role ?? null }]),
        );
        return staff.get(id) ?? null;
      },
    };
  }

  /** The outbox as the user sees it: waiting to go, held back behind a rejection, rejected (not dealt with yet). */
  changes(): { waiting: QueuedCommandView[]; blocked: QueuedCommandView[]; rejected: QueuedCommandView[] } {
    const o = this.o;
    const ctx = this.changeContext(o);
    const all = o.store.commands(['pending', 'sent', 'blocked', 'rejected']);
    return {
      waiting: all
        .filter((c) => c.status === 'pending' || c.status === 'sent')
        .map((c) => describeChange(c, ctx)),
      blocked: all.filter((c) => c.status === 'blocked').map((c) => describeChange(c, ctx)),
      rejected: all
        .filter((c) => c.status === 'rejected' && c.resolution === null)
        .map((c) => describeChange(c, ctx)),
    };
  }

  /** Rejected changes the user has not dealt with yet, with the server's code and reason, and the kind of refusal. */
  rejectedCommands(): QueuedCommandView[] {
    return this.changes().rejected;
  }

  /** One change of the outbox, described like in `changes()`, or null. */
  change(commandId: string): QueuedCommandView | null {
    const o = this.o;
    const c = o.store.command(commandId);
    return c ? describeChange(c, this.changeContext(o)) : null;
  }

  /** The changes of this user on one order not settled yet (waiting, blocked, or rejected and not dealt with). */
  orderChanges(orderId: string): QueuedCommandView[] {
    const o = this.o;
    const ctx = this.changeContext(o);
    return o.store
      .commands(['pending', 'sent', 'blocked', 'rejected'])
      .filter((c) => c.aggregateId === orderId && !(c.status === 'rejected' && c.resolution !== null))
      .map((c) => describeChange(c, ctx));
  }

  /** Accept a rejection (what it held back goes on; what was built on it becomes visible as rejected). ActionRejectedError 'not_found' for an unknown id. */
  dismiss(commandId: string): QueuedCommandView {
    const o = this.o;
    const c = o.actions.dismiss(commandId);
    return describeChange(c, this.changeContext(o));
  }

  /** Decide a rejected change again on the current state and queue it anew (a signature only while its document still holds). */
  redo(commandId: string): ActionDone {
    const o = this.o;
    const r =
      o.store.command(commandId)?.type === 'report.sign'
        ? o.signing.redoSign(commandId, () => o.actions.redo(commandId))
        : o.actions.redo(commandId);
    return done([r]);
  }

  // ---------------------------------------------------------------------------------------------
  // Worklists, orders, history, reference data

  /** Every worklist row matching the filter (small lists, tests). Screens use `worklistPage`. */
  worklist(query: WorklistQuery = {}): WorklistRow[] {
    return this.o.store.worklist(query);
  }

  /** A worklist screen's page: overdue first, then oldest; the next cursor; the counts for the filter. */
  worklistPage(query: WorklistQueryInput = {}): WorklistPage {
    const o = this.o;
    return o.store.worklistPage(query, o.clock.now().toISOString());
  }

  /** What the worklist's filters offer: sample statuses, labs and sample types, with counts. */
  worklistFacets(): WorklistFacets {
    const o = this.o;
    const labs = new Map(o.store.reference<{ id: string; name: string }>('labs').map((l) => [l.id, l.name]));
    return o.store.worklistFacets((id) => labs.get(id) ?? null);
  }

  /** The order as the user sees it (with their pending changes), or null when not in the working copy. */
  order(id: string): Order | null {
    return this.o.store.order(id);
  }

  /**
   * An order whose stored row does not read, met while the user opened or acted on it: dropped from
   * the working copy (its outbox commands stay) and fetched again whole by the next pull.
   */
  dropUnreadable(e: StoredRowError): void {
    const o = this.o;
    o.store.evictUnreadable(e);
    this.emit('data', { orderIds: [e.key] });
    this.emit('status', o.sync.status());
  }

  /**
   * Who did what when on an order: online, the server's history (kept for offline); offline, the
   * last fetched copy; with neither, what the order itself records. This user's unconfirmed
   * changes are added as 'local' entries.
   */
  async history(orderId: string): Promise<OrderHistory> {
    const o = this.o;
    return buildHistory({
      orderId,
      store: o.store,
      session: o.session,
      api: o.api,
      now: () => o.clock.now().toISOString(),
      user: o.session.user,
      online: o.sync.connectivity !== false && o.session.state === 'active',
    });
  }

  /** Lab staff as last fetched from the server, with each analyst's open work in this copy. */
  staff(filter: { labId?: string; role?: string } = {}): StaffMember[] {
    const o = this.o;
    const open = o.store.openWorkByAnalyst();
    return o.store
      .reference<{ id: string; name: string; role: string; labId: string | null; active: boolean }>('staff')
      .filter(
        (u) =>
          (filter.labId === undefined || u.labId === filter.labId) &&
          (filter.role === undefined || u.role === filter.role),
      )
      .map((u) => ({
        id: u.id,
        name: u.name,
        role: u.role,
        labId: u.labId,
        active: u.active,
        openWork: open.get(u.id) ?? 0,
      }));
  }

  labs(): { id: string; code: string; name: string }[] {
    return this.o.store
      .reference<{ id: string; code: string; name: string }>('labs')
      .map((l) => ({ id: l.id, code: l.code, name: l.name }));
  }

  reference<T>(kind: string): T[] {
    return this.o.store.reference<T>(kind);
  }

  /**
   * One request to the server now, with this session (the online staff screens, through
   * main/services/online): a 401 renews the token once as the sync engine does. Nothing is stored
   * here; a change made this way reaches the working copy by the next pull, which is asked for at once.
   */
  async withServer<T>(
    fn: (api: ApiClient, token: string) => Promise<T>,
    options: { changes?: boolean } = {},
  ): Promise<T> {
    const o = this.o;
    const value = await o.session.withAuth((token) => fn(o.api, token));
    if (options.changes) o.sync.nudge();
    return value;
  }

  // ---------------------------------------------------------------------------------------------
  // Penyelia (steps 12, 15)

  acceptSample(orderId: string, sampleId: string, condition: string): ActionDone {
    return done([this.o.actions.acceptSample(orderId, sampleId, condition)]);
  }
  rejectSample(orderId: string, sampleId: string, reason: string): ActionDone {
    return done([this.o.actions.rejectSample(orderId, sampleId, reason)]);
  }
  assignAnalysts(
    orderId: string,
    sampleId: string,
    assignments: { analysisId: string; analystId: string }[],
  ): ActionDone {
    return done([this.o.actions.assignAnalysts(orderId, sampleId, assignments)]);
  }
  verifyResults(orderId: string, sampleId: string): ActionDone {
    return done([this.o.actions.verifyResults(orderId, sampleId)]);
  }
  /** Send analyses back for retest: one command per analysis, all or none (one local transaction). */
  requestRetest(
    orderId: string,
    sampleId: string,
    analysisIds: readonly string[],
    reason: string,
    analystId: string | null = null,
  ): ActionDone {
    const o = this.o;
    return done(
      o.store.sql.tx(() =>
        analysisIds.map((id) => o.actions.requestRetest(orderId, sampleId, id, reason, analystId)),
      ),
    );
  }

  // MT (steps 13, 16)

  validateAssignment(orderId: string, sampleId: string): ActionDone {
    return done([this.o.actions.validateAssignment(orderId, sampleId)]);
  }
  returnAssignment(orderId: string, sampleId: string, reason: string): ActionDone {
    return done([this.o.actions.returnAssignment(orderId, sampleId, reason)]);
  }
  validateResults(orderId: string, sampleId: string): ActionDone {
    return done([this.o.actions.validateResults(orderId, sampleId)]);
  }
  returnResults(orderId: string, sampleId: string, reason: string): ActionDone {
    return done([this.o.actions.returnResults(orderId, sampleId, reason)]);
  }

  // Analis (step 14)

  /**
   * Save a result as typed ("12,5", "12.5", "<0,05", "< LoQ", "negatif"), read by the shared
   * interpreter with the analysis' detection limit and requirement: the number, or a value below
   * the detection limit. Text it cannot read is refused ('invalid_payload', saying how to write it).
   */
  saveResult(
    orderId: string,
    sampleId: string,
    analysisId: string,
    input: {
      value: string;
      notes?: string;
      testedOn?: string | null;
      uncertainty?: ExpandedUncertaintyValue | null;
    },
  ): ActionDone {
    const o = this.o;
    const analysis = o.store
      .order(orderId)
      ?.samples.find((s) => s.id === sampleId)
      ?.analyses.find((a) => a.id === analysisId);
    const r = interpretResultText(
      input.value,
      analysis?.detectionLimit ?? null,
      analysis?.requirement ?? null,
    );
    if (!r.ok) throw new ActionRejectedError('invalid_payload', r.message);
    const result: ResultInput = {
      value: r.value,
      numeric: r.numeric,
      belowDetectionLimit: r.belowDetectionLimit,
      detectionLimit: r.detectionLimit,
      ...(input.notes !== undefined ? { notes: input.notes } : {}),
      ...(input.testedOn !== undefined ? { testedOn: input.testedOn } : {}),
      ...(input.uncertainty !== undefined ? { uncertainty: input.uncertainty } : {}),
    };
    return done([o.actions.saveResult(orderId, sampleId, analysisId, result)]);
  }
  /** Submit results: one command per analysis, all or none (one local transaction). */
  submitResults(orderId: string, sampleId: string, analysisIds: readonly string[]): ActionDone {
    const o = this.o;
    return done(o.store.sql.tx(() => analysisIds.map((id) => o.actions.submitResult(orderId, sampleId, id))));
  }

  // ---------------------------------------------------------------------------------------------
  // Kepala Balai: signing (TTE), offline

  /** Reports in the local copy waiting for this Kepala Balai's signature; `documentReady` once the unsigned E-LHU is here. */
  signingQueue(): SigningQueueItem[] {
    const o = this.o;
    return o.signing.queue().map((item) => ({ ...item, requestedBy: requestedBy(o.store, item) }));
  }

  /**
   * Who asked for each queued signature (CS, step 18) is in the order's history, not in the order:
   * after a pull, the Kepala Balai's copy fetches the history of queued orders that lack it, so the
   * queue says "diminta oleh" offline too. A failure leaves it for the next pull.
   */
  private async fetchRequesters(o: Open): Promise<void> {
    for (const item of o.signing.queue()) {
      if (this.open !== o || requestedBy(o.store, item) !== null) continue;
      try {
        await this.history(item.orderId);
      } catch {
        return; // offline or refused: the next pull tries again
      }
    }
  }

  /** The unsigned E-LHU of a queued report as cached here (for the preview). */
  signingDocument(reportId: string): Uint8Array {
    return this.o.signing.document(reportId);
  }

  keystore(): KeystoreInfo | null {
    return this.o.signing.keystore();
  }

  /** Where the key is (key file or PKCS#11 token, as the settings say) and, for a token, its recorded certificate. */
  signingSource(): SigningSourceInfo {
    return this.o.signing.sourceInfo();
  }

  /** Tries left before the lockout and until when it holds. */
  signingLockout(): SigningLockout {
    const l = this.o.signing.lockoutState();
    return { attemptsLeft: l.attemptsLeft, lockedUntil: l.lockedUntil };
  }

  /** Import the PKCS#12 keystore once (its bytes); with the passphrase it is opened to check it (never stored). */
  importKeystore(bytes: Uint8Array, passphrase: string | null = null): KeystoreInfo {
    return this.o.signing.importKeystore(bytes, passphrase ?? undefined);
  }

  /** Sign a batch with one passphrase entry: SigningError on any refusal (nothing written), else the queued commands. */
  async signReports(
    refs: readonly ReportRefInput[],
    passphrase: string,
    onProgress?: (p: SigningProgress) => void,
  ): Promise<SignedReport[]> {
    const o = this.o;
    const signed = await o.signing.signReports(refs, passphrase, (d, total, reportId) => {
      const p = { done: d, total, reportId };
      onProgress?.(p);
      this.emit('signing', p);
    });
    return signed;
  }

  /** Refuse to sign, with a reason (offline; 'report.refuse' is queued). */
  refuseReport(orderId: string, sampleId: string, reportId: string, reason: string): ActionDone {
    return done([this.o.signing.refuseReport(orderId, sampleId, reportId, reason)]);
  }

  /**
   * Sign in. `auto` tries the server and falls back to the offline verifier only when the server
   * cannot be reached (a wrong password the server refused is never retried offline).
   */
  async login(username: string, password: string, mode: LoginMode = 'auto'): Promise<SessionInfo> {
    if (this.open) await this.logout({ revoke: false, quiet: true });
    const dir = workspaceDir(this.options.dataDir, this.serverUrl, username);
    if (mode === 'offline' || mode === 'auto') {
      if (mode === 'offline' && !existsSync(join(dir, OUTBOX_FILE))) {
        throw new LoginError(
          'offline_unknown_user',
          'Pengguna ini belum pernah masuk di komputer ini; masuk secara daring dulu.',
          'This user has never signed in on this computer; sign in online first.',
        );
      }
    }
    const ws = Workspace.open(dir, {
      owner: { serverUrl: this.serverUrl, username },
      ...(this.options.outboxSync ? { outboxSync: this.options.outboxSync } : {}),
    });
    try {
      const profile = new ProfileStore(ws.sql);
      const st = ws.sql.get(
        ws.sql.q.selectFrom('sync_state').select('server_time_offset_ms').where('id', '=', 1),
      )!;
      const local = this.options.clock ?? systemClock;
      let persistOffset: (ms: number) => void = () => {};
      const clock = new ServerClock(local, st.server_time_offset_ms, (ms) => persistOffset(ms));
      const api = new ApiClient({
        baseUrl: this.serverUrl,
        clock: local,
        onServerTime: (t, a, b) => clock.observe(t, a, b),
        onClientNotice: (n) => this.onClientNotice(n),
        ...(this.options.proxy ? { proxy: this.options.proxy } : {}),
        ...(this.options.http ?? {}),
      });
      let opened: Open | null = null;
      const putSelf = (u: PublicUser) => {
        const json = JSON.stringify(u);
        ws.db
          .prepare(
            `INSERT INTO reference (kind, id, json, updated_at) VALUES ('self', ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`,
          )
          .run(u.id, json, clock.now().toISOString());
      };
      const deps = {
        onPublicUser: putSelf,
        api,
        clock,
        profile,
        serverUrl: this.serverUrl,
        scrypt: this.options.scrypt,
        onUserChanged: (u: SessionUser) => {
          if (!opened) return;
          opened.store.setActor({ userId: u.id, role: u.role, labId: u.labId, customerId: null });
          // The bucket is defined by the role: fetch it whole again.
          opened.store.updateSyncState({ cursor: null });
        },
        onEnded: () => {
          opened?.sync.nudge();
          if (opened && this.open === opened) this.emit('session', this.session);
        },
      };
      let session: Session;
      if (mode === 'offline') {
        session = await loginOffline(deps, password);
      } else {
        try {
          session = await loginOnline(deps, username, password);
        } catch (e) {
          if (mode === 'auto' && e instanceof LoginError && e.code === 'unreachable' && profile.get()) {
            session = await loginOffline(deps, password);
          } else {
            throw e;
          }
        }
      }
      const store = new LocalStore(ws, session.actor);
      persistOffset = (ms) => store.updateSyncState({ server_time_offset_ms: ms });
      if (clock.offset !== st.server_time_offset_ms) persistOffset(clock.offset);
      store.clientId();
      store.recover();
      // The holiday list last brought down (offline, the clocks still skip the unit's holidays).
      const keptHolidays = store.reference<{ date: string }>('holidays');
      if (keptHolidays.length > 0 && useUnitHolidays(keptHolidays)) store.recomputeClocks();
      const sync: SyncEngine = new SyncEngine({
        store,
        api,
        session: () => opened?.session ?? null,
        clock,
        scheduler: this.options.scheduler ?? systemScheduler,
        ...(this.options.random ? { random: this.options.random } : {}),
        ...(this.options.sync ? { options: this.options.sync } : {}),
        ...(this.options.syncHook ? { hook: this.options.syncHook } : {}),
        logger: this.logger,
        beforeSend: (c, s) => opened!.signing.beforeSend(c, s),
        afterPull: async (s) => {
          if (s.user.role !== 'kepala_balai') return;
          await opened!.signing.cacheDocuments(s);
          await this.fetchRequesters(opened!);
        },
        onData: (orderIds) => this.emit('data', { orderIds }),
        extraStatus: () => ({ signedAwaitingUpload: opened ? opened.signing.awaitingUpload() : 0 }),
        refreshReference: async (token) => {
          const at = clock.now().toISOString();
          const [catalog, staff, holidays] = await Promise.allSettled([
            api.catalog(token),
            api.staff(token),
            api.holidays(token),
          ]);
          if (staff.status === 'fulfilled') store.putReference('staff', staff.value.staff, at);
          if (holidays.status === 'fulfilled') {
            // The unit's holiday list (Admin Satker's), kept for offline; the working-day clocks follow it.
            store.putReference(
              'holidays',
              holidays.value.holidays.map((h) => ({ id: h.date, ...h })),
              at,
            );
            if (useUnitHolidays(holidays.value.holidays) && store.recomputeClocks() > 0)
              this.emit('data', { orderIds: null });
          }
          if (catalog.status === 'fulfilled') {
            store.putReference('labs', catalog.value.labs, at);
            store.putReference('sample_types', catalog.value.sampleTypes, at);
            store.putReference('parameters', catalog.value.parameters, at);
            store.putReference('unit', [{ ...catalog.value.unit, id: 'unit' }], at);
          }
          const failed = [catalog, staff].find((r) => r.status === 'rejected');
          if (failed && failed.status === 'rejected') throw failed.reason;
        },
      });
      const actions = new LocalActions({
        store,
        clock,
        actor: () => {
          if (session.state === 'ended') {
            throw new ActionRejectedError('forbidden', {
              id: 'Sesi Anda diakhiri oleh server (mis. peran diubah atau akun dinonaktifkan). Masuk lagi.',
              en: 'The server ended your session (e.g. role changed or account deactivated). Sign in again.',
            });
          }
          return session.actor;
        },
        onQueued: (c) => {
          sync.nudge();
          this.emit('data', { orderIds: [c.aggregateId] });
        },
      });
      let fonts: ElhuFonts | null = null;
      const signing = new DesktopSigning({
        store,
        dir: ws.dir,
        clock,
        api,
        actions,
        user: () => session.user,
        signer: (): SignerIdentity | null => {
          const self = store.reference<PublicUser>('self').find((u) => u.id === session.user.id);
          return self ? { name: self.name, nip: self.nip } : null;
        },
        location: () => store.reference<{ city?: string }>('unit')[0]?.city ?? '',
        fonts: () => (fonts ??= loadElhuFonts(this.options.signing?.fontsDir)),
        ...(this.options.signing?.policy ? { policy: this.options.signing.policy } : {}),
        ...(this.options.signing?.source ? { source: this.options.signing.source } : {}),
        logger: this.logger,
      });
      opened = {
        housekeeping: null,
        ws,
        store,
        profile,
        clock,
        api,
        session,
        actions,
        sync,
        signing,
        unsubscribe: () => {},
      };
      const o = opened;
      o.unsubscribe = sync.onChange((s) => this.onSyncStatus(o, s));
      this.open = opened;
      this.scheduleHousekeeping(opened);
      store.prune(new Date(clock.now().getTime() - 30 * 86_400_000).toISOString());
      if (this.options.autoSync ?? true) sync.start();
      const info = this.session!;
      this.logger.info('session: signed in', { mode: info.mode, role: session.user.role, asked: mode });
      this.toldMode = info.mode;
      this.emit('session', info);
      this.emit('status', sync.status());
      this.emit('data', { orderIds: null });
      return info;
    } catch (e) {
      if (!this.open) ws.close();
      throw e;
    }
  }

  /** Every 10 s while signed in: fold the write-ahead logs into the files (never during an action). */
  private scheduleHousekeeping(o: Open): void {
    const scheduler = this.options.scheduler ?? systemScheduler;
    o.housekeeping = scheduler.setTimeout(() => {
      if (this.open !== o) return;
      try {
        o.ws.checkpoint();
      } catch (e) {
        // housekeeping only: the next one catches up
        this.logger.warn('housekeeping: checkpoint failed', errorFields(e));
      }
      this.scheduleHousekeeping(o);
    }, 10_000);
  }

  private stopHousekeeping(o: Open): void {
    if (o.housekeeping !== null) (this.options.scheduler ?? systemScheduler).clearTimeout(o.housekeeping);
    o.housekeeping = null;
  }

  /**
   * Sign in again after the server ended the session (the queue was kept): same workspace, same
   * queue, the sync loop resumes.
   */
  async relogin(password: string): Promise<SessionInfo> {
    const o = this.o;
    const username = o.session.user.username;
    // Check the password before leaving the ended session: a typo must not sign the user out
    // (the screen, the queue and the user's place stay as they were).
    try {
      const probe = await o.api.login(username, password);
      await o.api.logout(probe.accessToken).catch(() => {});
    } catch (e) {
      throw asLoginError(e);
    }
    return this.login(username, password, 'online');
  }

  /** Stop the signed-in workspace's loops and forget it; the caller ends its session and closes its files. */
  private detach(): Open | null {
    const o = this.open;
    if (!o) return null;
    this.open = null;
    o.unsubscribe();
    this.stopHousekeeping(o);
    o.sync.stop();
    return o;
  }

  /** Sign out: stop syncing, close the files. `revoke` (default) also revokes the session on the server. */
  async logout(
    options: {
      revoke?: boolean;
      /** A re-login follows at once: tell listeners only its outcome. */ quiet?: boolean;
    } = {},
  ): Promise<void> {
    const o = this.detach();
    if (!o) return;
    try {
      if (options.revoke ?? true) await o.session.logout();
      else o.session.close();
    } finally {
      o.ws.close();
      this.toldMode = null;
      if (options.quiet !== true) this.emit('session', null);
    }
  }

  /** Close without signing out on the server (app quit). */
  close(): void {
    const o = this.detach();
    if (!o) return;
    o.session.close();
    o.ws.close();
    this.toldMode = null;
    this.emit('session', null);
  }
}

/** The name of who asked for this report's signature, from the order's cached history (null: not known here). */
function requestedBy(
  store: LocalStore,
  item: { orderId: string; sampleId: string; reportId: string },
): string | null {
  const cached = store.reference<{
    entries?: {
      command: string;
      entityId: string | null;
      sampleId: string | null;
      actorName: string | null;
    }[];
  }>(`history:${item.orderId}`)[0];
  const asked = (cached?.entries ?? []).filter(
    (e) =>
      e.command === 'report.request_signature' &&
      (e.entityId === item.reportId || (e.entityId === null && e.sampleId === item.sampleId)),
  );
  return asked.at(-1)?.actorName ?? null;
}

/** This desktop's version as the API client sends it (the shell sets SIPPT_APP_VERSION). */
function clientVersion(): string {
  return process.env.SIPPT_APP_VERSION ?? '0.0.0';
}

function done(results: readonly ActionResult[]): ActionDone {
  const last = results[results.length - 1];
  if (!last)
    throw new ActionRejectedError('invalid_payload', {
      id: 'Tidak ada yang dipilih.',
      en: 'Nothing was chosen.',
    });
  return { command: last.command, commands: results.map((r) => r.command), order: last.order };
}
