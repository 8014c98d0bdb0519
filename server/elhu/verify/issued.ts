/**
 * Step 19: "is this the report the server issued, signed by the registered Kepala Balai".
 * How "the document is the one the server issued" is established:
 * - the desktop signs the unsigned E-LHU the server rendered at step 18, after checking its SHA-256
 *   against the hash the server stored (documentHash), and records that hash in the signed file's
 *   information dictionary (/SIPPTDocumentHash), inside the signed byte ranges;
 * - pdflibAddPlaceholder rewrites the whole file (no incremental update), so the unsigned bytes are
 *   not a prefix of the signed file. Instead the preparation step (draw the signature block, add the
 *   placeholder: shared/elhu/stamp.ts) is deterministic: the server runs it again on its own stored
 *   unsigned E-LHU with the parameters read from the upload (signing time /M, reason, location,
 *   signer name and NIP, placeholder size), lets @signpdf insert the uploaded CMS, and requires the
 *   result to be byte-for-byte the uploaded file. So every byte outside the CMS is either the issued
 *   report or the signature block the SIPPT signer draws; any other change to the pages, the
 *   metadata or the structure is refused, even one signed with the right key.
 * The recorded hash alone already binds the signer's intent to the issued document; the re-run
 * proves the visible pages are that document. The re-run depends on the same pdf-lib / @signpdf
 * versions and fonts on desktop and server (one repository, one lockfile; STAMP_VERSION names the
 * block layout).
 */
import { X509Certificate, createHash } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { Signer, SignPdfError } from '@signpdf/utils';
import { ElhuStampError, STAMP_VERSION, prepareElhuForSigning } from '../../../shared/elhu/stamp';
import type { ElhuFonts } from '../../../shared/elhu/types';
import { verifySignedPdf, type VerifyOptions } from './pipeline';
import { fail, type SignatureFailure, type VerifiedSignature } from './types';

/**
 * The server could not re-create the signed report to compare it (fonts missing or unreadable, a
 * misconfiguration, a bug): a server error to log and fix, never a verdict on the uploaded document.
 */
export class SignatureCheckFault extends Error {
  constructor(message: string, options?: { cause?: unknown }) {
    super(message, options);
    this.name = 'SignatureCheckFault';
  }
}

const sha256 = (b: Uint8Array): Buffer => createHash('sha256').update(b).digest();

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return (
    a.length === b.length &&
    Buffer.from(a.buffer, a.byteOffset, a.byteLength).equals(
      Buffer.from(b.buffer, b.byteOffset, b.byteLength),
    )
  );
}

/** Puts a given CMS into the placeholder, exactly as the desktop's signer did. */
class FixedCmsSigner extends Signer {
  constructor(private readonly cms: Uint8Array) {
    super();
  }
  override async sign(): Promise<Buffer> {
    return Buffer.from(this.cms);
  }
}

export interface UploadCheck {
  /** The signed PDF as uploaded. */
  signed: Uint8Array;
  /** The unsigned E-LHU the server rendered and queued at step 18. */
  issuedUnsigned: Uint8Array;
  /** The SHA-256 the server stored for it (report.documentHash). */
  issuedHash: string;
  /** The certificate Admin Satker registered for this Kepala Balai: PEM, or its SHA-256 fingerprint. */
  registeredCertificate: string;
  /** When given, the name and NIP in the signature block must be these (the Kepala Balai's record). */
  expectedSigner?: { name: string; nip: string };
  fonts: ElhuFonts;
  trustAnchors?: X509Certificate[];
}

export interface AcceptedUpload {
  ok: true;
  signature: VerifiedSignature;
  /** What to store as the report's signedHash (the public verification page looks it up). */
  signedHash: string;
}

function registeredFingerprint(registered: string): string {
  if (registered.includes('-----BEGIN')) return sha256(new X509Certificate(registered).raw).toString('hex');
  return registered.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

const altered = (): SignatureFailure =>
  fail(
    'document_altered',
    'Isi dokumen berbeda dari E-LHU yang diterbitkan server ditambah blok tanda tangan.',
    'The document differs from the E-LHU the server issued plus the signature block.',
  );

/**
 * Accepts a signed E-LHU only if the signature verifies and covers the whole file, was made with the
 * certificate registered for the Kepala Balai, and the file is the report the server issued plus the
 * SIPPT signature block. Throws SignatureCheckFault when the server cannot do the comparison.
 */
export async function verifyUploadedElhu(check: UploadCheck): Promise<AcceptedUpload | SignatureFailure> {
  const opts: VerifyOptions = check.trustAnchors ? { trustAnchors: check.trustAnchors } : {};
  const v = await verifySignedPdf(check.signed, opts);
  if (!v.ok) return v;
  let expectedFp: string;
  try {
    expectedFp = registeredFingerprint(check.registeredCertificate);
  } catch {
    return fail(
      'certificate_not_registered',
      'Sertifikat terdaftar tidak dapat dibaca.',
      'The registered certificate cannot be read.',
    );
  }
  if (v.signerFingerprint !== expectedFp) {
    return fail(
      'certificate_not_registered',
      'Dokumen ditandatangani dengan sertifikat yang bukan milik Kepala Balai yang ditunjuk.',
      'The document was signed with a certificate other than the one registered for the chosen Kepala Balai.',
    );
  }
  const issuedHash = check.issuedHash.trim().toLowerCase();
  if (sha256(check.issuedUnsigned).toString('hex') !== issuedHash) {
    return fail(
      'issued_document_mismatch',
      'E-LHU yang tersimpan di server tidak cocok dengan hash-nya.',
      'The E-LHU stored on the server does not match its recorded hash.',
    );
  }
  if (v.documentHash !== issuedHash) {
    return fail(
      'not_issued_document',
      'Dokumen yang ditandatangani bukan E-LHU yang diterbitkan server untuk laporan ini.',
      'The signed document is not the E-LHU the server issued for this report.',
    );
  }
  if (
    check.expectedSigner &&
    (v.signerName !== check.expectedSigner.name || v.signerNip !== check.expectedSigner.nip)
  ) {
    return fail(
      'signer_mismatch',
      'Nama/NIP pada blok tanda tangan bukan milik Kepala Balai yang ditunjuk.',
      'The name/NIP in the signature block is not the chosen Kepala Balai.',
    );
  }
  if (v.stampVersion !== STAMP_VERSION || v.signerName === null || v.signerNip === null) {
    return fail(
      'document_altered',
      'Blok tanda tangan tidak dibuat oleh aplikasi SIPPT versi ini.',
      'The signature block was not made by this version of the SIPPT application.',
    );
  }
  const [, b, c] = v.byteRange;
  let rebuilt: Buffer;
  try {
    const prepared = await prepareElhuForSigning(
      check.issuedUnsigned,
      {
        name: v.signerName,
        nip: v.signerNip,
        signingTime: v.signingTime,
        reason: v.reason ?? '',
        location: v.location ?? '',
        contactInfo: v.contactInfo ?? '',
      },
      check.fonts,
      { documentHash: issuedHash, signatureLength: (c - b - 2) / 2 },
    );
    rebuilt = await new SignPdf().sign(Buffer.from(prepared), new FixedCmsSigner(v.cms));
  } catch (e) {
    // What the upload's own parameters cause (a signature block the stamp refuses, a placeholder
    // @signpdf cannot fill) means the file is not what SIPPT makes. Anything else (a font that
    // cannot be read, a misconfiguration) is the server's fault: it must reach the log as an error.
    if (e instanceof ElhuStampError || e instanceof SignPdfError) return altered();
    throw new SignatureCheckFault(
      `The server could not re-create the signed E-LHU to compare it with the upload: ${e instanceof Error ? e.message : String(e)}`,
      { cause: e },
    );
  }
  if (!bytesEqual(rebuilt, check.signed)) return altered();
  return { ok: true, signature: v, signedHash: v.fileSha256 };
}
