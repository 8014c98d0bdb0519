/**
 * RFC 3161 timestamp tokens: making one (the demo TSA) and checking one (the verifier). A token is a
 * CMS SignedData over a TSTInfo, signed by a TSA certificate whose only extended key usage is
 * timeStamping, marked critical (RFC 3161 2.3). Parsing and encoding through @peculiar/asn1-*.
 */
import {
  X509Certificate,
  createHash,
  randomBytes,
  sign as cryptoSign,
  verify as cryptoVerify,
  type KeyObject,
} from 'node:crypto';
import {
  Attribute,
  CertificateChoices,
  CertificateSet,
  CMSVersion,
  ContentInfo,
  DigestAlgorithmIdentifiers,
  EncapsulatedContent,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignedData,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { Accuracy, MessageImprint, TSTInfo } from '@peculiar/asn1-tsp';
import { AlgorithmIdentifier, Certificate, ExtendedKeyUsage } from '@peculiar/asn1-x509';
import * as asn1js from 'asn1js';
import {
  OIDS,
  ab,
  bytesEqual,
  certificateOf,
  der,
  octets,
  parse,
  sha256,
  signingCertificateV2,
  signingCertificateV2Hash,
  u8,
} from './asn1';

/** Where timestamps come from: the unit's TSA over HTTP, or the demo TSA in process. */
export interface TimestampSource {
  /**
   * A timestamp token (DER ContentInfo) over this SHA-256 digest. `withCertificates: false` asks
   * for a token without the TSA's certificates (smaller; they go into the DSS instead).
   */
  timestamp(digest: Uint8Array, opts?: { withCertificates?: boolean }): Promise<Uint8Array>;
  /** The TSA's certificates as far as known (they check the tokens made without them). */
  certificates(): X509Certificate[];
}

export class TimestampUnavailable extends Error {}

const SIGNING_CERTIFICATE_V1 = '1.2.840.113549.1.9.16.2.12';

function attribute(type: string, valueDer: Uint8Array): Attribute {
  return new Attribute({ attrType: type, attrValues: [ab(valueDer)] });
}

const oidDer = (oid: string): Uint8Array =>
  new Uint8Array(new asn1js.ObjectIdentifier({ value: oid }).toBER(false));

/** DER of the signed attributes as SET OF (RFC 5652 5.4), in the order given. */
function attributesSetDer(attrs: Attribute[]): Uint8Array {
  const items = attrs.map((a) => asn1js.fromBER(ab(der(a))).result);
  return new Uint8Array(new asn1js.Set({ value: items }).toBER(false));
}

export interface TokenInput {
  digest: Uint8Array;
  nonce?: ArrayBuffer;
  policy: string;
  genTime: Date;
  tsaCertificate: X509Certificate;
  tsaKey: KeyObject;
  /** Certificates to embed (the TSA's first). */
  chain: X509Certificate[];
}

/** A timestamp token signed with the TSA key (RSA, SHA-256), with signing-certificate-v2. */
export function makeTimestampToken(input: TokenInput): Uint8Array {
  const serial = randomBytes(16);
  serial[0]! &= 0x7f;
  const tst = new TSTInfo({
    version: 1,
    policy: input.policy,
    messageImprint: new MessageImprint({
      hashAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }),
      hashedMessage: octets(input.digest),
    }),
    serialNumber: ab(serial),
    genTime: new Date(Math.floor(input.genTime.getTime() / 1000) * 1000),
    accuracy: new Accuracy({ seconds: 1 }),
    ordering: false,
    ...(input.nonce ? { nonce: input.nonce } : {}),
  });
  const tstDer = der(tst);
  const tsaDer = new Uint8Array(input.tsaCertificate.raw);
  const attrs = [
    attribute(OIDS.contentType, oidDer(OIDS.tstInfo)),
    attribute(OIDS.messageDigest, der(octets(sha256(tstDer)))),
    attribute(OIDS.signingCertificateV2, signingCertificateV2(tsaDer)),
  ].sort((a, b) => Buffer.compare(Buffer.from(der(a)), Buffer.from(der(b))));
  const signature = cryptoSign('sha256', attributesSetDer(attrs), input.tsaKey);
  const tsaParsed = parse(tsaDer, Certificate);
  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: tsaParsed.tbsCertificate.issuer,
        serialNumber: tsaParsed.tbsCertificate.serialNumber,
      }),
    }),
    digestAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256 }),
    signedAttrs: attrs,
    signatureAlgorithm: new AlgorithmIdentifier({ algorithm: OIDS.sha256WithRSA, parameters: null }),
    signature: octets(signature),
  });
  const signedData = new SignedData({
    version: CMSVersion.v3,
    digestAlgorithms: new DigestAlgorithmIdentifiers([new AlgorithmIdentifier({ algorithm: OIDS.sha256 })]),
    encapContentInfo: new EncapsulatedContentInfo({
      eContentType: OIDS.tstInfo,
      eContent: new EncapsulatedContent({ single: octets(tstDer) }),
    }),
    certificates: new CertificateSet(
      input.chain.map(
        (c) => new CertificateChoices({ certificate: parse(new Uint8Array(c.raw), Certificate) }),
      ),
    ),
    signerInfos: new SignerInfos([signerInfo]),
  });
  return der(new ContentInfo({ contentType: OIDS.signedData, content: AsnConvert.serialize(signedData) }));
}

export interface TimestampInfo {
  genTime: Date;
  /** The SHA-256 digest the token is over. */
  digest: Uint8Array;
  policy: string;
  serialHex: string;
  tsaCertificate: X509Certificate;
  certificates: X509Certificate[];
}

export type TokenCheck =
  { ok: true; info: TimestampInfo } | { ok: false; reason: { id: string; en: string } };

const bad = (id: string, en: string): TokenCheck => ({ ok: false, reason: { id, en } });

/** True when the certificate's extended key usage is exactly timeStamping, marked critical. */
export function isTsaCertificate(cert: X509Certificate): boolean {
  const ext = certificateOf(cert).tbsCertificate.extensions?.find((e) => e.extnID === OIDS.extKeyUsage);
  if (!ext || !ext.critical) return false;
  const eku = AsnConvert.parse(ext.extnValue, ExtendedKeyUsage);
  return eku.length === 1 && eku[0] === OIDS.timeStamping;
}

/**
 * Checks a timestamp token: the TSTInfo's imprint is SHA-256 of `expectedDigest` (when given), the
 * CMS signature over the signed attributes verifies with the embedded TSA certificate named by
 * signing-certificate(-v2), message-digest matches the TSTInfo, the certificate is a TSA certificate
 * and was valid at genTime. A token without certificates is checked with `knownCertificates` (the DSS). Chain and revocation are the caller's (they need trust anchors and CRLs).
 */
export function checkTimestampToken(
  token: Uint8Array,
  expectedDigest?: Uint8Array,
  knownCertificates: readonly X509Certificate[] = [],
): TokenCheck {
  try {
    const ci = parse(token, ContentInfo);
    if (ci.contentType !== OIDS.signedData)
      return bad('Cap waktu bukan SignedData.', 'The timestamp is not SignedData.');
    const sd = AsnConvert.parse(ci.content, SignedData);
    if (sd.encapContentInfo.eContentType !== OIDS.tstInfo || !sd.encapContentInfo.eContent?.single) {
      return bad('Cap waktu tidak memuat TSTInfo.', 'The timestamp carries no TSTInfo.');
    }
    const tstDer = u8(sd.encapContentInfo.eContent.single.buffer);
    const tst = parse(tstDer, TSTInfo);
    if (tst.messageImprint.hashAlgorithm.algorithm !== OIDS.sha256)
      return bad('Cap waktu harus memakai SHA-256.', 'The timestamp must use SHA-256.');
    const imprint = u8(tst.messageImprint.hashedMessage.buffer);
    if (expectedDigest && !bytesEqual(imprint, expectedDigest)) {
      return bad(
        'Cap waktu bukan untuk data ini (message imprint berbeda).',
        'The timestamp is not over this data (message imprint differs).',
      );
    }
    if (sd.signerInfos.length !== 1)
      return bad('Cap waktu harus memuat satu penanda tangan.', 'The timestamp must carry one signer.');
    const si = sd.signerInfos[0]!;
    const certs = (sd.certificates ?? []).flatMap((c) =>
      c.certificate ? [new X509Certificate(Buffer.from(der(c.certificate)))] : [],
    );
    const sid = si.sid.issuerAndSerialNumber;
    const tsa = [...certs, ...knownCertificates].find((c) => {
      const p = certificateOf(c).tbsCertificate;
      return (
        sid &&
        bytesEqual(der(p.issuer), der(sid.issuer)) &&
        bytesEqual(u8(p.serialNumber), u8(sid.serialNumber))
      );
    });
    if (!tsa)
      return bad(
        'Sertifikat TSA tidak disertakan dalam cap waktu.',
        'The TSA certificate is not embedded in the timestamp.',
      );
    const attrs = si.signedAttrs ?? [];
    const value = (type: string): Uint8Array | null => {
      const a = attrs.filter((x) => x.attrType === type);
      return a.length === 1 && a[0]!.attrValues.length === 1 ? u8(a[0]!.attrValues[0]!) : null;
    };
    const md = value(OIDS.messageDigest);
    if (!md || !bytesEqual(u8(AsnConvert.parse(ab(md), OctetString).buffer), sha256(tstDer))) {
      return bad(
        'Isi cap waktu telah berubah (message-digest).',
        'The timestamp content was changed (message-digest).',
      );
    }
    const scv2 = value(OIDS.signingCertificateV2);
    const scv1 = value(SIGNING_CERTIFICATE_V1);
    const tsaDer = new Uint8Array(tsa.raw);
    const named = scv2
      ? bytesEqual(signingCertificateV2Hash(scv2) ?? new Uint8Array(), sha256(tsaDer))
      : scv1
        ? essV1Names(scv1, tsaDer)
        : false;
    if (!named)
      return bad(
        'Cap waktu tidak menunjuk sertifikat TSA-nya.',
        'The timestamp does not name its TSA certificate.',
      );
    const setDer = attributesSetDer(attrs);
    const hash = si.digestAlgorithm.algorithm === OIDS.sha256 ? 'sha256' : null;
    if (!hash || !cryptoVerify(hash, setDer, tsa.publicKey, u8(si.signature.buffer))) {
      return bad(
        'Tanda tangan TSA pada cap waktu tidak sah.',
        'The TSA signature on the timestamp is not valid.',
      );
    }
    if (!isTsaCertificate(tsa)) {
      return bad(
        'Sertifikat TSA tidak berpenggunaan timeStamping (kritis).',
        'The TSA certificate lacks the critical timeStamping key usage.',
      );
    }
    const genTime = tst.genTime;
    if (genTime.getTime() < Date.parse(tsa.validFrom) || genTime.getTime() > Date.parse(tsa.validTo)) {
      return bad(
        'Sertifikat TSA tidak berlaku pada waktu cap waktu.',
        'The TSA certificate was not valid at the time of the timestamp.',
      );
    }
    return {
      ok: true,
      info: {
        genTime,
        digest: imprint,
        policy: tst.policy,
        serialHex: Buffer.from(tst.serialNumber).toString('hex'),
        tsaCertificate: tsa,
        certificates: certs,
      },
    };
  } catch (e) {
    return bad(
      'Cap waktu rusak.',
      `The timestamp is malformed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

/** signing-certificate (v1, SHA-1 ESSCertID), as OpenSSL's TSA writes by default. */
function essV1Names(value: Uint8Array, certDer: Uint8Array): boolean {
  const parsed = asn1js.fromBER(ab(value));
  const certs = parsed.result instanceof asn1js.Sequence ? parsed.result.valueBlock.value[0] : undefined;
  const first = certs instanceof asn1js.Sequence ? certs.valueBlock.value[0] : undefined;
  const hash = first instanceof asn1js.Sequence ? first.valueBlock.value[0] : undefined;
  return (
    hash instanceof asn1js.OctetString &&
    bytesEqual(new Uint8Array(hash.valueBlock.valueHexView), createHash('sha1').update(certDer).digest())
  );
}

/** The TSTInfo's genTime, read without checking the token (for records; checks use checkTimestampToken). */
export function tokenGenTime(token: Uint8Array): Date {
  const sd = AsnConvert.parse(parse(token, ContentInfo).content, SignedData);
  return parse(u8(sd.encapContentInfo.eContent!.single!.buffer), TSTInfo).genTime;
}
