/**
 * CMS SignedData (RFC 5652) for a PAdES baseline B-B signature (ETSI EN 319 142-1, CAdES detached):
 * - encapContentInfo id-data without content (detached: the PDF byte ranges are the content);
 * - signed attributes: content-type, message-digest, signing-certificate-v2 (ESSCertIDv2 with the
 *   SHA-256 of the signer's certificate and its issuer/serial); NO signing-time (PAdES puts the
 *   claimed time in the signature dictionary's /M);
 * - the whole certificate chain in `certificates`;
 * - RSA PKCS#1 v1.5 over the DER of the signed attributes, with SHA-256.
 * Built with the DER helpers of shared/elhu/der.ts; the RSA operation is a callback (node:crypto).
 */
import {
  OID,
  TAG,
  algorithm,
  certificateParts,
  contextConstructed,
  integer,
  octetString,
  oid,
  sequence,
  setOf,
  tlv,
} from '../../../shared/elhu/der';

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

const attribute = (type: string, ...values: Uint8Array[]): Uint8Array => sequence(oid(type), setOf(values));

/** The signed attributes, as their SET OF encoding (what is hashed and signed). */
export function cadesSignedAttributes(contentDigest: Uint8Array, signerCertificate: Uint8Array, signerCertificateHash: Uint8Array): Uint8Array {
  const { issuer, serialNumber } = certificateParts(signerCertificate);
  // ESSCertIDv2 ::= SEQUENCE { hashAlgorithm DEFAULT sha256 (so left out), certHash, issuerSerial }
  // IssuerSerial ::= SEQUENCE { issuer GeneralNames (directoryName [4] EXPLICIT Name), serialNumber }
  const issuerSerial = sequence(sequence(contextConstructed(4, issuer)), serialNumber);
  const essCertIdV2 = sequence(octetString(signerCertificateHash), issuerSerial);
  const signingCertificateV2 = sequence(sequence(essCertIdV2));
  return setOf([
    attribute(OID.contentType, oid(OID.data)),
    attribute(OID.messageDigest, octetString(contentDigest)),
    attribute(OID.signingCertificateV2, signingCertificateV2),
  ]);
}

/** The DER ContentInfo holding the SignedData. */
export function buildCadesSignedData(input: CadesInput): Uint8Array {
  const { issuer, serialNumber } = certificateParts(input.signerCertificate);
  const signedAttrs = cadesSignedAttributes(input.contentDigest, input.signerCertificate, input.signerCertificateHash);
  const signature = input.sign(signedAttrs);
  // In SignerInfo the signed attributes are [0] IMPLICIT: same content, tag 0xA0 instead of SET.
  const signedAttrsImplicit = tlv(0xa0, signedAttrs.subarray(signedAttrs[1]! & 0x80 ? 2 + (signedAttrs[1]! & 0x7f) : 2));
  const signerInfo = sequence(
    integer(1),
    sequence(issuer, serialNumber),
    algorithm(OID.sha256),
    signedAttrsImplicit,
    algorithm(OID.rsaEncryption, true),
    tlv(TAG.OCTET_STRING, signature),
  );
  const signedData = sequence(
    integer(1),
    setOf([algorithm(OID.sha256)]),
    sequence(oid(OID.data)),
    setOf([input.signerCertificate, ...input.chain], 0xa0),
    setOf([signerInfo]),
  );
  return sequence(oid(OID.signedData), contextConstructed(0, signedData));
}
