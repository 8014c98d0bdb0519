/**
 * A signing session on a PKCS#11 token (USB token or smart card; SoftHSM2 in the tests), through
 * pkcs11js. The token's PIN is the passphrase; the private key never leaves the token: the DER of
 * the CMS signed attributes goes to the token, which hashes and signs it (CKM_SHA256_RSA_PKCS).
 * The result is the same CMS as the key-file session (session.ts): same signed attributes, same
 * certificate chain, and, RSA PKCS#1 v1.5 being deterministic, the same signature bytes for the same
 * key and data.
 *
 * Lockout is the token's own: no counter is kept here. A wrong PIN says how many tries are left
 * when the token tells (CKF_USER_PIN_FINAL_TRY / CKF_USER_PIN_COUNT_LOW); a locked PIN says so and
 * sends the Kepala Balai to the administrator (only the SO PIN unlocks it).
 *
 * pkcs11js is a native addon, loaded at runtime only when a token is used (never at import), so a
 * workstation that signs with a key file needs neither the addon nor a PKCS#11 module.
 */
import { X509Certificate, createHash, verify as rsaVerify } from 'node:crypto';
import { createRequire } from 'node:module';
import type * as Pkcs11js from 'pkcs11js';
import { SigningError } from './errors';
import { certificateInfo, normalizeFingerprint, type CertificateInfo } from './keystore';
import {
  checkCertificateValidity,
  cmsOverChain,
  readNow,
  sessionClosed,
  signatureRoom,
  type NowSource,
  type SigningSession,
} from './session';

// PKCS#11 v2.40 constants used here (kept local: the addon is loaded only when a token is used).
export const CKO_CERTIFICATE = 0x1;
export const CKO_PRIVATE_KEY = 0x3;
export const CKA_CLASS = 0x0;
export const CKA_TOKEN = 0x1;
export const CKA_LABEL = 0x3;
export const CKA_VALUE = 0x11;
export const CKA_CERTIFICATE_TYPE = 0x80;
export const CKA_KEY_TYPE = 0x100;
export const CKA_ID = 0x102;
export const CKA_SENSITIVE = 0x103;
export const CKA_EXTRACTABLE = 0x162;
export const CKK_RSA = 0x0;
export const CKC_X_509 = 0x0;
export const CKU_USER = 1;
export const CKF_RW_SESSION = 0x2;
export const CKF_SERIAL_SESSION = 0x4;
export const CKM_SHA256_RSA_PKCS = 0x40;
export const CKF_USER_PIN_COUNT_LOW = 0x10000;
export const CKF_USER_PIN_FINAL_TRY = 0x20000;
export const CKF_USER_PIN_LOCKED = 0x40000;
export const CKR_DEVICE_REMOVED = 0x32;
export const CKR_PIN_INCORRECT = 0xa0;
export const CKR_PIN_INVALID = 0xa1;
export const CKR_PIN_LEN_RANGE = 0xa2;
export const CKR_PIN_EXPIRED = 0xa3;
export const CKR_PIN_LOCKED = 0xa4;
export const CKR_SESSION_HANDLE_INVALID = 0xb3;
export const CKR_TOKEN_NOT_PRESENT = 0xe0;
export const CKR_USER_ALREADY_LOGGED_IN = 0x100;
export const CKR_USER_PIN_NOT_INITIALIZED = 0x102;
export const CKR_CRYPTOKI_ALREADY_INITIALIZED = 0x191;

/** The part of pkcs11js's PKCS11 class used here (tests may pass a fake). */
export type Pkcs11Library = Pick<
  Pkcs11js.PKCS11,
  | 'load'
  | 'C_Initialize'
  | 'C_Finalize'
  | 'C_GetSlotList'
  | 'C_GetTokenInfo'
  | 'C_OpenSession'
  | 'C_CloseSession'
  | 'C_Login'
  | 'C_Logout'
  | 'C_FindObjectsInit'
  | 'C_FindObjects'
  | 'C_FindObjectsFinal'
  | 'C_GetAttributeValue'
  | 'C_SignInit'
  | 'C_Sign'
>;

/** Where the key is: the PKCS#11 module (the token vendor's .so/.dll) and which token. */
export interface TokenLocation {
  /** Path of the PKCS#11 module, e.g. /usr/lib/softhsm/libsofthsm2.so or the vendor's library. */
  modulePath: string;
  /** The token's label (as the token reports it, trailing blanks ignored); the first token when neither this nor `slot` is given. */
  tokenLabel?: string;
  /** Index in the list of slots holding a token (0 = the first), when no label is given. */
  slot?: number;
}

export interface OpenTokenSigningSessionOptions extends TokenLocation {
  /** The token's user PIN (the passphrase the Kepala Balai types). */
  pin: string;
  /** SHA-256 of the certificate registered for this Kepala Balai; null/absent: the token's own (the caller records it). */
  expectedCertificateFingerprint?: string | null;
  /** Issuer certificates (DER) to embed when the token holds only the signer's certificate. */
  extraCertificates?: readonly Uint8Array[];
  now?: NowSource;
  /** Makes the library object (default: pkcs11js's PKCS11, loaded at runtime). */
  library?: () => Promise<Pkcs11Library>;
}

/** A token as listed for the settings screen. */
export interface TokenDescription {
  slot: number;
  label: string;
  manufacturer: string;
  model: string;
  serialNumber: string;
  /** The token's PIN state in plain words, or null when it says nothing. */
  pinState: 'count_low' | 'final_try' | 'locked' | null;
}

type Handle = Buffer;

interface LoadedModule {
  lib: Pkcs11Library;
  users: number;
}

/** One initialised library per module path: C_Initialize once per process, C_Finalize when the last session closes. */
const loaded = new Map<string, LoadedModule>();

/**
 * pkcs11js itself, or, in the Electron shell during development, the copy built for Electron's ABI
 * that `npm run electron:native` made (SIPPT_PKCS11JS_DIR; node_modules keeps the Node build).
 */
export async function loadPkcs11js(
  dir: string | undefined = process.env.SIPPT_PKCS11JS_DIR,
): Promise<typeof Pkcs11js> {
  if (dir) {
    // A CommonJS package folder: required (an ESM import() cannot take a folder).
    return createRequire(import.meta.url)(dir) as typeof Pkcs11js;
  }
  // A name in a variable: bundlers leave it to Node's resolution at runtime (the addon is native).
  const name = 'pkcs11js';
  const mod = (await import(name)) as typeof Pkcs11js & { default?: typeof Pkcs11js };
  return mod.PKCS11 ? mod : (mod.default ?? mod);
}

async function defaultLibrary(): Promise<Pkcs11Library> {
  const mod = await loadPkcs11js();
  return new mod.PKCS11();
}

function ckr(e: unknown): number | null {
  if (e && typeof e === 'object' && 'code' in e && typeof (e as { code: unknown }).code === 'number') {
    const code = (e as { code: number }).code;
    return code > 0 ? code : null;
  }
  return null;
}

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

function tokenUnavailable(detail: string): SigningError {
  return new SigningError(
    'no_keystore',
    `Token TTE tidak ditemukan. Colokkan token, lalu coba lagi. (${detail})`,
    `The signing token was not found. Plug the token in, then try again. (${detail})`,
  );
}

function tokenLocked(): SigningError {
  return new SigningError(
    'locked_out',
    'PIN token terkunci karena terlalu banyak PIN salah; token terkunci, hubungi administrator untuk membukanya.',
    'The token PIN is locked after too many wrong PINs; the token is locked, contact the administrator to unlock it.',
    { attemptsLeft: 0 },
  );
}

function deviceGone(e: unknown): SigningError {
  return new SigningError(
    'session_closed',
    `Token dicabut atau tidak menanggapi; colokkan lagi dan masukkan PIN lagi. (${messageOf(e)})`,
    `The token was removed or did not answer; plug it in and enter the PIN again. (${messageOf(e)})`,
  );
}

function pinStateOf(flags: number): TokenDescription['pinState'] {
  if (flags & CKF_USER_PIN_LOCKED) return 'locked';
  if (flags & CKF_USER_PIN_FINAL_TRY) return 'final_try';
  if (flags & CKF_USER_PIN_COUNT_LOW) return 'count_low';
  return null;
}

/** The refusal for a wrong PIN, in plain words, with what the token says about the tries left. */
export function wrongPinError(flagsAfter: number | null): SigningError {
  const state = flagsAfter === null ? null : pinStateOf(flagsAfter);
  if (state === 'locked') return tokenLocked();
  if (state === 'final_try') {
    return new SigningError(
      'wrong_passphrase',
      'PIN token salah. Sisa percobaan: 1. Satu PIN salah lagi mengunci token.',
      'Wrong token PIN. Attempts left: 1. One more wrong PIN locks the token.',
      { attemptsLeft: 1 },
    );
  }
  if (state === 'count_low') {
    return new SigningError(
      'wrong_passphrase',
      'PIN token salah. Sisa percobaan tinggal sedikit sebelum token terkunci.',
      'Wrong token PIN. Only a few attempts are left before the token locks.',
    );
  }
  return new SigningError('wrong_passphrase', 'PIN token salah.', 'Wrong token PIN.');
}

async function acquire(modulePath: string, library: () => Promise<Pkcs11Library>): Promise<Pkcs11Library> {
  const have = loaded.get(modulePath);
  if (have) {
    have.users += 1;
    return have.lib;
  }
  let lib: Pkcs11Library;
  try {
    lib = await library();
    lib.load(modulePath);
  } catch (e) {
    throw new SigningError(
      'keystore_invalid',
      `Modul PKCS#11 tidak dapat dimuat (${modulePath}): ${messageOf(e)}. Periksa lokasi modul token di Pengaturan.`,
      `The PKCS#11 module could not be loaded (${modulePath}): ${messageOf(e)}. Check the token module path in Settings.`,
    );
  }
  try {
    lib.C_Initialize();
  } catch (e) {
    if (ckr(e) !== CKR_CRYPTOKI_ALREADY_INITIALIZED) {
      throw new SigningError(
        'keystore_invalid',
        `Modul PKCS#11 gagal dimulai: ${messageOf(e)}`,
        `The PKCS#11 module failed to start: ${messageOf(e)}`,
      );
    }
  }
  loaded.set(modulePath, { lib, users: 1 });
  return lib;
}

function release(modulePath: string): void {
  const have = loaded.get(modulePath);
  if (!have) return;
  have.users -= 1;
  if (have.users > 0) return;
  loaded.delete(modulePath);
  try {
    have.lib.C_Finalize();
  } catch {
    // finalising a module that is already gone: nothing left to free
  }
}

function listTokens(lib: Pkcs11Library): { handle: Handle; info: Pkcs11js.TokenInfo }[] {
  const slots = lib.C_GetSlotList(true);
  return slots.map((handle) => ({ handle, info: lib.C_GetTokenInfo(handle) }));
}

function pickToken(
  tokens: { handle: Handle; info: Pkcs11js.TokenInfo }[],
  where: TokenLocation,
): { handle: Handle; info: Pkcs11js.TokenInfo } {
  if (tokens.length === 0) throw tokenUnavailable('tidak ada token / no token present');
  if (where.tokenLabel !== undefined && where.tokenLabel !== '') {
    const want = where.tokenLabel.trim();
    const t = tokens.find((x) => x.info.label.trim() === want);
    if (!t)
      throw tokenUnavailable(
        `label "${want}"; ada / present: ${tokens.map((x) => `"${x.info.label.trim()}"`).join(', ')}`,
      );
    return t;
  }
  const i = where.slot ?? 0;
  const t = tokens[i];
  if (!t) throw tokenUnavailable(`slot ${i}; ${tokens.length} token`);
  return t;
}

/** The tokens the module sees (for the settings screen: pick one by label). */
export async function listSigningTokens(
  modulePath: string,
  library: () => Promise<Pkcs11Library> = defaultLibrary,
): Promise<TokenDescription[]> {
  const lib = await acquire(modulePath, library);
  try {
    return listTokens(lib).map(({ info }, slot) => ({
      slot,
      label: info.label.trim(),
      manufacturer: info.manufacturerID.trim(),
      model: info.model.trim(),
      serialNumber: info.serialNumber.trim(),
      pinState: pinStateOf(info.flags),
    }));
  } finally {
    release(modulePath);
  }
}

function findObjects(lib: Pkcs11Library, session: Handle, template: Pkcs11js.Template): Handle[] {
  lib.C_FindObjectsInit(session, template);
  try {
    const out: Handle[] = [];
    for (;;) {
      const batch = lib.C_FindObjects(session, 32);
      if (batch.length === 0) break;
      out.push(...batch);
    }
    return out;
  } finally {
    lib.C_FindObjectsFinal(session);
  }
}

function attrs(lib: Pkcs11Library, session: Handle, obj: Handle, types: number[]): Buffer[] {
  return lib
    .C_GetAttributeValue(
      session,
      obj,
      types.map((type) => ({ type })),
    )
    .map((a) => a.value);
}

export class TokenSigningSession implements SigningSession {
  #open = true;
  readonly chainDer: readonly Uint8Array[];
  readonly signatureLength: number;
  private readonly signerHash: Uint8Array;
  private readonly modulusBytes: number;

  constructor(
    private readonly lib: Pkcs11Library,
    private readonly modulePath: string,
    private readonly session: Handle,
    private readonly key: Handle,
    chain: readonly X509Certificate[],
    readonly certificate: CertificateInfo,
    /** The token's label, for the signing dialog. */
    readonly tokenLabel: string,
    private readonly clock: NowSource | undefined,
  ) {
    this.chainDer = chain.map((c) => new Uint8Array(c.raw));
    this.signerHash = createHash('sha256').update(this.chainDer[0]!).digest();
    this.modulusBytes = Math.ceil((chain[0]!.publicKey.asymmetricKeyDetails?.modulusLength ?? 4096) / 8);
    this.signatureLength = signatureRoom(this.chainDer, this.modulusBytes);
  }

  get isOpen(): boolean {
    return this.#open;
  }

  now(): Date {
    return readNow(this.clock);
  }

  private assertOpen(): void {
    if (!this.#open) throw sessionClosed({ id: 'PIN token', en: 'token PIN' });
  }

  assertCertificateValidAt(at: Date): void {
    this.assertOpen();
    checkCertificateValidity(this.certificate, at);
  }

  /** RSASSA-PKCS1-v1_5 with SHA-256 on the token; the result is checked against the certificate. */
  private signOnToken(data: Uint8Array): Uint8Array {
    let sig: Buffer;
    try {
      this.lib.C_SignInit(this.session, { mechanism: CKM_SHA256_RSA_PKCS }, this.key);
      sig = this.lib.C_Sign(this.session, Buffer.from(data), Buffer.alloc(this.modulusBytes));
    } catch (e) {
      const code = ckr(e);
      if (
        code === CKR_DEVICE_REMOVED ||
        code === CKR_TOKEN_NOT_PRESENT ||
        code === CKR_SESSION_HANDLE_INVALID
      )
        throw deviceGone(e);
      throw new SigningError(
        'keystore_invalid',
        `Token menolak menandatangani: ${messageOf(e)}`,
        `The token refused to sign: ${messageOf(e)}`,
      );
    }
    const cert = new X509Certificate(Buffer.from(this.chainDer[0]!));
    if (!rsaVerify('sha256', data, cert.publicKey, sig)) {
      throw new SigningError(
        'no_private_key',
        'Kunci pada token tidak cocok dengan sertifikatnya.',
        'The key on the token does not match its certificate.',
      );
    }
    return new Uint8Array(sig);
  }

  createCms(contentDigest: Uint8Array): Uint8Array {
    this.assertOpen();
    checkCertificateValidity(this.certificate, this.now());
    return cmsOverChain(this.chainDer, this.signerHash, contentDigest, (data) => this.signOnToken(data));
  }

  close(): void {
    if (!this.#open) return;
    this.#open = false;
    try {
      this.lib.C_Logout(this.session);
    } catch {
      // already logged out, or the token is gone
    }
    try {
      this.lib.C_CloseSession(this.session);
    } catch {
      // the token is gone
    }
    release(this.modulePath);
  }
}

function buildChain(leaf: X509Certificate, pool: X509Certificate[]): X509Certificate[] {
  const chain = [leaf];
  let cur = leaf;
  for (;;) {
    if (cur.checkIssued(cur)) break; // self-signed root
    const issuer = pool.find(
      (c) => !chain.some((x) => x.fingerprint256 === c.fingerprint256) && cur.checkIssued(c),
    );
    if (!issuer) break;
    chain.push(issuer);
    cur = issuer;
  }
  return chain;
}

/**
 * Logs in to the token with the PIN and finds the signing key with its certificate. Refuses
 * (SigningError): module not loadable or token absent, PIN wrong (with the tries left when the token
 * tells) or locked, no RSA key with a certificate, a certificate other than the registered one, a
 * certificate not valid now. Nothing is counted here: the token keeps its own PIN counter.
 */
export async function openTokenSigningSession(
  opts: OpenTokenSigningSessionOptions,
): Promise<TokenSigningSession> {
  const lib = await acquire(opts.modulePath, opts.library ?? defaultLibrary);
  let session: Handle | null = null;
  let loggedIn = false;
  try {
    let token;
    try {
      token = pickToken(listTokens(lib), opts);
    } catch (e) {
      if (e instanceof SigningError) throw e;
      throw tokenUnavailable(messageOf(e));
    }
    if (token.info.flags & CKF_USER_PIN_LOCKED) throw tokenLocked();
    try {
      session = lib.C_OpenSession(token.handle, CKF_SERIAL_SESSION);
    } catch (e) {
      throw tokenUnavailable(messageOf(e));
    }
    try {
      lib.C_Login(session, CKU_USER, opts.pin);
      loggedIn = true;
    } catch (e) {
      const code = ckr(e);
      if (code === CKR_USER_ALREADY_LOGGED_IN) {
        loggedIn = true;
      } else if (code === CKR_PIN_INCORRECT || code === CKR_PIN_INVALID || code === CKR_PIN_LEN_RANGE) {
        let flags: number | null = null;
        try {
          flags = lib.C_GetTokenInfo(token.handle).flags;
        } catch {
          // the token does not say: a plain "wrong PIN"
        }
        throw wrongPinError(flags);
      } else if (code === CKR_PIN_LOCKED) {
        throw tokenLocked();
      } else if (code === CKR_PIN_EXPIRED || code === CKR_USER_PIN_NOT_INITIALIZED) {
        throw new SigningError(
          'locked_out',
          'PIN token kedaluwarsa atau belum diatur; hubungi administrator.',
          'The token PIN has expired or was never set; contact the administrator.',
        );
      } else if (code === CKR_DEVICE_REMOVED || code === CKR_TOKEN_NOT_PRESENT) {
        throw tokenUnavailable(messageOf(e));
      } else {
        throw new SigningError(
          'keystore_invalid',
          `Token menolak masuk: ${messageOf(e)}`,
          `The token refused the login: ${messageOf(e)}`,
        );
      }
    }

    // Certificates on the token (the signer's and maybe its issuers), and RSA private keys.
    const certs: { id: Buffer; cert: X509Certificate }[] = [];
    for (const h of findObjects(lib, session, [
      { type: CKA_CLASS, value: CKO_CERTIFICATE },
      { type: CKA_CERTIFICATE_TYPE, value: CKC_X_509 },
    ])) {
      const [value, id] = attrs(lib, session, h, [CKA_VALUE, CKA_ID]);
      try {
        certs.push({ id: id ?? Buffer.alloc(0), cert: new X509Certificate(value!) });
      } catch {
        // not a certificate node:crypto can read: not ours
      }
    }
    const pool = [
      ...certs.map((c) => c.cert),
      ...(opts.extraCertificates ?? []).map((d) => new X509Certificate(Buffer.from(d))),
    ];
    const expected = opts.expectedCertificateFingerprint
      ? normalizeFingerprint(opts.expectedCertificateFingerprint)
      : null;
    const keys = findObjects(lib, session, [{ type: CKA_CLASS, value: CKO_PRIVATE_KEY }]);
    const candidates: { key: Handle; leaf: X509Certificate }[] = [];
    let otherKeyType: number | null = null;
    for (const key of keys) {
      const [keyType, id] = attrs(lib, session, key, [CKA_KEY_TYPE, CKA_ID]);
      const leaf = certs.find((c) => id && id.length > 0 && c.id.equals(id))?.cert;
      if (!leaf) continue;
      const type = keyType && keyType.length > 0 ? keyType.readUIntLE(0, Math.min(keyType.length, 6)) : -1;
      if (type !== CKK_RSA) {
        otherKeyType = type;
        continue;
      }
      candidates.push({ key, leaf });
    }
    if (candidates.length === 0) {
      if (otherKeyType !== null) {
        throw new SigningError(
          'unsupported_key',
          'Kunci pada token bukan kunci RSA; gunakan kunci RSA.',
          'The key on the token is not an RSA key; use an RSA key.',
        );
      }
      throw new SigningError(
        'no_private_key',
        'Token tidak berisi kunci privat dengan sertifikatnya (CKA_ID yang sama).',
        'The token holds no private key with its certificate (same CKA_ID).',
      );
    }
    const chosen =
      (expected &&
        candidates.find((c) => createHash('sha256').update(c.leaf.raw).digest('hex') === expected)) ||
      candidates[0]!;
    const info = certificateInfo(chosen.leaf);
    if (expected && info.fingerprint !== expected) {
      throw new SigningError(
        'certificate_mismatch',
        'Sertifikat pada token ini bukan sertifikat yang terdaftar untuk Kepala Balai ini. Hubungi Admin Satker.',
        'The certificate on this token is not the one registered for this Kepala Balai. Contact the Admin Satker.',
        { fingerprint: info.fingerprint, expectedFingerprint: expected },
      );
    }
    checkCertificateValidity(info, readNow(opts.now));
    const opened = new TokenSigningSession(
      lib,
      opts.modulePath,
      session,
      chosen.key,
      buildChain(chosen.leaf, pool),
      info,
      token.info.label.trim(),
      opts.now,
    );
    session = null; // owned by the session now
    return opened;
  } finally {
    if (session !== null) {
      if (loggedIn) {
        try {
          lib.C_Logout(session);
        } catch {
          // the token is gone
        }
      }
      try {
        lib.C_CloseSession(session);
      } catch {
        // the token is gone
      }
      release(opts.modulePath);
    } else if (!loggedIn) {
      // failed before a session existed (no token, locked): give the module back
      release(opts.modulePath);
    }
  }
}
