/**
 * The E-LHU's CMS builder (shared/cades, @peculiar/asn1-cms): canonical DER as OpenSSL re-encodes
 * it, the signed attributes in DER SET order, the ESS signing-certificate-v2 naming the signer, and
 * certificates that are not plain DER refused instead of being embedded altered.
 */
import { createHash, X509Certificate } from 'node:crypto';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ContentInfo, SignedData, type Attribute } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Certificate } from '@peculiar/asn1-x509';
import { beforeAll, describe, expect, it } from 'vitest';
import { type SigningSession } from '../../../main/services/signing/index';
import {
  CadesBuildError,
  OID,
  ObjectIdentifierValue,
  SignedAttributesSet,
  SigningCertificateV2,
  buildCadesSignedData,
  cadesSignedAttributes,
  certificateIdentity,
  type CadesInput,
} from '../../../shared/cades';
import {
  DEMO_CA_PATH,
  requireTools,
  run,
  throwawayKeystore,
  opensslCmsVerify,
  opensslCmsReencode,
} from './helpers';
import { openDemoSession } from './demo-signing';

const hex = (b: ArrayBuffer | Uint8Array): string =>
  Buffer.from(b instanceof Uint8Array ? b : new Uint8Array(b)).toString('hex');

describe('CAdES CMS built with @peculiar/asn1-cms', () => {
  let session: SigningSession;
  let dir: string;
  let input: CadesInput;
  let signedOver: Uint8Array[];

  beforeAll(() => {
    requireTools('openssl');
    dir = mkdtempSync(join(tmpdir(), 'cades-'));
    session = openDemoSession();
    signedOver = [];
    input = {
      contentDigest: createHash('sha256').update('isi PDF yang ditandatangani').digest(),
      signerCertificate: session.chainDer[0]!,
      chain: [...session.chainDer.slice(1)],
      signerCertificateHash: createHash('sha256').update(session.chainDer[0]!).digest(),
      // A stand-in signature value: these tests look at the structure (the real key signs below).
      sign: (data) => {
        signedOver.push(data);
        return new Uint8Array(512).fill(0x5a);
      },
    };
  });

  it('is canonical DER: OpenSSL re-encodes it to the same bytes, and the signed attributes are what was signed', () => {
    const cms = buildCadesSignedData(input);
    writeFileSync(join(dir, 'cms.der'), cms);
    opensslCmsReencode(join(dir, 'cms.der'), join(dir, 'again.der'));
    expect(hex(readFileSync(join(dir, 'again.der')))).toBe(hex(cms));
    // The bytes handed to the signer are the SET OF form of the attributes in the SignerInfo.
    const signed = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
    const attrs = signed.signerInfos[0]!.signedAttrs!;
    expect(hex(signedOver.at(-1)!)).toBe(hex(AsnConvert.serialize(new SignedAttributesSet(attrs))));
    expect(hex(signedOver.at(-1)!)).toBe(
      hex(cadesSignedAttributes(input.contentDigest, input.signerCertificate, input.signerCertificateHash)),
    );
  });

  it('orders the signed attributes as DER sorts a SET OF, which OpenSSL does too (the check has teeth)', () => {
    const cms = buildCadesSignedData(input);
    const info = AsnConvert.parse(cms, ContentInfo);
    const signed = AsnConvert.parse(info.content, SignedData);
    const attrs = signed.signerInfos[0]!.signedAttrs!;
    const encodings = attrs.map((a) => hex(AsnConvert.serialize(a)));
    expect(encodings).toEqual([...encodings].sort());
    expect(attrs.map((a) => a.attrType).sort()).toEqual(
      [OID.contentType, OID.messageDigest, OID.signingCertificateV2].sort(),
    );
    expect(attrs.map((a) => a.attrType)).not.toContain(OID.signingTime);
    // Reversed, the same attributes are not DER: OpenSSL's re-encoding puts them back in order.
    signed.signerInfos[0]!.signedAttrs = [...attrs].reverse() as Attribute[];
    const reversed = new Uint8Array(
      AsnConvert.serialize(
        new ContentInfo({ contentType: OID.signedData, content: AsnConvert.serialize(signed) }),
      ),
    );
    writeFileSync(join(dir, 'reversed.der'), reversed);
    opensslCmsReencode(join(dir, 'reversed.der'), join(dir, 'reordered.der'));
    expect(hex(readFileSync(join(dir, 'reordered.der')))).not.toBe(hex(reversed));
    expect(hex(readFileSync(join(dir, 'reordered.der')))).toBe(hex(cms));
  });

  it('content-type is id-data, message-digest the content digest, signing-certificate-v2 the signer certificate (SHA-256 left as the default)', () => {
    const attrs = AsnConvert.parse(
      cadesSignedAttributes(input.contentDigest, input.signerCertificate, input.signerCertificateHash),
      SignedAttributesSet,
    );
    const value = (type: string): ArrayBuffer => attrs.find((a) => a.attrType === type)!.attrValues[0]!;
    expect(AsnConvert.parse(value(OID.contentType), ObjectIdentifierValue).value).toBe(OID.data);
    expect(hex(AsnConvert.parse(value(OID.messageDigest), OctetString).buffer)).toBe(
      hex(input.contentDigest),
    );
    const scv2 = AsnConvert.parse(value(OID.signingCertificateV2), SigningCertificateV2);
    expect(scv2.certs).toHaveLength(1);
    const id = scv2.certs[0]!;
    expect(id.hashAlgorithm.algorithm).toBe(OID.sha256);
    expect(hex(id.certHash.buffer)).toBe(hex(input.signerCertificateHash));
    const cert = AsnConvert.parse(input.signerCertificate, Certificate);
    expect(hex(AsnConvert.serialize(id.issuerSerial!.issuer[0]!.directoryName!))).toBe(
      hex(AsnConvert.serialize(cert.tbsCertificate.issuer)),
    );
    expect(hex(id.issuerSerial!.serialNumber)).toBe(hex(cert.tbsCertificate.serialNumber));
    // The default hash algorithm is left out of the encoding (DER), as RFC 5035 writes it.
    const printed = run('openssl', ['asn1parse', '-inform', 'DER'], {
      input: new Uint8Array(value(OID.signingCertificateV2)),
    }).stdout;
    expect(printed).not.toMatch(/sha256/);
  });

  it('signs with the desktop key (the signing session builds it): OpenSSL verifies the CMS against the demo CA', () => {
    const content = join(dir, 'content.bin');
    writeFileSync(content, 'isi PDF yang ditandatangani');
    const cms = session.createCms(createHash('sha256').update(readFileSync(content)).digest());
    writeFileSync(join(dir, 'real.der'), cms);
    const r = opensslCmsVerify(join(dir, 'real.der'), content, DEMO_CA_PATH, '/dev/null');
    expect(r.stderr).toMatch(/Verification successful/);
  });

  it('embeds the whole chain, each certificate byte for byte', () => {
    const t = throwawayKeystore({
      notBefore: new Date('2024-01-01T00:00:00Z'),
      notAfter: new Date('2034-01-01T00:00:00Z'),
      cn: 'Ñandú Siregar, S.T.',
    });
    const leaf = new Uint8Array(new X509Certificate(t.certPem).raw);
    const ca = new Uint8Array(new X509Certificate(t.caPem).raw);
    const cms = buildCadesSignedData({
      ...input,
      signerCertificate: leaf,
      chain: [ca],
      signerCertificateHash: createHash('sha256').update(leaf).digest(),
    });
    const signed = AsnConvert.parse(AsnConvert.parse(cms, ContentInfo).content, SignedData);
    const embedded = signed.certificates!.map((c) => hex(AsnConvert.serialize(c.certificate)));
    expect(embedded.sort()).toEqual([hex(leaf), hex(ca)].sort());
  });

  it('refuses what is not a DER certificate, naming it, instead of embedding it altered', () => {
    const trailing = new Uint8Array([...input.signerCertificate, 0x00]);
    expect(() => buildCadesSignedData({ ...input, signerCertificate: trailing })).toThrow(CadesBuildError);
    expect(() => buildCadesSignedData({ ...input, signerCertificate: trailing })).toThrow(
      /signer certificate: the certificate is not DER-encoded/,
    );
    expect(() => buildCadesSignedData({ ...input, chain: [new Uint8Array([1, 2, 3])] })).toThrow(
      /chain certificate 1: not an X.509 certificate/,
    );
  });

  it('gives the subject, issuer and serial number as DER, as a PKCS#11 token stores them', () => {
    const cert = new X509Certificate(Buffer.from(input.signerCertificate));
    const id = certificateIdentity(input.signerCertificate);
    const parse = (der: Uint8Array): string =>
      run('openssl', ['asn1parse', '-inform', 'DER'], { input: der }).stdout;
    expect(parse(id.serialNumber)).toMatch(
      new RegExp(`INTEGER\\s+:${cert.serialNumber.replace(/^0+/, '')}`, 'i'),
    );
    expect(parse(id.subject)).toMatch(/Hendra Gunawan Siregar/);
    expect(parse(id.issuer)).toMatch(/SIPPT Demo CA/);
    expect(hex(id.issuer)).toBe(
      hex(AsnConvert.serialize(AsnConvert.parse(input.signerCertificate, Certificate).tbsCertificate.issuer)),
    );
  });
});
