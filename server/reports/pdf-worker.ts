/**
 * The PDF work of the server, run in worker threads (./pdf-pool.ts): E-LHU rendering (step 18), the
 * check of a signed E-LHU (step 19) and the public check of an uploaded PDF. These parse untrusted
 * files of up to 10 MB or lay out whole reports: on the event loop they would stall every request.
 * Each export is one task; arguments and results cross the thread boundary by structured clone,
 * so results are plain data (no class instances, no X509Certificate).
 */
import { createHash } from 'node:crypto';
import { verifySignedPdf, type SignatureFailureCode } from '../elhu/verify-signature';
import { localElhuReportServices } from './elhu';
import { RenderRefused, type RenderRequest, type VerifyRequest, type VerifyResult } from './services';

/** What the public verification needs of a signature check. */
export type SignatureCheck =
  | { ok: true; signerName: string | null; signerCommonName: string; signingTime: Date; reportNumber: string | null }
  | { ok: false; code: SignatureFailureCode; message: { id: string; en: string } };

export type RenderOutcome = { ok: true; pdf: Uint8Array } | { ok: false; message: { id: string; en: string } };

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

export async function verifySigned(task: { req: VerifyRequest; requireRegisteredCertificate: boolean }): Promise<VerifyResult> {
  return (task.requireRegisteredCertificate ? strict : lax).verifySigned(task.req);
}

/** The file's SHA-256 (hex) and its signature check. */
export async function checkSignature(bytes: Uint8Array): Promise<{ sha256: string; sig: SignatureCheck }> {
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const v = await verifySignedPdf(bytes);
  const sig: SignatureCheck = v.ok
    ? { ok: true, signerName: v.signerName, signerCommonName: v.signerCommonName, signingTime: v.signingTime, reportNumber: v.reportNumber }
    : { ok: false, code: v.code, message: v.message };
  return { sha256, sig };
}

/** Tests of the pool: holds a worker for `ms`. */
export async function sleep(ms: number): Promise<number> {
  await new Promise((r) => setTimeout(r, ms));
  return ms;
}
