import { createHash, createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { fileTypeFromBuffer } from 'file-type';
import {
  API_PREFIX,
  CommandResponseSchema,
  EmptyBodySchema,
  PAYMENT_SIGNATURE_HEADER,
  PaymentNotifyRequestSchema,
  PaymentNotifyResponseSchema,
  ProofParamsSchema,
  OrderParamsSchema,
  ReasonBodySchema,
  UploadProofFieldsSchema,
  hasPermission,
} from '../../../shared/api/http';
import type { Actor } from '../../../shared/domain/state';
import { applyCommand } from '../../commands/apply-command';
import { deterministicUuid } from '../../ids';
import { orderCommand, visibleOrder, type AppContext } from '../context';
import { withCreated } from '../created';
import { AppError, fail, rejectionError } from '../errors';
import { parse } from '../route';

/** The payment gateway, as the domain core's `sistem` actor (SOP step 9, automatic path). */
export const SYSTEM_ACTOR: Actor = {
  userId: '00000000-0000-4000-8000-000000000000',
  role: 'sistem',
  labId: null,
  customerId: null,
};

export const ALLOWED_UPLOADS = new Set(['application/pdf', 'image/jpeg', 'image/png']);

/** Read a multipart upload: exactly one part named `file` plus text fields. Never trusts the sent name or type. */
export async function readUpload(
  req: FastifyRequest,
  maxBytes: number,
  allowed: ReadonlySet<string>,
  opts: { hash?: boolean } = {},
): Promise<{ data: Buffer; mime: string; sha256: string; fields: Record<string, string> }> {
  let data: Buffer | null = null;
  const fields: Record<string, string> = {};
  for await (const part of req.parts({
    limits: { fileSize: maxBytes, files: 1, fields: 5, fieldSize: 2000, parts: 6 },
  })) {
    if (part.type === 'file') {
      if (part.fieldname !== 'file') {
        part.file.resume();
        throw fail.badRequest(
          'Berkas harus dikirim pada kolom "file".',
          'Send the file in the "file" field.',
        );
      }
      data = await collectFile(part.file, declaredSize(req, maxBytes));
    } else {
      fields[part.fieldname] = typeof part.value === 'string' ? part.value : String(part.value);
    }
  }
  if (!data || data.length === 0)
    throw fail.badRequest(
      'Tidak ada berkas yang diunggah (kolom "file").',
      'No file was uploaded (field "file").',
    );
  const type = await fileTypeFromBuffer(data);
  if (!type || !allowed.has(type.mime)) {
    throw new AppError(415, 'unsupported_file_type', {
      id: `Jenis berkas tidak diterima${type ? ` (${type.mime})` : ''}. Unggah ${[...allowed].map((m) => m.split('/')[1]!.toUpperCase()).join(', ')}.`,
      en: `File type not accepted${type ? ` (${type.mime})` : ''}. Upload ${[...allowed].map((m) => m.split('/')[1]!.toUpperCase()).join(', ')}.`,
    });
  }
  // The public PDF check hashes in its worker thread: no 10 MB hash on the event loop (hash: false).
  return {
    data,
    mime: type.mime,
    sha256: opts.hash === false ? '' : createHash('sha256').update(data).digest('hex'),
    fields,
  };
}

/** The size the body says it has (Content-Length), at most `maxBytes`; 0 when unknown. */
function declaredSize(req: FastifyRequest, maxBytes: number): number {
  const n = Number(req.headers['content-length']);
  return Number.isFinite(n) && n > 0 ? Math.min(n, maxBytes) : 0;
}

/**
 * A file part's bytes in one buffer that owns its ArrayBuffer (so it can be moved to a worker
 * thread without a copy): the socket's chunks are copied once, into a buffer sized from
 * Content-Length when it is known (grown by doubling when not). The part's size limit ends the
 * stream with FST_REQ_FILE_TOO_LARGE.
 */
async function collectFile(stream: AsyncIterable<Buffer>, sizeHint: number): Promise<Buffer> {
  // allocUnsafeSlow: a buffer of its own (never the shared pool's, so it can be transferred) and not
  // zero-filled (every byte handed out is written first).
  let buf = Buffer.allocUnsafeSlow(Math.max(sizeHint, 64 * 1024));
  let n = 0;
  for await (const chunk of stream) {
    if (n + chunk.length > buf.length) {
      const grown = Buffer.allocUnsafeSlow(Math.max(buf.length * 2, n + chunk.length));
      grown.set(buf.subarray(0, n));
      buf = grown;
    }
    buf.set(chunk, n);
    n += chunk.length;
  }
  return buf.subarray(0, n);
}

export function paymentRoutes(app: AppContext, root: FastifyInstance): void {
  const { router, env } = app;
  const db = env.handle.db;

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/orders/:orderId/payment-proofs`,
    summary:
      'Langkah 9: pelanggan mengunggah bukti bayar (PDF/JPEG/PNG, maks. 5 MB) / step 9: upload the proof of payment',
    tags: ['billing'],
    access: 'user',
    params: OrderParamsSchema,
    multipart: { fields: { file: 'PDF, JPEG atau PNG, maks. 5 MB', ntpn: 'NTPN (16 karakter), opsional' } },
    response: CommandResponseSchema,
    status: 201,
    location: `${API_PREFIX}/orders/{orderId}/payment-proofs/{proofId}/file`,
    handler: async ({ req, reply, params, auth }) => {
      await visibleOrder(app, auth, params.orderId);
      const upload = await readUpload(req, env.config.uploadLimit, ALLOWED_UPLOADS);
      const fields = parse(UploadProofFieldsSchema, upload.fields, 'body');
      const proofId = randomUUID();
      const fileId = randomUUID();
      const res = await orderCommand(
        app,
        req,
        auth,
        'payment.upload_proof',
        params.orderId,
        { proofId, fileId, ntpn: fields.ntpn ?? null },
        {
          attachments: [
            {
              id: fileId,
              kind: 'payment_proof',
              mime: upload.mime,
              data: upload.data,
              sha256: upload.sha256,
              refId: proofId,
            },
          ],
        },
      );
      return withCreated(
        app,
        reply,
        res,
        params.orderId,
        'proof',
        (id) => `${API_PREFIX}/orders/${params.orderId}/payment-proofs/${id}/file`,
      );
    },
  });

  router.add({
    method: 'GET',
    url: `${API_PREFIX}/orders/:orderId/payment-proofs/:proofId/file`,
    summary: 'Unduh berkas bukti bayar / download a proof of payment',
    tags: ['billing'],
    access: { permission: 'payment_proofs.read' },
    params: ProofParamsSchema,
    produces: 'application/octet-stream',
    handler: async ({ params, auth, reply }) => {
      const order = await visibleOrder(app, auth, params.orderId);
      const proof = order.proofs.find((p) => p.id === params.proofId);
      if (!proof || !hasPermission(auth.actor.role, 'payment_proofs.read'))
        throw fail.notFound('Bukti bayar tidak ditemukan.', 'Proof of payment not found.');
      const file = await db
        .selectFrom('files')
        .select(['data', 'mime'])
        .where('id', '=', proof.fileId)
        .where('order_id', '=', order.id)
        .executeTakeFirst();
      if (!file) throw fail.notFound('Berkas tidak ditemukan.', 'File not found.');
      const ext = file.mime === 'application/pdf' ? 'pdf' : file.mime === 'image/png' ? 'png' : 'jpg';
      return reply
        .header('content-type', file.mime)
        .header('content-disposition', `attachment; filename="bukti-bayar-${proof.id}.${ext}"`)
        .send(file.data);
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/orders/:orderId/payment-proofs/:proofId/approve`,
    summary: 'Langkah 10: Bendahara menyetujui bukti bayar / step 10: approve the proof of payment',
    tags: ['billing'],
    access: 'user',
    params: ProofParamsSchema,
    body: EmptyBodySchema,
    response: CommandResponseSchema,
    handler: async ({ req, params, auth }) =>
      orderCommand(app, req, auth, 'payment.approve', params.orderId, { proofId: params.proofId }),
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/orders/:orderId/payment-proofs/:proofId/reject`,
    summary: 'Bendahara menolak bukti bayar (alasan) / reject the proof of payment (with a reason)',
    tags: ['billing'],
    access: 'user',
    params: ProofParamsSchema,
    body: ReasonBodySchema,
    response: CommandResponseSchema,
    handler: async ({ req, params, body, auth }) =>
      orderCommand(app, req, auth, 'payment.reject', params.orderId, {
        proofId: params.proofId,
        reason: body.reason,
      }),
  });

  // The payment gateway's notification: authenticated by an HMAC of the raw body, not by a user.
  root.register(async (child) => {
    child.removeContentTypeParser('application/json');
    child.addContentTypeParser(
      'application/json',
      { parseAs: 'buffer', bodyLimit: 64 * 1024 },
      (req, body, done) => {
        (req as FastifyRequest & { rawBody?: Buffer }).rawBody = body as Buffer;
        try {
          done(null, (body as Buffer).length === 0 ? {} : JSON.parse((body as Buffer).toString('utf8')));
        } catch {
          done(
            fail.badRequest('Badan permintaan bukan JSON yang valid.', 'The request body is not valid JSON.'),
            undefined,
          );
        }
      },
    );
    router.add({
      on: child,
      method: 'POST',
      url: `${API_PREFIX}/payments/notify`,
      summary: `Langkah 9 otomatis: notifikasi pembayaran (header ${PAYMENT_SIGNATURE_HEADER}: sha256=<HMAC-SHA256 badan mentah>) / automatic payment notification`,
      tags: ['billing'],
      access: 'public',
      body: PaymentNotifyRequestSchema,
      bodyCheckedByHandler: true,
      response: PaymentNotifyResponseSchema,
      rateLimit: { name: 'payment-notify', limit: env.config.rateLimits.paymentNotify },
      handler: async ({ req }) => {
        const secret = env.config.paymentNotifySecret;
        if (!secret)
          throw new AppError(503, 'not_available', {
            id: 'Notifikasi pembayaran belum dikonfigurasi.',
            en: 'Payment notifications are not configured.',
          });
        const raw = (req as FastifyRequest & { rawBody?: Buffer }).rawBody ?? Buffer.alloc(0);
        const header = String(req.headers[PAYMENT_SIGNATURE_HEADER] ?? '');
        const m = /^sha256=([0-9a-f]{64})$/i.exec(header);
        const expected = createHmac('sha256', secret).update(raw).digest();
        if (!m || !timingSafeEqual(Buffer.from(m[1]!, 'hex'), expected)) {
          throw new AppError(401, 'invalid_signature', {
            id: 'Tanda tangan notifikasi tidak valid.',
            en: 'Invalid notification signature.',
          });
        }
        const body = parse(PaymentNotifyRequestSchema, req.body ?? {}, 'body');
        const billing = await db
          .selectFrom('billings')
          .selectAll()
          .where('code', '=', body.billingCode)
          .executeTakeFirst();
        if (!billing) throw fail.notFound('Kode billing tidak dikenal.', 'Unknown billing code.');
        if (body.amount !== undefined && body.amount !== billing.amount) {
          throw rejectionError({
            code: 'invalid_payload',
            message: {
              id: `Jumlah bayar ${body.amount} tidak sama dengan tagihan ${billing.amount}.`,
              en: `Paid amount ${body.amount} differs from the billed ${billing.amount}.`,
            },
          });
        }
        const r = await applyCommand(env, {
          clientId: 'payment-gateway',
          command: {
            id: deterministicUuid(`notify:${body.billingCode}:${body.ntpn}`),
            type: 'payment.confirm_auto',
            aggregateId: billing.order_id,
            payload: { billingCode: body.billingCode, ntpn: body.ntpn, paidAt: body.paidAt },
          },
          actor: SYSTEM_ACTOR,
        });
        if (r.outcome.status === 'rejected') throw rejectionError(r.outcome);
        return { status: 'paid' as const, orderId: billing.order_id, replayed: r.replayed };
      },
    });
  });
}
