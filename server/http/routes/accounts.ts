import { X509Certificate, randomUUID } from 'node:crypto';
import { z } from 'zod';
import {
  AccountCommandResponseSchema,
  API_PREFIX,
  CreateUserRequestSchema,
  CreatedUserResponseSchema,
  CustomerListQuerySchema,
  CustomerListResponseSchema,
  CustomerResponseSchema,
  EmptyBodySchema,
  IdParamsSchema,
  OkResponseSchema,
  PublicUserSchema,
  ReasonBodySchema,
  ResetPasswordRequestSchema,
  StaffListResponseSchema,
  UpdateUserRequestSchema,
  UserListResponseSchema,
  hasPermission,
} from '../../../shared/api/http';
import type { PayloadInput } from '../../../shared/domain/commands';
import { CustomerSchema } from '../../../shared/domain/entities';
import { reject, type Rejection } from '../../../shared/domain/rejections';
import type { Role } from '../../../shared/sop/roles';
import { hashPassword } from '../../auth/passwords';
import { toUser } from '../../auth/service';
import type { AdminRequest } from '../../commands/admin';
import { applyCommand } from '../../commands/apply-command';
import { loadAccount } from '../../commands/store';
import type { Trx, UserRow } from '../../db/schema';
import type { Authenticated } from '../../auth/service';
import { adminOperation, commandIdOf, httpClientId, type AppContext } from '../context';
import { fail, rejectionError } from '../errors';

const invalid = (id: string, en: string) => reject('invalid_payload', id, en);

/** Which staff roles work in a lab: a Penyelia and an Analis always, an MT optionally (unit-wide otherwise). */
async function checkStaff(
  trx: Trx,
  role: Role,
  labId: string | null,
  nip: string | null,
): Promise<Rejection | null> {
  if ((role === 'penyelia' || role === 'analis') && !labId)
    return invalid(
      'Penyelia dan Analis harus punya laboratorium.',
      'A Penyelia or Analis needs a laboratory.',
    );
  if (labId && !['penyelia', 'analis', 'mt'].includes(role))
    return invalid(
      'Hanya Penyelia, Analis dan MT yang terikat laboratorium.',
      'Only a Penyelia, Analis or MT belongs to a laboratory.',
    );
  if (role === 'kepala_balai' && !nip)
    return invalid(
      'Kepala Balai membutuhkan NIP (dicetak pada E-LHU).',
      'A Kepala Balai needs a NIP (printed on the E-LHU).',
    );
  if (labId) {
    const lab = await trx
      .selectFrom('labs')
      .select(['id', 'active'])
      .where('id', '=', labId)
      .executeTakeFirst();
    if (!lab || lab.active !== 1)
      return invalid('Laboratorium tidak ditemukan atau tidak aktif.', 'Laboratory not found or inactive.');
  }
  return null;
}

const userSnapshot = (u: UserRow) => ({ ...toUser(u), certificateRegistered: u.certificate_pem !== null });

const CertificateRequestSchema = z.strictObject({ certificatePem: z.string().min(1).max(20_000) });
const CertificateResponseSchema = z.object({
  userId: z.string(),
  fingerprint: z.string().regex(/^[0-9a-f]{64}$/),
  subject: z.string(),
  issuer: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
});

/**
 * A Kepala Balai's signing certificate as Admin Satker pastes it: one PEM X.509 certificate of an
 * RSA key (what the E-LHU signer makes), valid now, not a CA, no private key alongside.
 */
export function parseSigningCertificate(
  pem: string,
  now: Date,
): { cert: X509Certificate; validFrom: Date; validTo: Date } | Rejection {
  if (/PRIVATE KEY-----/.test(pem)) {
    return invalid(
      'Jangan kirim kunci privat: daftarkan sertifikatnya saja (PEM).',
      'Do not send a private key: register the certificate only (PEM).',
    );
  }
  const blocks = pem.match(/-----BEGIN CERTIFICATE-----[A-Za-z0-9+/=\s]+-----END CERTIFICATE-----/g) ?? [];
  if (blocks.length !== 1) {
    return invalid(
      'Sertifikat harus satu sertifikat X.509 berformat PEM (-----BEGIN CERTIFICATE-----).',
      'The certificate must be one X.509 certificate in PEM form (-----BEGIN CERTIFICATE-----).',
    );
  }
  let cert: X509Certificate;
  try {
    cert = new X509Certificate(blocks[0]!);
  } catch {
    return invalid(
      'Sertifikat tidak dapat dibaca: bukan sertifikat X.509 yang valid.',
      'The certificate cannot be read: not a valid X.509 certificate.',
    );
  }
  const validFrom = new Date(Date.parse(cert.validFrom));
  const validTo = new Date(Date.parse(cert.validTo));
  if (Number.isNaN(validFrom.getTime()) || Number.isNaN(validTo.getTime()))
    return invalid(
      'Masa berlaku sertifikat tidak terbaca.',
      'The certificate validity period cannot be read.',
    );
  if (validTo.getTime() < now.getTime()) {
    return invalid(
      `Sertifikat sudah kedaluwarsa (berlaku s.d. ${validTo.toISOString().slice(0, 10)}).`,
      `The certificate has expired (valid until ${validTo.toISOString().slice(0, 10)}).`,
    );
  }
  if (validFrom.getTime() > now.getTime()) {
    return invalid(
      `Sertifikat belum berlaku (mulai ${validFrom.toISOString().slice(0, 10)}).`,
      `The certificate is not valid yet (from ${validFrom.toISOString().slice(0, 10)}).`,
    );
  }
  if (cert.ca)
    return invalid(
      'Ini sertifikat CA; daftarkan sertifikat penanda tangan Kepala Balai.',
      "This is a CA certificate; register the Kepala Balai's signing certificate.",
    );
  if (cert.publicKey.asymmetricKeyType !== 'rsa') {
    return invalid(
      'Sertifikat harus untuk kunci RSA (TTE E-LHU menggunakan RSA).',
      'The certificate must be for an RSA key (E-LHU signatures use RSA).',
    );
  }
  return { cert, validFrom, validTo };
}

/** A certificate's SHA-256 fingerprint as the API and the audit show it: lower-case hex, no colons. */
const fingerprint = (cert: X509Certificate): string => cert.fingerprint256.replace(/:/g, '').toLowerCase();

export function accountRoutes(app: AppContext): void {
  const { router, env, auth } = app;
  const db = env.handle.db;

  // Customers (steps 2-3) ------------------------------------------------------------------------
  router.add({
    method: 'GET',
    url: `${API_PREFIX}/customers`,
    summary: 'Daftar pelanggan (mis. menunggu aktivasi) / customers (e.g. awaiting activation)',
    tags: ['accounts'],
    access: { permission: 'customers.read' },
    query: CustomerListQuerySchema,
    response: CustomerListResponseSchema,
    handler: async ({ query }) => {
      let q = db
        .selectFrom('customers')
        .select('data')
        .orderBy('registered_at', 'desc')
        .orderBy('id')
        .limit(query.limit)
        .offset(query.offset);
      if (query.status) q = q.where('status', '=', query.status);
      const rows = await q.execute();
      return { customers: rows.map((r) => CustomerSchema.parse(JSON.parse(r.data))) };
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/customers/:id`,
    summary: 'Data pelanggan (pelanggan hanya miliknya) / a customer (a customer only their own)',
    tags: ['accounts'],
    access: 'user',
    params: IdParamsSchema,
    response: CustomerResponseSchema,
    handler: async ({ params, auth: a }) => {
      const own = a.actor.role === 'pelanggan' && a.actor.customerId === params.id;
      if (!own && !hasPermission(a.actor.role, 'customers.read'))
        throw fail.notFound('Pelanggan tidak ditemukan.', 'Customer not found.');
      const account = await loadAccount(db, params.id);
      if (!account) throw fail.notFound('Pelanggan tidak ditemukan.', 'Customer not found.');
      return account;
    },
  });

  const accountCommand = (type: 'account.activate' | 'account.deactivate', withReason: boolean) =>
    router.add({
      method: 'POST',
      url: `${API_PREFIX}/customers/:id/${type === 'account.activate' ? 'activate' : 'deactivate'}`,
      summary:
        type === 'account.activate'
          ? 'Langkah 3: Admin Satker mengaktifkan akun pelanggan / step 3: Admin Satker activates a customer account'
          : 'Admin Satker menonaktifkan akun pelanggan (dengan alasan) / deactivate a customer account (with a reason)',
      tags: ['accounts'],
      access: 'user',
      params: IdParamsSchema,
      body: withReason ? ReasonBodySchema : EmptyBodySchema,
      response: AccountCommandResponseSchema,
      handler: async ({ req, params, body, auth: a }) => {
        const commandId = commandIdOf(req);
        // The body is the reason (deactivate) or nothing (activate): the rest of the command's payload.
        const payload: PayloadInput<typeof type> = { customerId: params.id, ...body };
        const r = await applyCommand(env, {
          clientId: httpClientId(a),
          command: { id: commandId, type, aggregateId: params.id, payload },
          actor: a.actor,
        });
        if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
        const account = await loadAccount(db, params.id);
        if (!account) throw fail.notFound();
        if (type === 'account.deactivate') {
          const users = await db
            .selectFrom('users')
            .select('id')
            .where('customer_id', '=', params.id)
            .execute();
          for (const u of users) await auth.revokeUser(u.id, 'customer_deactivated');
        }
        return { ...account, commandId, status: 'applied' as const, replayed: r.replayed };
      },
    });
  accountCommand('account.activate', false);
  accountCommand('account.deactivate', true);

  // Staff accounts (Admin Satker) --------------------------------------------------------------

  /**
   * An operation on the account the path names, given its row as it was; none is 404, as is a
   * customer's for an operation on staff accounts only.
   */
  const onUser = (
    a: Authenticated,
    commandId: string,
    type: string,
    id: string,
    accounts: 'staff' | 'any',
    run: (trx: Trx, at: string, before: UserRow) => ReturnType<AdminRequest['run']>,
  ) =>
    adminOperation(app, a, {
      commandId,
      type,
      entity: 'user',
      entityId: id,
      run: async (trx, at) => {
        const before = await trx.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
        if (!before || (accounts === 'staff' && before.role === 'pelanggan'))
          return accounts === 'staff'
            ? reject('not_found', 'Akun staf tidak ditemukan.', 'Staff account not found.')
            : reject('not_found', 'Akun tidak ditemukan.', 'Account not found.');
        return run(trx, at, before);
      },
    });
  router.add({
    method: 'GET',
    url: `${API_PREFIX}/users`,
    summary: 'Semua akun staf / every staff account',
    tags: ['accounts'],
    access: { permission: 'users.manage' },
    response: UserListResponseSchema,
    handler: async () => {
      const rows = await db
        .selectFrom('users')
        .selectAll()
        .where('role', '!=', 'pelanggan')
        .orderBy('role')
        .orderBy('username')
        .execute();
      return { users: rows.map(toUser) };
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/staff`,
    summary: 'Nama staf laboratorium dan unit (data rujukan desktop) / staff names (desktop reference data)',
    tags: ['accounts', 'sync'],
    access: { permission: 'staff.read' },
    response: StaffListResponseSchema,
    handler: async () => {
      const rows = await db
        .selectFrom('users')
        .select(['id', 'name', 'role', 'lab_id', 'active'])
        .where('role', '!=', 'pelanggan')
        .orderBy('name')
        .execute();
      return {
        staff: rows.map((r) => ({
          id: r.id,
          name: r.name,
          role: r.role as Role,
          labId: r.lab_id,
          active: r.active === 1,
        })),
      };
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/users`,
    summary: 'Admin Satker membuat akun staf dengan peran dan lab / create a staff account with role and lab',
    tags: ['accounts'],
    access: { permission: 'users.manage' },
    body: CreateUserRequestSchema,
    response: CreatedUserResponseSchema,
    status: 201,
    location: `${API_PREFIX}/users/{id}`,
    handler: async ({ req, reply, body, auth: a }) => {
      const commandId = commandIdOf(req);
      const id = req.headers['idempotency-key'] ? `${commandId}` : randomUUID();
      const username = body.username.trim().toLowerCase();
      const hash = await hashPassword(body.password, env.config.scrypt);
      await adminOperation(app, a, {
        commandId,
        type: 'user.create',
        entity: 'user',
        entityId: id,
        run: async (trx, at) => {
          const taken = await trx
            .selectFrom('users')
            .select('id')
            .where('username', '=', username)
            .executeTakeFirst();
          if (taken) return invalid('Nama pengguna ini sudah dipakai.', 'This username is taken.');
          const bad = await checkStaff(trx, body.role, body.labId, body.nip);
          if (bad) return bad;
          const row: UserRow = {
            id,
            username,
            name: body.name,
            role: body.role,
            lab_id: body.labId,
            customer_id: null,
            nip: body.nip,
            active: 1,
            password_hash: hash,
            certificate_pem: null,
            created_at: at,
            updated_at: at,
          };
          await trx.insertInto('users').values(row).execute();
          return { before: null, after: userSnapshot(row) };
        },
      });
      const row = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
      void reply.header('location', `${API_PREFIX}/users/${id}`);
      return { ...toUser(row), createdId: id };
    },
  });

  router.add({
    method: 'PATCH',
    url: `${API_PREFIX}/users/:id`,
    summary: 'Ubah akun staf (nama, peran, lab, NIP, aktif) / change a staff account',
    tags: ['accounts'],
    access: { permission: 'users.manage' },
    params: IdParamsSchema,
    body: UpdateUserRequestSchema,
    response: PublicUserSchema,
    handler: async ({ req, params, body, auth: a }) => {
      await onUser(a, commandIdOf(req), 'user.update', params.id, 'staff', async (trx, at, before) => {
        if (params.id === a.user.id && (body.active === false || (body.role && body.role !== before.role))) {
          return invalid(
            'Anda tidak dapat menonaktifkan atau mengubah peran akun Anda sendiri.',
            'You cannot deactivate your own account or change its role.',
          );
        }
        const role = body.role ?? (before.role as Role);
        const labId = body.labId !== undefined ? body.labId : before.lab_id;
        const nip = body.nip !== undefined ? body.nip : before.nip;
        const bad = await checkStaff(trx, role, labId, nip);
        if (bad) return bad;
        const after: UserRow = {
          ...before,
          name: body.name ?? before.name,
          role,
          lab_id: labId,
          nip,
          active: body.active === undefined ? before.active : body.active ? 1 : 0,
          updated_at: at,
        };
        await trx
          .updateTable('users')
          .set({
            name: after.name,
            role: after.role,
            lab_id: after.lab_id,
            nip: after.nip,
            active: after.active,
            updated_at: at,
          })
          .where('id', '=', params.id)
          .execute();
        return { before: userSnapshot(before), after: userSnapshot(after) };
      });
      const row = await db
        .selectFrom('users')
        .selectAll()
        .where('id', '=', params.id)
        .executeTakeFirstOrThrow();
      auth.forgetUser(row.id); // a new role or lab applies to the next request
      if (row.active !== 1) await auth.revokeUser(row.id, 'deactivated');
      return toUser(row);
    },
  });

  router.add({
    method: 'PUT',
    url: `${API_PREFIX}/users/:id/certificate`,
    summary:
      'Admin Satker mendaftarkan sertifikat TTE Kepala Balai (PEM) / register a Kepala Balai’s signing certificate (PEM)',
    tags: ['accounts'],
    access: { permission: 'users.manage' },
    params: IdParamsSchema,
    body: CertificateRequestSchema,
    response: CertificateResponseSchema,
    handler: async ({ req, params, body, auth: a }) => {
      await onUser(
        a,
        commandIdOf(req),
        'user.register_certificate',
        params.id,
        'staff',
        async (trx, at, before) => {
          if (before.role !== 'kepala_balai')
            return invalid(
              'Sertifikat TTE hanya didaftarkan untuk Kepala Balai.',
              'A signing certificate is registered for a Kepala Balai only.',
            );
          const parsed = parseSigningCertificate(body.certificatePem, new Date(at));
          if ('ok' in parsed) return parsed;
          const pem = parsed.cert.toString();
          await trx
            .updateTable('users')
            .set({ certificate_pem: pem, updated_at: at })
            .where('id', '=', params.id)
            .execute();
          const fp = (u: string | null) => (u ? fingerprint(new X509Certificate(u)) : null);
          return {
            before: { certificateFingerprint: fp(before.certificate_pem) },
            after: {
              certificateFingerprint: fp(pem),
              subject: parsed.cert.subject,
              validTo: parsed.validTo.toISOString(),
            },
          };
        },
      );
      const row = await db
        .selectFrom('users')
        .select(['certificate_pem'])
        .where('id', '=', params.id)
        .executeTakeFirstOrThrow();
      const cert = new X509Certificate(row.certificate_pem!);
      return {
        userId: params.id,
        fingerprint: fingerprint(cert),
        subject: cert.subject,
        issuer: cert.issuer,
        validFrom: new Date(Date.parse(cert.validFrom)).toISOString(),
        validTo: new Date(Date.parse(cert.validTo)).toISOString(),
      };
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/users/:id/password`,
    summary:
      'Admin Satker menetapkan kata sandi baru; sesi pengguna dicabut / set a new password; the user’s sessions are revoked',
    tags: ['accounts'],
    access: { permission: 'users.manage' },
    params: IdParamsSchema,
    body: ResetPasswordRequestSchema,
    response: OkResponseSchema,
    handler: async ({ req, params, body, auth: a }) => {
      const hash = await hashPassword(body.password, env.config.scrypt);
      await onUser(a, commandIdOf(req), 'user.reset_password', params.id, 'any', async (trx, at) => {
        await trx
          .updateTable('users')
          .set({ password_hash: hash, updated_at: at })
          .where('id', '=', params.id)
          .execute();
        return { before: null, after: { passwordChanged: true } };
      });
      await auth.revokeUser(params.id, 'password_reset');
      return { ok: true as const };
    },
  });
}
