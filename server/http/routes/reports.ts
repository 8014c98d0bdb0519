import { randomUUID } from 'node:crypto';
import type { FastifyRequest } from 'fastify';
import { z } from 'zod';
import {
  API_PREFIX,
  AmendReportRequestSchema,
  CommandResponseSchema,
  DetachedSignatureRequestSchema,
  SigningPackageResponseSchema,
  EmptyBodySchema,
  ReasonBodySchema,
  ReportParamsSchema,
  SignedFileResponseSchema,
  RequestSignatureRequestSchema,
  SampleParamsSchema,
} from '../../../shared/api/http';
import { localDate } from '../../../shared/calendar/working-days';
import { CustomerSchema, IdSchema } from '../../../shared/domain/entities';
import { rolesFor } from '../../../shared/domain/permissions';
import { awaitsSignatureOf, canDownloadReports } from '../../../shared/domain/state';
import type { Authenticated } from '../../auth/service';
import { readElhuUnit } from '../../catalog/repo';
import type { PdfPool } from '../../reports/pdf-pool';
import { EXTERNAL_SIGNATURE_LENGTH } from '../../elhu/embed';
import { orderCommand, visibleOrder, type AppContext } from '../context';
import { AppError, fail } from '../errors';
import { addOrderCommandRoute, commandsOn } from '../order-command-route';
import { readUpload } from './payments';

const PDF_ONLY = new Set(['application/pdf']);

/** Steps 17-20 (report number, signature request, signing, release), amendment and downloads. */
export function reportRoutes(app: AppContext, pool: PdfPool): void {
  const { router, env } = app;
  const db = env.handle.db;
  const base = `${API_PREFIX}/orders/:orderId/samples/:sampleId/reports`;

  addOrderCommandRoute(app, {
    type: 'report.number',
    method: 'POST',
    url: base,
    summary: 'Langkah 17: Ketua Tim PJI membuat nomor LHU / step 17: generate the report number',
    tags: ['reports'],
    params: SampleParamsSchema,
    body: EmptyBodySchema,
    payload: ({ sampleId }) => ({ sampleId }),
    created: {
      entity: 'report',
      location: ({ orderId, sampleId }, id) =>
        `${API_PREFIX}/orders/${orderId}/samples/${sampleId}/reports/${id}/preview`,
      documented: `${base.replace(/:([A-Za-z]+)/g, '{$1}')}/{reportId}/preview (the draft E-LHU)`,
    },
  });

  const onReport = commandsOn(app, {
    url: `${base}/:reportId`,
    tags: ['reports'],
    params: ReportParamsSchema,
    ids: ({ sampleId, reportId }) => ({ sampleId, reportId }),
  });

  onReport(
    'report.request_signature',
    'POST',
    'request-signature',
    'Langkah 18: CS mencetak E-LHU dan memilih Kepala Balai untuk TTE / step 18: request the signature',
    RequestSignatureRequestSchema,
  );
  onReport(
    'report.refuse',
    'POST',
    'refuse',
    'Kepala Balai menolak menandatangani (alasan) / refuse to sign (with a reason)',
    ReasonBodySchema,
  );
  onReport(
    'report.release',
    'POST',
    'release',
    'Langkah 20: CS meneruskan E-LHU bertanda tangan ke pelanggan / step 20: release the signed report',
    EmptyBodySchema,
  );
  onReport(
    'report.amend',
    'POST',
    'amend',
    'Ketua Tim PJI menerbitkan laporan pengganti (ISO/IEC 17025 7.8.8) / amend a released report',
    AmendReportRequestSchema,
  );

  /** Verify an uploaded signed E-LHU for a report waiting for this Kepala Balai's signature. */
  async function verifiedUpload(
    req: Parameters<typeof readUpload>[0],
    auth: Authenticated,
    params: { orderId: string; sampleId: string; reportId: string },
    /** Only for a stored-ahead upload; the sign command itself is decided by the domain core (and may be a resend). */
    requireWaiting: boolean,
  ) {
    const order = await visibleOrder(app, auth, params.orderId);
    if (!rolesFor('report.sign').includes(auth.actor.role))
      throw fail.forbidden('Peran Anda tidak menandatangani E-LHU.', 'Your role does not sign reports.');
    const sample = order.samples.find((s) => s.id === params.sampleId);
    const report = sample?.reports.find((r) => r.id === params.reportId);
    if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
    if (requireWaiting && !awaitsSignatureOf(report, auth.user.id)) {
      throw new AppError(409, 'invalid_transition', {
        id: 'E-LHU ini tidak sedang menunggu tanda tangan Anda.',
        en: 'This report is not waiting for your signature.',
      });
    }
    const upload = await readUpload(req, env.config.signedReportLimit, PDF_ONLY);
    return verifyAgainstReport(upload.data, auth, report);
  }

  /** The check of a signed E-LHU against the report's issued document, whichever way it was made (desktop upload or detached CMS). */
  async function verifyAgainstReport(
    data: Uint8Array,
    auth: Authenticated,
    report: { id: string; number: string; documentHash: string | null },
  ) {
    const upload = { data: Buffer.from(data.buffer, data.byteOffset, data.byteLength) };
    const [row, kb] = await Promise.all([
      db.selectFrom('reports').select(['document_file_id']).where('id', '=', report.id).executeTakeFirst(),
      db
        .selectFrom('users')
        .select(['certificate_pem', 'name', 'nip'])
        .where('id', '=', auth.user.id)
        .executeTakeFirst(),
    ]);
    const doc = row?.document_file_id
      ? await db.selectFrom('files').select('data').where('id', '=', row.document_file_id).executeTakeFirst()
      : undefined;
    const check = await env.reports.verifySigned({
      pdf: upload.data,
      documentPdf: doc ? new Uint8Array(doc.data) : null,
      documentHash: report.documentHash,
      certificatePem: kb?.certificate_pem ?? null,
      signer: { name: kb?.name ?? auth.user.name, nip: kb?.nip ?? null },
      reportNumber: report.number,
    });
    if (!check.ok) throw new AppError(422, 'invalid_signature', check.message);
    // The document this file was verified against: report.sign applies it only while it is still the report's.
    return { data: upload.data, signedHash: check.signedHash, documentHash: report.documentHash };
  }

  /** report.sign with the verified signed E-LHU as its attachment (the report's signed file). */
  function signWith(
    req: FastifyRequest,
    auth: Authenticated,
    params: { orderId: string; sampleId: string; reportId: string },
    check: { data: Buffer; signedHash: string; documentHash: string | null },
  ) {
    return orderCommand(
      app,
      req,
      auth,
      'report.sign',
      params.orderId,
      { sampleId: params.sampleId, reportId: params.reportId, signedHash: check.signedHash },
      {
        attachments: [
          {
            id: randomUUID(),
            kind: 'report_signed',
            mime: 'application/pdf',
            data: check.data,
            sha256: check.signedHash,
            refId: params.reportId,
            documentHash: check.documentHash,
          },
        ],
      },
    );
  }

  router.add({
    method: 'PUT',
    url: `${base}/:reportId/signed-file`,
    summary:
      'Langkah 19 (desktop): unggah dan periksa E-LHU bertanda tangan; perintah report.sign menyusul lewat sinkron / upload a signed report before pushing report.sign',
    tags: ['reports', 'sync'],
    access: 'user',
    params: ReportParamsSchema,
    multipart: { fields: { file: 'E-LHU bertanda tangan (PDF)' } },
    response: SignedFileResponseSchema,
    handler: async ({ req, params, auth }) => {
      const { data, signedHash, documentHash } = await verifiedUpload(req, auth, params, true);
      const existing = await db
        .selectFrom('files')
        .select('id')
        .where('ref_id', '=', params.reportId)
        .where('kind', '=', 'report_signed')
        .where('sha256', '=', signedHash)
        .executeTakeFirst();
      if (!existing) {
        await db
          .insertInto('files')
          .values({
            id: randomUUID(),
            kind: 'report_signed',
            order_id: params.orderId,
            ref_id: params.reportId,
            mime: 'application/pdf',
            size: data.length,
            sha256: signedHash,
            data,
            created_at: env.config.now().toISOString(),
            created_by: auth.user.id,
            document_hash: documentHash,
          })
          .execute();
      } else {
        await db
          .updateTable('files')
          .set({ document_hash: documentHash })
          .where('id', '=', existing.id)
          .execute();
      }
      return { reportId: params.reportId, signedHash };
    },
  });

  router.add({
    method: 'POST',
    url: `${base}/:reportId/sign`,
    summary:
      'Langkah 19: Kepala Balai mengunggah E-LHU bertanda tangan (TTE, PDF) / step 19: upload the signed report',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    multipart: { fields: { file: 'E-LHU bertanda tangan (PDF)' } },
    response: CommandResponseSchema,
    handler: async ({ req, params, auth }) => {
      const check = await verifiedUpload(req, auth, params, false);
      return signWith(req, auth, params, check);
    },
  });

  const PREVIEW_ROLES = new Set(['cs', 'ketua_tim_pji']);

  router.add({
    method: 'GET',
    url: `${base}/:reportId/preview`,
    summary:
      'Langkah 18: CS atau Ketua Tim PJI melihat E-LHU belum bertanda tangan (tanda DRAFT / BELUM DITERBITKAN) sebelum memilih Kepala Balai / preview the unsigned report (marked DRAFT) before choosing the Kepala Balai',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    query: z.strictObject({ kepalaBalaiId: IdSchema.optional() }),
    produces: 'application/pdf',
    handler: async ({ params, query, auth, reply }) => {
      // Other roles get the same 404 as a report that does not exist.
      if (!PREVIEW_ROLES.has(auth.actor.role))
        throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      const order = await visibleOrder(app, auth, params.orderId);
      const sample = order.samples.find((x) => x.id === params.sampleId);
      const report = sample?.reports.find((r) => r.id === params.reportId);
      if (!sample || !report || !sample.labId)
        throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      // The Kepala Balai printed: the one asked for, else the one already chosen, else the unit's first (a preview only).
      const wanted = query.kepalaBalaiId ?? report.kepalaBalaiId ?? null;
      let kbq = db
        .selectFrom('users')
        .select(['id', 'name', 'nip'])
        .where('role', '=', 'kepala_balai')
        .where('active', '=', 1);
      if (wanted) kbq = kbq.where('id', '=', wanted);
      const kb = await kbq.orderBy('name').executeTakeFirst();
      if (wanted && !kb)
        throw fail.notFound(
          'Akun Kepala Balai tidak ditemukan atau tidak aktif.',
          'Kepala Balai account not found or inactive.',
        );
      const [customerRow, unit, lab] = await Promise.all([
        db.selectFrom('customers').select('data').where('id', '=', order.customerId).executeTakeFirst(),
        readElhuUnit(db, env.config.unitCode),
        db.selectFrom('labs').select(['id', 'name']).where('id', '=', sample.labId).executeTakeFirst(),
      ]);
      if (!customerRow || !lab)
        throw fail.notFound('Data pelanggan atau lab tidak lengkap.', 'Customer or lab data is missing.');
      const replaced = report.replaces ? sample.reports.find((r) => r.id === report.replaces) : undefined;
      const r = await pool.run('preview', {
        order,
        sampleId: sample.id,
        reportId: report.id,
        issuedOn: localDate(env.config.now(), env.config.utcOffsetMinutes),
        customer: CustomerSchema.parse(JSON.parse(customerRow.data)),
        unit,
        lab: { id: lab.id, name: lab.name, address: unit.address },
        kepalaBalai: { id: kb?.id ?? '', name: kb?.name ?? 'Kepala Balai', nip: kb?.nip ?? '-' },
        verificationUrl: `${env.config.publicBaseUrl.replace(/\/$/, '')}/verify/${report.id}`,
        replacedReportNumber: replaced?.number ?? null,
      });
      if (!r.ok) throw new AppError(422, 'invalid_payload', r.message);
      const name = report.number.replace(/[^A-Za-z0-9-]+/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header('cache-control', 'no-store')
        .header('content-disposition', `inline; filename="DRAFT_E-LHU_${name}.pdf"`)
        .send(Buffer.from(r.pdf));
    },
  });

  /** A report waiting for this Kepala Balai's signature, its issued document and what the signature block prints. */
  async function externalSigningInputs(
    auth: Authenticated,
    params: { orderId: string; sampleId: string; reportId: string },
  ) {
    const order = await visibleOrder(app, auth, params.orderId);
    if (!rolesFor('report.sign').includes(auth.actor.role))
      throw fail.forbidden('Peran Anda tidak menandatangani E-LHU.', 'Your role does not sign reports.');
    const report = order.samples
      .find((x) => x.id === params.sampleId)
      ?.reports.find((r) => r.id === params.reportId);
    if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
    if (!awaitsSignatureOf(report, auth.user.id) || !report.documentHash) {
      throw new AppError(409, 'invalid_transition', {
        id: 'E-LHU ini tidak sedang menunggu tanda tangan Anda.',
        en: 'This report is not waiting for your signature.',
      });
    }
    const [row, kb, unit] = await Promise.all([
      db.selectFrom('reports').select(['document_file_id']).where('id', '=', report.id).executeTakeFirst(),
      db.selectFrom('users').select(['name', 'nip']).where('id', '=', auth.user.id).executeTakeFirst(),
      readElhuUnit(db, env.config.unitCode),
    ]);
    const doc = row?.document_file_id
      ? await db.selectFrom('files').select('data').where('id', '=', row.document_file_id).executeTakeFirst()
      : undefined;
    if (!doc) throw fail.notFound('Berkas E-LHU belum ada.', 'No report file yet.');
    if (!kb?.nip)
      throw new AppError(422, 'invalid_payload', {
        id: 'NIP Kepala Balai belum diisi oleh Admin Satker.',
        en: "The Kepala Balai's NIP has not been set by Admin Satker.",
      });
    return {
      report,
      // Exactly what the desktop prints and writes (main/services/signing: name and NIP as registered, the unit's city).
      task: {
        unsigned: new Uint8Array(doc.data),
        documentHash: report.documentHash,
        name: kb.name,
        nip: kb.nip,
        location: unit.city,
      },
    };
  }

  router.add({
    method: 'GET',
    url: `${base}/:reportId/signing-package`,
    summary:
      'Langkah 19 (aplikasi tanda tangan lain): E-LHU siap tanda tangan (blok TTE dan tempat tanda tangan PAdES), ByteRange dan SHA-256 yang ditandatangani / step 19 with another signing tool: the prepared report, its byte ranges and the digest to sign',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    response: SigningPackageResponseSchema,
    handler: async ({ params, auth }) => {
      const { report, task } = await externalSigningInputs(auth, params);
      const signingTime = new Date(Math.floor(env.config.now().getTime() / 1000) * 1000);
      const p = await pool.run('prepareSigning', { ...task, signingTime });
      return {
        reportId: report.id,
        pdfBase64: Buffer.from(p.pdf).toString('base64'),
        byteRange: p.byteRange,
        digestSha256: p.digestSha256,
        signingTime: signingTime.toISOString(),
        signatureLength: EXTERNAL_SIGNATURE_LENGTH,
        documentHash: task.documentHash,
        subFilter: 'ETSI.CAdES.detached' as const,
      };
    },
  });

  router.add({
    method: 'PUT',
    url: `${base}/:reportId/detached-signature`,
    summary:
      'Langkah 19 (aplikasi tanda tangan lain): kirim CMS terpisah (PAdES B-B, DER base64); server memasangnya, memeriksanya seperti unggahan desktop, lalu menandatangani laporan / step 19: send a detached CMS; embedded, checked as a desktop upload, then report.sign',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    body: DetachedSignatureRequestSchema,
    response: CommandResponseSchema,
    handler: async ({ req, params, body, auth }) => {
      const { report, task } = await externalSigningInputs(auth, params);
      const signingTime = new Date(body.signingTime);
      const now = env.config.now().getTime();
      if (
        signingTime.getTime() % 1000 !== 0 ||
        signingTime.getTime() > now + 5 * 60_000 ||
        signingTime.getTime() < now - 24 * 3_600_000
      ) {
        throw new AppError(422, 'invalid_signature', {
          id: 'Waktu tanda tangan bukan dari paket tanda tangan yang masih berlaku (maks. 24 jam). Ambil paket baru.',
          en: 'The signing time is not that of a current signing package (24 hours at most). Fetch a new package.',
        });
      }
      const cms = Buffer.from(body.cms, 'base64');
      const embedded = await pool.run('embedCms', { ...task, signingTime, cms });
      if (!embedded.ok) throw new AppError(422, 'invalid_signature', embedded.message);
      const check = await verifyAgainstReport(embedded.pdf, auth, report);
      return signWith(req, auth, params, check);
    },
  });

  router.add({
    method: 'GET',
    url: `${base}/:reportId/file`,
    summary:
      'Unduh E-LHU: bertanda tangan bila ada (pelanggan hanya setelah survei) / download the report (customers after the survey)',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    produces: 'application/pdf',
    handler: async ({ params, auth, reply }) => {
      const order = await visibleOrder(app, auth, params.orderId);
      const report = order.samples
        .find((s) => s.id === params.sampleId)
        ?.reports.find((r) => r.id === params.reportId);
      if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      const customer = auth.actor.role === 'pelanggan';
      if (customer && !canDownloadReports(order)) {
        throw new AppError(403, 'survey_required', {
          id: 'E-LHU dapat diunduh setelah Anda mengisi survei kepuasan pelanggan.',
          en: 'The report can be downloaded after you fill in the satisfaction survey.',
        });
      }
      if (customer && report.status !== 'released')
        throw fail.notFound('E-LHU ini belum diterbitkan.', 'This report has not been released.');
      const row = await db
        .selectFrom('reports')
        .select(['document_file_id', 'signed_file_id'])
        .where('id', '=', report.id)
        .executeTakeFirst();
      const fileId = row?.signed_file_id ?? (customer ? null : (row?.document_file_id ?? null));
      if (!fileId) throw fail.notFound('Berkas E-LHU belum ada.', 'No report file yet.');
      const file = await db.selectFrom('files').select(['data']).where('id', '=', fileId).executeTakeFirst();
      if (!file) throw fail.notFound('Berkas E-LHU belum ada.', 'No report file yet.');
      const name = report.number.replace(/[^A-Za-z0-9-]+/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header(
          'content-disposition',
          `attachment; filename="E-LHU_${name}${row?.signed_file_id ? '' : '_unsigned'}.pdf"`,
        )
        .send(file.data);
    },
  });
}
