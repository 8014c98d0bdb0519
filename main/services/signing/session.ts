/**
 * A signing session: the Kepala Balai enters the passphrase once, the keystore is unlocked, a batch
 * of reports is signed, and close() forgets the key. The key lives only in this object's memory (a
 * node:crypto KeyObject); nothing is written.
 *
 * Refusals, each a SigningError with an Indonesian and English message:
 *   wrong_passphrase        (and after DEFAULT_LOCKOUT_POLICY.maxFailures in a row: locked_out)
 *   locked_out              while the lockout lasts, even with the right passphrase
 *   certificate_mismatch    the keystore's certificate is not the one registered for this Kepala Balai
 *   certificate_not_yet_valid / certificate_expired   at opening and at every signature
 */
import { createHash, sign as rsaSign, type KeyObject, type X509Certificate } from 'node:crypto';
import { buildCadesSignedData } from './cms';
import { SigningError, formatWib } from './errors';
import { certificateFingerprint, loadKeystore, normalizeFingerprint, type CertificateInfo } from './keystore';
import {
  DEFAULT_LOCKOUT_POLICY,
  defaultLockoutStore,
  type LockoutPolicy,
  type LockoutStore,
} from './lockout';

/** A fixed time, a function returning one, or an object with now() (main/services/clock.ts's Clock). */
export type NowSource = Date | (() => Date | number) | { now(): number };

export function readNow(now: NowSource | undefined): Date {
  if (now === undefined) return new Date();
  if (now instanceof Date) return now;
  if (typeof now === 'function') {
    const v = now();
    return v instanceof Date ? v : new Date(v);
  }
  return new Date(now.now());
}

/**
 * The /Contents room a CMS over this chain needs: the certificates, the signature and the signed
 * attributes and structure (~500 bytes), rounded up with room to spare. The key file and the token
 * reserve the same, so both give the same file.
 */
export function signatureRoom(chainDer: readonly Uint8Array[], modulusBytes: number): number {
  const certBytes = chainDer.reduce((n, c) => n + c.length, 0);
  return Math.ceil((certBytes + modulusBytes + 1024) / 512) * 512;
}

/** The CAdES SignedData over a document's digest: the chain's first certificate signs, by `sign`. */
export function cmsOverChain(
  chainDer: readonly Uint8Array[],
  signerCertificateHash: Uint8Array,
  contentDigest: Uint8Array,
  sign: (data: Uint8Array) => Uint8Array,
): Uint8Array {
  return buildCadesSignedData({
    contentDigest,
    signerCertificate: chainDer[0]!,
    chain: chainDer.slice(1),
    signerCertificateHash,
    sign,
  });
}

/** The refusal of a session used after close(): the user enters the passphrase (or token PIN) again. */
export function sessionClosed(secret: { id: string; en: string }): SigningError {
  return new SigningError(
    'session_closed',
    `Sesi penandatanganan sudah ditutup; masukkan ${secret.id} lagi.`,
    `The signing session is closed; enter the ${secret.en} again.`,
  );
}

export interface OpenSigningSessionOptions {
  /** The PKCS#12 keystore's bytes (as imported once by the Kepala Balai). */
  p12: Uint8Array;
  passphrase: string;
  /** SHA-256 fingerprint of the certificate registered for this Kepala Balai (hex, colons allowed). */
  expectedCertificateFingerprint: string;
  now?: NowSource;
  lockout?: LockoutStore;
  policy?: LockoutPolicy;
  /** Key of the lockout record; defaults to the expected fingerprint (one counter per keystore). */
  lockoutKey?: string;
}

export interface SigningSession {
  readonly certificate: CertificateInfo;
  /** The chain as DER, signer first. */
  readonly chainDer: readonly Uint8Array[];
  readonly isOpen: boolean;
  /** Bytes to reserve for the CMS in the PDF (depends on the chain and the key size only). */
  readonly signatureLength: number;
  /** Throws certificate_expired / certificate_not_yet_valid when the certificate is not valid at `at`. */
  assertCertificateValidAt(at: Date): void;
  /** A PAdES B-B CMS SignedData (DER) over content whose SHA-256 is `contentDigest`. */
  createCms(contentDigest: Uint8Array): Uint8Array;
  /** The current time of the session's clock. */
  now(): Date;
  /** Forgets the key; further use throws session_closed. */
  close(): void;
}

/** Throws certificate_not_yet_valid / certificate_expired (shared with the token session, token.ts). */
export function checkCertificateValidity(info: CertificateInfo, at: Date): void {
  if (at.getTime() < info.validFrom.getTime()) {
    throw new SigningError(
      'certificate_not_yet_valid',
      `Sertifikat elektronik belum berlaku (berlaku mulai ${formatWib(info.validFrom)}).`,
      `The signing certificate is not valid yet (valid from ${info.validFrom.toISOString()}).`,
      { validFrom: info.validFrom, validTo: info.validTo, fingerprint: info.fingerprint },
    );
  }
  if (at.getTime() > info.validTo.getTime()) {
    throw new SigningError(
      'certificate_expired',
      `Sertifikat elektronik sudah kedaluwarsa (berakhir ${formatWib(info.validTo)}). Perbarui sertifikat Anda.`,
      `The signing certificate has expired (valid until ${info.validTo.toISOString()}). Renew your certificate.`,
      { validFrom: info.validFrom, validTo: info.validTo, fingerprint: info.fingerprint },
    );
  }
}

class Session implements SigningSession {
  #key: KeyObject | null;
  readonly chainDer: readonly Uint8Array[];
  readonly signatureLength: number;
  private readonly signerHash: Uint8Array;

  constructor(
    key: KeyObject,
    chain: X509Certificate[],
    readonly certificate: CertificateInfo,
    private readonly clock: NowSource | undefined,
  ) {
    this.#key = key;
    this.chainDer = chain.map((c) => new Uint8Array(c.raw));
    this.signerHash = createHash('sha256').update(this.chainDer[0]!).digest();
    const modulusBytes = Math.ceil((key.asymmetricKeyDetails?.modulusLength ?? 4096) / 8);
    this.signatureLength = signatureRoom(this.chainDer, modulusBytes);
  }

  get isOpen(): boolean {
    return this.#key !== null;
  }

  now(): Date {
    return readNow(this.clock);
  }

  private key(): KeyObject {
    if (!this.#key) throw sessionClosed({ id: 'passphrase', en: 'passphrase' });
    return this.#key;
  }

  assertCertificateValidAt(at: Date): void {
    this.key();
    checkCertificateValidity(this.certificate, at);
  }

  createCms(contentDigest: Uint8Array): Uint8Array {
    const key = this.key();
    checkCertificateValidity(this.certificate, this.now());
    return cmsOverChain(this.chainDer, this.signerHash, contentDigest, (data) =>
      rsaSign('sha256', data, key),
    );
  }

  close(): void {
    this.#key = null;
  }
}

/**
 * Unlocks the keystore once for a batch. Refuses (SigningError) while locked out, on a wrong
 * passphrase (counting towards the lockout), for a certificate other than the registered one, and
 * for a certificate that is not valid now.
 */
export function openSigningSession(opts: OpenSigningSessionOptions): SigningSession {
  const store = opts.lockout ?? defaultLockoutStore;
  const policy = opts.policy ?? DEFAULT_LOCKOUT_POLICY;
  const expected = normalizeFingerprint(opts.expectedCertificateFingerprint);
  const lockKey = opts.lockoutKey ?? expected;
  const now = readNow(opts.now);

  let record = store.get(lockKey) ?? { failures: 0, lockedUntil: null };
  if (record.lockedUntil !== null) {
    if (now.getTime() < record.lockedUntil) {
      const until = new Date(record.lockedUntil);
      throw new SigningError(
        'locked_out',
        `Terlalu banyak passphrase salah. Penandatanganan dikunci sampai ${formatWib(until)}.`,
        `Too many wrong passphrases. Signing is locked until ${until.toISOString()}.`,
        { lockedUntil: until },
      );
    }
    record = { failures: 0, lockedUntil: null };
    store.set(lockKey, record);
  }

  let keystore;
  try {
    keystore = loadKeystore(opts.p12, opts.passphrase);
  } catch (e) {
    if (e instanceof SigningError && e.code === 'wrong_passphrase') {
      const failures = record.failures + 1;
      const attemptsLeft = Math.max(0, policy.maxFailures - failures);
      if (attemptsLeft === 0) {
        const until = new Date(now.getTime() + policy.lockMs);
        store.set(lockKey, { failures, lockedUntil: until.getTime() });
        throw new SigningError(
          'wrong_passphrase',
          `Passphrase salah ${failures} kali berturut-turut. Penandatanganan dikunci sampai ${formatWib(until)}.`,
          `Wrong passphrase ${failures} times in a row. Signing is locked until ${until.toISOString()}.`,
          { attemptsLeft: 0, lockedUntil: until },
        );
      }
      store.set(lockKey, { failures, lockedUntil: null });
      throw new SigningError(
        'wrong_passphrase',
        `Passphrase salah. Sisa percobaan: ${attemptsLeft}.`,
        `Wrong passphrase. Attempts left: ${attemptsLeft}.`,
        { attemptsLeft },
      );
    }
    throw e;
  }
  store.set(lockKey, { failures: 0, lockedUntil: null });

  const fingerprint = certificateFingerprint(keystore.certificate);
  if (fingerprint !== expected) {
    throw new SigningError(
      'certificate_mismatch',
      'Sertifikat pada keystore ini bukan sertifikat yang terdaftar untuk Kepala Balai ini. Hubungi Admin Satker.',
      'The certificate in this keystore is not the one registered for this Kepala Balai. Contact the Admin Satker.',
      { fingerprint, expectedFingerprint: expected },
    );
  }
  checkCertificateValidity(keystore.info, now);
  return new Session(keystore.privateKey, keystore.chain, keystore.info, opts.now);
}
