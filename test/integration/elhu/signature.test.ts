/**
 * Independent checks of a signed E-LHU with Debian's tools: poppler's pdfsig, qpdf and openssl.
 * A missing tool fails with the apt package to install; nothing is skipped.
 */
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentInfo, SignedData } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { beforeAll, describe, expect, it } from 'vitest';
import { sha256Hex } from '../../../main/services/signing/index';
import { OID } from '../../../shared/cades';
import { demoElhuData, demoLogoPng } from '../../../shared/elhu/demo-data';
import { renderElhu } from '../../../shared/elhu/render';
import { verifySignedPdf, verifyUploadedElhu } from '../../../server/elhu/verify-signature';
import {
  DEMO_CA_PATH,
  demoCertPem,
  requireTools,
  run,
  testFonts,
  opensslCmsVerify,
} from '../../unit/elhu/helpers';
import { signAsKepalaBalai } from '../../unit/elhu/demo-signing';

/** The signed byte ranges and the CMS, read from the raw file. */
export function splitSigned(pdf: Uint8Array): { content: Buffer; cms: Buffer; byteRange: number[] } {
  const text = Buffer.from(pdf).toString('latin1');
  const m = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text);
  if (!m) throw new Error('no /ByteRange');
  const [a, b, c, d] = m.slice(1).map(Number) as [number, number, number, number];
  const content = Buffer.concat([Buffer.from(pdf.subarray(a, a + b)), Buffer.from(pdf.subarray(c, c + d))]);
  const der = Buffer.from(text.slice(b + 1, c - 1), 'hex');
  // The CMS without the placeholder's zero padding: as the library re-encodes what it parsed.
  const cms = Buffer.from(AsnConvert.serialize(AsnConvert.parse(der, ContentInfo)));
  return { content, cms, byteRange: [a, b, c, d] };
}

/** OIDs of the signed attributes of the (single) SignerInfo. */
function signedAttributeOids(cms: Uint8Array): string[] {
  const signedData = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
  return signedData.signerInfos[0]!.signedAttrs!.map((a) => a.attrType);
}

describe('signed E-LHU, checked by pdfsig, qpdf and openssl', () => {
  let dir: string;
  let unsigned: Uint8Array;
  let signed: Uint8Array;
  let signedPath: string;

  beforeAll(async () => {
    requireTools('pdfsig', 'qpdf', 'openssl', 'certutil');
    dir = mkdtempSync(join(tmpdir(), 'elhu-sig-'));
    const fonts = testFonts();
    unsigned = await renderElhu(demoElhuData({ logoPng: demoLogoPng() }), fonts);
    signed = await signAsKepalaBalai(unsigned, { fonts });
    signedPath = join(dir, 'signed.pdf');
    writeFileSync(signedPath, signed);
  });

  it('pdfsig: the signature is valid, covers the total document, by the Kepala Balai, ETSI.CAdES.detached, /M', () => {
    const r = run('pdfsig', [signedPath]);
    const out = r.stdout;
    // pdfsig exits 0 even on a bad digest: the verdict is in its text.
    expect(out).toMatch(/Signature #1:/);
    expect(out).not.toMatch(/Signature #2:/);
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    expect(out).toMatch(/^\s*- Total document signed$/m);
    expect(out).toMatch(/Signer Certificate Common Name: Hendra Gunawan Siregar/);
    expect(out).toMatch(/Signature Type: ETSI\.CAdES\.detached/);
    expect(out).toMatch(/Signing Hash Algorithm: SHA-256/);
    expect(out).toMatch(/Signing Time: Mar 14 2025 03:15:42/);
  });

  it('pdfsig trusts the chain once the demo CA is in its NSS database', () => {
    const nss = mkdtempSync(join(tmpdir(), 'elhu-nss-'));
    expect(run('certutil', ['-N', '-d', `sql:${nss}`, '--empty-password']).status).toBe(0);
    expect(
      run('certutil', ['-A', '-d', `sql:${nss}`, '-n', 'SIPPT Demo CA', '-t', 'C,C,C', '-i', DEMO_CA_PATH])
        .status,
    ).toBe(0);
    const out = run('pdfsig', ['-nssdir', `sql:${nss}`, signedPath]).stdout;
    expect(out).toMatch(/Signature Validation: Signature is Valid\./);
    expect(out).toMatch(/Certificate Validation: Certificate is Trusted\./);
  });

  it('qpdf --check finds no damage, signed and unsigned', () => {
    const unsignedPath = join(dir, 'unsigned.pdf');
    writeFileSync(unsignedPath, unsigned);
    for (const p of [signedPath, unsignedPath]) {
      const r = run('qpdf', ['--check', p]);
      expect(r.stderr).toBe('');
      expect(r.stdout).toMatch(/No syntax or stream encoding errors found/);
      expect(r.status).toBe(0);
    }
  });

  it('openssl cms -verify succeeds over the byte ranges with the demo CA', () => {
    const { content, cms } = splitSigned(signed);
    writeFileSync(join(dir, 'content.bin'), content);
    writeFileSync(join(dir, 'sig.der'), cms);
    const r = opensslCmsVerify(
      join(dir, 'sig.der'),
      join(dir, 'content.bin'),
      DEMO_CA_PATH,
      join(dir, 'verified.bin'),
    );
    expect(r.stderr).toMatch(/Verification successful/);
    expect(r.status).toBe(0);
    // And with another CA, the same check fails: the test above is not vacuous.
    const bad = opensslCmsVerify(join(dir, 'sig.der'), join(dir, 'content.bin'), '/dev/null', '/dev/null');
    expect(bad.status).not.toBe(0);
  });

  it('the CMS has signing-certificate-v2 and no signing-time, and embeds the whole chain', () => {
    const { cms } = splitSigned(signed);
    const oids = signedAttributeOids(cms);
    expect(oids).toContain('1.2.840.113549.1.9.16.2.47');
    expect(oids).not.toContain('1.2.840.113549.1.9.5');
    expect(oids.sort()).toEqual([OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort());
    // openssl reads the same.
    writeFileSync(join(dir, 'cms.der'), cms);
    const printed = run('openssl', [
      'cms',
      '-cmsout',
      '-print',
      '-inform',
      'DER',
      '-in',
      join(dir, 'cms.der'),
    ]).stdout;
    expect(printed).toMatch(/id-smime-aa-signingCertificateV2 \(1\.2\.840\.113549\.1\.9\.16\.2\.47\)/);
    expect(printed).not.toMatch(/signingTime/);
    const certs = run('openssl', [
      'pkcs7',
      '-inform',
      'DER',
      '-in',
      join(dir, 'cms.der'),
      '-print_certs',
      '-noout',
    ]).stdout;
    expect(certs.match(/^subject=/gm)).toHaveLength(2);
    expect(certs).toMatch(/CN ?= ?SIPPT Demo CA - DEMO ONLY/);
    expect(AsnConvert.parse(cms, ContentInfo).contentType).toBe(OID.signedData);
  });

  it('the SubFilter is ETSI.CAdES.detached and /M is the signing time', () => {
    const text = Buffer.from(signed).toString('latin1');
    expect(text).toMatch(/\/SubFilter \/ETSI\.CAdES\.detached/);
    expect(text).toMatch(/\/M \(D:20250314031542Z\)/);
    expect(text).not.toMatch(/adbe\.pkcs7/);
  });

  it('a flipped byte in the signed area: pdfsig reports a digest mismatch and the server refuses it', async () => {
    const { byteRange } = splitSigned(signed);
    for (const pos of [Math.floor(byteRange[1]! / 2), byteRange[2]! + 100]) {
      const flipped = new Uint8Array(signed);
      flipped[pos] = flipped[pos]! ^ 0x01;
      const p = join(dir, `flipped-${pos}.pdf`);
      writeFileSync(p, flipped);
      const out = run('pdfsig', [p]).stdout;
      expect(out).toMatch(/Signature Validation: Digest Mismatch\./);
      expect(out).not.toMatch(/Signature is Valid/);
      const v = await verifySignedPdf(flipped);
      expect(v.ok).toBe(false);
      expect(!v.ok && v.code).toBe('digest_mismatch');
      const up = await verifyUploadedElhu({
        signed: flipped,
        issuedUnsigned: unsigned,
        issuedHash: sha256Hex(unsigned),
        registeredCertificate: demoCertPem(),
        fonts: testFonts(),
      });
      expect(up.ok).toBe(false);
    }
  });
});
