/**
 * CMS SignedData (RFC 5652) for a PAdES baseline B-B signature (ETSI EN 319 142-1, CAdES detached):
 * - encapContentInfo id-data without content (detached: the PDF byte ranges are the content);
 * - signed attributes: content-type, message-digest, signing-certificate-v2 (ESSCertIDv2 with the
 *   SHA-256 of the signer's certificate and its issuer/serial); NO signing-time (PAdES puts the
 *   claimed time in the signature dictionary's /M);
 * - the whole certificate chain in `certificates`;
 * - RSA PKCS#1 v1.5 over the DER of the signed attributes, with SHA-256.
 *
 * One home for the desktop signer (main/services/signing) and the demo seed (server/demo-orders.ts).
 * Encoded by @peculiar/asn1-cms / asn1-x509; platform-neutral (no Node built-in): the RSA operation
 * is a callback (node:crypto on the desktop, a PKCS#11 token, the demo key).
 */
import {
  Attribute,
  CMSVersion,
  DigestAlgorithmIdentifier,
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  IssuerAndSerialNumber,
  SignatureAlgorithmIdentifier,
  SignerIdentifier,
  SignerInfo,
  SignerInfos,
} from '@peculiar/asn1-cms';
import { AsnArray, AsnConvert, AsnType, AsnTypeTypes, OctetString } from '@peculiar/asn1-schema';
import { GeneralName, GeneralNames, Name } from '@peculiar/asn1-x509';
import { EssCertIdV2, EssIssuerSerial, ObjectIdentifierValue, SigningCertificateV2 } from './ess';
import { OID } from './oids';
import {
  CertificateIdentityView,
  SignedDataContentInfo,
  SignedDataWithCertificates,
  parsedForm,
  type CertificateItem,
} from './schema';

export interface CadesInput {
  /** SHA-256 of the signed content (the PDF byte ranges). */
  contentDigest: Uint8Array;
  /** DER of the signer's certificate. */
  signerCertificate: Uint8Array;
  /** DER of the other certificates of the chain (issuers), in order. */
  chain: Uint8Array[];
  /** SHA-256 of the signer's certificate DER. */
  signerCertificateHash: Uint8Array;
  /** Signs the DER of the signed attributes: RSASSA-PKCS1-v1_5 with SHA-256. */
  sign: (signedAttributesDer: Uint8Array) => Uint8Array;
}

export class CadesBuildError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CadesBuildError';
  }
}

/** SignedAttributes ::= SET SIZE (1..MAX) OF Attribute: the form that is hashed and signed (RFC 5652 5.4). */
export class SignedAttributesSet extends AsnArray<Attribute> {
  constructor(items?: Attribute[]) {
    super(items);
    Object.setPrototypeOf(this, SignedAttributesSet.prototype);
  }
}
AsnType({ type: AsnTypeTypes.Set, itemType: Attribute })(SignedAttributesSet);

const bytes = (b: ArrayBuffer): Uint8Array => new Uint8Array(b);

function compareBytes(a: Uint8Array, b: Uint8Array): number {
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) if (a[i] !== b[i]) return a[i]! - b[i]!;
  return a.length - b.length;
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && compareBytes(a, b) === 0;
}

/**
 * DER orders the elements of a SET OF by their encodings (X.690 11.6); @peculiar/asn1-schema keeps
 * the order it is given, so the items are put in that order here, each encoded by the library.
 */
export function derSetOrder<T>(items: readonly T[]): T[] {
  return items
    .map((item) => ({ item, der: bytes(AsnConvert.serialize(item)) }))
    .sort((x, y) => compareBytes(x.der, y.der))
    .map((x) => x.item);
}

/** A certificate as the CMS needs it: its DER (embedded as is) and the issuer and serial naming it. */
export interface PreparedCertificate {
  der: Uint8Array;
  item: CertificateItem;
  issuer: Name;
  /** The serialNumber INTEGER's content octets. */
  serialNumber: ArrayBuffer;
  subject: ArrayBuffer;
  issuerDer: ArrayBuffer;
}

// A signing session signs a batch with the same chain: each certificate is read once.
const prepared = new WeakMap<Uint8Array, PreparedCertificate>();

/**
 * Reads a certificate with the library. It is embedded as its own bytes, so it must be plain DER
 * (what the library re-encodes from it is the same bytes); anything else is refused here, naming it.
 */
export function prepareCertificate(der: Uint8Array, what: string): PreparedCertificate {
  const known = prepared.get(der);
  if (known && bytesEqual(known.der, der)) return known;
  let view: CertificateIdentityView;
  let issuer: Name;
  let reencoded: Uint8Array;
  const copy = der.slice().buffer;
  let asn: NonNullable<CertificateItem['asn']>;
  try {
    asn = parsedForm(copy);
    view = AsnConvert.parse(copy, CertificateIdentityView);
    issuer = AsnConvert.parse(view.tbsCertificate.issuer, Name);
    reencoded = bytes(asn.toBER(false));
  } catch (e) {
    throw new CadesBuildError(
      `${what}: not an X.509 certificate (${e instanceof Error ? e.message : String(e)})`,
    );
  }
  if (!bytesEqual(reencoded, der)) throw new CadesBuildError(`${what}: the certificate is not DER-encoded`);
  const p: PreparedCertificate = {
    der: new Uint8Array(copy),
    item: { der: copy, asn },
    issuer,
    serialNumber: view.tbsCertificate.serialNumber,
    subject: view.tbsCertificate.subject,
    issuerDer: view.tbsCertificate.issuer,
  };
  prepared.set(der, p);
  return p;
}

function signedAttributeList(
  contentDigest: Uint8Array,
  signer: PreparedCertificate,
  signerCertificateHash: Uint8Array,
): Attribute[] {
  const signingCertificateV2 = new SigningCertificateV2({
    certs: [
      new EssCertIdV2({
        certHash: new OctetString(signerCertificateHash),
        issuerSerial: new EssIssuerSerial({
          issuer: new GeneralNames([new GeneralName({ directoryName: signer.issuer })]),
          serialNumber: signer.serialNumber,
        }),
      }),
    ],
  });
  const attribute = (attrType: string, value: unknown): Attribute =>
    new Attribute({ attrType, attrValues: [AsnConvert.serialize(value)] });
  return derSetOrder([
    attribute(OID.contentType, new ObjectIdentifierValue(OID.data)),
    attribute(OID.messageDigest, new OctetString(contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  ]);
}

/** The signed attributes, as their SET OF encoding (what is hashed and signed). */
export function cadesSignedAttributes(
  contentDigest: Uint8Array,
  signerCertificate: Uint8Array,
  signerCertificateHash: Uint8Array,
): Uint8Array {
  const signer = prepareCertificate(signerCertificate, 'signer certificate');
  return bytes(
    AsnConvert.serialize(
      new SignedAttributesSet(signedAttributeList(contentDigest, signer, signerCertificateHash)),
    ),
  );
}

/** The DER ContentInfo holding the SignedData. */
export function buildCadesSignedData(input: CadesInput): Uint8Array {
  const signer = prepareCertificate(input.signerCertificate, 'signer certificate');
  const chain = input.chain.map((der, i) => prepareCertificate(der, `chain certificate ${i + 1}`));
  const signedAttrs = signedAttributeList(input.contentDigest, signer, input.signerCertificateHash);
  const signature = input.sign(bytes(AsnConvert.serialize(new SignedAttributesSet(signedAttrs))));
  const sha256 = new DigestAlgorithmIdentifier({ algorithm: OID.sha256 });
  const signerInfo = new SignerInfo({
    version: CMSVersion.v1,
    sid: new SignerIdentifier({
      issuerAndSerialNumber: new IssuerAndSerialNumber({
        issuer: signer.issuer,
        serialNumber: signer.serialNumber,
      }),
    }),
    digestAlgorithm: sha256,
    // The library writes them as [0] IMPLICIT, the same content as the SET that was signed.
    signedAttrs,
    // RSA identifiers carry NULL parameters (RFC 8017 A.1).
    signatureAlgorithm: new SignatureAlgorithmIdentifier({ algorithm: OID.rsaEncryption, parameters: null }),
    signature: new OctetString(signature),
  });
  // DER orders the certificates SET OF by their encodings: a certificate's encoding is its DER.
  const certificates = [signer, ...chain].sort((a, b) => compareBytes(a.der, b.der)).map((c) => c.item);
  const signedData = new SignedDataWithCertificates({
    version: CMSVersion.v1,
    digestAlgorithms: new DigestAlgorithmIdentifiers([sha256]),
    encapContentInfo: new EncapsulatedContentInfo({ eContentType: OID.data }),
    certificates,
    signerInfos: new SignerInfos([signerInfo]),
  });
  return bytes(
    AsnConvert.serialize(new SignedDataContentInfo({ contentType: OID.signedData, content: signedData })),
  );
}
