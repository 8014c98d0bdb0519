/**
 * CAdES / PAdES CMS through @peculiar/asn1-cms and asn1-x509: the one builder of the E-LHU's CMS
 * (desktop signer and demo seed) and the ESS schema the server's verifier reads it with.
 * Platform-neutral: no Node built-in.
 */
export { buildCadesSignedData, cadesSignedAttributes, derSetOrder, parseCertificate, CadesBuildError, SignedAttributesSet, type CadesInput } from './build';
export { EssCertIdV2, EssIssuerSerial, SigningCertificateV2, ObjectIdentifierValue, ESS_DEFAULT_HASH } from './ess';
export { certificateIdentity, type CertificateIdentity } from './identity';
export { OID } from './oids';
