/**
 * Locating the signature: its /ByteRange and /Contents as they stand in the raw file (what a
 * validator hashes), and the signature dictionaries reachable through the document structure.
 * Nothing here judges the CMS.
 */
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFNumber,
  PDFRef,
  PDFString,
  type PDFDocument,
} from 'pdf-lib';
import { fail, type SignatureFailure } from './types';

export type ByteRange = [number, number, number, number];

export interface LocatedSignature {
  /** Offsets of every "/ByteRange" in the raw file, in file order; the first is the signature's. */
  byteRangeOffsets: number[];
  byteRange: ByteRange;
  /** The /Contents hex string between the two ranges, without its angle brackets. */
  contentsHex: string;
  /** The decoded /Contents: the DER CMS followed by zero padding. */
  contents: Uint8Array;
}

const latin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

export function isPdf(bytes: Uint8Array): boolean {
  return bytes.length >= 8 && latin1(bytes.subarray(0, 5)) === '%PDF-';
}

export function byteRangeOffsets(bytes: Uint8Array): number[] {
  const text = latin1(bytes);
  const out: number[] = [];
  for (let p = text.indexOf('/ByteRange'); p !== -1; p = text.indexOf('/ByteRange', p + 10)) out.push(p);
  return out;
}

/**
 * Reads the byte range at `offset` and the /Contents gap it leaves. Whether the range covers the
 * whole file is the structure check's question (./structure.ts), asked before the gap is read.
 */
export function readByteRange(bytes: Uint8Array, offset: number): ByteRange | SignatureFailure {
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(
    latin1(bytes.subarray(offset, offset + 120)),
  );
  if (!m)
    return fail(
      'byte_range_invalid',
      'ByteRange tanda tangan tidak sah.',
      'The signature ByteRange is malformed.',
    );
  const br: ByteRange = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
  const [a, b, c] = br;
  if (a !== 0 || b <= 0 || c <= b + 1 || b <= offset) {
    return fail(
      'byte_range_invalid',
      'ByteRange tanda tangan tidak sah.',
      'The signature ByteRange is malformed.',
    );
  }
  return br;
}

/** The /Contents hex string in the gap of `br`, decoded. */
export function readContents(
  bytes: Uint8Array,
  br: ByteRange,
): { contentsHex: string; contents: Uint8Array } | SignatureFailure {
  const [, b, c] = br;
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) {
    return fail(
      'contents_invalid',
      'Celah ByteRange bukan isi tanda tangan.',
      'The ByteRange gap is not the signature contents.',
    );
  }
  for (let i = b + 1; i < c - 1; i++) {
    if (!isHexDigit(bytes[i]!))
      return fail('contents_invalid', 'Isi tanda tangan rusak.', 'The signature contents are damaged.');
  }
  const contentsHex = latin1(bytes.subarray(b + 1, c - 1));
  return { contentsHex, contents: new Uint8Array(Buffer.from(contentsHex, 'hex')) };
}

/** The bytes the signature covers, in order. */
export function signedParts(bytes: Uint8Array, [a, b, c, d]: ByteRange): [Uint8Array, Uint8Array] {
  return [bytes.subarray(a, a + b), bytes.subarray(c, c + d)];
}

export interface SignatureDict {
  dict: PDFDict;
  byteRange: number[];
  contentsHex: string;
}

/** The signature dictionaries reachable from the AcroForm's signature fields. */
export function signatureDicts(doc: PDFDocument): SignatureDict[] {
  const out: SignatureDict[] = [];
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return out;
  const visit = (ref: unknown, depth: number): void => {
    if (depth > 8) return;
    const field = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(field instanceof PDFDict)) return;
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.get(i), depth + 1);
    const ft = field.lookupMaybe(PDFName.of('FT'), PDFName);
    if (ft?.asString() !== '/Sig') return;
    const v = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!v) return;
    const br = v.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = v.lookup(PDFName.of('Contents'));
    out.push({
      dict: v,
      byteRange: br ? br.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [],
      contentsHex: contents instanceof PDFHexString ? contents.asString() : '',
    });
  };
  for (let i = 0; i < fields.size(); i++) visit(fields.get(i), 0);
  return out;
}

export function textOf(v: unknown): string | null {
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return null;
}

/** The signature dictionary's entries a report shows. */
export interface SignatureDictEntries {
  subFilter: string;
  /** /M, the claimed signing time; null when absent or unreadable. */
  signingTime: Date | null;
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  name: string | null;
}

export function signatureDictEntries(dict: PDFDict): SignatureDictEntries {
  const mObj = dict.lookup(PDFName.of('M'));
  let signingTime: Date | null = null;
  try {
    signingTime = mObj instanceof PDFString ? mObj.decodeDate() : null;
  } catch {
    signingTime = null; // a malformed date is no signing time
  }
  return {
    subFilter: dict.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? '',
    signingTime: signingTime && !Number.isNaN(signingTime.getTime()) ? signingTime : null,
    reason: textOf(dict.lookup(PDFName.of('Reason'))),
    location: textOf(dict.lookup(PDFName.of('Location'))),
    contactInfo: textOf(dict.lookup(PDFName.of('ContactInfo'))),
    name: textOf(dict.lookup(PDFName.of('Name'))),
  };
}
