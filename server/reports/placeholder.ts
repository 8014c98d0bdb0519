import { PDFDocument, StandardFonts } from 'pdf-lib';
import type { RenderRequest, ReportServices, VerifyRequest, VerifyResult } from './services';

/**
 * Stand-in E-LHU services until the E-LHU module (shared/elhu renderer, server/elhu verification)
 * is plugged in: renders a one-page PDF naming the report, and accepts any PDF as "signed" once it
 * is a PDF and differs from the unsigned document.
 * TODO(E-LHU): replace with the real renderer and PAdES verification.
 */
export const placeholderReportServices: ReportServices = {
  async render(req: RenderRequest): Promise<Uint8Array> {
    const sample = req.order.samples.find((s) => s.id === req.sampleId);
    const report = sample?.reports.find((r) => r.id === req.reportId);
    const doc = await PDFDocument.create();
    doc.setCreationDate(new Date(`${req.issuedOn}T00:00:00Z`));
    doc.setModificationDate(new Date(`${req.issuedOn}T00:00:00Z`));
    doc.setProducer('SIPPT Lab');
    doc.setCreator('SIPPT Lab');
    const font = await doc.embedFont(StandardFonts.Helvetica);
    const page = doc.addPage([595, 842]);
    const lines = [
      `LAPORAN HASIL UJI / TEST REPORT (placeholder)`,
      `${ascii(req.unit.name)}`,
      `No. LHU: ${ascii(report?.number ?? '-')}`,
      `No. sampel: ${ascii(sample?.number ?? '-')}  Order: ${ascii(req.order.number ?? '-')}`,
      `Pelanggan: ${ascii(req.customer.companyName)}`,
      `Tanggal terbit: ${req.issuedOn}`,
      ...(sample?.analyses.filter((a) => a.status !== 'retest') ?? []).map((a) => `- ${ascii(a.parameterName)}: ${ascii(a.result?.value ?? '-')} ${ascii(a.unit)} (${ascii(a.method)})`),
      `Kepala Balai: ${ascii(req.kepalaBalai.name)} NIP ${req.kepalaBalai.nip}`,
      `Verifikasi: ${ascii(req.verificationUrl)}`,
    ];
    lines.forEach((line, i) => page.drawText(line.slice(0, 110), { x: 40, y: 800 - i * 16, size: 10, font }));
    return doc.save({ useObjectStreams: false });
  },
  async verifySigned(req: VerifyRequest): Promise<VerifyResult> {
    const head = Buffer.from(req.pdf.subarray(0, 5)).toString('latin1');
    if (head !== '%PDF-') return { ok: false, message: { id: 'Berkas bukan PDF.', en: 'The file is not a PDF.' } };
    if (req.documentPdf && Buffer.compare(Buffer.from(req.pdf), Buffer.from(req.documentPdf)) === 0) {
      return { ok: false, message: { id: 'PDF belum ditandatangani.', en: 'The PDF is not signed.' } };
    }
    return { ok: true };
  },
};

/** Standard PDF fonts cover WinAnsi only: keep the placeholder's text printable. */
function ascii(s: string): string {
  return s.replace(/[^\x20-\x7e]/g, '?');
}
