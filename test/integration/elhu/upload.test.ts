/**
 * The server's check of an uploaded signed E-LHU (step 19): signature, whole-file coverage, the
 * registered certificate, and "the document is the report the server issued".
 */
import { X509Certificate } from 'node:crypto';
import { SignPdf } from '@signpdf/signpdf';
import { beforeAll, describe, expect, it } from 'vitest';
import { CadesSigner, sha256Hex, signElhu, type SigningSession } from '../../../main/services/signing/index';
import { demoElhuData } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { prepareElhuForSigning } from '../../../shared/elhu/stamp';
import { verifySignedPdf, verifyUploadedElhu, type UploadCheck } from '../../../server/elhu/verify-signature';
import {
  DEMO_CA_PATH,
  KEPALA_BALAI,
  SIGNING_TIME,
  demoCertPem,
  demoFingerprint,
  testFonts,
  throwawayKeystore,
} from '../../unit/elhu/helpers';
import { readFileSync } from 'node:fs';
import { openDemoSession, kepalaBalaiSignature, openThrowawaySession } from '../../unit/elhu/demo-signing';

const openDemo = (): SigningSession => openDemoSession();

async function sign(
  unsigned: Uint8Array,
  session: SigningSession,
  over: Partial<Parameters<typeof signElhu>[2]> = {},
): Promise<Uint8Array> {
  return signElhu(unsigned, session, kepalaBalaiSignature(unsigned, over));
}

describe('verifyUploadedElhu', () => {
  let issued: Uint8Array;
  let issuedHash: string;
  let signed: Uint8Array;
  let check: (s: Uint8Array, over?: Partial<UploadCheck>) => ReturnType<typeof verifyUploadedElhu>;

  beforeAll(async () => {
    issued = await renderElhu(demoElhuData(), testFonts());
    issuedHash = sha256Hex(issued);
    const session = openDemo();
    signed = await sign(issued, session);
    session.close();
    check = (s, over = {}) =>
      verifyUploadedElhu({
        signed: s,
        issuedUnsigned: issued,
        issuedHash,
        registeredCertificate: demoCertPem(),
        fonts: testFonts(),
        ...over,
      });
  });

  it('accepts the issued report signed by the registered Kepala Balai, and reports what to store', async () => {
    const r = await check(signed, {
      expectedSigner: KEPALA_BALAI,
      trustAnchors: [new X509Certificate(readFileSync(DEMO_CA_PATH))],
    });
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.signedHash).toBe(sha256Hex(signed));
    expect(r.signature.signerFingerprint).toBe(demoFingerprint());
    expect(r.signature.signerCommonName).toBe('Hendra Gunawan Siregar');
    expect(r.signature.signingTime.toISOString()).toBe(SIGNING_TIME.toISOString());
    expect(r.signature.documentHash).toBe(issuedHash);
    expect(r.signature.reportNumber).toBe('LHU/PLG/2025/03/0001');
    expect(r.signature.subFilter).toBe('ETSI.CAdES.detached');
    expect(r.signature.chainFingerprints).toHaveLength(2);
  });

  it('accepts the registered certificate given as a fingerprint too', async () => {
    expect((await check(signed, { registeredCertificate: demoFingerprint().toUpperCase() })).ok).toBe(true);
  });

  it('refuses a signature by a certificate other than the registered one', async () => {
    const other = throwawayKeystore({
      notBefore: new Date('2025-01-01Z'),
      notAfter: new Date('2030-01-01Z'),
      cn: 'Hendra Gunawan Siregar',
    });
    const session = openThrowawaySession(other);
    const byOther = await sign(issued, session);
    session.close();
    expect((await verifySignedPdf(byOther)).ok).toBe(true); // a valid signature ...
    const r = await check(byOther);
    expect(r).toMatchObject({ ok: false, code: 'certificate_not_registered' }); // ... by the wrong person
    expect(!r.ok && r.message.id).toMatch(/bukan milik Kepala Balai/);
    // and an untrusted chain when the server pins the CA
    const v = await verifySignedPdf(byOther, {
      trustAnchors: [new X509Certificate(readFileSync(DEMO_CA_PATH))],
    });
    expect(v).toMatchObject({ ok: false, code: 'untrusted_chain' });
  });

  it('refuses another report, validly signed with the right key', async () => {
    const other = await renderElhu(demoElhuData({ serial: 2 }), testFonts());
    const session = openDemo();
    const s = await sign(other, session);
    session.close();
    expect(await check(s)).toMatchObject({ ok: false, code: 'not_issued_document' });
  });

  it("refuses a document changed before signing that claims the issued report's hash", async () => {
    // A tampered desktop: other pages, the issued report's hash written in, signed with the right key.
    const other = await renderElhu(demoElhuData({ serial: 3 }), testFonts());
    const session = openDemo();
    const prepared = await prepareElhuForSigning(
      other,
      {
        ...KEPALA_BALAI,
        signingTime: SIGNING_TIME,
        reason: 'Pengesahan Laporan Hasil Uji elektronik',
        location: 'Palembang',
        contactInfo: '',
      },
      testFonts(),
      { documentHash: issuedHash, signatureLength: session.signatureLength },
    );
    const forged = new Uint8Array(await new SignPdf().sign(Buffer.from(prepared), new CadesSigner(session)));
    session.close();
    const v = await verifySignedPdf(forged);
    expect(v.ok && v.documentHash).toBe(issuedHash);
    expect(await check(forged)).toMatchObject({ ok: false, code: 'document_altered' });
  });

  it('refuses a signature block naming someone else than the chosen Kepala Balai', async () => {
    const session = openDemo();
    const s = await sign(issued, session, { name: 'Plt. Kepala Balai Lain', nip: '198001012005011001' });
    session.close();
    expect((await check(s)).ok).toBe(true); // consistent in itself ...
    expect(await check(s, { expectedSigner: KEPALA_BALAI })).toMatchObject({
      ok: false,
      code: 'signer_mismatch',
    });
  });

  it('refuses a flipped byte, appended bytes, an unsigned or non-PDF file', async () => {
    const flipped = new Uint8Array(signed);
    flipped[5000] = flipped[5000]! ^ 0x20;
    expect(await check(flipped)).toMatchObject({ ok: false, code: 'digest_mismatch' });
    const appended = Buffer.concat([Buffer.from(signed), Buffer.from('\n% tambahan\n')]);
    expect(await check(appended)).toMatchObject({ ok: false, code: 'byte_range_incomplete' });
    expect(await check(issued)).toMatchObject({ ok: false, code: 'no_signature' });
    expect(await check(new TextEncoder().encode('bukan pdf'))).toMatchObject({ ok: false, code: 'not_pdf' });
  });

  it("refuses when the server's own stored copy does not match its hash", async () => {
    expect(await check(signed, { issuedHash: sha256Hex(new Uint8Array([1])) })).toMatchObject({
      ok: false,
      code: 'issued_document_mismatch',
    });
  });

  it('refuses a damaged CMS', async () => {
    const text = Buffer.from(signed).toString('latin1');
    const b = Number(/\/ByteRange\s*\[\s*0\s+(\d+)/.exec(text)![1]);
    const damaged = Buffer.from(signed);
    damaged.write('ff', b + 1, 'latin1'); // first byte of the CMS: no longer a SEQUENCE
    const r = await check(damaged);
    expect(r).toMatchObject({ ok: false, code: 'cms_invalid' });
  });
});
