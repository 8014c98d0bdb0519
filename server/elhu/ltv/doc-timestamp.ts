/**
 * PAdES B-LTA: a document timestamp (ISO 32000-2 12.8.5; /Type /DocTimeStamp, /SubFilter
 * /ETSI.RFC3161) as an incremental update: an invisible signature field whose /Contents is an
 * RFC 3161 token over the whole file up to it (the DSS included). Added again when re-timestamping.
 */
import type { PDFArray, PDFDict } from 'pdf-lib';
import { PDFName, PDFRef, PDFString, type PDFObject } from 'pdf-lib';
import { sha256 } from './asn1';
import { appendUpdate, loadForUpdate, type UpdateObject } from './pdf-increment';
import { signatureSlots, withContents } from './pdf-signatures';
import { tokenGenTime, type TimestampSource } from './timestamp-token';

/** Room for the token (bytes): a token with the TSA's chain is about 3 KB. */
export const DOC_TIMESTAMP_SPACE = 12_000;
const BR_PLACEHOLDER = '/ByteRange [0 ********** ********** **********]';

export interface AddedDocTimestamp {
  pdf: Uint8Array;
  genTime: Date;
  token: Uint8Array;
}

export async function addDocumentTimestamp(
  pdf: Uint8Array,
  tsa: TimestampSource,
): Promise<AddedDocTimestamp> {
  const loaded = await loadForUpdate(pdf);
  const { doc } = loaded;
  const ctx = doc.context;
  const objects: UpdateObject[] = [];
  const catalogRef = ctx.trailerInfo.Root as PDFRef;
  const catalog = doc.catalog;

  const existing = signatureSlots(pdf).length;
  const sigRef = ctx.nextRef();
  const page = doc.getPage(0);
  const widget = ctx.obj({
    Type: 'Annot',
    Subtype: 'Widget',
    FT: 'Sig',
    T: PDFString.of(`DocTimeStamp${existing}`),
    F: 132,
    Rect: [0, 0, 0, 0],
    P: page.ref,
    V: sigRef,
  });
  const widgetRef = ctx.nextRef();
  objects.push({
    ref: sigRef,
    object: `<<\n/Type /DocTimeStamp\n/Filter /Adobe.PPKLite\n/SubFilter /ETSI.RFC3161\n${BR_PLACEHOLDER}\n/Contents <${'0'.repeat(DOC_TIMESTAMP_SPACE * 2)}>\n>>`,
  });
  objects.push({ ref: widgetRef, object: widget });

  // The field joins the AcroForm (an indirect AcroForm is rewritten; a direct one goes with the catalog).
  const acroRaw = catalog.get(PDFName.of('AcroForm'));
  const acro = (acroRaw instanceof PDFRef ? ctx.lookup(acroRaw) : acroRaw) as PDFDict | undefined;
  const form = acro ?? (ctx.obj({}) as PDFDict);
  const fieldsRaw = form.get(PDFName.of('Fields'));
  const fields = (fieldsRaw instanceof PDFRef ? ctx.lookup(fieldsRaw) : fieldsRaw) as PDFArray | undefined;
  const newFields = fields ?? (ctx.obj([]) as PDFArray);
  newFields.push(widgetRef);
  if (fieldsRaw instanceof PDFRef) objects.push({ ref: fieldsRaw, object: newFields });
  else form.set(PDFName.of('Fields'), newFields);
  form.set(PDFName.of('SigFlags'), ctx.obj(3));
  if (acroRaw instanceof PDFRef) objects.push({ ref: acroRaw, object: form });
  else catalog.set(PDFName.of('AcroForm'), form);
  objects.push({ ref: catalogRef, object: catalog });

  // And the first page's annotations.
  const annotsRaw = page.node.get(PDFName.of('Annots'));
  const annots = (annotsRaw instanceof PDFRef ? ctx.lookup(annotsRaw) : annotsRaw) as PDFArray | undefined;
  const newAnnots = annots ?? (ctx.obj([]) as PDFArray);
  newAnnots.push(widgetRef);
  if (annotsRaw instanceof PDFRef) objects.push({ ref: annotsRaw, object: newAnnots });
  else {
    page.node.set(PDFName.of('Annots'), newAnnots);
    objects.push({ ref: page.ref, object: page.node as PDFObject });
  }

  const unsigned = appendUpdate(loaded, dedupe(objects));
  // The byte range around the new /Contents, written into its fixed-width placeholder.
  const text = Buffer.from(unsigned.buffer, unsigned.byteOffset, unsigned.byteLength).toString('latin1');
  const brAt = text.lastIndexOf(BR_PLACEHOLDER);
  const contentsAt = text.indexOf('/Contents <', brAt) + '/Contents '.length;
  const contentsEnd = contentsAt + 2 + DOC_TIMESTAMP_SPACE * 2;
  const br = [0, contentsAt, contentsEnd, unsigned.length - contentsEnd];
  const brText = `/ByteRange [${br.join(' ')}]`.padEnd(BR_PLACEHOLDER.length, ' ');
  const framed = new Uint8Array(unsigned);
  framed.set(Buffer.from(brText, 'latin1'), brAt);
  const digest = sha256(framed.subarray(0, contentsAt), framed.subarray(contentsEnd));
  const token = await tsa.timestamp(digest, { withCertificates: true });
  const out = withContents(
    framed,
    { contentsStart: contentsAt, contentsEnd, capacity: DOC_TIMESTAMP_SPACE },
    token,
  );
  return { pdf: out, genTime: tokenGenTime(token), token };
}

/** The last write of an object wins (the catalog may be queued twice). */
function dedupe(objects: UpdateObject[]): UpdateObject[] {
  const seen = new Map<number, UpdateObject>();
  for (const o of objects) seen.set(o.ref.objectNumber, o);
  return [...seen.values()];
}
