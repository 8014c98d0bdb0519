/**
 * Checking the CAdES attributes of the one SignerInfo (PAdES baseline B-B, ETSI EN 319 142-1):
 * SHA-256 and RSA; content-type id-data, message-digest and signing-certificate-v2 present once,
 * no signing-time; the message digest is the hash of the signed byte ranges; the signer's
 * certificate is embedded and named by signing-certificate-v2; the RSA signature over the DER of
 * the signed attributes verifies with it. Attribute values are read by the library (shared/cades).
 */
import { createHash, verify as cryptoVerify } from 'node:crypto';
import type { Attribute, SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert, OctetString } from '@peculiar/asn1-schema';
import { ObjectIdentifierValue, OID, SignedAttributesSet, SigningCertificateV2 } from '../../../shared/cades';
import type { EmbeddedCertificate } from './cms';
import { fail, type SignatureFailure } from './types';

const u8 = (b: ArrayBuffer | ArrayBufferView): Uint8Array =>
  b instanceof ArrayBuffer ? new Uint8Array(b) : new Uint8Array(b.buffer, b.byteOffset, b.byteLength);

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

const HASHES: Record<string, 'sha256' | 'sha384' | 'sha512'> = {
  [OID.sha256]: 'sha256',
  [OID.sha384]: 'sha384',
  [OID.sha512]: 'sha512',
};

/** The signed attributes by type; null when a type appears twice (RFC 5652 5.3). */
function attributeMap(attrs: readonly Attribute[]): Map<string, ArrayBuffer[]> | null {
  const map = new Map<string, ArrayBuffer[]>();
  for (const attr of attrs) {
    if (map.has(attr.attrType)) return null;
    map.set(attr.attrType, attr.attrValues);
  }
  return map;
}

export interface CadesSigner {
  /** Index of the signer's certificate among the embedded ones. */
  signerIndex: number;
}

/**
 * `contentDigest` is the SHA-256 of the signed byte ranges. Parse errors in an attribute value are
 * thrown to the caller, which reports the CMS as malformed.
 */
export function checkCades(
  signerInfo: SignerInfo,
  certificates: EmbeddedCertificate[],
  contentDigest: Uint8Array,
): CadesSigner | SignatureFailure {
  if (signerInfo.digestAlgorithm.algorithm !== OID.sha256) {
    return fail(
      'unsupported_algorithm',
      'Algoritma hash harus SHA-256.',
      'The digest algorithm must be SHA-256.',
    );
  }
  const sigAlg = signerInfo.signatureAlgorithm.algorithm;
  if (sigAlg !== OID.rsaEncryption && sigAlg !== OID.sha256WithRSAEncryption) {
    return fail(
      'unsupported_algorithm',
      'Algoritma tanda tangan harus RSA.',
      'The signature algorithm must be RSA.',
    );
  }
  if (!signerInfo.signedAttrs) throw new Error('signedAttrs: expected [0] signed attributes, found nothing');
  const attrs = attributeMap(signerInfo.signedAttrs);
  if (!attrs) return fail('cms_invalid', 'Atribut tanda tangan ganda.', 'A signed attribute appears twice.');
  if (attrs.has(OID.signingTime)) {
    return fail(
      'not_pades_bb',
      'Tanda tangan memuat atribut signing-time (bukan PAdES B-B).',
      'The signature has a signing-time attribute (not PAdES B-B).',
    );
  }
  const ct = attrs.get(OID.contentType);
  const md = attrs.get(OID.messageDigest);
  const scv2 = attrs.get(OID.signingCertificateV2);
  if (!ct || !md || !scv2 || ct.length !== 1 || md.length !== 1 || scv2.length !== 1) {
    return fail(
      'not_pades_bb',
      'Atribut wajib PAdES B-B (content-type, message-digest, signing-certificate-v2) tidak lengkap.',
      'Mandatory PAdES B-B attributes (content-type, message-digest, signing-certificate-v2) are missing.',
    );
  }
  if (AsnConvert.parse(ct[0]!, ObjectIdentifierValue).value !== OID.data) {
    return fail('not_pades_bb', 'content-type harus id-data.', 'content-type must be id-data.');
  }

  if (!bytesEqual(u8(AsnConvert.parse(md[0]!, OctetString)), contentDigest)) {
    return fail(
      'digest_mismatch',
      'Isi dokumen telah berubah setelah ditandatangani (digest tidak cocok).',
      'The document was changed after it was signed (digest mismatch).',
    );
  }

  // The signer certificate, by issuer and serial number (the CMS is DER: as encoded in both).
  const sid = signerInfo.sid.issuerAndSerialNumber;
  if (!sid) throw new Error('sid: expected IssuerAndSerialNumber');
  const sidIssuer = u8(AsnConvert.serialize(sid.issuer));
  const signerIndex = certificates.findIndex(
    (c) =>
      bytesEqual(u8(c.identity.tbsCertificate.serialNumber), u8(sid.serialNumber)) &&
      bytesEqual(u8(c.identity.tbsCertificate.issuer), sidIssuer),
  );
  if (signerIndex < 0) {
    return fail(
      'signer_certificate_missing',
      'Sertifikat penanda tangan tidak disertakan.',
      'The signer certificate is not embedded.',
    );
  }
  const signer = certificates[signerIndex]!;

  // signing-certificate-v2: the first ESSCertIDv2 names the signer certificate.
  const certId = AsnConvert.parse(scv2[0]!, SigningCertificateV2).certs[0];
  if (!certId) throw new Error('signing-certificate-v2: no ESSCertIDv2');
  const hashAlg = HASHES[certId.hashAlgorithm.algorithm];
  if (!hashAlg)
    return fail('unsupported_algorithm', 'Hash ESSCertIDv2 tidak didukung.', 'Unsupported ESSCertIDv2 hash.');
  if (!bytesEqual(u8(certId.certHash), createHash(hashAlg).update(signer.der).digest())) {
    return fail(
      'signing_certificate_mismatch',
      'Atribut signing-certificate-v2 tidak menunjuk sertifikat penanda tangan.',
      'The signing-certificate-v2 attribute does not name the signer certificate.',
    );
  }

  // The RSA signature over the DER of the signed attributes, as SET OF (RFC 5652 5.4).
  const signedAttrsDer = u8(AsnConvert.serialize(new SignedAttributesSet(signerInfo.signedAttrs)));
  if (!cryptoVerify('sha256', signedAttrsDer, signer.x509.publicKey, u8(signerInfo.signature))) {
    return fail(
      'signature_invalid',
      'Tanda tangan elektronik tidak sah.',
      'The electronic signature is not valid.',
    );
  }
  return { signerIndex };
}
