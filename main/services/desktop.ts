/**
 * The desktop core as one object: what the Electron shell (and the loopback host that serves the
 * same bridge to a browser) calls. Plain Node: no electron import anywhere below main/services.
 *
 *   const core = new DesktopServices({ dataDir, serverUrl });
 *   await core.login('penyelia1', 'password');      // online, or offline when the server is away
 *   core.worklist({ actionOnly: true });            // the user's samples, work first
 *   core.actions.acceptSample(orderId, sampleId, 'Segel utuh');
 *   core.sync.status();                             // pending, blocked, rejected, last sync, online
 *   core.rejectedCommands(); core.dismiss(id); core.redo(id);
 *   // Kepala Balai (TTE, offline): import the keystore once, sign queued reports in a batch
 *   core.importKeystore('/path/kepala-balai.p12');
 *   core.signingQueue();                            // reports waiting, with documentReady
 *   await core.signReports([{ orderId, sampleId, reportId }], passphrase);
 *   core.refuseReport(orderId, sampleId, reportId, 'Alasan');
 *   core.status().signedAwaitingUpload;
 *   await core.logout();
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { PublicUser } from '../../shared/api/http';
import type { Order } from '../../shared/domain/entities';
import { ApiClient } from './api/client';
import { ActionRejectedError, LocalActions, type ActionResult } from './actions/local-actions';
import type { Session} from './auth/session';
import { LoginError, loginOffline, loginOnline, ProfileStore, type SessionUser } from './auth/session';
import type { ScryptParams } from './auth/verifier';
import { ServerClock, systemClock, systemScheduler, type Clock, type Random, type Scheduler, type TimerHandle } from './clock';
import { normalizeServerUrl, OUTBOX_FILE, workspaceDir } from './localdb/paths';
import { LocalStore, type QueuedCommand, type WorklistPage, type WorklistQuery, type WorklistRow } from './localdb/store';
import { Workspace, type IntegrityReport } from './localdb/workspace';
import { DesktopSigning, type KeystoreInfo, type ReportRefInput, type SignedReport, type SignerIdentity, type SigningQueueItem } from './signing/desk';
import { loadElhuFonts } from './signing/fonts';
import type { LockoutPolicy } from './signing/lockout';
import { SyncEngine, type SyncEngineDeps, type SyncOptions, type SyncStatus } from './sync/engine';
import type { ElhuFonts } from '../../shared/elhu/types';

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
  /** The Kepala Balai's signing: E-LHU fonts folder (a packaged app passes its resources) and the lockout policy. */
  signing?: { fontsDir?: string; policy?: LockoutPolicy };
}

export interface SessionInfo {
  user: SessionUser;
  mode: 'online' | 'offline';
  workspace: string;
  /** Set when the working copy was found damaged at this login and is being rebuilt. */
  integrity: IntegrityReport | null;
}

export type LoginMode = 'auto' | 'online' | 'offline';

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
}

export class DesktopServices {
  readonly serverUrl: string;
  private open: Open | null = null;

  constructor(private readonly options: DesktopServicesOptions) {
    this.serverUrl = normalizeServerUrl(options.serverUrl);
  }

  private get o(): Open {
    if (!this.open) throw new Error('Belum masuk / not signed in');
    return this.open;
  }

  get signedIn(): boolean {
    return this.open !== null;
  }

  get session(): SessionInfo | null {
    if (!this.open) return null;
    return {
      user: this.open.session.user,
      mode: this.open.session.mode,
      workspace: this.open.ws.dir,
      integrity: this.open.ws.integrity,
    };
  }

  get actions(): LocalActions {
    return this.o.actions;
  }

  get sync(): SyncEngine {
    return this.o.sync;
  }

  /** For tests and diagnostics. */
  get store(): LocalStore {
    return this.o.store;
  }

  /** Every worklist row matching the filter (small lists, tests). Screens use `worklistPage`. */
  worklist(query: WorklistQuery = {}): WorklistRow[] {
    return this.o.store.worklist(query);
  }

  /** A worklist screen's page: first (or `after`) page of rows, the next cursor, the counts. */
  worklistPage(query: WorklistQuery & { after?: string | null } = {}): WorklistPage {
    return this.o.store.worklistPage(query);
  }

  order(id: string): Order | null {
    return this.o.store.order(id);
  }

  /** Rejected changes the user has not dealt with yet, with the server's code and reason. */
  rejectedCommands(): QueuedCommand[] {
    return this.o.actions.rejectedCommands();
  }

  /** Accept a rejection (what it held back goes on; what was built on it becomes visible as rejected). */
  dismiss(commandId: string): QueuedCommand {
    return this.o.actions.dismiss(commandId);
  }

  /** Decide a rejected change again on the current state and queue it anew (a signature only while its document still holds). */
  redo(commandId: string): ActionResult {
    const o = this.o;
    if (o.store.command(commandId)?.type === 'report.sign') return o.signing.redoSign(commandId, () => o.actions.redo(commandId));
    return o.actions.redo(commandId);
  }

  /** Sync status, plus how many signed reports wait for upload. */
  status(): SyncStatus {
    return this.o.sync.status();
  }

  // Kepala Balai: signing (TTE), offline

  get signing(): DesktopSigning {
    return this.o.signing;
  }

  /** Reports in the local copy waiting for this Kepala Balai's signature; `documentReady` once the unsigned E-LHU is here. */
  signingQueue(): SigningQueueItem[] {
    return this.o.signing.queue();
  }

  /** Import the PKCS#12 keystore once (a path or its bytes); with the passphrase it is opened to check it (never stored). */
  importKeystore(source: string | Uint8Array, passphrase?: string): KeystoreInfo {
    return this.o.signing.importKeystore(source, passphrase);
  }

  keystore(): KeystoreInfo | null {
    return this.o.signing.keystore();
  }

  /** Sign a batch with one passphrase entry: SigningError on any refusal (nothing written), else the queued commands. */
  signReports(refs: readonly ReportRefInput[], passphrase: string): Promise<SignedReport[]> {
    return this.o.signing.signReports(refs, passphrase);
  }

  /** Refuse to sign, with a reason (offline; 'report.refuse' is queued). */
  refuseReport(orderId: string, sampleId: string, reportId: string, reason: string): ActionResult {
    return this.o.signing.refuseReport(orderId, sampleId, reportId, reason);
  }

  /** Lab staff (names for the Penyelia's analyst picker), as last fetched from the server. */
  staff(): { id: string; name: string; role: string; labId: string | null; active: boolean }[] {
    return this.o.store.reference('staff');
  }

  reference<T>(kind: string): T[] {
    return this.o.store.reference<T>(kind);
  }

  /**
   * Sign in. `auto` tries the server and falls back to the offline verifier only when the server
   * cannot be reached (a wrong password the server refused is never retried offline).
   */
  async login(username: string, password: string, mode: LoginMode = 'auto'): Promise<SessionInfo> {
    if (this.open) await this.logout({ revoke: false });
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
    const ws = Workspace.open(dir, { owner: { serverUrl: this.serverUrl, username }, ...(this.options.outboxSync ? { outboxSync: this.options.outboxSync } : {}) });
    try {
      const profile = new ProfileStore(ws.sql);
      const st = ws.sql.get(ws.sql.q.selectFrom('sync_state').select('server_time_offset_ms').where('id', '=', 1))!;
      const local = this.options.clock ?? systemClock;
      let persistOffset: (ms: number) => void = () => {};
      const clock = new ServerClock(local, st.server_time_offset_ms, (ms) => persistOffset(ms));
      const api = new ApiClient({
        baseUrl: this.serverUrl,
        clock: local,
        onServerTime: (t, a, b) => clock.observe(t, a, b),
        ...(this.options.http ?? {}),
      });
      let opened: Open | null = null;
      const putSelf = (u: PublicUser) => {
        const json = JSON.stringify(u);
        ws.db
          .prepare(`INSERT INTO reference (kind, id, json, updated_at) VALUES ('self', ?, ?, ?) ON CONFLICT (kind, id) DO UPDATE SET json = excluded.json, updated_at = excluded.updated_at`)
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
        onEnded: () => opened?.sync.nudge(),
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
      const sync: SyncEngine = new SyncEngine({
        store,
        api,
        session: () => opened?.session ?? null,
        clock,
        scheduler: this.options.scheduler ?? systemScheduler,
        ...(this.options.random ? { random: this.options.random } : {}),
        ...(this.options.sync ? { options: this.options.sync } : {}),
        ...(this.options.syncHook ? { hook: this.options.syncHook } : {}),
        beforeSend: (c, s) => opened!.signing.beforeSend(c, s),
        afterPull: async (s) => {
          if (s.user.role === 'kepala_balai') await opened!.signing.cacheDocuments(s);
        },
        extraStatus: () => ({ signedAwaitingUpload: opened ? opened.signing.awaitingUpload() : 0 }),
        refreshReference: async (token) => {
          const at = clock.now().toISOString();
          const [catalog, staff] = await Promise.allSettled([api.catalog(token), api.staff(token)]);
          if (staff.status === 'fulfilled') store.putReference('staff', staff.value.staff, at);
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
        onQueued: () => sync.nudge(),
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
      });
      opened = { housekeeping: null, ws, store, profile, clock, api, session, actions, sync, signing };
      this.open = opened;
      this.scheduleHousekeeping(opened);
      store.prune(new Date(clock.now().getTime() - 30 * 86_400_000).toISOString());
      if (this.options.autoSync ?? true) sync.start();
      return this.session!;
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
      } catch {
        // housekeeping only
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
    const username = this.o.session.user.username;
    return this.login(username, password, 'online');
  }

  /** Sign out: stop syncing, close the files. `revoke` (default) also revokes the session on the server. */
  async logout(options: { revoke?: boolean } = {}): Promise<void> {
    const o = this.open;
    if (!o) return;
    this.open = null;
    this.stopHousekeeping(o);
    o.sync.stop();
    if (options.revoke ?? true) await o.session.logout();
    else o.session.close();
    o.ws.close();
  }

  /** Close without signing out on the server (app quit). */
  close(): void {
    const o = this.open;
    if (!o) return;
    this.open = null;
    this.stopHousekeeping(o);
    o.sync.stop();
    o.session.close();
    o.ws.close();
  }
}

export type { PublicUser };
