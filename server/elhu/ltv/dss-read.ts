/** Reads the Document Security Store (ISO 32000-2 12.8.4.3, PAdES B-LT) of a PDF: its certificates and CRLs. */
import { X509Certificate } from 'node:crypto';
import { PDFArray, PDFDict, PDFDocument, PDFName, PDFRawStream, PDFRef, decodePDFRawStream } from 'pdf-lib';

export interface DssContents {
  certificates: X509Certificate[];
  crls: Uint8Array[];
  /** Offset of the DSS dictionary object in the file (-1: none): later updates must come after it. */
  offset: number;
}

function streams(doc: PDFDocument, arr: PDFArray | undefined): Uint8Array[] {
  const out: Uint8Array[] = [];
  for (let i = 0; i < (arr?.size() ?? 0); i++) {
    const s = doc.context.lookup(arr!.get(i));
    if (s instanceof PDFRawStream) out.push(decodePDFRawStream(s).decode());
  }
  return out;
}

export function readDssOf(doc: PDFDocument, bytes: Uint8Array): DssContents {
  const ref = doc.catalog.get(PDFName.of('DSS'));
  const dss = doc.catalog.lookupMaybe(PDFName.of('DSS'), PDFDict);
  if (!dss) return { certificates: [], crls: [], offset: -1 };
  const certificates = streams(doc, dss.lookupMaybe(PDFName.of('Certs'), PDFArray)).map(
    (b) => new X509Certificate(Buffer.from(b)),
  );
  const crls = streams(doc, dss.lookupMaybe(PDFName.of('CRLs'), PDFArray));
  let offset = -1;
  if (ref instanceof PDFRef) {
    const text = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength).toString('latin1');
    const re = new RegExp(`(?:^|[\\r\\n])${ref.objectNumber}\\s+${ref.generationNumber}\\s+obj`, 'g');
    for (let m = re.exec(text); m; m = re.exec(text)) offset = m.index;
  }
  return { certificates, crls, offset };
}

export async function readDss(bytes: Uint8Array): Promise<DssContents> {
  const doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity });
  return readDssOf(doc, bytes);
}
