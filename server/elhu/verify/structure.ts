/**
 * Checking the PDF structure around the signature: one signature, its byte range covering the whole
 * signed revision, nothing appended after it unless the long-term check accepts it (a DSS or a
 * document timestamp added as incremental updates, B-LT/B-LTA), and the signature dictionary the
 * document structure points to being the one whose gap holds the CMS.
 */
import type { PDFDocument } from 'pdf-lib';
import { readByteRange, signatureDicts, type ByteRange, type SignatureDict } from './locate';
import { fail, type SignatureFailure } from './types';

/** What follows the signed revision: bytes appended after signing. */
export interface UpdatesAfterSignature {
  /** Where the signed revision ends (ByteRange c + d). */
  signedRevisionEnd: number;
  /** The bytes after it (incremental updates). */
  appended: Uint8Array;
  /** Offsets (in the whole file) of the "/ByteRange"s inside the appended bytes: document timestamps. */
  laterByteRangeOffsets: number[];
}

/**
 * Decides whether the updates after the signature are allowed long-term additions: null accepts,
 * a failure refuses. Without one (B-B) nothing may follow the signature.
 */
export type AppendedUpdatesPolicy = (
  updates: UpdatesAfterSignature,
  bytes: Uint8Array,
) => SignatureFailure | null;

const incomplete = (): SignatureFailure =>
  fail(
    'byte_range_incomplete',
    'Tanda tangan tidak mencakup seluruh dokumen (ada bagian yang ditambahkan atau dipotong).',
    'The signature does not cover the whole document (something was appended or cut off).',
  );

const multiple = (): SignatureFailure =>
  fail(
    'multiple_signatures',
    'PDF memuat lebih dari satu tanda tangan.',
    'The PDF carries more than one signature.',
  );

export interface CoveredSignature {
  byteRange: ByteRange;
  /** Null when nothing follows the signed revision. */
  updates: UpdatesAfterSignature | null;
}

/**
 * The signature's byte range (the first in the file) and what follows the revision it signs.
 * `offsets` are every "/ByteRange" of the raw file, in order (locate.ts byteRangeOffsets).
 */
export function checkCoverage(
  bytes: Uint8Array,
  offsets: number[],
  policy?: AppendedUpdatesPolicy,
): CoveredSignature | SignatureFailure {
  if (offsets.length === 0)
    return fail(
      'no_signature',
      'PDF tidak bertanda tangan elektronik.',
      'The PDF carries no electronic signature.',
    );
  if (offsets.length > 1 && !policy) return multiple();
  const br = readByteRange(bytes, offsets[0]!);
  if (!Array.isArray(br)) return br;
  const [, , c, d] = br;
  const end = c + d;
  if (end > bytes.length) return incomplete();
  // A second byte range inside the signed revision is a second signature, whatever follows.
  if (offsets.slice(1).some((o) => o < end)) return multiple();
  if (end === bytes.length) return { byteRange: br, updates: null };
  if (!policy) return incomplete();
  const updates: UpdatesAfterSignature = {
    signedRevisionEnd: end,
    appended: bytes.subarray(end),
    laterByteRangeOffsets: offsets.slice(1),
  };
  const refused = policy(updates, bytes);
  return refused ?? { byteRange: br, updates };
}

/**
 * The signature dictionary of the located signature, through the document structure: its
 * /ByteRange and /Contents must be the ones read from the raw file.
 */
export function matchSignatureDict(
  doc: PDFDocument,
  br: ByteRange,
  contentsHex: string,
  updatesAccepted: boolean,
): SignatureDict | SignatureFailure {
  const all = signatureDicts(doc);
  // Signature dictionaries of accepted later revisions (document timestamps) are the policy's to judge.
  const sigs = updatesAccepted ? all.filter((s) => s.byteRange.join(' ') === br.join(' ')) : all;
  if (sigs.length !== 1) {
    return sigs.length === 0
      ? fail('no_signature', 'PDF tidak memiliki bidang tanda tangan.', 'The PDF has no signature field.')
      : multiple();
  }
  const sig = sigs[0]!;
  if (
    sig.byteRange.join(' ') !== br.join(' ') ||
    sig.contentsHex.toLowerCase() !== contentsHex.toLowerCase()
  ) {
    return fail(
      'contents_invalid',
      'Tanda tangan tidak sesuai dengan struktur PDF.',
      'The signature does not match the PDF structure.',
    );
  }
  return sig;
}
