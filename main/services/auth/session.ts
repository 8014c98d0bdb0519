/**
 * The signed-in user's session on this workstation.
 *
 * Online login: the server answers with tokens and the user; a memory-hard verifier of the
 * password is stored in the workspace's outbox file for later offline logins, together with the
 * refresh token sealed under a key derived from the same password. Offline login: the verifier is
 * checked (five failures lock offline login until the next successful online login); the sealed
 * refresh token is opened, so the session can renew itself once the server is reachable.
 *
 * The session renews its access token on its own (before expiry, and on a 401). When the server
 * refuses the refresh (401) or the user's right to sync (403) — deactivated, role changed, token
 * revoked or expired — the local session ends: the queue stays, offline login is disabled until
 * the next online login.
 */
import type { PublicUser, SessionResponse } from '../../../shared/api/http';
import type { Actor } from '../../../shared/domain/state';
import { ApiError, type ApiClient } from '../api/client';
import type { ServerClock } from '../clock';
import type { WorkspaceDb, ProfileTable } from '../localdb/schema';
import type { Sql } from '../localdb/sqlite';
import {
  checkVerifier,
  createVerifier,
  DEFAULT_SCRYPT,
  seal,
  unseal,
  type Sealed,
  type ScryptParams,
  type StoredVerifier,
} from './verifier';

export const OFFLINE_MAX_FAILURES = 5;

export type SessionUser = Pick<PublicUser, 'id' | 'username' | 'name' | 'role' | 'labId'>;

export class LoginError extends Error {
  constructor(
    readonly code:
      | 'invalid_credentials'
      | 'offline_locked'
      | 'offline_unknown_user'
      | 'offline_disabled'
      | 'server_refused'
      | 'unreachable',
    readonly messageId: string,
    readonly messageEn: string,
    readonly serverCode: string | null = null,
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'LoginError';
  }
}

export class SessionEndedError extends Error {
  constructor(readonly reason: string) {
    super(
      `Sesi berakhir, silakan masuk lagi (${reason}) / The session ended, please sign in again (${reason})`,
    );
    this.name = 'SessionEndedError';
  }
}

export function actorOf(user: SessionUser): Actor {
  return { userId: user.id, role: user.role, labId: user.labId, customerId: null };
}

/**
 * - active: signed in; sync can authenticate.
 * - needs_login: signed in locally (offline) with nothing to authenticate with (the user signed
 *   out last time, so no refresh token was kept): local work goes on, sync waits for an online login.
 * - ended: the server refused the session (401 on renewal, 403): the local session is over.
 */
export type SessionState = 'active' | 'needs_login' | 'ended';

/** What the workspace keeps about its user, read and written by the session. */
export class ProfileStore {
  constructor(private readonly sql: Sql<WorkspaceDb>) {}

  get(): ProfileTable | null {
    return this.sql.get(this.sql.q.selectFrom('ob.profile').selectAll().where('id', '=', 1)) ?? null;
  }

  saveOnline(
    serverUrl: string,
    user: SessionUser,
    verifier: StoredVerifier,
    sealedRefresh: Sealed | null,
    at: string,
  ): void {
    const row: ProfileTable = {
      id: 1,
      server_url: serverUrl,
      user_id: user.id,
      username: user.username,
      name: user.name,
      role: user.role,
      lab_id: user.labId,
      verifier: JSON.stringify(verifier),
      failed_attempts: 0,
      locked_at: null,
      offline_allowed: 1,
      refresh_token_enc: sealedRefresh ? JSON.stringify(sealedRefresh) : null,
      last_online_login_at: at,
    };
    this.sql.run(this.sql.q.insertInto('ob.profile').orReplace().values(row));
  }

  update(patch: Partial<Omit<ProfileTable, 'id'>>): void {
    this.sql.run(this.sql.q.updateTable('ob.profile').set(patch).where('id', '=', 1));
  }
}

export interface SessionDeps {
  api: ApiClient;
  clock: ServerClock;
  profile: ProfileStore;
  serverUrl: string;
  /** Called when the server's answer shows the user's role or lab changed. */
  onUserChanged?: (user: SessionUser) => void;
  onEnded?: (reason: string) => void;
  /** Every user record the server sends (login, renewal, /auth/me): e.g. to keep the NIP for signing. */
  onPublicUser?: (user: PublicUser) => void;
}

export class Session {
  private accessToken: string | null = null;
  private accessExpiresAt = 0;
  /** Renew this long before expiry: a quarter of the token's life, at most 30 s. */
  private renewMarginMs = 30_000;
  private refreshToken: string | null;
  private refreshing: Promise<void> | null = null;
  private stateValue: SessionState = 'active';
  private endReason: string | null = null;

  private constructor(
    private readonly deps: SessionDeps,
    private userValue: SessionUser,
    private key: Buffer,
    refreshToken: string | null,
    readonly mode: 'online' | 'offline',
  ) {
    this.refreshToken = refreshToken;
  }

  get user(): SessionUser {
    return this.userValue;
  }

  get actor(): Actor {
    return actorOf(this.userValue);
  }

  get state(): SessionState {
    return this.stateValue;
  }

  get endedBecause(): string | null {
    return this.endReason;
  }

  static fromServer(deps: SessionDeps, res: SessionResponse, key: Buffer): Session {
    const s = new Session(deps, pickUser(res.user), key, res.refreshToken, 'online');
    s.takeTokens(res);
    return s;
  }

  static fromOffline(
    deps: SessionDeps,
    user: SessionUser,
    key: Buffer,
    refreshToken: string | null,
  ): Session {
    return new Session(deps, user, key, refreshToken, 'offline');
  }

  private takeTokens(res: SessionResponse): void {
    this.accessToken = res.accessToken;
    // Expiry by the server's clock, kept in this workstation's clock for comparison.
    this.accessExpiresAt = this.deps.clock.localNow() + res.expiresIn * 1000;
    this.renewMarginMs = Math.min(30_000, (res.expiresIn * 1000) / 4);
    this.refreshToken = res.refreshToken;
    this.deps.profile.update({ refresh_token_enc: JSON.stringify(seal(this.key, res.refreshToken)) });
    this.takeUser(res.user);
  }

  private takeUser(u: PublicUser): void {
    this.deps.onPublicUser?.(u);
    const user = pickUser(u);
    if (
      user.role !== this.userValue.role ||
      user.labId !== this.userValue.labId ||
      user.name !== this.userValue.name
    ) {
      this.userValue = user;
      this.deps.profile.update({ role: user.role, lab_id: user.labId, name: user.name });
      this.deps.onUserChanged?.(user);
    }
  }

  /**
   * Ask the server who the user is now: a role or lab changed by the Admin Satker takes effect at
   * this sync (new actor, worklist recomputed, the new bucket pulled whole). A deactivated account
   * answers 401/403 and the session ends (see withAuth).
   */
  async checkUser(): Promise<void> {
    const u = await this.withAuth((t) => this.deps.api.me(t));
    this.takeUser(u);
  }

  /** End the local session: tokens forgotten, offline login disabled until an online login. */
  end(reason: string): void {
    if (this.stateValue === 'ended') return;
    this.stateValue = 'ended';
    this.endReason = reason;
    this.accessToken = null;
    this.refreshToken = null;
    this.deps.profile.update({ offline_allowed: 0, refresh_token_enc: null });
    this.key.fill(0);
    this.deps.onEnded?.(reason);
  }

  /** Forget tokens without touching the profile (sign-out by the user, closing the app). */
  close(): void {
    this.stateValue = 'ended';
    this.endReason = this.endReason ?? 'signed_out';
    this.accessToken = null;
    this.key.fill(0);
  }

  /** Renew the access token with the refresh token (single flight). */
  refresh(): Promise<void> {
    if (this.stateValue !== 'active') return Promise.reject(new SessionEndedError(this.endReason ?? 'ended'));
    if (!this.refreshing) {
      this.refreshing = (async () => {
        if (!this.refreshToken) {
          this.stateValue = 'needs_login';
          this.endReason = 'needs_login';
          throw new SessionEndedError('needs_login');
        }
        try {
          const res = await this.deps.api.refresh(this.refreshToken);
          this.takeTokens(res);
        } catch (e) {
          if (e instanceof ApiError && !e.retryable) {
            const reason = e.code ?? e.kind;
            this.end(reason);
            throw new SessionEndedError(reason);
          }
          throw e;
        }
      })().finally(() => {
        this.refreshing = null;
      });
    }
    return this.refreshing;
  }

  private async token(): Promise<string> {
    if (this.stateValue !== 'active') throw new SessionEndedError(this.endReason ?? this.stateValue);
    if (!this.accessToken || this.deps.clock.localNow() > this.accessExpiresAt - this.renewMarginMs)
      await this.refresh();
    return this.accessToken!;
  }

  /**
   * Run an authenticated request. A 401 renews the session once and tries again; a 403 or a
   * refused renewal ends the session (SessionEndedError). Other errors pass through.
   */
  async withAuth<T>(fn: (token: string) => Promise<T>): Promise<T> {
    const first = await this.token();
    try {
      return await fn(first);
    } catch (e) {
      if (!(e instanceof ApiError)) throw e;
      if (e.kind === 'forbidden') {
        this.end(e.code ?? 'forbidden');
        throw new SessionEndedError(e.code ?? 'forbidden');
      }
      if (e.kind !== 'unauthorized') throw e;
    }
    if (this.accessToken === first) this.accessToken = null;
    const second = await this.token();
    try {
      return await fn(second);
    } catch (e) {
      if (e instanceof ApiError && (e.kind === 'unauthorized' || e.kind === 'forbidden')) {
        this.end(e.code ?? e.kind);
        throw new SessionEndedError(e.code ?? e.kind);
      }
      throw e;
    }
  }

  /** Revoke the session on the server when reachable (renewing once if needed); always forget it here. */
  async logout(): Promise<void> {
    this.deps.profile.update({ refresh_token_enc: null });
    try {
      if (this.stateValue === 'active') {
        if (!this.accessToken || this.deps.clock.localNow() > this.accessExpiresAt - 5_000) {
          if (this.refreshToken) {
            const res = await this.deps.api.refresh(this.refreshToken);
            this.accessToken = res.accessToken;
          }
        }
        if (this.accessToken) await this.deps.api.logout(this.accessToken);
      }
    } catch {
      // offline or already revoked: the tokens expire on their own and are no longer stored here
    } finally {
      this.refreshToken = null;
      this.close();
    }
  }
}

function pickUser(u: PublicUser): SessionUser {
  return { id: u.id, username: u.username, name: u.name, role: u.role, labId: u.labId };
}

// -------------------------------------------------------------------------------------------------
// Login flows

export interface LoginDeps extends SessionDeps {
  scrypt?: ScryptParams;
}

/** A failed server login as the LoginError people read (unreachable, wrong password, refused). */
export function asLoginError(e: unknown): unknown {
  if (e instanceof ApiError && e.retryable) {
    return new LoginError('unreachable', 'Server tidak dapat dihubungi.', 'The server cannot be reached.');
  }
  if (e instanceof ApiError) {
    const m = e.serverMessage;
    if (e.code === 'invalid_credentials' || e.status === 401) {
      return new LoginError(
        'invalid_credentials',
        m?.id ?? 'Nama pengguna atau kata sandi salah.',
        m?.en ?? 'Wrong username or password.',
        e.code,
      );
    }
    return new LoginError(
      'server_refused',
      m?.id ?? 'Server menolak masuk.',
      m?.en ?? 'The server refused the login.',
      e.code,
    );
  }
  return e;
}

export async function loginOnline(deps: LoginDeps, username: string, password: string): Promise<Session> {
  let res: SessionResponse;
  try {
    res = await deps.api.login(username, password);
  } catch (e) {
    throw asLoginError(e);
  }
  const { verifier, key } = await createVerifier(password, deps.scrypt ?? DEFAULT_SCRYPT);
  const user = pickUser(res.user);
  deps.profile.saveOnline(
    deps.serverUrl,
    user,
    verifier,
    seal(key, res.refreshToken),
    deps.clock.now().toISOString(),
  );
  return Session.fromServer(deps, res, key);
}

export async function loginOffline(deps: SessionDeps, password: string): Promise<Session> {
  const p = deps.profile.get();
  if (!p) {
    throw new LoginError(
      'offline_unknown_user',
      'Pengguna ini belum pernah masuk di komputer ini; masuk secara daring dulu.',
      'This user has never signed in on this computer; sign in online first.',
    );
  }
  if (p.locked_at !== null || p.failed_attempts >= OFFLINE_MAX_FAILURES) {
    throw new LoginError(
      'offline_locked',
      'Masuk luring dikunci setelah 5 kali gagal; masuk secara daring untuk membukanya.',
      'Offline sign-in is locked after 5 failures; sign in online to unlock it.',
    );
  }
  const key = await checkVerifier(password, JSON.parse(p.verifier) as StoredVerifier);
  if (!key) {
    const failed = p.failed_attempts + 1;
    deps.profile.update({
      failed_attempts: failed,
      locked_at: failed >= OFFLINE_MAX_FAILURES ? deps.clock.now().toISOString() : null,
    });
    if (failed >= OFFLINE_MAX_FAILURES) {
      throw new LoginError(
        'offline_locked',
        'Kata sandi salah 5 kali; masuk luring dikunci sampai Anda masuk secara daring.',
        'Wrong password 5 times; offline sign-in is locked until you sign in online.',
      );
    }
    throw new LoginError(
      'invalid_credentials',
      `Kata sandi salah (${failed} dari ${OFFLINE_MAX_FAILURES}).`,
      `Wrong password (${failed} of ${OFFLINE_MAX_FAILURES}).`,
    );
  }
  deps.profile.update({ failed_attempts: 0 });
  if (!p.offline_allowed) {
    throw new LoginError(
      'offline_disabled',
      'Server mengakhiri sesi akun ini (mis. peran diubah atau akun dinonaktifkan); masuk secara daring.',
      'The server ended this account’s session (e.g. role changed or account deactivated); sign in online.',
    );
  }
  const sealed = p.refresh_token_enc ? (JSON.parse(p.refresh_token_enc) as Sealed) : null;
  const refresh = sealed ? unseal(key, sealed) : null;
  const user: SessionUser = {
    id: p.user_id,
    username: p.username,
    name: p.name,
    role: p.role as SessionUser['role'],
    labId: p.lab_id,
  };
  return Session.fromOffline(deps, user, key, refresh);
}
