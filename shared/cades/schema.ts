/**
 * Two views of @peculiar/asn1-cms / asn1-x509 types that keep certificates as their exact DER:
 *
 * - SignedDataWithCertificates: RFC 5652 SignedData as the library declares it, except that each
 *   certificate is its DER as found (ANY). A parsed-and-re-encoded certificate could differ from
 *   the bytes its fingerprint, its issuer's signature and the signing-certificate-v2 hash are taken
 *   over, and re-encoding a whole certificate per signature costs milliseconds;
 * - CertificateIdentityView: a certificate read only as far as its serial number, issuer and
 *   subject (the rest left as ANY), which is all a CMS needs of it.
 *
 * The library's ANY converter re-parses bytes on every encoding; a certificate item may carry the
 * library's parsed form once (`asn`) so that a signing session encodes its chain without parsing it
 * again for each report.
 */
import {
  DigestAlgorithmIdentifiers,
  EncapsulatedContentInfo,
  RevocationInfoChoices,
  SignerInfos,
} from '@peculiar/asn1-cms';
import {
  AsnAnyConverter,
  AsnIntegerArrayBufferConverter,
  AsnProp,
  AsnPropTypes,
  type IAsnConverter,
} from '@peculiar/asn1-schema';

type AsnObject = ReturnType<typeof AsnAnyConverter.toASN>;

/** One certificate as DER, with the library's parsed form when it is already known. */
export interface CertificateItem {
  der: ArrayBuffer;
  asn?: AsnObject;
}

const toArrayBuffer = (b: ArrayBuffer | ArrayBufferView | null): ArrayBuffer => {
  if (b === null) throw new Error('a certificate cannot be NULL');
  if (b instanceof ArrayBuffer) return b;
  return new Uint8Array(b.buffer, b.byteOffset, b.byteLength).slice().buffer;
};

export const CertificateItemConverter: IAsnConverter<CertificateItem, AsnObject> = {
  fromASN: (value) => ({ der: toArrayBuffer(AsnAnyConverter.fromASN(value)) }),
  toASN: (item) => item.asn ?? AsnAnyConverter.toASN(item.der),
};

/** The library's parsed form of `der`, to reuse across encodings. */
export const parsedForm = (der: ArrayBuffer): AsnObject => AsnAnyConverter.toASN(der);

export class SignedDataWithCertificates {
  version = 1;
  digestAlgorithms = new DigestAlgorithmIdentifiers();
  encapContentInfo = new EncapsulatedContentInfo();
  certificates?: CertificateItem[];
  crls?: RevocationInfoChoices;
  signerInfos = new SignerInfos();
  constructor(params: Partial<SignedDataWithCertificates> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AsnPropTypes.Integer })(SignedDataWithCertificates.prototype, 'version');
AsnProp({ type: DigestAlgorithmIdentifiers })(SignedDataWithCertificates.prototype, 'digestAlgorithms');
AsnProp({ type: EncapsulatedContentInfo })(SignedDataWithCertificates.prototype, 'encapContentInfo');
// certificates [0] IMPLICIT CertificateSet, each CertificateChoices a plain Certificate.
AsnProp({
  type: AsnPropTypes.Any,
  repeated: 'set',
  context: 0,
  implicit: true,
  optional: true,
  converter: CertificateItemConverter,
})(SignedDataWithCertificates.prototype, 'certificates');
AsnProp({ type: RevocationInfoChoices, context: 1, implicit: true, optional: true })(
  SignedDataWithCertificates.prototype,
  'crls',
);
AsnProp({ type: SignerInfos })(SignedDataWithCertificates.prototype, 'signerInfos');

/** ContentInfo ::= SEQUENCE { contentType, content [0] EXPLICIT SignedData }, the SignedData typed. */
export class SignedDataContentInfo {
  contentType = '';
  content = new SignedDataWithCertificates();
  constructor(params: Partial<SignedDataContentInfo> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: AsnPropTypes.ObjectIdentifier })(SignedDataContentInfo.prototype, 'contentType');
AsnProp({ type: SignedDataWithCertificates, context: 0 })(SignedDataContentInfo.prototype, 'content');

/** TBSCertificate read as far as serialNumber, issuer and subject (RFC 5280 4.1). */
class TbsIdentity {
  version?: ArrayBuffer;
  serialNumber = new ArrayBuffer(0);
  signature = new ArrayBuffer(0);
  issuer = new ArrayBuffer(0);
  validity = new ArrayBuffer(0);
  subject = new ArrayBuffer(0);
  subjectPublicKeyInfo = new ArrayBuffer(0);
  issuerUniqueID?: ArrayBuffer;
  subjectUniqueID?: ArrayBuffer;
  extensions?: ArrayBuffer;
}
AsnProp({ type: AsnPropTypes.Any, context: 0, optional: true })(TbsIdentity.prototype, 'version');
AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(
  TbsIdentity.prototype,
  'serialNumber',
);
for (const key of ['signature', 'issuer', 'validity', 'subject', 'subjectPublicKeyInfo'] as const) {
  AsnProp({ type: AsnPropTypes.Any })(TbsIdentity.prototype, key);
}
AsnProp({ type: AsnPropTypes.Any, context: 1, implicit: true, optional: true })(
  TbsIdentity.prototype,
  'issuerUniqueID',
);
AsnProp({ type: AsnPropTypes.Any, context: 2, implicit: true, optional: true })(
  TbsIdentity.prototype,
  'subjectUniqueID',
);
AsnProp({ type: AsnPropTypes.Any, context: 3, optional: true })(TbsIdentity.prototype, 'extensions');

export class CertificateIdentityView {
  tbsCertificate = new TbsIdentity();
  signatureAlgorithm = new ArrayBuffer(0);
  signatureValue = new ArrayBuffer(0);
}
AsnProp({ type: TbsIdentity })(CertificateIdentityView.prototype, 'tbsCertificate');
AsnProp({ type: AsnPropTypes.Any })(CertificateIdentityView.prototype, 'signatureAlgorithm');
AsnProp({ type: AsnPropTypes.Any })(CertificateIdentityView.prototype, 'signatureValue');
