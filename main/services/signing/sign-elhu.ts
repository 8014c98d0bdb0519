/**
 * Signs an E-LHU: checks it is the report queued for signature (SHA-256), draws the visible
 * signature block and adds the placeholder (shared/elhu/stamp.ts), then @signpdf/signpdf fills in
 * the CMS made by this project's PAdES B-B signer. Returns the signed bytes; writes nothing, so a
 * refusal leaves no file behind.
 */
import { createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { certificateIssuerName } from '../../../shared/elhu/issuer';
import { ElhuStampError, prepareElhuForSigning } from '../../../shared/elhu/stamp';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { SigningError } from './errors';
import type { SigningSession } from './session';

/** @signpdf Signer that produces a CAdES detached (PAdES B-B) CMS with the session's key. */
export class CadesSigner extends Signer {
  constructor(private readonly session: SigningSession) {
    super();
  }

  override async sign(pdfBuffer: Buffer): Promise<Buffer> {
    const digest = createHash('sha256').update(pdfBuffer).digest();
    return Buffer.from(this.session.createCms(digest));
  }
}

export interface SignElhuOptions {
  /** The Kepala Balai's name and NIP as registered (printed in the signature block). */
  name: string;
  nip: string;
  /** Claimed signing time (/M and the block); whole seconds are kept. */
  signingTime: Date;
  /** SHA-256 (hex) of the unsigned E-LHU recorded when it was queued (step 18). */
  expectedDocumentHash: string;
  fonts: ElhuFonts;
  reason?: string;
  location: string;
  contactInfo?: string;
}

export const DEFAULT_SIGNING_REASON = 'Pengesahan Laporan Hasil Uji elektronik';

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

const signPdf = new SignPdf();

export async function signElhu(
  unsigned: Uint8Array,
  session: SigningSession,
  opts: SignElhuOptions,
): Promise<Uint8Array> {
  const actualHash = sha256Hex(unsigned);
  const expectedHash = opts.expectedDocumentHash.trim().toLowerCase();
  if (actualHash !== expectedHash) {
    throw new SigningError(
      'document_changed',
      'Laporan telah berubah sejak diajukan untuk ditandatangani. Muat ulang antrean tanda tangan.',
      'The report changed since it was queued for signature. Reload the signing queue.',
      { expectedHash, actualHash },
    );
  }
  session.assertCertificateValidAt(opts.signingTime);
  session.assertCertificateValidAt(session.now());
  let prepared: Uint8Array;
  try {
    prepared = await prepareElhuForSigning(
      unsigned,
      {
        name: opts.name,
        nip: opts.nip,
        signingTime: opts.signingTime,
        reason: opts.reason ?? DEFAULT_SIGNING_REASON,
        location: opts.location,
        contactInfo: opts.contactInfo ?? '',
        // Checked against the issuer recorded in the E-LHU (the registered certificate's), which the footer names.
        certificateIssuer: certificateIssuerName(session.certificate.issuer) ?? undefined,
      },
      opts.fonts,
      { documentHash: actualHash, signatureLength: session.signatureLength },
    );
  } catch (e) {
    if (e instanceof ElhuStampError && e.code === 'issuer_mismatch') {
      throw new SigningError(
        'certificate_mismatch',
        `Sertifikat ini bukan yang terdaftar untuk E-LHU ini: ${e.messageId}. Hubungi Admin Satker.`,
        `This certificate is not the one registered for this report: ${e.messageEn}. Contact the Admin Satker.`,
      );
    }
    if (e instanceof ElhuStampError) throw new SigningError('not_an_elhu', e.messageId, e.messageEn);
    throw e;
  }
  const signed = await signPdf.sign(
    Buffer.from(prepared.buffer, prepared.byteOffset, prepared.byteLength),
    new CadesSigner(session),
  );
  return new Uint8Array(signed.buffer, signed.byteOffset, signed.byteLength);
}
