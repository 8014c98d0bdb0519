/**
 * Parsing the CMS found in /Contents, by @peculiar/asn1-cms only: ContentInfo -> SignedData ->
 * the one SignerInfo, and the embedded certificates as their exact bytes.
 *
 * The CMS must be DER: the library re-encodes what it parsed and the result must be the bytes
 * found, followed only by the placeholder's zero padding. That also makes every part read here
 * (certificates, signed attributes) the bytes that were signed and hashed.
 */
import { X509Certificate } from 'node:crypto';
import type { SignerInfo } from '@peculiar/asn1-cms';
import { AsnConvert } from '@peculiar/asn1-schema';
import { CertificateIdentityView, OID, SignedDataContentInfo } from '../../../shared/cades';
import { fail, type SignatureFailure } from './types';

export interface EmbeddedCertificate {
  der: Uint8Array;
  x509: X509Certificate;
  /** Serial number, issuer and subject, as the library reads them (the Names as their DER). */
  identity: CertificateIdentityView;
}

export interface ParsedCms {
  /** The DER CMS, without the zero padding. */
  cms: Uint8Array;
  signerInfo: SignerInfo;
  /** In the order of the CMS. */
  certificates: EmbeddedCertificate[];
}

const u8 = (b: ArrayBuffer): Uint8Array => new Uint8Array(b);
const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

const malformed = (e: unknown): SignatureFailure =>
  fail(
    'cms_invalid',
    'Struktur tanda tangan (CMS) tidak sah.',
    `The signature (CMS) is malformed: ${messageOf(e)}`,
  );

function startsWith(haystack: Uint8Array, needle: Uint8Array): boolean {
  if (needle.length > haystack.length) return false;
  for (let i = 0; i < needle.length; i++) if (haystack[i] !== needle[i]) return false;
  return true;
}

/** Reads `contents` (the decoded /Contents: CMS plus zero padding). */
export function parseCms(contents: Uint8Array): ParsedCms | SignatureFailure {
  let info: SignedDataContentInfo;
  let cms: Uint8Array;
  try {
    info = AsnConvert.parse(contents, SignedDataContentInfo);
    cms = u8(AsnConvert.serialize(info));
  } catch (e) {
    return malformed(e);
  }
  if (!startsWith(contents, cms) || contents.subarray(cms.length).some((b) => b !== 0)) {
    return fail('cms_invalid', 'Isi tanda tangan rusak.', 'The signature contents are damaged.');
  }
  if (info.contentType !== OID.signedData)
    return fail('cms_invalid', 'CMS bukan SignedData.', 'The CMS is not SignedData.');
  const signedData = info.content;
  const encap = signedData.encapContentInfo;
  if (encap.eContentType !== OID.data || encap.eContent !== undefined) {
    return fail(
      'not_pades_bb',
      'Tanda tangan bukan detached atas data PDF.',
      'The signature is not detached over the PDF data.',
    );
  }
  if (signedData.signerInfos.length !== 1) {
    return fail(
      'cms_invalid',
      'CMS harus memuat satu penanda tangan.',
      'The CMS must hold exactly one signer.',
    );
  }

  let certificates: EmbeddedCertificate[];
  try {
    certificates = (signedData.certificates ?? []).map(({ der: raw }) => {
      const der = u8(raw);
      return {
        der,
        x509: new X509Certificate(der),
        identity: AsnConvert.parse(der, CertificateIdentityView),
      };
    });
  } catch {
    return fail(
      'cms_invalid',
      'Sertifikat dalam tanda tangan rusak.',
      'A certificate in the signature is damaged.',
    );
  }
  return { cms, signerInfo: signedData.signerInfos[0]!, certificates };
}
