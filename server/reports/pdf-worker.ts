/**
 * The PDF work of the server, run in worker threads (./pdf-pool.ts): E-LHU rendering (step 18), the
 * check of a signed E-LHU (step 19) and the public check of an uploaded PDF. These parse untrusted
 * files of up to 10 MB or lay out whole reports: on the event loop they would stall every request.
 * Each export is one task; arguments and results cross the thread boundary by structured clone,
 * so results are plain data (no class instances, no X509Certificate).
 */
import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts, degrees, rgb } from 'pdf-lib';
import {
  EmbedError,
  embedDetachedCms,
  prepareForExternalSigning,
  type PreparedForExternal,
} from '../elhu/embed';
import { loadElhuFonts, verifySignedPdf } from '../elhu/verify-signature';
import { longTermViewOf } from '../elhu/ltv/file-check';
import type { ElhuFonts } from '../../shared/elhu/types';
import { localElhuReportServices } from './elhu';
import type { ExternalTask, PdfTasks, RenderOutcome, SignatureCheck } from './pdf-tasks';
import { RenderRefused, type RenderRequest, type VerifyRequest, type VerifyResult } from './services';

const strict = localElhuReportServices({ requireRegisteredCertificate: true });
const lax = localElhuReportServices({ requireRegisteredCertificate: false });

export async function render(req: RenderRequest): Promise<RenderOutcome> {
  try {
    return { ok: true, pdf: await strict.render(req) };
  } catch (e) {
    if (e instanceof RenderRefused) return { ok: false, message: e.msg };
    throw e;
  }
}

export async function verifySigned(task: {
  req: VerifyRequest;
  requireRegisteredCertificate: boolean;
}): Promise<VerifyResult> {
  return (task.requireRegisteredCertificate ? strict : lax).verifySigned(task.req);
}

/** The file's SHA-256 (hex) and its signature check. */
export async function checkSignature(bytes: Uint8Array): Promise<{ sha256: string; sig: SignatureCheck }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  // The revision the Kepala Balai signed, when what follows only adds long-term validation data.
  const { revision, longTerm } = await longTermViewOf(bytes);
  const v = await verifySignedPdf(revision);
  const sig: SignatureCheck = v.ok
    ? {
        ok: true,
        signerName: v.signerName,
        signerCommonName: v.signerCommonName,
        signingTime: v.signingTime,
        reportNumber: v.reportNumber,
        longTerm,
      }
    : { ok: false, code: v.code, message: v.message };
  return { sha256, sig };
}

/** Tests of the pool: holds a worker for `ms`. */
export async function sleep(ms: number): Promise<number> {
  await new Promise((r) => setTimeout(r, ms));
  return ms;
}

/** The mark of a draft E-LHU (preview before the signature is requested): on every page. */
export const DRAFT_MARK = 'DRAFT / BELUM DITERBITKAN';

/** Step 18 preview: the E-LHU as it would be rendered now, marked DRAFT / BELUM DITERBITKAN on every page. */
export async function preview(req: RenderRequest): Promise<RenderOutcome> {
  const r = await render(req);
  if (!r.ok) return r;
  const doc = await PDFDocument.load(r.pdf, { updateMetadata: false });
  const font = await doc.embedFont(StandardFonts.HelveticaBold);
  const red = rgb(0.75, 0.1, 0.1);
  for (const page of doc.getPages()) {
    const { width, height } = page.getSize();
    const size = Math.min(width, height) / 11;
    const w = font.widthOfTextAtSize(DRAFT_MARK, size);
    // Diagonal across the page, centred.
    const a = Math.atan2(height, width);
    page.drawText(DRAFT_MARK, {
      x: width / 2 - (w / 2) * Math.cos(a) + (size / 3) * Math.sin(a),
      y: height / 2 - (w / 2) * Math.sin(a) - (size / 3) * Math.cos(a),
      size,
      font,
      color: red,
      opacity: 0.22,
      rotate: degrees((a * 180) / Math.PI),
    });
    page.drawText(`${DRAFT_MARK} - pratinjau, bukan dokumen resmi / preview, not an official document`, {
      x: 24,
      y: height - 16,
      size: 8,
      font,
      color: red,
    });
  }
  doc.setTitle(`${DRAFT_MARK}`);
  return { ok: true, pdf: await doc.save({ useObjectStreams: false }) };
}

let fonts: ElhuFonts | null = null;

/** Step 19 by another tool: the prepared E-LHU, its byte ranges and their SHA-256. */
export async function prepareSigning(task: ExternalTask): Promise<PreparedForExternal> {
  return prepareForExternalSigning({ ...task, fonts: (fonts ??= loadElhuFonts()) });
}

/** Step 19 by another tool: the prepared E-LHU with the tool's detached CMS in its placeholder. */
export async function embedCms(task: ExternalTask & { cms: Uint8Array }): Promise<RenderOutcome> {
  const { cms, ...p } = task;
  try {
    return { ok: true, pdf: await embedDetachedCms({ ...p, fonts: (fonts ??= loadElhuFonts()) }, cms) };
  } catch (e) {
    if (e instanceof EmbedError) return { ok: false, message: e.msg };
    throw e;
  }
}

/** The pool calls the tasks by name (./pdf-tasks.ts): a task drifting from that contract fails the typecheck. */
export const tasks: PdfTasks = {
  render,
  preview,
  prepareSigning,
  embedCms,
  verifySigned,
  checkSignature,
  sleep,
};
