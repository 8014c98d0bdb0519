/** Object identifiers of a PAdES baseline CMS (RFC 5652, RFC 5035, RFC 8017, FIPS 180-4). */
import { id_contentType, id_data, id_messageDigest, id_signedData, id_signingTime } from '@peculiar/asn1-cms';

export const OID = {
  data: id_data,
  signedData: id_signedData,
  contentType: id_contentType,
  messageDigest: id_messageDigest,
  signingTime: id_signingTime,
  signingCertificate: '1.2.840.113549.1.9.16.2.12',
  signingCertificateV2: '1.2.840.113549.1.9.16.2.47',
  /** RFC 3161 timestamp token as an unsigned attribute (CAdES B-T). */
  signatureTimeStampToken: '1.2.840.113549.1.9.16.2.14',
  sha256: '2.16.840.1.101.3.4.2.1',
  sha384: '2.16.840.1.101.3.4.2.2',
  sha512: '2.16.840.1.101.3.4.2.3',
  rsaEncryption: '1.2.840.113549.1.1.1',
  sha256WithRSAEncryption: '1.2.840.113549.1.1.11',
} as const;
