/**
 * Incremental updates of a PDF (ISO 32000-1 7.5.6): changed and new objects appended after the
 * last %%EOF with their own cross-reference section and a trailer pointing at the previous one, so
 * every earlier byte (and every earlier signature) stays as it was. Objects are serialised by
 * pdf-lib; this writes only the file structure around them.
 */
import type { PDFRef } from 'pdf-lib';
import { PDFArray, PDFDocument, type PDFObject } from 'pdf-lib';

export interface LoadedPdf {
  bytes: Uint8Array;
  doc: PDFDocument;
}

export async function loadForUpdate(bytes: Uint8Array): Promise<LoadedPdf> {
  const doc = await PDFDocument.load(bytes, {
    updateMetadata: false,
    parseSpeed: Infinity,
    throwOnInvalidObject: true,
  });
  return { bytes, doc };
}

function previousStartXref(bytes: Uint8Array): number {
  const tail = Buffer.from(bytes.subarray(Math.max(0, bytes.length - 1024))).toString('latin1');
  const all = [...tail.matchAll(/startxref\s+(\d+)/g)];
  const last = all[all.length - 1];
  if (!last) throw new Error('the PDF has no startxref');
  return Number(last[1]);
}

function serialize(obj: PDFObject): Uint8Array {
  const buf = new Uint8Array(obj.sizeInBytes());
  obj.copyBytesInto(buf, 0);
  return buf;
}

export interface UpdateObject {
  ref: PDFRef;
  /** A pdf-lib object, or raw PDF object syntax (for a signature dictionary patched afterwards). */
  object: PDFObject | string;
}

/** The file with `objects` appended as one incremental update. */
export function appendUpdate(pdf: LoadedPdf, objects: UpdateObject[]): Uint8Array {
  const { bytes, doc } = pdf;
  const chunks: Uint8Array[] = [bytes];
  let offset = bytes.length;
  const push = (b: Uint8Array | string) => {
    const c = typeof b === 'string' ? Buffer.from(b, 'latin1') : b;
    chunks.push(c);
    offset += c.length;
  };
  if (bytes[bytes.length - 1] !== 0x0a) push('\n');
  const offsets = new Map<number, { gen: number; at: number }>();
  for (const { ref, object } of objects) {
    offsets.set(ref.objectNumber, { gen: ref.generationNumber, at: offset });
    push(`${ref.objectNumber} ${ref.generationNumber} obj\n`);
    push(typeof object === 'string' ? object : serialize(object));
    push('\nendobj\n');
  }
  const xrefAt = offset;
  const nums = [...offsets.keys()].sort((a, b) => a - b);
  let xref = 'xref\n';
  for (let i = 0; i < nums.length;) {
    let j = i;
    while (j + 1 < nums.length && nums[j + 1] === nums[j]! + 1) j++;
    xref += `${nums[i]} ${j - i + 1}\n`;
    for (let k = i; k <= j; k++) {
      const e = offsets.get(nums[k]!)!;
      xref += `${String(e.at).padStart(10, '0')} ${String(e.gen).padStart(5, '0')} n\r\n`;
    }
    i = j + 1;
  }
  const t = doc.context.trailerInfo;
  if (!t.Root) throw new Error('the PDF trailer names no catalog');
  const size = Math.max(doc.context.largestObjectNumber, ...nums) + 1;
  const id = t.ID instanceof PDFArray ? ` /ID ${t.ID.toString()}` : '';
  const info = t.Info ? ` /Info ${t.Info.toString()}` : '';
  push(
    `${xref}trailer\n<< /Size ${size} /Root ${t.Root.toString()}${info}${id} /Prev ${previousStartXref(bytes)} >>\nstartxref\n${xrefAt}\n%%EOF\n`,
  );
  return Buffer.concat(chunks);
}
