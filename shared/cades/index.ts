/**
 * CAdES / PAdES CMS through @peculiar/asn1-cms and asn1-x509: the one builder of the E-LHU's CMS
 * (desktop signer and demo seed) and the ESS schema the server's verifier reads it with.
 * Platform-neutral: no Node built-in.
 */
export {
  buildCadesSignedData,
  cadesSignedAttributes,
  derSetOrder,
  prepareCertificate,
  CadesBuildError,
  SignedAttributesSet,
  type CadesInput,
  type PreparedCertificate,
} from './build';
export {
  CertificateIdentityView,
  SignedDataContentInfo,
  SignedDataWithCertificates,
  type CertificateItem,
} from './schema';
export {
  EssCertIdV2,
  EssIssuerSerial,
  SigningCertificateV2,
  ObjectIdentifierValue,
  ESS_DEFAULT_HASH,
} from './ess';
export { certificateIdentity, type CertificateIdentity } from './identity';
export { OID } from './oids';
