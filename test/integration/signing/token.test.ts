/**
 * Signing with the key on a PKCS#11 token (issue 10, "Where the key lives"), against SoftHSM2: a
 * token is initialised in a temp folder, the demo Kepala Balai's key and certificates are imported,
 * an E-LHU is signed through the token session and checked by pdfsig and by the server's verifier.
 * The signed file is byte for byte the one the key-file session makes of the same document at the
 * same time (same signed attributes; RSA PKCS#1 v1.5 is deterministic).
 *
 * Skipped, with the reason, where softhsm2 or the pkcs11js addon is missing; .ci/run installs softhsm2.
 */
import { X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentInfo } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex, signElhu } from '../../../main/services/signing/index';
import {
  CKA_CLASS,
  CKA_EXTRACTABLE,
  CKA_SENSITIVE,
  CKF_USER_PIN_COUNT_LOW,
  CKF_USER_PIN_FINAL_TRY,
  CKF_USER_PIN_LOCKED,
  CKO_PRIVATE_KEY,
  CKR_PIN_INCORRECT,
  CKR_PIN_LOCKED,
  listSigningTokens,
  openTokenSigningSession,
  type OpenTokenSigningSessionOptions,
  type Pkcs11Library,
} from '../../../main/services/signing/token';
import { verifySignedPdf, verifyUploadedElhu } from '../../../server/elhu/verify-signature';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import {
  DEMO_CA_PATH,
  DEMO_PASSPHRASE,
  KEPALA_BALAI,
  KEYSTORE_DIR,
  SIGNING_TIME,
  demoCertPem,
  demoFingerprint,
  run,
  testFonts,
} from '../../unit/elhu/helpers';
import { signingError } from './support/kb-desktops';
import { makeSoftHsmToken, softhsmAvailable, type SoftHsmToken } from './support/softhsm';
import { openDemoSession } from '../../unit/elhu/demo-signing';

/** The signed byte ranges and the CMS, read from the raw file (as test/integration/elhu/signature.test.ts does). */
function splitSigned(pdf: Uint8Array): { cms: Buffer; byteRange: number[] } {
  const text = Buffer.from(pdf).toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!m) throw new Error('no /ByteRange');
  const [, b, c] = m.slice(1).map(Number) as [number, number, number, number];
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  return {
    cms: Buffer.from(AsnConvert.serialize(AsnConvert.parse(der, ContentInfo))),
    byteRange: m.slice(1).map(Number),
  };
}

const why = softhsmAvailable();
if (why) console.warn(`[token.test] ${why}`);

/** The demo certificate is valid 2025-01-01 .. 2035-12-31: sign "now" at the fixed time. */
const NOW = () => SIGNING_TIME;

describe.skipIf(why !== null)(`PKCS#11 token (SoftHSM2)${why ? ` — skipped: ${why}` : ''}`, () => {
  let token: SoftHsmToken;
  let dir: string;
  let unsigned: Uint8Array;
  let fileSigned: Uint8Array;
  const signOpts = () => ({
    ...KEPALA_BALAI,
    signingTime: SIGNING_TIME,
    expectedDocumentHash: sha256Hex(unsigned),
    fonts: testFonts(),
    location: 'Palembang',
  });

  /** A session on the test token as the desktop opens it (by its label, the right PIN, the fixed time), but for `over`. */
  const openToken = (over: Partial<OpenTokenSigningSessionOptions> = {}) =>
    openTokenSigningSession({
      modulePath: token.modulePath,
      tokenLabel: 'sippt-test',
      pin: token.pin,
      now: NOW,
      ...over,
    });

  beforeAll(async () => {
    token = makeSoftHsmToken({
      p12Path: join(KEYSTORE_DIR, 'kepala-balai-demo.p12'),
      p12Passphrase: DEMO_PASSPHRASE,
    });
    dir = mkdtempSync(join(tmpdir(), 'elhu-token-'));
    unsigned = await renderElhu(demoElhuData({ logoPng: demoLogoPng() }), testFonts());
    const fileSession = openDemoSession({ now: NOW });
    try {
      fileSigned = await signElhu(unsigned, fileSession, signOpts());
    } finally {
      fileSession.close();
    }
  });
  afterAll(() => {
    token?.cleanup();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it('lists the token by its label', async () => {
    const tokens = await listSigningTokens(token.modulePath);
    expect(tokens.map((t) => t.label)).toContain('sippt-test');
  });

  it('signs an E-LHU on the token: the same file as the key-file path, valid for pdfsig and for the server', async () => {
    const session = await openToken({ expectedCertificateFingerprint: demoFingerprint() });
    let signed: Uint8Array;
    try {
      expect(session.tokenLabel).toBe('sippt-test');
      expect(session.certificate.fingerprint).toBe(demoFingerprint());
      expect(session.chainDer).toHaveLength(2); // signer + demo CA, both from the token
      signed = await signElhu(unsigned, session, signOpts());
    } finally {
      session.close();
    }
    expect(session.isOpen).toBe(false);

    // Same CMS (same signed attributes, same chain, same RSA signature) and so the same file.
    const t = splitSigned(signed);
    const f = splitSigned(fileSigned);
    expect(t.byteRange).toEqual(f.byteRange);
    expect(t.cms.equals(f.cms)).toBe(true);
    expect(Buffer.from(signed).equals(Buffer.from(fileSigned))).toBe(true);

    const path = join(dir, 'token-signed.pdf');
    writeFileSync(path, signed);
    const out = run('pdfsig', [path]).stdout;
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    expect(out).toMatch(/^\s*- Total document signed$/m);
    expect(out).toContain('Hendra Gunawan Siregar');

    const ca = new X509Certificate(readFileSync(DEMO_CA_PATH));
    const v = await verifySignedPdf(signed, { trustAnchors: [ca] });
    expect(v.ok).toBe(true);
    if (v.ok) expect(v.signerFingerprint).toBe(demoFingerprint());
    const up = await verifyUploadedElhu({
      signed,
      issuedUnsigned: unsigned,
      issuedHash: sha256Hex(unsigned),
      registeredCertificate: demoCertPem(),
      expectedSigner: KEPALA_BALAI,
      fonts: testFonts(),
      trustAnchors: [ca],
    });
    expect(up.ok).toBe(true);
  });

  it('the private key stays on the token: sensitive and not extractable', async () => {
    const { PKCS11 } = await import('pkcs11js');
    const lib = new PKCS11();
    lib.load(token.modulePath);
    lib.C_Initialize();
    try {
      const slot = lib.C_GetSlotList(true).find((s) => lib.C_GetTokenInfo(s).label.trim() === 'sippt-test')!;
      const s = lib.C_OpenSession(slot, 4);
      lib.C_Login(s, 1, token.pin);
      lib.C_FindObjectsInit(s, [{ type: CKA_CLASS, value: CKO_PRIVATE_KEY }]);
      const keys = lib.C_FindObjects(s, 10);
      lib.C_FindObjectsFinal(s);
      expect(keys).toHaveLength(1);
      const [sensitive, extractable] = lib.C_GetAttributeValue(s, keys[0]!, [
        { type: CKA_SENSITIVE },
        { type: CKA_EXTRACTABLE },
      ]);
      expect(sensitive!.value[0]).toBe(1);
      expect(extractable!.value[0]).toBe(0);
      lib.C_Logout(s);
      lib.C_CloseSession(s);
    } finally {
      lib.C_Finalize();
    }
  });

  it('a wrong PIN is refused in plain words; the right one still opens (the token keeps its own count)', async () => {
    const e = await signingError(openToken({ pin: '0000' }));
    expect(e.code).toBe('wrong_passphrase');
    expect(e.messageId).toMatch(/PIN token salah/);
    expect(e.messageEn).toMatch(/Wrong token PIN/);
    const ok = await openToken();
    ok.close();
  });

  it('another certificate than the registered one, an absent token, an unloadable module: refused with the reason', async () => {
    const mismatch = await signingError(openToken({ expectedCertificateFingerprint: 'ab'.repeat(32) }));
    expect(mismatch.code).toBe('certificate_mismatch');
    const absent = await signingError(openToken({ tokenLabel: 'tidak-ada' }));
    expect(absent.code).toBe('no_keystore');
    expect(absent.messageEn).toMatch(/"sippt-test"/);
    const module = await signingError(
      openTokenSigningSession({ modulePath: join(dir, 'missing.so'), pin: token.pin, now: NOW }),
    );
    expect(module.code).toBe('keystore_invalid');
    expect(module.messageEn).toMatch(/PKCS#11 module could not be loaded/);
    // Expired at the session's time.
    const late = await signingError(
      openTokenSigningSession({
        modulePath: token.modulePath,
        pin: token.pin,
        now: new Date('2036-06-01T00:00:00Z'),
      }),
    );
    expect(late.code).toBe('certificate_expired');
  });
});

/** The token's lockout flags, with a fake module (SoftHSM2 keeps no PIN counter). */
describe('PKCS#11 token lockout, as the token reports it', () => {
  function fakeLibrary(behaviour: {
    loginError?: number;
    flagsAfter?: number;
    flagsBefore?: number;
  }): () => Promise<Pkcs11Library> {
    let flags = behaviour.flagsBefore ?? 0;
    const slot = Buffer.from([1]);
    const lib: Partial<Pkcs11Library> = {
      load: () => {},
      C_Initialize: () => {},
      C_Finalize: () => {},
      C_GetSlotList: () => [slot],
      C_GetTokenInfo: () =>
        ({
          label: 'eToken'.padEnd(32),
          flags,
          manufacturerID: 'x',
          model: 'y',
          serialNumber: 'z',
        }) as ReturnType<Pkcs11Library['C_GetTokenInfo']>,
      C_OpenSession: () => Buffer.from([9]),
      C_CloseSession: () => {},
      C_Logout: () => {},
      C_Login: () => {
        if (behaviour.loginError !== undefined) {
          flags = behaviour.flagsAfter ?? flags;
          throw Object.assign(new Error(`CKR:${behaviour.loginError}`), { code: behaviour.loginError });
        }
      },
    };
    return () => Promise.resolve(lib as Pkcs11Library);
  }
  const open = (library: () => Promise<Pkcs11Library>) =>
    signingError(openTokenSigningSession({ modulePath: `/fake/${Math.random()}.so`, pin: '1111', library }));

  it('CKR_PIN_INCORRECT with FINAL_TRY: one attempt left, said so', async () => {
    const e = await open(fakeLibrary({ loginError: CKR_PIN_INCORRECT, flagsAfter: CKF_USER_PIN_FINAL_TRY }));
    expect(e.code).toBe('wrong_passphrase');
    expect(e.details.attemptsLeft).toBe(1);
    expect(e.messageId).toMatch(/Sisa percobaan: 1/);
  });

  it('CKR_PIN_INCORRECT with COUNT_LOW: few attempts left, said so', async () => {
    const e = await open(fakeLibrary({ loginError: CKR_PIN_INCORRECT, flagsAfter: CKF_USER_PIN_COUNT_LOW }));
    expect(e.code).toBe('wrong_passphrase');
    expect(e.messageEn).toMatch(/few attempts/);
  });

  it('CKR_PIN_INCORRECT that locks the token, CKR_PIN_LOCKED, and a token already locked: "token terkunci; hubungi administrator"', async () => {
    for (const b of [
      { loginError: CKR_PIN_INCORRECT, flagsAfter: CKF_USER_PIN_LOCKED },
      { loginError: CKR_PIN_LOCKED },
      { flagsBefore: CKF_USER_PIN_LOCKED },
    ]) {
      const e = await open(fakeLibrary(b));
      expect(e.code).toBe('locked_out');
      expect(e.messageId).toMatch(/token terkunci, hubungi administrator/);
    }
  });
});
