import { localDate } from '../../shared/calendar/working-days';
import { ElhuDataError, elhuDataFromOrder, reportedAnalyses } from '../../shared/elhu/from-order';
import { renderElhu } from '../../shared/elhu/render';
import { TIME_ZONE_OFFSET_HOURS, type ElhuFonts } from '../../shared/elhu/types';
import { loadElhuFonts, verifyUploadedElhu } from '../elhu/verify-signature';
import { sharedPdfPool, type PdfPool } from './pdf-pool';
import { placeholderVerify } from './placeholder';
import {
  RenderRefused,
  type RenderRequest,
  type ReportServices,
  type VerifyRequest,
  type VerifyResult,
} from './services';

export interface ElhuServiceOptions {
  fonts?: ElhuFonts;
  /**
   * Production: a signed E-LHU is accepted only against the certificate Admin Satker registered for
   * the Kepala Balai. When false (tests of the workflow only), a Kepala Balai without a registered
   * certificate gets the light check of ./placeholder.ts instead of a refusal.
   */
  requireRegisteredCertificate: boolean;
}

/**
 * The E-LHU services of the server: shared/elhu renders, server/elhu verifies (PAdES B-B), both in
 * the worker pool (./pdf-pool.ts) so that neither blocks the event loop. Given `fonts`, or
 * `inProcess`, they run on the calling thread (./pdf-worker.ts uses that).
 */
export function elhuReportServices(
  opts: ElhuServiceOptions & { pool?: PdfPool; inProcess?: boolean },
): ReportServices {
  if (opts.fonts || opts.inProcess) return localElhuReportServices(opts);
  const pool = () => opts.pool ?? sharedPdfPool();
  return {
    async render(req: RenderRequest): Promise<Uint8Array> {
      const r = await pool().run('render', req);
      if (!r.ok) throw new RenderRefused(r.message);
      return r.pdf;
    },
    async verifySigned(req: VerifyRequest): Promise<VerifyResult> {
      return pool().run('verifySigned', {
        req,
        requireRegisteredCertificate: opts.requireRegisteredCertificate,
      });
    },
  };
}

/** The same services on the calling thread. */
export function localElhuReportServices(opts: ElhuServiceOptions): ReportServices {
  let fonts = opts.fonts ?? null;
  const getFonts = () => (fonts ??= loadElhuFonts());
  return {
    async render(req: RenderRequest): Promise<Uint8Array> {
      const sample = req.order.samples.find((s) => s.id === req.sampleId);
      // Test period: from the analysts' test dates; when they gave none, from receipt to issue.
      const dated = sample ? reportedAnalyses(sample).some((a) => a.result?.testedOn) : false;
      const received = sample?.receivedAt
        ? localDate(new Date(sample.receivedAt), TIME_ZONE_OFFSET_HOURS[req.unit.timeZone] * 60)
        : req.issuedOn;
      try {
        const data = elhuDataFromOrder({
          order: req.order,
          sampleId: req.sampleId,
          reportId: req.reportId,
          customer: req.customer,
          unit: req.unit,
          lab: { name: req.lab.name, address: req.lab.address },
          kepalaBalai: {
            name: req.kepalaBalai.name,
            nip: req.kepalaBalai.nip,
            certificateIssuer: req.kepalaBalai.certificateIssuer ?? null,
          },
          verificationUrl: req.verificationUrl,
          replacedReportNumber: req.replacedReportNumber,
          issuedOn: req.issuedOn,
          ...(dated ? {} : { testedFrom: received, testedTo: req.issuedOn }),
        });
        return await renderElhu(data, getFonts());
      } catch (e) {
        if (e instanceof ElhuDataError)
          throw new RenderRefused({
            id: `E-LHU tidak dapat dibuat: ${e.messageId}`,
            en: `The report cannot be made: ${e.messageEn}`,
          });
        throw e;
      }
    },
    async verifySigned(req: VerifyRequest): Promise<VerifyResult> {
      if (!req.certificatePem) {
        if (!opts.requireRegisteredCertificate) return placeholderVerify(req);
        return {
          ok: false,
          message: {
            id: 'Sertifikat TTE Kepala Balai ini belum didaftarkan oleh Admin Satker.',
            en: "This Kepala Balai's signing certificate has not been registered by the Admin Satker.",
          },
        };
      }
      if (!req.documentPdf || !req.documentHash) {
        return {
          ok: false,
          message: {
            id: 'E-LHU yang diterbitkan untuk laporan ini tidak ditemukan.',
            en: 'The issued report for this signature was not found.',
          },
        };
      }
      const r = await verifyUploadedElhu({
        signed: req.pdf,
        issuedUnsigned: req.documentPdf,
        issuedHash: req.documentHash,
        registeredCertificate: req.certificatePem,
        ...(req.signer.nip ? { expectedSigner: { name: req.signer.name, nip: req.signer.nip } } : {}),
        fonts: getFonts(),
      });
      if (r.ok) return { ok: true, signedHash: r.signedHash };
      return { ok: false, message: r.message };
    },
  };
}
