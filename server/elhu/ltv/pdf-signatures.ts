/**
 * Locating the signatures of a PDF by their byte ranges, read from the raw bytes: each /ByteRange
 * [a b c d] and its /Contents hex string (the gap between b and c). Incremental updates append,
 * so the signatures appear in the order they were made.
 */
import * as asn1js from 'asn1js';
import { ab } from './asn1';

export interface SignatureSlot {
  byteRange: [number, number, number, number];
  /** Offset of '<' and one past '>' of the /Contents hex string. */
  contentsStart: number;
  contentsEnd: number;
  /** The DER found in /Contents, without its zero padding. */
  der: Uint8Array;
  /** Bytes the /Contents can hold. */
  capacity: number;
}

const latin1 = (b: Uint8Array): string =>
  Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

export class SignatureLayoutError extends Error {}

export function signatureSlots(pdf: Uint8Array): SignatureSlot[] {
  const text = latin1(pdf);
  const out: SignatureSlot[] = [];
  const re = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
    const [a, b, c, d] = br;
    if (a !== 0 || c <= b + 1 || c + d > pdf.length || pdf[b] !== 0x3c || pdf[c - 1] !== 0x3e) {
      throw new SignatureLayoutError('a signature /ByteRange does not frame its /Contents');
    }
    const hex = text.slice(b + 1, c - 1);
    if (!/^[0-9a-fA-F]*$/.test(hex) || hex.length % 2)
      throw new SignatureLayoutError('a signature /Contents is not a hex string');
    const bytes = Buffer.from(hex, 'hex');
    const parsed = asn1js.fromBER(ab(bytes));
    const length = parsed.offset === -1 ? 0 : parsed.offset;
    out.push({
      byteRange: br,
      contentsStart: b,
      contentsEnd: c,
      der: new Uint8Array(bytes.subarray(0, length)),
      capacity: bytes.length,
    });
  }
  return out;
}

/** The bytes a byte range covers, in order. */
export function coveredBytes(pdf: Uint8Array, br: readonly number[]): Uint8Array[] {
  return [pdf.subarray(br[0]!, br[0]! + br[1]!), pdf.subarray(br[2]!, br[2]! + br[3]!)];
}

/** The file with `der` written into the slot's /Contents (zero padded); throws when it does not fit. */
export function withContents(
  pdf: Uint8Array,
  slot: Pick<SignatureSlot, 'contentsStart' | 'contentsEnd' | 'capacity'>,
  der: Uint8Array,
): Uint8Array {
  if (der.length > slot.capacity)
    throw new SignatureLayoutError(
      `the signature (${der.length} bytes) does not fit its /Contents (${slot.capacity} bytes)`,
    );
  const out = new Uint8Array(pdf);
  const hex = Buffer.from(der)
    .toString('hex')
    .padEnd(slot.capacity * 2, '0');
  out.set(Buffer.from(hex, 'latin1'), slot.contentsStart + 1);
  return out;
}
