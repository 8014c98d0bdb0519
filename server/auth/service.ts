import { randomBytes, randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { UserSchema, type User } from '../../shared/domain/entities';
import type { Actor } from '../../shared/domain/state';
import type { SessionResponse } from '../../shared/api/http';
import type { ServerConfig } from '../config';
import { inTransaction, type DbHandle } from '../db/connect';
import type { UserRow } from '../db/schema';
import { AppError, fail } from '../http/errors';
import { hashPassword, verifyPassword } from './passwords';
import { newRefreshToken, sha256Hex, signAccessToken, verifyAccessToken } from './tokens';

export interface Authenticated {
  actor: Actor;
  user: User;
  sessionId: string;
}

export function toUser(row: UserRow): User {
  return UserSchema.parse({
    id: row.id,
    username: row.username,
    name: row.name,
    role: row.role,
    labId: row.lab_id,
    customerId: row.customer_id,
    nip: row.nip,
    active: row.active === 1,
  });
}

export function actorOf(user: Pick<User, 'id' | 'role' | 'labId' | 'customerId'>): Actor {
  return { userId: user.id, role: user.role, labId: user.labId, customerId: user.customerId };
}

/** The token secret: configured, or made once and kept in the database so every process shares it. */
export async function tokenSecret(handle: DbHandle, configured: string | null): Promise<string> {
  if (configured) return configured;
  await handle.db
    .insertInto('server_settings')
    .values({ key: 'token_secret', value: randomBytes(32).toString('hex') })
    .onConflict((oc) => oc.column('key').doNothing())
    .execute();
  const row = await handle.db
    .selectFrom('server_settings')
    .select('value')
    .where('key', '=', 'token_secret')
    .executeTakeFirstOrThrow();
  return row.value;
}

/**
 * Sessions checked in the last SESSION_CACHE_MS are not read again: a logout, revocation or account
 * change made through this process drops the entry at once; one made through another server
 * process (PostgreSQL, several instances) takes effect within SESSION_CACHE_MS.
 */
const SESSION_CACHE_MS = 2000;

export class AuthService {
  private dummyHash: Promise<string> | null = null;
  private readonly sessionCache = new Map<string, { until: number; auth: Authenticated }>();

  constructor(
    private readonly handle: DbHandle,
    private readonly config: ServerConfig,
    private readonly secret: string,
  ) {}

  /** Per-address limits (every request, and failures) are the HTTP layer's: server/http/rate-limit.ts. */
  async login(
    usernameRaw: string,
    password: string,
    ip: string,
    userAgent: string,
  ): Promise<SessionResponse> {
    const username = usernameRaw.trim().toLowerCase();
    const now = this.config.now();
    const db = this.handle.db;
    const attempt = await db
      .selectFrom('login_attempts')
      .selectAll()
      .where('username', '=', username)
      .executeTakeFirst();
    if (attempt?.locked_until && Date.parse(attempt.locked_until) > now.getTime())
      throw this.locked(attempt.locked_until, now);

    const row = await db.selectFrom('users').selectAll().where('username', '=', username).executeTakeFirst();
    // Unknown users cost the same time as known ones: no way to probe which usernames exist.
    let ok = false;
    if (row) ok = await verifyPassword(password, row.password_hash);
    else await verifyPassword(password, await this.dummy());
    if (!ok || !row) {
      const failures = (attempt?.failures ?? 0) + 1;
      const lock = failures >= this.config.login.maxFailures;
      const lockedUntil = lock
        ? new Date(now.getTime() + this.config.login.lockMinutes * 60_000).toISOString()
        : null;
      await db
        .insertInto('login_attempts')
        .values({
          username,
          failures: lock ? 0 : failures,
          locked_until: lockedUntil,
          updated_at: now.toISOString(),
        })
        .onConflict((oc) =>
          oc.column('username').doUpdateSet({
            failures: lock ? 0 : failures,
            locked_until: lockedUntil,
            updated_at: now.toISOString(),
          }),
        )
        .execute();
      if (lockedUntil) throw this.locked(lockedUntil, now);
      throw new AppError(401, 'invalid_credentials', {
        id: 'Nama pengguna atau kata sandi salah.',
        en: 'Wrong username or password.',
      });
    }
    if (attempt) await db.deleteFrom('login_attempts').where('username', '=', username).execute();
    await this.assertCanLogIn(row);
    return this.startSession(row, ip, userAgent);
  }

  private locked(until: string, now: Date): AppError {
    const minutes = Math.max(1, Math.ceil((Date.parse(until) - now.getTime()) / 60_000));
    return new AppError(
      429,
      'account_locked',
      {
        id: `Akun dikunci sementara karena terlalu banyak percobaan masuk yang gagal. Coba lagi dalam ${minutes} menit.`,
        en: `The account is locked for now after too many failed logins. Try again in ${minutes} minutes.`,
      },
      undefined,
      { 'retry-after': String(minutes * 60) },
    );
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= hashPassword(randomBytes(16).toString('hex'), this.config.scrypt);
    return this.dummyHash;
  }

  private async assertCanLogIn(row: UserRow): Promise<void> {
    if (row.active !== 1)
      throw new AppError(403, 'account_inactive', {
        id: 'Akun ini nonaktif. Hubungi Admin Satker.',
        en: 'This account is deactivated. Contact the Admin Satker.',
      });
    if (row.role === 'pelanggan') {
      const c = row.customer_id
        ? await this.handle.db
            .selectFrom('customers')
            .select('status')
            .where('id', '=', row.customer_id)
            .executeTakeFirst()
        : undefined;
      if (c?.status === 'pending_activation') {
        throw new AppError(403, 'account_pending', {
          id: 'Akun Anda menunggu aktivasi oleh Admin Satker.',
          en: 'Your account is waiting for activation by the Admin Satker.',
        });
      }
      if (c?.status !== 'active')
        throw new AppError(403, 'account_inactive', {
          id: 'Akun pelanggan ini nonaktif.',
          en: 'This customer account is deactivated.',
        });
    }
  }

  private async startSession(row: UserRow, ip: string, userAgent: string): Promise<SessionResponse> {
    const now = this.config.now();
    const sessionId = randomUUID();
    const refresh = newRefreshToken();
    const refreshExpires = new Date(now.getTime() + this.config.refreshTokenTtlSeconds * 1000).toISOString();
    await inTransaction(this.handle, async (trx) => {
      await trx
        .insertInto('sessions')
        .values({
          id: sessionId,
          user_id: row.id,
          created_at: now.toISOString(),
          expires_at: refreshExpires,
          revoked_at: null,
          revoke_reason: null,
          ip,
          user_agent: userAgent.slice(0, 300),
        })
        .execute();
      await trx
        .insertInto('refresh_tokens')
        .values({
          token_hash: sha256Hex(refresh),
          session_id: sessionId,
          expires_at: refreshExpires,
          used_at: null,
          created_at: now.toISOString(),
        })
        .execute();
    });
    return this.tokens(row, sessionId, refresh, now);
  }

  private tokens(row: UserRow, sessionId: string, refresh: string, now: Date): SessionResponse {
    const exp = Math.floor(now.getTime() / 1000) + this.config.accessTokenTtlSeconds;
    return {
      tokenType: 'Bearer',
      accessToken: signAccessToken(this.secret, { sessionId, userId: row.id, expiresAt: exp }),
      expiresIn: this.config.accessTokenTtlSeconds,
      refreshToken: refresh,
      refreshExpiresIn: this.config.refreshTokenTtlSeconds,
      user: toUser(row),
    };
  }

  /** Rotate: the refresh token is spent and a new one issued; a spent token used again revokes the session. */
  async refresh(token: string): Promise<SessionResponse> {
    const now = this.config.now();
    const at = now.toISOString();
    const hash = sha256Hex(token);
    const result = await inTransaction(this.handle, async (trx) => {
      const rt = await trx
        .selectFrom('refresh_tokens')
        .selectAll()
        .where('token_hash', '=', hash)
        .executeTakeFirst();
      if (!rt) return { error: 'unknown' as const };
      const session = await trx
        .selectFrom('sessions')
        .selectAll()
        .where('id', '=', rt.session_id)
        .executeTakeFirst();
      if (!session || session.revoked_at || Date.parse(session.expires_at) <= now.getTime())
        return { error: 'revoked' as const };
      const spent = await trx
        .updateTable('refresh_tokens')
        .set({ used_at: at })
        .where('token_hash', '=', hash)
        .where('used_at', 'is', null)
        .executeTakeFirst();
      if (rt.used_at || Number(spent.numUpdatedRows) !== 1) {
        await trx
          .updateTable('sessions')
          .set({ revoked_at: at, revoke_reason: 'refresh_reused' })
          .where('id', '=', session.id)
          .execute();
        this.sessionCache.delete(session.id);
        return { error: 'reused' as const };
      }
      const user = await trx
        .selectFrom('users')
        .selectAll()
        .where('id', '=', session.user_id)
        .executeTakeFirstOrThrow();
      const next = newRefreshToken();
      await trx
        .insertInto('refresh_tokens')
        .values({
          token_hash: sha256Hex(next),
          session_id: session.id,
          expires_at: session.expires_at,
          used_at: null,
          created_at: at,
        })
        .execute();
      return { user, sessionId: session.id, next };
    });
    if ('error' in result) {
      if (result.error === 'reused') {
        throw new AppError(401, 'refresh_reused', {
          id: 'Token penyegar sudah pernah dipakai; sesi ini dicabut demi keamanan. Silakan masuk lagi.',
          en: 'This refresh token was already used; the session is revoked for safety. Please log in again.',
        });
      }
      throw fail.unauthorized(
        'Sesi berakhir. Silakan masuk lagi.',
        'The session has ended. Please log in again.',
      );
    }
    await this.assertCanLogIn(result.user);
    return this.tokens(result.user, result.sessionId, result.next, now);
  }

  /** Drop cached sessions of a user (account changed) or all (tests). */
  forgetUser(userId: string | null): void {
    for (const [k, v] of this.sessionCache)
      if (userId === null || v.auth.user.id === userId) this.sessionCache.delete(k);
  }

  async logout(sessionId: string): Promise<void> {
    this.sessionCache.delete(sessionId);
    const at = this.config.now().toISOString();
    await this.handle.db
      .updateTable('sessions')
      .set({ revoked_at: at, revoke_reason: 'logout' })
      .where('id', '=', sessionId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  /** End every session of a user (password reset, deactivation, role change). */
  async revokeUser(userId: string, reason: string): Promise<void> {
    this.forgetUser(userId);
    const at = this.config.now().toISOString();
    await this.handle.db
      .updateTable('sessions')
      .set({ revoked_at: at, revoke_reason: reason })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .execute();
  }

  async authenticate(req: FastifyRequest): Promise<Authenticated> {
    const header = req.headers.authorization;
    if (!header) throw fail.unauthorized();
    const m = /^Bearer ([A-Za-z0-9._-]{10,300})$/.exec(header);
    if (!m) throw fail.unauthorized('Format token tidak valid.', 'Malformed access token.');
    const nowMs = this.config.now().getTime();
    const claims = verifyAccessToken(this.secret, m[1]!, Math.floor(nowMs / 1000));
    if (!claims)
      throw fail.unauthorized(
        'Token akses tidak valid atau kedaluwarsa.',
        'Invalid or expired access token.',
      );
    const cached = this.sessionCache.get(claims.sessionId);
    if (cached && cached.until > nowMs && cached.auth.user.id === claims.userId) return cached.auth;
    const row = await this.handle.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .leftJoin('customers', 'customers.id', 'users.customer_id')
      .selectAll('users')
      .select(['sessions.revoked_at', 'customers.status as customer_status'])
      .where('sessions.id', '=', claims.sessionId)
      .executeTakeFirst();
    if (!row || row.id !== claims.userId || row.revoked_at)
      throw fail.unauthorized(
        'Sesi sudah berakhir. Silakan masuk lagi.',
        'The session has ended. Please log in again.',
      );
    if (row.active !== 1 || (row.role === 'pelanggan' && row.customer_status !== 'active')) {
      throw new AppError(403, 'account_inactive', {
        id: 'Akun ini nonaktif.',
        en: 'This account is deactivated.',
      });
    }
    const user = toUser(row);
    const auth = { actor: actorOf(user), user, sessionId: claims.sessionId };
    if (this.sessionCache.size > 10_000)
      for (const [k, v] of this.sessionCache) if (v.until <= nowMs) this.sessionCache.delete(k);
    this.sessionCache.set(claims.sessionId, { until: nowMs + SESSION_CACHE_MS, auth });
    return auth;
  }

  async changePassword(userId: string, current: string, next: string): Promise<void> {
    const row = await this.handle.db
      .selectFrom('users')
      .selectAll()
      .where('id', '=', userId)
      .executeTakeFirstOrThrow();
    if (!(await verifyPassword(current, row.password_hash))) {
      throw new AppError(401, 'invalid_credentials', {
        id: 'Kata sandi saat ini salah.',
        en: 'The current password is wrong.',
      });
    }
    const hash = await hashPassword(next, this.config.scrypt);
    await this.handle.db
      .updateTable('users')
      .set({ password_hash: hash, updated_at: this.config.now().toISOString() })
      .where('id', '=', userId)
      .execute();
  }
}
