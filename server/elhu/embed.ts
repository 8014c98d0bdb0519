/**
 * Signing without the SIPPT desktop (step 19 by another tool): the server prepares the E-LHU exactly
 * as the desktop does (shared/elhu/stamp.ts: signature block, PAdES placeholder), hands out the
 * byte ranges and their SHA-256, and puts the detached CMS it gets back into the placeholder, the
 * way @signpdf fills it on the desktop. The result is then checked like any uploaded signed E-LHU
 * (./verify-signature.ts verifyUploadedElhu): nothing here decides whether the signature is good.
 */
import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { prepareElhuForSigning } from '../../shared/elhu/stamp';
import type { ElhuFonts } from '../../shared/elhu/types';

/** The reason the desktop writes (main/services/signing/sign-elhu.ts DEFAULT_SIGNING_REASON). */
export const SIGNING_REASON = 'Pengesahan Laporan Hasil Uji elektronik';
/** Room for the CMS of another tool: a signer certificate with its chain (bytes of DER). */
export const EXTERNAL_SIGNATURE_LENGTH = 16_384;

export interface PrepareForExternal {
  unsigned: Uint8Array;
  documentHash: string;
  name: string;
  nip: string;
  location: string;
  signingTime: Date;
  fonts: ElhuFonts;
}

export interface PreparedForExternal {
  /** The prepared PDF: /Contents still all zeros. */
  pdf: Uint8Array;
  byteRange: [number, number, number, number];
  digestSha256: string;
}

export class EmbedError extends Error {
  constructor(readonly msg: { id: string; en: string }) {
    super(`${msg.id} / ${msg.en}`);
  }
}

/** The bytes the desktop would sign, with the placeholder's /ByteRange filled in (as @signpdf does before signing). */
export async function prepareForExternalSigning(p: PrepareForExternal): Promise<PreparedForExternal> {
  const prepared = await prepare(p);
  // Let @signpdf lay the byte ranges out, with an all-zero CMS: the ranges do not depend on the CMS.
  let seen: Buffer | null = null;
  const laid = await signPrepared(prepared, (toSign) => {
    seen = Buffer.from(toSign);
    return Buffer.alloc(1);
  });
  const byteRange = readByteRange(laid);
  // The document handed out is the one with the /ByteRange written and /Contents all zeros.
  const pdf = Buffer.from(laid);
  pdf.fill(0x30, byteRange[1] + 1, byteRange[2] - 1);
  const digest = createHash('sha256').update(seen!).digest('hex');
  return { pdf: new Uint8Array(pdf), byteRange, digestSha256: digest };
}

/** The prepared document (same inputs) with the given DER CMS in /Contents: the signed E-LHU. */
export async function embedDetachedCms(p: PrepareForExternal, cms: Uint8Array): Promise<Uint8Array> {
  if (cms.length > EXTERNAL_SIGNATURE_LENGTH) {
    throw new EmbedError({
      id: `CMS terlalu besar (${cms.length} byte; ruang tanda tangan ${EXTERNAL_SIGNATURE_LENGTH} byte).`,
      en: `The CMS is too large (${cms.length} bytes; the signature space holds ${EXTERNAL_SIGNATURE_LENGTH}).`,
    });
  }
  if (cms[0] !== 0x30)
    throw new EmbedError({ id: 'CMS bukan DER (SEQUENCE).', en: 'The CMS is not DER (a SEQUENCE).' });
  const prepared = await prepare(p);
  const signed = await signPrepared(prepared, () => Buffer.from(cms));
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}

/** The E-LHU as the desktop prepares it for signing (signature block, PAdES placeholder): same inputs, same bytes. */
function prepare(p: PrepareForExternal): Promise<Uint8Array> {
  return prepareElhuForSigning(
    p.unsigned,
    {
      name: p.name,
      nip: p.nip,
      signingTime: p.signingTime,
      reason: SIGNING_REASON,
      location: p.location,
      contactInfo: '',
    },
    p.fonts,
    { documentHash: p.documentHash, signatureLength: EXTERNAL_SIGNATURE_LENGTH },
  );
}

/** @signpdf's signing of the prepared E-LHU, with `cms` answering for the signer given the bytes to sign. */
async function signPrepared(prepared: Uint8Array, cms: (toSign: Buffer) => Buffer): Promise<Buffer> {
  const signer = new (class extends Signer {
    override async sign(toSign: Buffer): Promise<Buffer> {
      return cms(toSign);
    }
  })();
  return new SignPdf().sign(Buffer.from(prepared), signer);
}

function readByteRange(pdf: Buffer): [number, number, number, number] {
  const text = pdf.toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!m) throw new Error('prepared E-LHU has no /ByteRange');
  return [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])];
}
