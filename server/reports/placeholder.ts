import { createHash } from 'node:crypto';
import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RenderRequest, ReportServices, VerifyRequest, VerifyResult } from './services';

/**
 * A light stand-in of the E-LHU services for tests of the workflow that do not exercise the
 * signature: renders a one-page PDF naming the report and accepts as "signed" any PDF that differs
 * from the unsigned one. Never used by `npm run server` (see ./elhu.ts).
 */
export const placeholderReportServices: ReportServices = {
  async render(req: RenderRequest): Promise<Uint8Array> {
    const sample = req.order.samples.find((s) => s.id === req.sampleId);
    const report = sample?.reports.find((r) => r.id === req.reportId);
    const doc = await PDFDocument.create();
    const date = new Date(`${req.issuedOn}T00:00:00Z`);
    doc.setCreationDate(date);
    doc.setModificationDate(date);
    doc.setProducer('SIPPT Lab');
    doc.setCreator('SIPPT Lab');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    const lines = [
      `LAPORAN HASIL UJI / TEST REPORT (placeholder)`,
      ascii(req.unit.name),
      `No. LHU: ${ascii(report?.number ?? '-')}`,
      `No. sampel: ${ascii(sample?.number ?? '-')}  Order: ${ascii(req.order.number ?? '-')}`,
      `Pelanggan: ${ascii(req.customer.companyName)}`,
      `Tanggal terbit: ${req.issuedOn}`,
      ...(sample?.analyses.filter((a) => a.status !== 'retest') ?? []).map(
        (a) =>
          `- ${ascii(a.parameterName)}: ${ascii(a.result?.value ?? '-')} ${ascii(a.unit)} (${ascii(a.method)})`,
      ),
      `Kepala Balai: ${ascii(req.kepalaBalai.name)} NIP ${req.kepalaBalai.nip}`,
      `Verifikasi: ${ascii(req.verificationUrl)}`,
    ];
    lines.forEach((line, i) => page.drawText(line.slice(0, 110), { x: 40, y: 800 - i * 16, size: 10, font }));
    return doc.save({ useObjectStreams: false });
  },
  async verifySigned(req: VerifyRequest): Promise<VerifyResult> {
    return placeholderVerify(req);
  },
};

export function placeholderVerify(req: Pick<VerifyRequest, 'pdf' | 'documentPdf'>): VerifyResult {
  const head = Buffer.from(req.pdf.subarray(0, 5)).toString('latin1');
  if (head !== '%PDF-')
    return { ok: false, message: { id: 'Berkas bukan PDF.', en: 'The file is not a PDF.' } };
  if (req.documentPdf && Buffer.compare(Buffer.from(req.pdf), Buffer.from(req.documentPdf)) === 0) {
    return { ok: false, message: { id: 'PDF belum ditandatangani.', en: 'The PDF is not signed.' } };
  }
  return { ok: true, signedHash: createHash('sha256').update(req.pdf).digest('hex') };
}

/** Standard PDF fonts cover WinAnsi only: keep the placeholder's text printable. */
function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
