/**
 * The ESS signing-certificate-v2 attribute (RFC 5035), which CAdES and PAdES baseline signatures
 * carry to bind the signer's certificate into the signed attributes. @peculiar/asn1-cms has no ESS
 * module, so the schema is declared here with @peculiar/asn1-schema: the library encodes and parses
 * it, no tag is written by hand.
 *
 * The decorators are applied as plain calls: the repository compiles without
 * `experimentalDecorators`, and @peculiar/asn1-schema's decorators are the legacy (target, key) kind.
 */
import {
  AsnIntegerArrayBufferConverter,
  AsnProp,
  AsnPropTypes,
  AsnType,
  AsnTypeTypes,
  OctetString,
} from '@peculiar/asn1-schema';
import { AlgorithmIdentifier, GeneralNames, PolicyInformation } from '@peculiar/asn1-x509';
import { OID } from './oids';

/** IssuerSerial ::= SEQUENCE { issuer GeneralNames, serialNumber CertificateSerialNumber } */
export class EssIssuerSerial {
  issuer = new GeneralNames();
  /** The INTEGER's content octets, as in the certificate. */
  serialNumber = new ArrayBuffer(0);
  constructor(params: Partial<EssIssuerSerial> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: GeneralNames })(EssIssuerSerial.prototype, 'issuer');
AsnProp({ type: AsnPropTypes.Integer, converter: AsnIntegerArrayBufferConverter })(
  EssIssuerSerial.prototype,
  'serialNumber',
);

/** The ESSCertIDv2 hash algorithm when it is left out (RFC 5035: DEFAULT id-sha256). */
export const ESS_DEFAULT_HASH = new AlgorithmIdentifier({ algorithm: OID.sha256 });

/**
 * ESSCertIDv2 ::= SEQUENCE {
 *   hashAlgorithm AlgorithmIdentifier DEFAULT {algorithm id-sha256},
 *   certHash OCTET STRING,
 *   issuerSerial IssuerSerial OPTIONAL }
 */
export class EssCertIdV2 {
  hashAlgorithm = ESS_DEFAULT_HASH;
  certHash = new OctetString();
  issuerSerial?: EssIssuerSerial;
  constructor(params: Partial<EssCertIdV2> = {}) {
    Object.assign(this, params);
  }
}
// DER leaves a DEFAULT value out: the serializer omits hashAlgorithm when it encodes as the default.
// `optional` too, or the library's parser matches the absent field with whatever comes first.
AsnProp({ type: AlgorithmIdentifier, defaultValue: ESS_DEFAULT_HASH, optional: true })(
  EssCertIdV2.prototype,
  'hashAlgorithm',
);
AsnProp({ type: OctetString })(EssCertIdV2.prototype, 'certHash');
AsnProp({ type: EssIssuerSerial, optional: true })(EssCertIdV2.prototype, 'issuerSerial');

/** SigningCertificateV2 ::= SEQUENCE { certs SEQUENCE OF ESSCertIDv2, policies SEQUENCE OF PolicyInformation OPTIONAL } */
export class SigningCertificateV2 {
  certs: EssCertIdV2[] = [];
  policies?: PolicyInformation[];
  constructor(params: Partial<SigningCertificateV2> = {}) {
    Object.assign(this, params);
  }
}
AsnProp({ type: EssCertIdV2, repeated: 'sequence' })(SigningCertificateV2.prototype, 'certs');
AsnProp({ type: PolicyInformation, repeated: 'sequence', optional: true })(
  SigningCertificateV2.prototype,
  'policies',
);

/** An OBJECT IDENTIFIER standing alone (the content-type attribute's value), through the library. */
export class ObjectIdentifierValue {
  value = '';
  constructor(value = '') {
    this.value = value;
  }
}
AsnProp({ type: AsnPropTypes.ObjectIdentifier })(ObjectIdentifierValue.prototype, 'value');
AsnType({ type: AsnTypeTypes.Choice })(ObjectIdentifierValue);
