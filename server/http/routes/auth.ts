import { randomUUID } from 'node:crypto';
import {
  API_PREFIX,
  ChangePasswordRequestSchema,
  EmptyBodySchema,
  LoginRequestSchema,
  OkResponseSchema,
  PublicUserSchema,
  RefreshRequestSchema,
  RegisterRequestSchema,
  RegisterResponseSchema,
  SessionResponseSchema,
} from '../../../shared/api/http';
import { reject } from '../../../shared/domain/rejections';
import { hashPassword } from '../../auth/passwords';
import { applyCommand } from '../../commands/apply-command';
import { deterministicUuid } from '../../ids';
import type { FastifyRequest } from 'fastify';
import { commandIdOf, type AppContext } from '../context';
import { AppError, rejectionError } from '../errors';

export function authRoutes(app: AppContext): void {
  const { router, env, auth, failures } = app;
  const limits = env.config.rateLimits;
  /** Runs fn; a wrong password or token counts against the client address's budget of failures. */
  const countingFailures = async <T>(req: FastifyRequest, fn: () => Promise<T>): Promise<T> => {
    await failures.check(req);
    try {
      return await fn();
    } catch (e) {
      if (e instanceof AppError && (e.statusCode === 401 || e.code === 'account_locked'))
        await failures.hit(req);
      throw e;
    }
  };

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/auth/register`,
    summary:
      'Langkah 2: pelanggan mendaftar; akun menunggu aktivasi / step 2: a customer registers; the account waits for activation',
    tags: ['auth'],
    access: 'public',
    body: RegisterRequestSchema,
    response: RegisterResponseSchema,
    status: 201,
    location: `${API_PREFIX}/customers/{customerId}`,
    rateLimit: { name: 'register', limit: limits.register },
    handler: async ({ req, reply, body }) => {
      const username = body.username.trim().toLowerCase();
      const commandId = commandIdOf(req);
      const keyed = req.headers['idempotency-key'] !== undefined;
      const customerId = keyed ? deterministicUuid(`register:${commandId}`) : randomUUID();
      const userId = keyed ? deterministicUuid(`register-user:${commandId}`) : randomUUID();
      const passwordHash = await hashPassword(body.password, env.config.scrypt);
      const now = env.config.now().toISOString();
      const r = await applyCommand(env, {
        clientId: 'http:anonymous',
        command: {
          id: commandId,
          type: 'account.register',
          aggregateId: customerId,
          payload: {
            companyName: body.companyName,
            contactName: body.contactName,
            email: body.email,
            phone: body.phone,
            address: body.address,
            npwp: body.npwp ?? null,
          },
        },
        actor: { userId, role: 'pelanggan', labId: null, customerId },
        check: async (trx) => {
          const taken = await trx
            .selectFrom('users')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirst();
          return taken
            ? reject(
                'invalid_payload',
                'Nama pengguna ini sudah dipakai; pilih yang lain.',
                'This username is taken; choose another.',
              )
            : null;
        },
        onAccept: async (trx) => {
          await trx
            .insertInto('users')
            .values({
              id: userId,
              username,
              name: body.contactName,
              role: 'pelanggan',
              lab_id: null,
              customer_id: customerId,
              nip: null,
              active: 1,
              password_hash: passwordHash,
              certificate_pem: null,
              created_at: now,
              updated_at: now,
            })
            .execute();
        },
      });
      if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
      void reply.header('location', `${API_PREFIX}/customers/${customerId}`);
      return {
        customerId,
        createdId: customerId,
        userId,
        status: 'pending_activation' as const,
        message: {
          id: 'Pendaftaran diterima. Akun Anda akan diaktifkan oleh Admin Satker.',
          en: 'Registration received. The Admin Satker will activate your account.',
        },
      };
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/auth/login`,
    summary:
      'Masuk: token akses singkat dan token penyegar / log in: short-lived access token and refresh token',
    tags: ['auth'],
    access: 'public',
    body: LoginRequestSchema,
    response: SessionResponseSchema,
    rateLimit: { name: 'session', limit: limits.session },
    handler: async ({ req, body }) =>
      countingFailures(req, () =>
        auth.login(body.username, body.password, req.ip, String(req.headers['user-agent'] ?? '')),
      ),
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/auth/refresh`,
    summary: 'Tukar token penyegar (sekali pakai) dengan pasangan baru / rotate the refresh token',
    tags: ['auth'],
    access: 'public',
    body: RefreshRequestSchema,
    response: SessionResponseSchema,
    rateLimit: { name: 'session', limit: limits.session },
    handler: async ({ req, body }) => countingFailures(req, () => auth.refresh(body.refreshToken)),
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/auth/logout`,
    summary: 'Keluar: sesi dan semua tokennya dicabut / log out: the session and its tokens are revoked',
    tags: ['auth'],
    access: 'user',
    body: EmptyBodySchema,
    response: OkResponseSchema,
    handler: async ({ auth: a }) => {
      await auth.logout(a.sessionId);
      return { ok: true as const };
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/auth/me`,
    summary: 'Pengguna yang sedang masuk / the logged-in user',
    tags: ['auth'],
    access: 'user',
    response: PublicUserSchema,
    handler: async ({ auth: a }) => a.user,
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/auth/password`,
    summary: 'Ganti kata sandi sendiri; sesi lain dicabut / change own password; other sessions are revoked',
    tags: ['auth'],
    access: 'user',
    body: ChangePasswordRequestSchema,
    response: OkResponseSchema,
    rateLimit: { name: 'password', limit: limits.password },
    handler: async ({ req, auth: a, body }) => {
      await countingFailures(req, () =>
        auth.changePassword(a.user.id, body.currentPassword, body.newPassword),
      );
      auth.forgetUser(a.user.id);
      await env.handle.db
        .updateTable('sessions')
        .set({ revoked_at: env.config.now().toISOString(), revoke_reason: 'password_changed' })
        .where('user_id', '=', a.user.id)
        .where('id', '!=', a.sessionId)
        .where('revoked_at', 'is', null)
        .execute();
      return { ok: true as const };
    },
  });
}
