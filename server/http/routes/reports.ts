import { randomUUID } from 'node:crypto';
import {
  API_PREFIX,
  AmendReportRequestSchema,
  CommandResponseSchema,
  EmptyBodySchema,
  ReasonBodySchema,
  ReportParamsSchema,
  SignedFileResponseSchema,
  RequestSignatureRequestSchema,
  SampleParamsSchema,
} from '../../../shared/api/http';
import { rolesFor } from '../../../shared/domain/permissions';
import { awaitsSignatureOf, canDownloadReports } from '../../../shared/domain/state';
import { orderCommand, visibleOrder, type AppContext } from '../context';
import { AppError, fail } from '../errors';
import { readUpload } from './payments';

const PDF_ONLY = new Set(['application/pdf']);

/** Steps 17-20 (report number, signature request, signing, release), amendment and downloads. */
export function reportRoutes(app: AppContext): void {
  const { router, env } = app;
  const db = env.handle.db;
  const base = `${API_PREFIX}/orders/:orderId/samples/:sampleId/reports`;

  router.add({
    method: 'POST',
    url: base,
    summary: 'Langkah 17: Ketua Tim PJI membuat nomor LHU / step 17: generate the report number',
    tags: ['reports'],
    access: 'user',
    params: SampleParamsSchema,
    body: EmptyBodySchema,
    response: CommandResponseSchema,
    status: 201,
    handler: async ({ req, params, auth }) => orderCommand(app, req, auth!, 'report.number', params.orderId, { sampleId: params.sampleId }),
  });

  const onReport = (type: Parameters<typeof orderCommand>[3], path: string, summary: string, body: typeof EmptyBodySchema | typeof ReasonBodySchema | typeof RequestSignatureRequestSchema | typeof AmendReportRequestSchema) =>
    router.add({
      method: 'POST',
      url: `${base}/:reportId/${path}`,
      summary,
      tags: ['reports'],
      access: 'user',
      params: ReportParamsSchema,
      body,
      response: CommandResponseSchema,
      handler: async ({ req, params, body: b, auth }) =>
        orderCommand(app, req, auth!, type, params.orderId, { sampleId: params.sampleId, reportId: params.reportId, ...(b as object) }),
    });

  onReport('report.request_signature', 'request-signature', 'Langkah 18: CS mencetak E-LHU dan memilih Kepala Balai untuk TTE / step 18: request the signature', RequestSignatureRequestSchema);
  onReport('report.refuse', 'refuse', 'Kepala Balai menolak menandatangani (alasan) / refuse to sign (with a reason)', ReasonBodySchema);
  onReport('report.release', 'release', 'Langkah 20: CS meneruskan E-LHU bertanda tangan ke pelanggan / step 20: release the signed report', EmptyBodySchema);
  onReport('report.amend', 'amend', 'Ketua Tim PJI menerbitkan laporan pengganti (ISO/IEC 17025 7.8.8) / amend a released report', AmendReportRequestSchema);

  /** Verify an uploaded signed E-LHU for a report waiting for this Kepala Balai's signature. */
  async function verifiedUpload(
    req: Parameters<typeof readUpload>[0],
    auth: NonNullable<Parameters<Parameters<typeof router.add>[0]['handler']>[0]['auth']>,
    params: { orderId: string; sampleId: string; reportId: string },
    /** Only for a stored-ahead upload; the sign command itself is decided by the domain core (and may be a resend). */
    requireWaiting: boolean,
  ) {
    const order = await visibleOrder(app, auth, params.orderId);
    if (!rolesFor('report.sign').includes(auth.actor.role)) throw fail.forbidden('Peran Anda tidak menandatangani E-LHU.', 'Your role does not sign reports.');
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
    const [row, kb] = await Promise.all([
      db.selectFrom('reports').select(['document_file_id']).where('id', '=', report.id).executeTakeFirst(),
      db.selectFrom('users').select(['certificate_pem', 'name', 'nip']).where('id', '=', auth.user.id).executeTakeFirst(),
    ]);
    const doc = row?.document_file_id ? await db.selectFrom('files').select('data').where('id', '=', row.document_file_id).executeTakeFirst() : undefined;
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

  router.add({
    method: 'PUT',
    url: `${base}/:reportId/signed-file`,
    summary: 'Langkah 19 (desktop): unggah dan periksa E-LHU bertanda tangan; perintah report.sign menyusul lewat sinkron / upload a signed report before pushing report.sign',
    tags: ['reports', 'sync'],
    access: 'user',
    params: ReportParamsSchema,
    multipart: { fields: { file: 'E-LHU bertanda tangan (PDF)' } },
    response: SignedFileResponseSchema,
    handler: async ({ req, params, auth }) => {
      const { data, signedHash, documentHash } = await verifiedUpload(req, auth!, params, true);
      const existing = await db.selectFrom('files').select('id').where('ref_id', '=', params.reportId).where('kind', '=', 'report_signed').where('sha256', '=', signedHash).executeTakeFirst();
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
            created_by: auth!.user.id,
            document_hash: documentHash,
          })
          .execute();
      } else {
        await db.updateTable('files').set({ document_hash: documentHash }).where('id', '=', existing.id).execute();
      }
      return { reportId: params.reportId, signedHash };
    },
  });

  router.add({
    method: 'POST',
    url: `${base}/:reportId/sign`,
    summary: 'Langkah 19: Kepala Balai mengunggah E-LHU bertanda tangan (TTE, PDF) / step 19: upload the signed report',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    multipart: { fields: { file: 'E-LHU bertanda tangan (PDF)' } },
    response: CommandResponseSchema,
    handler: async ({ req, params, auth }) => {
      const check = await verifiedUpload(req, auth!, params, false);
      const fileId = randomUUID();
      return orderCommand(
        app,
        req,
        auth!,
        'report.sign',
        params.orderId,
        { sampleId: params.sampleId, reportId: params.reportId, signedHash: check.signedHash },
        { attachments: [{ id: fileId, kind: 'report_signed', mime: 'application/pdf', data: check.data, sha256: check.signedHash, refId: params.reportId, documentHash: check.documentHash }] },
      );
    },
  });

  router.add({
    method: 'GET',
    url: `${base}/:reportId/file`,
    summary: 'Unduh E-LHU: bertanda tangan bila ada (pelanggan hanya setelah survei) / download the report (customers after the survey)',
    tags: ['reports'],
    access: 'user',
    params: ReportParamsSchema,
    produces: 'application/pdf',
    handler: async ({ params, auth, reply }) => {
      const order = await visibleOrder(app, auth!, params.orderId);
      const report = order.samples.find((s) => s.id === params.sampleId)?.reports.find((r) => r.id === params.reportId);
      if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      const customer = auth!.actor.role === 'pelanggan';
      if (customer && !canDownloadReports(order)) {
        throw new AppError(403, 'survey_required', {
          id: 'E-LHU dapat diunduh setelah Anda mengisi survei kepuasan pelanggan.',
          en: 'The report can be downloaded after you fill in the satisfaction survey.',
        });
      }
      if (customer && report.status !== 'released') throw fail.notFound('E-LHU ini belum diterbitkan.', 'This report has not been released.');
      const row = await db.selectFrom('reports').select(['document_file_id', 'signed_file_id']).where('id', '=', report.id).executeTakeFirst();
      const fileId = row?.signed_file_id ?? (customer ? null : row?.document_file_id ?? null);
      if (!fileId) throw fail.notFound('Berkas E-LHU belum ada.', 'No report file yet.');
      const file = await db.selectFrom('files').select(['data']).where('id', '=', fileId).executeTakeFirst();
      if (!file) throw fail.notFound('Berkas E-LHU belum ada.', 'No report file yet.');
      const name = report.number.replace(/[^A-Za-z0-9-]+/g, '_');
      return reply
        .header('content-type', 'application/pdf')
        .header('content-disposition', `attachment; filename="E-LHU_${name}${row?.signed_file_id ? '' : '_unsigned'}.pdf"`)
        .send(file.data);
    },
  });
}
