/**
 * Results of the signed E-LHU checks (the public shape of server/elhu/verify-signature.ts) and the
 * typed slot where the long-term (B-T/B-LT/B-LTA) check plugs into the pipeline (./index.ts).
 */
import type { X509Certificate } from 'node:crypto';

export type SignatureFailureCode =
  | 'not_pdf'
  | 'unreadable_pdf'
  | 'no_signature'
  | 'multiple_signatures'
  | 'byte_range_invalid'
  | 'byte_range_incomplete'
  | 'contents_invalid'
  | 'wrong_subfilter'
  | 'cms_invalid'
  | 'not_pades_bb'
  | 'unsupported_algorithm'
  | 'digest_mismatch'
  | 'signer_certificate_missing'
  | 'signing_certificate_mismatch'
  | 'signature_invalid'
  | 'no_signing_time'
  | 'certificate_not_valid_at_signing_time'
  | 'untrusted_chain'
  // verifyUploadedElhu only:
  | 'certificate_not_registered'
  | 'signer_mismatch'
  | 'issued_document_mismatch'
  | 'not_issued_document'
  | 'document_altered';

export interface SignatureFailure {
  ok: false;
  code: SignatureFailureCode;
  message: { id: string; en: string };
}

export const fail = (code: SignatureFailureCode, id: string, en: string): SignatureFailure => ({
  ok: false,
  code,
  message: { id, en },
});

export const isFailure = (v: unknown): v is SignatureFailure =>
  typeof v === 'object' &&
  v !== null &&
  (v as { ok?: unknown }).ok === false &&
  typeof (v as { code?: unknown }).code === 'string';

/** PAdES baseline levels (ETSI EN 319 142-1). */
export type PadesLevel = 'B-B' | 'B-T' | 'B-LT' | 'B-LTA';

/** What the long-term check found; B-B with no timestamp when no check is plugged in. */
export interface LtvReport {
  level: PadesLevel;
  /** The time from the signature timestamp (B-T and above), not the signer's claim (/M). */
  timestampTime: Date | null;
  /** Whether the signer's certificate was valid (and not revoked) at timestampTime; null when unknown. */
  certificateValidAtTimestamp: boolean | null;
  /** Anything the check wants to tell the verification page (e.g. "timestamp pending"). */
  notes: { id: string; en: string }[];
}

export const BASELINE_B: LtvReport = {
  level: 'B-B',
  timestampTime: null,
  certificateValidAtTimestamp: null,
  notes: [],
};

export interface VerifiedSignature {
  ok: true;
  /** SHA-256 of the signer certificate's DER, lower-case hex. */
  signerFingerprint: string;
  signerCommonName: string;
  signerSubject: string;
  signerCertificate: X509Certificate;
  /** The embedded certificates (signer first, then the others as found), as fingerprints. */
  chainFingerprints: string[];
  certificates: X509Certificate[];
  /** The claimed signing time: the signature dictionary's /M. */
  signingTime: Date;
  /** SHA-256 of the whole signed file, lower-case hex (the server stores it as signedHash). */
  fileSha256: string;
  /** /SIPPTDocumentHash: SHA-256 of the unsigned E-LHU the signer signed; null if absent. */
  documentHash: string | null;
  reportNumber: string | null;
  signerName: string | null;
  signerNip: string | null;
  stampVersion: string | null;
  subFilter: string;
  byteRange: [number, number, number, number];
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  /** The signature dictionary's /Name. */
  name: string | null;
  /** The DER CMS as found in /Contents, without the zero padding. */
  cms: Uint8Array;
  /** The long-term level reached and the timestamp's time (./index.ts, `ltv` option). */
  ltv: LtvReport;
}
