/** Every refusal of the signing service: a code to branch on and a message in Indonesian and English. */

export type SigningErrorCode =
  | 'wrong_passphrase'
  | 'locked_out'
  | 'keystore_invalid'
  | 'no_private_key'
  | 'unsupported_key'
  | 'certificate_expired'
  | 'certificate_not_yet_valid'
  | 'certificate_mismatch'
  | 'document_changed'
  | 'not_an_elhu'
  | 'session_closed'
  | 'signature_too_large'
  /** Desktop signing: no keystore imported yet on this workstation for this user. */
  | 'no_keystore'
  /** Desktop signing: the report is not (or no longer) waiting for this Kepala Balai's signature. */
  | 'not_in_queue'
  /** Desktop signing: the unsigned E-LHU has not been downloaded yet (connect once). */
  | 'document_unavailable'
  /** Desktop signing: the Kepala Balai's NIP is not known here yet (connect once). */
  | 'signer_unknown';

export interface SigningErrorDetails {
  /** Wrong passphrase: tries left before the lockout (0 when this failure started it). */
  attemptsLeft?: number;
  /** Lockout: when unlocking may be tried again. */
  lockedUntil?: Date;
  /** Certificate problems: the certificate's validity and fingerprint. */
  validFrom?: Date;
  validTo?: Date;
  fingerprint?: string;
  expectedFingerprint?: string;
  /** Changed report: the hashes compared. */
  expectedHash?: string;
  actualHash?: string;
}

export class SigningError extends Error {
  constructor(
    readonly code: SigningErrorCode,
    readonly messageId: string,
    readonly messageEn: string,
    readonly details: SigningErrorDetails = {},
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'SigningError';
  }
}

/** "14 Maret 2025 10.23 WIB" style, for messages (Asia/Jakarta, fixed UTC+7). */
export function formatWib(d: Date): string {
  const t = new Date(d.getTime() + 7 * 3_600_000).toISOString();
  return `${t.slice(0, 10)} ${t.slice(11, 16)} WIB`;
}
