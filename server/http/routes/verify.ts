import { createHash } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { z } from 'zod';
import { API_PREFIX } from '../../../shared/api/http';
import { IdSchema } from '../../../shared/domain/entities';
import { formatDateId, formatDateTimeId } from '../../../shared/elhu/dates';
import type { ElhuUnit } from '../../../shared/elhu/types';
import { readElhuUnit } from '../../catalog/repo';
import { longTermRows } from '../../elhu/ltv/display';
import type { PdfPool, UploadTicket } from '../../reports/pdf-pool';
import {
  checkUploadedPdf,
  publicReport,
  VALIDITY_TEXT,
  type FileCheck,
  type PublicReport,
} from '../../reports/verification';
import type { AppContext } from '../context';
import { AppError, fail } from '../errors';
import { rateLimitConfig } from '../rate-limit';
import { readUpload } from './payments';

/**
 * The public verification of E-LHU (no login): the page the QR code of a report opens
 * (GET /verify/:reportId, the address shared/elhu prints), a general page where anyone drops a PDF
 * to check it (GET /verifikasi, POST /verifikasi), and their JSON twins for programs
 * (GET /api/v1/verify/:reportId, POST /api/v1/verify). The pages are server-rendered HTML without
 * scripts or external assets, under a strict CSP; every link is relative, so the pages work behind a
 * proxy that serves the server under a path prefix.
 */
export const VERIFY_UPLOAD_LIMIT = 10 * 1024 * 1024;
/** The form's own bytes around the file (boundaries, part headers, the reportId field). */
const FORM_ALLOWANCE = 64 * 1024;
/** The uploads admitted before their body is read (server/http/app.ts defers 100 Continue for them). */
export const VERIFY_UPLOAD_ROUTES: ReadonlySet<string> = new Set([
  `POST ${API_PREFIX}/verify`,
  'POST /verifikasi',
]);
const PDF_ONLY = new Set(['application/pdf']);

const MessageSchema = z.object({ id: z.string(), en: z.string() });
const LinkSchema = z.object({ reportId: z.string(), number: z.string(), reason: z.string().nullable() });
const PublicReportSchema = z.object({
  reportId: z.string(),
  number: z.string(),
  validity: z.enum(['valid', 'superseded', 'signed_not_released', 'not_signed']),
  customerName: z.string(),
  sample: z.object({ number: z.string().nullable(), type: z.string() }),
  issuedOn: z.string().nullable(),
  signer: z.object({ name: z.string(), nip: z.string().nullable() }).nullable(),
  signedAt: z.string().nullable(),
  releasedAt: z.string().nullable(),
  signedSha256: z.string().nullable(),
  longTerm: z
    .object({
      level: z.enum(['B-B', 'B-T', 'B-LT', 'B-LTA']),
      pending: z.boolean(),
      timestampTime: z.string().nullable(),
      certificateValidAtTimestamp: z.boolean().nullable(),
      archiveUntil: z.string().nullable(),
    })
    .nullable(),
  supersededBy: LinkSchema.nullable(),
  replaces: LinkSchema.nullable(),
});
const VerifyReportResponseSchema = z.object({
  report: PublicReportSchema,
  status: MessageSchema,
  verificationUrl: z.string(),
});
const VerifyFileResponseSchema = z.object({
  verdict: z.enum(['genuine', 'unknown_document', 'altered', 'signature_invalid', 'not_pdf']),
  genuine: z.boolean(),
  sha256: z.string(),
  reason: MessageSchema.nullable(),
  report: PublicReportSchema.nullable(),
  status: MessageSchema.nullable(),
  signature: z.union([
    z.object({
      ok: z.literal(true),
      signer: z.string(),
      signedAt: z.string(),
      /** What the file itself proves over time (server/elhu/ltv): level, timestamp time, certificate valid then. */
      longTerm: z
        .object({
          level: z.enum(['B-B', 'B-T', 'B-LT', 'B-LTA']),
          timestampTime: z.string().nullable(),
          timestampAuthority: z.string().nullable(),
          certificateValidAtTimestamp: z.boolean().nullable(),
          signerValidTo: z.string().nullable(),
          signerRevokedAt: z.string().nullable(),
          documentTimestamps: z.number(),
          archiveUntil: z.string().nullable(),
        })
        .nullable(),
    }),
    z.object({ ok: z.literal(false), code: z.string() }),
  ]),
});

// ------------------------------------------------------------------------------------------------
// HTML

const CSS = `
*{box-sizing:border-box}
body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:#1b1f24;background:#f3f5f7}
main{max-width:46rem;margin:0 auto;padding:1.5rem 1rem 3rem}
header{border-bottom:3px solid #0b4f8a;margin-bottom:1.25rem;padding-bottom:.5rem}
.unit{margin:0;color:#0b4f8a;font-weight:600}
h1{margin:.25rem 0 0;font-size:1.5rem}
h2{font-size:1.15rem;margin:1.75rem 0 .5rem}
.en{color:#57606a;font-weight:normal}
.card{background:#fff;border:1px solid #d0d7de;border-radius:8px;padding:1rem 1.25rem;margin:1rem 0}
.status{font-size:1.25rem;font-weight:700;border-left:8px solid;padding:.75rem 1rem;border-radius:6px;margin:1rem 0}
.status p{font-size:1rem;font-weight:normal;margin:.35rem 0 0}
.ok{background:#e6f4ea;border-color:#1a7f37;color:#0f5323}
.warn{background:#fff8e1;border-color:#bf8700;color:#5c4000}
.bad{background:#fdecea;border-color:#cf222e;color:#82071e}
.info{background:#eef4fb;border-color:#0b4f8a;color:#0b3a66}
dl{display:grid;grid-template-columns:minmax(9rem,14rem) 1fr;gap:.4rem 1rem;margin:0}
dt{font-weight:600}
dd{margin:0;overflow-wrap:anywhere}
code{font:13px/1.4 ui-monospace,SFMono-Regular,Menlo,Consolas,monospace;overflow-wrap:anywhere}
a{color:#0b4f8a}
form{display:flex;flex-wrap:wrap;gap:.75rem;align-items:center}
button{font:inherit;padding:.45rem 1rem;border-radius:6px;border:1px solid #0b4f8a;background:#0b4f8a;color:#fff;cursor:pointer}
footer{margin-top:2rem;color:#57606a;font-size:.875rem}
@media (max-width:30rem){dl{grid-template-columns:1fr}dt{margin-top:.5rem}}
`;
const CSP = [
  "default-src 'none'",
  `style-src 'sha256-${createHash('sha256').update(CSS).digest('base64')}'`,
  "img-src 'self' data:",
  "form-action 'self'",
  "base-uri 'none'",
  "frame-ancestors 'none'",
].join('; ');

const esc = (s: string): string => s.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
/** Bahasa Indonesia first, English second. */
const bi = (id: string, en: string): string => `${esc(id)} <span class="en" lang="en">/ ${esc(en)}</span>`;

function page(unit: ElhuUnit | null, title: { id: string; en: string }, body: string): string {
  return `<!doctype html>
<html lang="id">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${esc(title.id)} / ${esc(title.en)}${unit ? ` – ${esc(unit.shortName)}` : ''}</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>${unit ? `<p class="unit">${esc(unit.name)}</p>` : ''}<h1>${bi(title.id, title.en)}</h1></header>
${body}
<footer>${bi(
    'Halaman ini diterbitkan oleh server SIPPT Lab. Keaslian E-LHU ditentukan oleh kesamaan berkas dengan E-LHU bertanda tangan yang tersimpan di server dan oleh tanda tangan elektroniknya.',
    'This page is published by the SIPPT Lab server. An E-LHU is genuine when the file is identical to the signed E-LHU stored on the server and its electronic signature verifies.',
  )}</footer>
</main>
</body>
</html>
`;
}

function statusBlock(r: PublicReport, link: (reportId: string) => string): string {
  const t = VALIDITY_TEXT[r.validity];
  switch (r.validity) {
    case 'valid':
      return `<div class="status ok" data-status="valid">${bi(t.id, t.en)}<p>${bi(
        'E-LHU ini telah ditandatangani secara elektronik oleh Kepala Balai dan diterbitkan.',
        'This report has been electronically signed by the Kepala Balai and released.',
      )}</p></div>`;
    case 'superseded': {
      const next = r.supersededBy;
      const number = next ? `<a href="${esc(link(next.reportId))}">${esc(next.number)}</a>` : '–';
      return `<div class="status warn" data-status="superseded">Digantikan oleh ${number} <span class="en" lang="en">/ Superseded by ${number}</span>${
        next?.reason ? `<p>${bi('Alasan', 'Reason')}: ${esc(next.reason)}</p>` : ''
      }<p>${bi(
        'E-LHU ini tidak berlaku lagi; gunakan laporan pengganti (ISO/IEC 17025 7.8.8).',
        'This report is no longer valid; use the amended report (ISO/IEC 17025 7.8.8).',
      )}</p></div>`;
    }
    case 'signed_not_released':
      return `<div class="status info" data-status="signed_not_released">${bi(t.id, t.en)}</div>`;
    case 'not_signed':
      return `<div class="status bad" data-status="not_signed">${bi(t.id, t.en)}<p>${bi(
        'Laporan dengan nomor ini ada, tetapi belum ditandatangani Kepala Balai; belum berlaku sebagai E-LHU.',
        'A report with this number exists but has not been signed by the Kepala Balai; it is not yet a valid report.',
      )}</p></div>`;
  }
}

function reportDetails(r: PublicReport, unit: ElhuUnit, link: (reportId: string) => string): string {
  const row = (id: string, en: string, value: string) => `<dt>${bi(id, en)}</dt><dd>${value}</dd>`;
  const rows = [
    row('Nomor laporan', 'Report number', `<strong data-field="number">${esc(r.number)}</strong>`),
    row('Pelanggan', 'Customer', `<span data-field="customer">${esc(r.customerName)}</span>`),
    row(
      'Contoh uji',
      'Sample',
      `<span data-field="sample">${esc(r.sample.number ?? '–')} — ${esc(r.sample.type)}</span>`,
    ),
    row('Tanggal terbit', 'Date of issue', r.issuedOn ? esc(formatDateId(r.issuedOn)) : '–'),
    row(
      'Penanda tangan',
      'Signed by',
      r.signer
        ? `<span data-field="signer">${esc(r.signer.name)}</span>${r.signer.nip ? ` <span data-field="nip">(NIP ${esc(r.signer.nip)})</span>` : ''}, Kepala Balai`
        : '–',
    ),
    row(
      'Waktu tanda tangan',
      'Signed at',
      r.signedAt ? esc(formatDateTimeId(new Date(r.signedAt), unit.timeZone)) : '–',
    ),
    row(
      'SHA-256 dokumen bertanda tangan',
      'SHA-256 of the signed document',
      r.signedSha256 ? `<code data-field="sha256">${esc(r.signedSha256)}</code>` : '–',
    ),
    ...longTermRows(r.longTerm, unit.timeZone, row),
  ];
  if (r.replaces) {
    rows.push(
      row(
        'Menggantikan',
        'Replaces',
        `<a href="${esc(link(r.replaces.reportId))}">${esc(r.replaces.number)}</a>${r.replaces.reason ? ` — ${bi('alasan', 'reason')}: ${esc(r.replaces.reason)}` : ''}`,
      ),
    );
  }
  return `<div class="card"><dl>${rows.join('\n')}</dl></div>`;
}

function uploadForm(action: string, reportId: string | null): string {
  return `<h2>${bi('Periksa berkas PDF', 'Check a PDF file')}</h2>
<div class="card">
<p>${bi(
    'Unggah berkas E-LHU (PDF, maks. 10 MB) untuk memastikan berkas itu sama persis dengan E-LHU bertanda tangan yang diterbitkan laboratorium.',
    'Upload an E-LHU file (PDF, at most 10 MB) to check that it is exactly the signed report the laboratory issued.',
  )}</p>
<form method="post" action="${esc(action)}" enctype="multipart/form-data">
${reportId ? `<input type="hidden" name="reportId" value="${esc(reportId)}">` : ''}
<label>${bi('Berkas PDF', 'PDF file')}: <input type="file" name="file" accept="application/pdf,.pdf" required></label>
<button type="submit">Periksa / Check</button>
</form>
</div>`;
}

function verdictBlock(c: FileCheck, expected: string | null, link: (reportId: string) => string): string {
  if (c.verdict === 'genuine' && c.report) {
    const r = c.report;
    const t = VALIDITY_TEXT[r.validity];
    const other =
      expected && expected !== r.reportId
        ? `<p>${bi('Catatan: berkas ini adalah laporan lain daripada yang Anda buka.', 'Note: this file is another report than the one you opened.')}</p>`
        : '';
    return `<div class="status ${r.validity === 'valid' ? 'ok' : 'warn'}" data-verdict="genuine">${bi('ASLI', 'GENUINE')}<p>${bi(
      `Berkas ini adalah E-LHU ${r.number} yang asli, sama persis dengan yang ditandatangani dan tersimpan di server.`,
      `This file is the genuine report ${r.number}, identical to the one signed and stored on the server.`,
    )}</p><p>${bi('Status laporan', 'Report status')}: <strong>${bi(t.id, t.en)}</strong>${
      r.validity === 'superseded' && r.supersededBy
        ? ` — ${bi('digantikan oleh', 'superseded by')} <a href="${esc(link(r.supersededBy.reportId))}">${esc(r.supersededBy.number)}</a>`
        : ''
    }</p>${other}</div>`;
  }
  const reason = c.reason ?? { id: 'Dokumen tidak dikenal.', en: 'Unknown document.' };
  const claimed = c.report
    ? `<p>${bi('Laporan yang terdaftar', 'Registered report')}: <a href="${esc(link(c.report.reportId))}">${esc(c.report.number)}</a></p>`
    : '';
  return `<div class="status bad" data-verdict="${esc(c.verdict)}">${bi('TIDAK ASLI', 'NOT GENUINE')}<p>${bi(reason.id, reason.en)}</p>${claimed}</div>`;
}

// ------------------------------------------------------------------------------------------------

export function verifyRoutes(app: AppContext, root: FastifyInstance, pool: PdfPool): void {
  const { router, env } = app;
  const db = env.handle.db;
  const limits = env.config.rateLimits;
  const readLimit = { config: { rateLimit: rateLimitConfig('verify-read', limits.verifyRead) } };
  const uploadLimit = { config: { rateLimit: rateLimitConfig('verify-upload', limits.verifyUpload) } };
  const base = env.config.publicBaseUrl.replace(/\/+$/, '');
  const unitOf = () => readElhuUnit(db, env.config.unitCode);

  const html = (reply: FastifyReply, status: number, body: string) =>
    reply
      .code(status)
      .header('content-type', 'text/html; charset=utf-8')
      .header('content-security-policy', CSP)
      .header('x-frame-options', 'DENY')
      .send(body);
  const checkTitle = { id: 'Hasil pemeriksaan E-LHU', en: 'Report check result' };
  /** The check page when an upload is refused (busy, too big, not a PDF): why, then the form again. */
  const refusedCheck = (
    reply: FastifyReply,
    status: number,
    unit: ElhuUnit | null,
    why: { id: string; en: string },
  ) =>
    html(
      reply,
      status,
      page(
        unit,
        checkTitle,
        `<div class="status bad" data-verdict="refused">${bi(why.id, why.en)}</div>${uploadForm('verifikasi', null)}`,
      ),
    );
  const wantsJson = (req: FastifyRequest) => {
    const accept = String(req.headers.accept ?? '');
    return accept.includes('application/json') && !accept.includes('text/html');
  };
  const reportJson = (r: PublicReport) => ({
    report: r,
    status: VALIDITY_TEXT[r.validity],
    verificationUrl: `${base}/verify/${r.reportId}`,
  });
  const fileJson = (c: FileCheck) => ({
    ...c,
    genuine: c.verdict === 'genuine',
    status: c.report ? VALIDITY_TEXT[c.report.validity] : null,
  });

  // The page of one report (the QR code's address). Links from it are relative to /verify/.
  root.get<{ Params: { reportId: string } }>('/verify/:reportId', readLimit, async (req, reply) => {
    const report = await publicReport(db, req.params.reportId);
    if (wantsJson(req)) {
      if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      return reportJson(report);
    }
    const unit = await unitOf();
    const link = (id: string) => encodeURIComponent(id);
    if (!report) {
      return html(
        reply,
        404,
        page(
          unit,
          { id: 'Laporan tidak ditemukan', en: 'Report not found' },
          `<div class="status bad" data-status="not_found">${bi('Tidak ada E-LHU dengan alamat ini.', 'There is no report at this address.')}<p>${bi(
            'Periksa kembali kode QR atau alamatnya. E-LHU yang tidak terdaftar di sini tidak diterbitkan oleh laboratorium ini.',
            'Check the QR code or the address again. A report not registered here was not issued by this laboratory.',
          )}</p></div>${uploadForm('../verifikasi', null)}`,
        ),
      );
    }
    return html(
      reply,
      200,
      page(
        unit,
        { id: `Verifikasi E-LHU ${report.number}`, en: 'Report verification' },
        `${statusBlock(report, link)}${reportDetails(report, unit, link)}${uploadForm('../verifikasi', report.reportId)}`,
      ),
    );
  });

  const general = async (_req: FastifyRequest, reply: FastifyReply) => {
    const unit = await unitOf();
    return html(
      reply,
      200,
      page(
        unit,
        { id: 'Verifikasi E-LHU', en: 'Report verification' },
        `<p>${bi(
          'Setiap E-LHU memuat kode QR menuju halaman verifikasinya. Anda juga dapat mengunggah berkas PDF di bawah ini untuk memeriksa keasliannya.',
          'Every E-LHU carries a QR code leading to its verification page. You can also upload a PDF below to check that it is genuine.',
        )}</p>${uploadForm('verifikasi', null)}`,
      ),
    );
  };
  root.get('/verifikasi', readLimit, general);
  root.get('/verify', readLimit, general);

  // Admission before the body is read (onRequest, ahead of the rate limit's database hit): an
  // over-size Content-Length (413) or a full pool and upload budget (503 with Retry-After) is
  // answered from the headers alone, with Connection: close so the refused body is not drained.
  // A client that sent Expect: 100-continue is told to send its body only once admitted.
  const tickets = new WeakMap<FastifyRequest, UploadTicket>();
  const admission =
    (refuse: (req: FastifyRequest, reply: FastifyReply, err: AppError) => Promise<unknown>) =>
    async (req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> => {
      const declared = Number(req.headers['content-length']);
      if (Number.isFinite(declared) && declared > VERIFY_UPLOAD_LIMIT + FORM_ALLOWANCE) {
        await refuse(req, reply, tooLarge());
        return reply;
      }
      const ticket = pool.admitUpload();
      if (!ticket) {
        await refuse(req, reply, pool.busy());
        return reply;
      }
      tickets.set(req, ticket);
      // Released when the answer is sent or the client goes away, whichever comes first.
      reply.raw.once('close', ticket.release);
      reply.raw.once('finish', ticket.release);
      if (
        /100-continue/i.test(String(req.headers.expect ?? '')) &&
        typeof reply.raw.writeContinue === 'function'
      )
        reply.raw.writeContinue();
      return undefined;
    };
  const refusedPage = async (_req: FastifyRequest, reply: FastifyReply, e: AppError) => {
    for (const [k, v] of Object.entries(e.headers ?? {})) reply.header(k, v);
    reply.header('connection', 'close');
    return refusedCheck(reply, e.statusCode, await unitOf(), e.msg);
  };
  const refusedJson = async (_req: FastifyRequest, _reply: FastifyReply, e: AppError) => {
    throw e;
  };
  /** The upload's body, read under its ticket; the receiving place frees once it is in memory. */
  const readAdmitted = async (req: FastifyRequest) => {
    try {
      return await readUpload(req, VERIFY_UPLOAD_LIMIT, PDF_ONLY, { hash: false });
    } finally {
      tickets.get(req)?.received();
    }
  };

  // A dropped PDF (plain form POST, no script needed): the result as a page.
  root.post('/verifikasi', { ...uploadLimit, onRequest: admission(refusedPage) }, async (req, reply) => {
    try {
      return await checkPage(req, reply);
    } finally {
      tickets.get(req)?.release();
    }
  });
  const checkPage = async (req: FastifyRequest, reply: FastifyReply) => {
    const unit = await unitOf();
    const link = (id: string) => `verify/${encodeURIComponent(id)}`;
    let upload: Awaited<ReturnType<typeof readUpload>>;
    try {
      if (!String(req.headers['content-type'] ?? '').startsWith('multipart/form-data')) {
        throw fail.unsupportedMedia(
          'Kirim berkas melalui formulir unggah.',
          'Send the file through the upload form.',
        );
      }
      upload = await readAdmitted(req);
    } catch (e) {
      const err = uploadError(e);
      return refusedCheck(reply, err.status, unit, err.message);
    }
    const expected =
      upload.fields.reportId && IdSchema.safeParse(upload.fields.reportId).success
        ? upload.fields.reportId
        : null;
    let check: FileCheck;
    try {
      check = await checkUploadedPdf(db, upload.data, pool, { transfer: true });
    } catch (e) {
      // The pool is full (503): the page says so and when to try again.
      if (!(e instanceof AppError)) throw e;
      for (const [k, v] of Object.entries(e.headers ?? {})) reply.header(k, v);
      return refusedCheck(reply, e.statusCode, unit, e.msg);
    }
    const details =
      check.verdict === 'genuine' && check.report ? reportDetails(check.report, unit, link) : '';
    return html(
      reply,
      200,
      page(
        unit,
        checkTitle,
        `${verdictBlock(check, expected, link)}${details}<div class="card"><dl><dt>${bi('SHA-256 berkas yang diunggah', 'SHA-256 of the uploaded file')}</dt><dd><code>${esc(check.sha256)}</code></dd></dl></div>${uploadForm('verifikasi', null)}`,
      ),
    );
  };

  // JSON for programs.
  router.add({
    method: 'GET',
    url: `${API_PREFIX}/verify/:reportId`,
    summary:
      'Verifikasi publik E-LHU (alamat kode QR) / public verification of a report (the QR code’s address)',
    tags: ['verification'],
    access: 'public',
    params: z.strictObject({ reportId: IdSchema }),
    response: VerifyReportResponseSchema,
    rateLimit: { name: 'verify-read', limit: limits.verifyRead },
    handler: async ({ params }) => {
      const report = await publicReport(db, params.reportId);
      if (!report) throw fail.notFound('Laporan tidak ditemukan.', 'Report not found.');
      return reportJson(report);
    },
  });

  router.add({
    method: 'POST',
    url: `${API_PREFIX}/verify`,
    summary:
      'Periksa keaslian berkas PDF E-LHU (maks. 10 MB) / check whether a PDF is a genuine report (at most 10 MB)',
    tags: ['verification'],
    access: 'public',
    multipart: { fields: { file: 'Berkas PDF / PDF file' } },
    response: VerifyFileResponseSchema,
    rateLimit: { name: 'verify-upload', limit: limits.verifyUpload },
    onRequest: admission(refusedJson),
    handler: async ({ req }) => {
      try {
        const upload = await readAdmitted(req);
        // The upload's buffer moves to the worker (no copy); the event loop never hashes or parses it.
        return fileJson(await checkUploadedPdf(db, upload.data, pool, { transfer: true }));
      } finally {
        tickets.get(req)?.release();
      }
    },
  });
}

let tooLargeError: AppError | undefined;
function tooLarge(): AppError {
  return (tooLargeError ??= new AppError(
    413,
    'payload_too_large',
    { id: 'Berkas terlalu besar (maks. 10 MB).', en: 'The file is too large (at most 10 MB).' },
    undefined,
    { connection: 'close' },
  ));
}

/** An upload the page cannot check: its status and message (the API answers these as JSON errors). */
function uploadError(e: unknown): { status: number; message: { id: string; en: string } } {
  if (e instanceof AppError) return { status: e.statusCode, message: e.msg };
  const code = (e as { code?: string }).code ?? '';
  if (
    code === 'FST_REQ_FILE_TOO_LARGE' ||
    code === 'FST_PARTS_LIMIT' ||
    code === 'FST_FILES_LIMIT' ||
    code === 'FST_FIELDS_LIMIT'
  ) {
    return {
      status: 413,
      message: { id: 'Berkas terlalu besar (maks. 10 MB).', en: 'The file is too large (at most 10 MB).' },
    };
  }
  if (code.startsWith('FST_'))
    return {
      status: 400,
      message: { id: 'Unggahan tidak dapat dibaca; coba lagi.', en: 'The upload cannot be read; try again.' },
    };
  throw e;
}
