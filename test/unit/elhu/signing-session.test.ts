import { mkdtempSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  MemoryLockoutStore,
  SigningError,
  loadKeystore,
  openSigningSession,
  sha256Hex,
  signElhu,
  type SigningSession,
} from '../../../main/services/signing/index';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { DEMO_PASSPHRASE, demoFingerprint, demoP12, testFonts, throwawayKeystore } from './helpers';
import { openDemoSession, kepalaBalaiSignature, openThrowawaySession } from './demo-signing';

/** A fake clock the tests move by hand. */
function fakeClock(start: string): { now: () => Date; advance: (ms: number) => void } {
  let t = Date.parse(start);
  return { now: () => new Date(t), advance: (ms) => (t += ms) };
}

async function expectSigningError(fn: () => unknown, code: string): Promise<SigningError> {
  try {
    await fn();
  } catch (e) {
    expect(e).toBeInstanceOf(SigningError);
    const err = e as SigningError;
    expect(err.code).toBe(code);
    expect(err.messageId.length).toBeGreaterThan(10);
    expect(err.messageEn.length).toBeGreaterThan(10);
    expect(err.message).toBe(`${err.messageId} / ${err.messageEn}`);
    return err;
  }
  throw new Error(`expected SigningError ${code}, nothing was thrown`);
}

/** What the desktop does: sign, and write the file only when signing succeeded. */
async function signToFile(
  dir: string,
  unsigned: Uint8Array,
  open: () => SigningSession,
  expectedHash: string,
): Promise<void> {
  const session = open();
  try {
    const signed = await signElhu(
      unsigned,
      session,
      kepalaBalaiSignature(unsigned, { expectedDocumentHash: expectedHash }),
    );
    writeFileSync(join(dir, 'signed.pdf'), signed);
  } finally {
    session.close();
  }
}

const clockIn2026 = (): Date => new Date('2026-06-01T00:00:00Z');

describe('keystore', () => {
  it('opens the demo PKCS#12 (OpenSSL 3, AES-256) and exposes chain, subject and validity', () => {
    const ks = loadKeystore(demoP12(), DEMO_PASSPHRASE);
    expect(ks.info.commonName).toBe('Hendra Gunawan Siregar');
    expect(ks.info.fingerprint).toBe(demoFingerprint());
    expect(ks.chain).toHaveLength(2);
    expect(ks.chain[1]!.subject).toContain('SIPPT Demo CA');
    expect(ks.info.validFrom.toISOString()).toBe('2025-01-01T00:00:00.000Z');
    expect(ks.info.validTo.toISOString()).toBe('2035-12-31T23:59:59.000Z');
    expect(ks.privateKey.type).toBe('private');
    expect(ks.privateKey.asymmetricKeyType).toBe('rsa');
  });

  it('opens a forge-made PKCS#12 too', () => {
    const t = throwawayKeystore({ notBefore: new Date('2025-01-01Z'), notAfter: new Date('2030-01-01Z') });
    expect(loadKeystore(t.p12, t.passphrase).info.fingerprint).toBe(t.fingerprint);
  });

  it('refuses something that is not a keystore', async () => {
    await expectSigningError(() => loadKeystore(new Uint8Array([1, 2, 3, 4]), 'x'), 'keystore_invalid');
  });
});

describe('signing session', () => {
  let unsigned: Uint8Array;
  let hash: string;
  beforeAll(async () => {
    unsigned = await renderElhu(demoElhuData(), testFonts());
    hash = sha256Hex(unsigned);
  });

  it('signs a batch with one unlock, then forgets the key', async () => {
    const session = openDemoSession({ now: clockIn2026 });
    expect(session.isOpen).toBe(true);
    expect(session.certificate.commonName).toBe('Hendra Gunawan Siregar');
    for (let i = 0; i < 3; i++) {
      const u = await renderElhu(demoElhuData({ serial: 100 + i }), testFonts());
      const signed = await signElhu(u, session, kepalaBalaiSignature(u));
      expect(Buffer.from(signed.subarray(0, 5)).toString()).toBe('%PDF-');
    }
    session.close();
    expect(session.isOpen).toBe(false);
    await expectSigningError(
      () => signElhu(unsigned, session, kepalaBalaiSignature(unsigned, { expectedDocumentHash: hash })),
      'session_closed',
    );
  });

  it('accepts the fingerprint with colons and in upper case', () => {
    const fp = demoFingerprint().toUpperCase().match(/../g)!.join(':');
    const s = openSigningSession({
      p12: demoP12(),
      passphrase: DEMO_PASSPHRASE,
      expectedCertificateFingerprint: fp,
      now: clockIn2026,
    });
    s.close();
  });

  it('refuses a wrong passphrase with a typed error, and writes nothing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elhu-sign-'));
    const lockout = new MemoryLockoutStore();
    const err = await expectSigningError(
      () =>
        signToFile(
          dir,
          unsigned,
          () =>
            openSigningSession({
              p12: demoP12(),
              passphrase: 'salah',
              expectedCertificateFingerprint: demoFingerprint(),
              now: clockIn2026,
              lockout,
            }),
          hash,
        ),
      'wrong_passphrase',
    );
    expect(err.messageId).toMatch(/Passphrase salah/);
    expect(err.messageEn).toMatch(/Wrong passphrase/);
    expect(err.details.attemptsLeft).toBe(4);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('locks out after 5 wrong passphrases in a row, for the lockout period, even with the right one', async () => {
    const clock = fakeClock('2026-06-01T08:00:00Z');
    const lockout = new MemoryLockoutStore();
    const open = (passphrase: string): SigningSession =>
      openSigningSession({
        p12: demoP12(),
        passphrase,
        expectedCertificateFingerprint: demoFingerprint(),
        now: clock.now,
        lockout,
      });
    for (let i = 1; i <= 5; i++) {
      const e = await expectSigningError(() => open(`salah-${i}`), 'wrong_passphrase');
      expect(e.details.attemptsLeft).toBe(5 - i);
      clock.advance(1000);
    }
    const locked = await expectSigningError(() => open(DEMO_PASSPHRASE), 'locked_out');
    expect(locked.details.lockedUntil?.toISOString()).toBe('2026-06-01T08:15:04.000Z');
    clock.advance(14 * 60_000);
    await expectSigningError(() => open(DEMO_PASSPHRASE), 'locked_out');
    clock.advance(60_000);
    const s = open(DEMO_PASSPHRASE);
    expect(s.isOpen).toBe(true);
    s.close();
    expect(lockout.get(demoFingerprint())).toEqual({ failures: 0, lockedUntil: null });
  });

  it('resets the count after a success', async () => {
    const lockout = new MemoryLockoutStore();
    const open = (p: string): SigningSession =>
      openSigningSession({
        p12: demoP12(),
        passphrase: p,
        expectedCertificateFingerprint: demoFingerprint(),
        now: clockIn2026,
        lockout,
      });
    for (let i = 0; i < 4; i++) await expectSigningError(() => open('salah'), 'wrong_passphrase');
    open(DEMO_PASSPHRASE).close();
    const e = await expectSigningError(() => open('salah'), 'wrong_passphrase');
    expect(e.details.attemptsLeft).toBe(4);
  });

  it('refuses an expired certificate', async () => {
    const t = throwawayKeystore({
      notBefore: new Date('2020-01-01Z'),
      notAfter: new Date('2024-12-31T23:59:59Z'),
    });
    const dir = mkdtempSync(join(tmpdir(), 'elhu-sign-'));
    const e = await expectSigningError(
      () => signToFile(dir, unsigned, () => openThrowawaySession(t, { now: clockIn2026 }), hash),
      'certificate_expired',
    );
    expect(e.messageId).toMatch(/kedaluwarsa/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a certificate that is not valid yet', async () => {
    const t = throwawayKeystore({ notBefore: new Date('2027-01-01Z'), notAfter: new Date('2030-01-01Z') });
    const e = await expectSigningError(
      () => openThrowawaySession(t, { now: clockIn2026 }),
      'certificate_not_yet_valid',
    );
    expect(e.messageId).toMatch(/belum berlaku/);
  });

  it('refuses a signing time outside the certificate validity', async () => {
    const session = openDemoSession({ now: clockIn2026 });
    await expectSigningError(
      () =>
        signElhu(
          unsigned,
          session,
          kepalaBalaiSignature(unsigned, {
            signingTime: new Date('2036-02-01Z'),
            expectedDocumentHash: hash,
          }),
        ),
      'certificate_expired',
    );
    session.close();
  });

  it('refuses a certificate other than the registered one', async () => {
    const t = throwawayKeystore({
      notBefore: new Date('2025-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      cn: 'Hendra Gunawan Siregar',
    });
    const dir = mkdtempSync(join(tmpdir(), 'elhu-sign-'));
    const e = await expectSigningError(
      () =>
        signToFile(
          dir,
          unsigned,
          () =>
            openThrowawaySession(t, { expectedCertificateFingerprint: demoFingerprint(), now: clockIn2026 }),
          hash,
        ),
      'certificate_mismatch',
    );
    expect(e.details.fingerprint).toBe(t.fingerprint);
    expect(e.details.expectedFingerprint).toBe(demoFingerprint());
    expect(readdirSync(dir)).toEqual([]);
  });

  it('refuses a report that changed since it was queued', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'elhu-sign-'));
    const changed = await renderElhu(demoElhuData({ serial: 77 }), testFonts());
    const e = await expectSigningError(
      () => signToFile(dir, changed, () => openDemoSession({ now: clockIn2026 }), hash),
      'document_changed',
    );
    expect(e.details).toEqual({ expectedHash: hash, actualHash: sha256Hex(changed) });
    expect(readdirSync(dir)).toEqual([]);
  });
});
