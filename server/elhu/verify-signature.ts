/**
 * Server-side checks of a signed E-LHU (SOP step 19 upload, and the public verification page).
 * Plain Node: node built-ins, shared/ and npm packages only.
 *
 * 1. verifySignedPdf(bytes): the cryptographic check. Exactly one signature; its /ByteRange covers
 *    the whole file except the /Contents hex string; the CMS is a PAdES B-B CAdES detached
 *    signature (SubFilter ETSI.CAdES.detached, content-type, message-digest and
 *    signing-certificate-v2 present, no signing-time); the message digest is the SHA-256 of the byte
 *    ranges; the RSA signature over the signed attributes verifies with the embedded signer
 *    certificate, whose hash matches signing-certificate-v2 and which was valid at the claimed time
 *    (/M). Returns the signer's certificate fingerprint (SHA-256), CN, the signing time, the SHA-256
 *    of the whole file and the hash of the unsigned report recorded at signing.
 *
 * 2. verifyUploadedElhu(...): "is this the report the server issued, signed by the registered
 *    Kepala Balai". How "the document is the one the server issued" is established:
 *    - the desktop signs the unsigned E-LHU the server rendered at step 18, after checking its
 *      SHA-256 against the hash the server stored (documentHash), and records that hash in the
 *      signed file's information dictionary (/SIPPTDocumentHash), inside the signed byte ranges;
 *    - pdflibAddPlaceholder rewrites the whole file (no incremental update), so the unsigned bytes
 *      are not a prefix of the signed file. Instead the preparation step (draw the signature block,
 *      add the placeholder: shared/elhu/stamp.ts) is deterministic: the server runs it again on its
 *      own stored unsigned E-LHU with the parameters read from the upload (signing time /M, reason,
 *      location, signer name and NIP, placeholder size), lets @signpdf insert the uploaded CMS, and
 *      requires the result to be byte-for-byte the uploaded file. So every byte outside the CMS is
 *      either the issued report or the signature block the SIPPT signer draws; any other change to
 *      the pages, the metadata or the structure is refused, even one signed with the right key.
 *    The recorded hash alone already binds the signer's intent to the issued document; the re-run
 *    proves the visible pages are that document. The re-run depends on the same pdf-lib / @signpdf
 *    versions and fonts on desktop and server (one repository, one lockfile; STAMP_VERSION names
 *    the block layout).
 *
 * The public verification page needs neither: it looks the uploaded file's SHA-256 up among the
 * signedHash values the server stored when it accepted the signed E-LHU.
 */
import { X509Certificate, createHash, verify as cryptoVerify } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import {
  OID,
  TAG,
  bytesEqual,
  certificateParts,
  children,
  decodeOid,
  expectTag,
  readTlv,
  type DerNode,
} from '../../shared/elhu/der';
import { getInfoEntry } from '../../shared/elhu/pdf-tools';
import { STAMP_VERSION, prepareElhuForSigning } from '../../shared/elhu/stamp';
import { ELHU_INFO_KEYS, type ElhuFonts } from '../../shared/elhu/types';

export type SignatureFailureCode =
  | 'not_pdf'
  | 'unreadable_pdf'
  | 'no_signature'
  | 'multiple_signatures'
  | 'byte_range_invalid'
  | 'byte_range_incomplete'
  | 'contents_invalid'
  | 'wrong_subfilter'
  | 'cms_invalid'
  | 'not_pades_bb'
  | 'unsupported_algorithm'
  | 'digest_mismatch'
  | 'signer_certificate_missing'
  | 'signing_certificate_mismatch'
  | 'signature_invalid'
  | 'no_signing_time'
  | 'certificate_not_valid_at_signing_time'
  | 'untrusted_chain'
  // verifyUploadedElhu only:
  | 'certificate_not_registered'
  | 'signer_mismatch'
  | 'issued_document_mismatch'
  | 'not_issued_document'
  | 'document_altered';

export interface SignatureFailure {
  ok: false;
  code: SignatureFailureCode;
  message: { id: string; en: string };
}

export interface VerifiedSignature {
  ok: true;
  /** SHA-256 of the signer certificate's DER, lower-case hex. */
  signerFingerprint: string;
  signerCommonName: string;
  signerSubject: string;
  signerCertificate: X509Certificate;
  /** The embedded certificates (signer first, then the others as found), as fingerprints. */
  chainFingerprints: string[];
  certificates: X509Certificate[];
  /** The claimed signing time: the signature dictionary's /M. */
  signingTime: Date;
  /** SHA-256 of the whole signed file, lower-case hex (the server stores it as signedHash). */
  fileSha256: string;
  /** /SIPPTDocumentHash: SHA-256 of the unsigned E-LHU the signer signed; null if absent. */
  documentHash: string | null;
  reportNumber: string | null;
  signerName: string | null;
  signerNip: string | null;
  stampVersion: string | null;
  subFilter: string;
  byteRange: [number, number, number, number];
  reason: string | null;
  location: string | null;
  contactInfo: string | null;
  /** The signature dictionary's /Name. */
  name: string | null;
  /** The DER CMS as found in /Contents, without the zero padding. */
  cms: Uint8Array;
}

const fail = (code: SignatureFailureCode, id: string, en: string): SignatureFailure => ({ ok: false, code, message: { id, en } });

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const latin1 = (b: Uint8Array): string => Buffer.from(b.buffer, b.byteOffset, b.byteLength).toString('latin1');

function isHexDigit(c: number): boolean {
  return (c >= 0x30 && c <= 0x39) || (c >= 0x41 && c <= 0x46) || (c >= 0x61 && c <= 0x66);
}

function textOf(v: unknown): string | null {
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return null;
}

interface SignatureDict {
  dict: PDFDict;
  byteRange: number[];
  contentsHex: string;
}

/** The signature dictionaries reachable from the AcroForm's signature fields. */
function signatureDicts(doc: PDFDocument): SignatureDict[] {
  const out: SignatureDict[] = [];
  const acroForm = doc.catalog.lookupMaybe(PDFName.of('AcroForm'), PDFDict);
  const fields = acroForm?.lookupMaybe(PDFName.of('Fields'), PDFArray);
  if (!fields) return out;
  const visit = (ref: unknown, depth: number): void => {
    if (depth > 8) return;
    const field = ref instanceof PDFRef ? doc.context.lookup(ref) : ref;
    if (!(field instanceof PDFDict)) return;
    const kids = field.lookupMaybe(PDFName.of('Kids'), PDFArray);
    if (kids) for (let i = 0; i < kids.size(); i++) visit(kids.get(i), depth + 1);
    const ft = field.lookupMaybe(PDFName.of('FT'), PDFName);
    if (ft?.asString() !== '/Sig') return;
    const v = field.lookupMaybe(PDFName.of('V'), PDFDict);
    if (!v) return;
    const br = v.lookupMaybe(PDFName.of('ByteRange'), PDFArray);
    const contents = v.lookup(PDFName.of('Contents'));
    out.push({
      dict: v,
      byteRange: br ? br.asArray().map((n) => (n instanceof PDFNumber ? n.asNumber() : NaN)) : [],
      contentsHex: contents instanceof PDFHexString ? contents.asString() : '',
    });
  };
  for (let i = 0; i < fields.size(); i++) visit(fields.get(i), 0);
  return out;
}

function attributeMap(signedAttrs: DerNode): Map<string, DerNode[]> | null {
  const map = new Map<string, DerNode[]>();
  for (const attr of children(signedAttrs)) {
    const [type, values] = children(expectTag(attr, TAG.SEQUENCE, 'Attribute'));
    const oid = decodeOid(type!);
    if (map.has(oid)) return null; // an attribute type appears once (RFC 5652 5.3)
    map.set(oid, children(expectTag(values, TAG.SET, 'AttributeValues')));
  }
  return map;
}

/**
 * Verifies the one PAdES signature of a signed PDF. `trustAnchors`, when given, must contain the
 * root the signer's chain leads to (the embedded certificates are used as intermediates).
 */
export async function verifySignedPdf(
  bytes: Uint8Array,
  opts: { trustAnchors?: X509Certificate[] } = {},
): Promise<VerifiedSignature | SignatureFailure> {
  if (bytes.length < 8 || latin1(bytes.subarray(0, 5)) !== '%PDF-') {
    return fail('not_pdf', 'Berkas bukan PDF.', 'The file is not a PDF.');
  }
  const text = latin1(bytes);

  // --- The signature's byte range, read from the raw file.
  const positions: number[] = [];
  for (let p = text.indexOf('/ByteRange'); p !== -1; p = text.indexOf('/ByteRange', p + 10)) positions.push(p);
  if (positions.length === 0) return fail('no_signature', 'PDF tidak bertanda tangan elektronik.', 'The PDF carries no electronic signature.');
  if (positions.length > 1) {
    return fail('multiple_signatures', 'PDF memuat lebih dari satu tanda tangan.', 'The PDF carries more than one signature.');
  }
  const m = /^\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/.exec(text.slice(positions[0], positions[0]! + 120));
  if (!m) return fail('byte_range_invalid', 'ByteRange tanda tangan tidak sah.', 'The signature ByteRange is malformed.');
  const br = [Number(m[1]), Number(m[2]), Number(m[3]), Number(m[4])] as [number, number, number, number];
  const [a, b, c, d] = br;
  if (a !== 0 || b <= 0 || c <= b + 1 || b <= positions[0]!) {
    return fail('byte_range_invalid', 'ByteRange tanda tangan tidak sah.', 'The signature ByteRange is malformed.');
  }
  if (c + d !== bytes.length) {
    return fail(
      'byte_range_incomplete',
      'Tanda tangan tidak mencakup seluruh dokumen (ada bagian yang ditambahkan atau dipotong).',
      'The signature does not cover the whole document (something was appended or cut off).',
    );
  }
  if (bytes[b] !== 0x3c || bytes[c - 1] !== 0x3e) {
    return fail('contents_invalid', 'Celah ByteRange bukan isi tanda tangan.', 'The ByteRange gap is not the signature contents.');
  }
  for (let i = b + 1; i < c - 1; i++) {
    if (!isHexDigit(bytes[i]!)) return fail('contents_invalid', 'Isi tanda tangan rusak.', 'The signature contents are damaged.');
  }
  const contents = Buffer.from(text.slice(b + 1, c - 1), 'hex');

  // --- The CMS.
  let cmsNode: DerNode;
  let signerInfo: DerNode[];
  let certNodes: DerNode[] = [];
  try {
    cmsNode = readTlv(contents, 0);
    for (let i = cmsNode.raw.length; i < contents.length; i++) {
      if (contents[i] !== 0) return fail('cms_invalid', 'Isi tanda tangan rusak.', 'The signature contents are damaged.');
    }
    const [ctype, explicit] = children(expectTag(cmsNode, TAG.SEQUENCE, 'ContentInfo'));
    if (decodeOid(ctype!) !== OID.signedData) return fail('cms_invalid', 'CMS bukan SignedData.', 'The CMS is not SignedData.');
    const signedData = children(expectTag(children(expectTag(explicit, 0xa0, '[0]'))[0], TAG.SEQUENCE, 'SignedData'));
    const encap = children(expectTag(signedData[2], TAG.SEQUENCE, 'EncapsulatedContentInfo'));
    if (decodeOid(encap[0]!) !== OID.data || encap.length !== 1) {
      return fail('not_pades_bb', 'Tanda tangan bukan detached atas data PDF.', 'The signature is not detached over the PDF data.');
    }
    let k = 3;
    if (signedData[k]?.tag === 0xa0) certNodes = children(signedData[k++]!);
    if (signedData[k]?.tag === 0xa1) k++;
    const infos = children(expectTag(signedData[k], TAG.SET, 'SignerInfos'));
    if (infos.length !== 1) return fail('cms_invalid', 'CMS harus memuat satu penanda tangan.', 'The CMS must hold exactly one signer.');
    signerInfo = children(expectTag(infos[0], TAG.SEQUENCE, 'SignerInfo'));
  } catch (e) {
    return fail('cms_invalid', 'Struktur tanda tangan (CMS) tidak sah.', `The signature (CMS) is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }

  let certificates: X509Certificate[];
  try {
    certificates = certNodes.map((n) => new X509Certificate(n.raw));
  } catch {
    return fail('cms_invalid', 'Sertifikat dalam tanda tangan rusak.', 'A certificate in the signature is damaged.');
  }

  try {
    const [, sid, digestAlg, signedAttrs, sigAlg, signature] = signerInfo;
    const [issuer, serial] = children(expectTag(sid, TAG.SEQUENCE, 'IssuerAndSerialNumber'));
    if (decodeOid(children(expectTag(digestAlg, TAG.SEQUENCE, 'digestAlgorithm'))[0]!) !== OID.sha256) {
      return fail('unsupported_algorithm', 'Algoritma hash harus SHA-256.', 'The digest algorithm must be SHA-256.');
    }
    const sigAlgOid = decodeOid(children(expectTag(sigAlg, TAG.SEQUENCE, 'signatureAlgorithm'))[0]!);
    if (sigAlgOid !== OID.rsaEncryption && sigAlgOid !== OID.sha256WithRSAEncryption) {
      return fail('unsupported_algorithm', 'Algoritma tanda tangan harus RSA.', 'The signature algorithm must be RSA.');
    }
    expectTag(signedAttrs, 0xa0, 'signedAttrs');
    const attrs = attributeMap(signedAttrs!);
    if (!attrs) return fail('cms_invalid', 'Atribut tanda tangan ganda.', 'A signed attribute appears twice.');
    if (attrs.has(OID.signingTime)) {
      return fail('not_pades_bb', 'Tanda tangan memuat atribut signing-time (bukan PAdES B-B).', 'The signature has a signing-time attribute (not PAdES B-B).');
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
    if (decodeOid(ct[0]!) !== OID.data) return fail('not_pades_bb', 'content-type harus id-data.', 'content-type must be id-data.');

    // message-digest = SHA-256 of the signed byte ranges.
    const digest = sha256(bytes.subarray(a, a + b), bytes.subarray(c, c + d));
    if (!bytesEqual(expectTag(md[0], TAG.OCTET_STRING, 'messageDigest').value, digest)) {
      return fail(
        'digest_mismatch',
        'Isi dokumen telah berubah setelah ditandatangani (digest tidak cocok).',
        'The document was changed after it was signed (digest mismatch).',
      );
    }

    // The signer certificate, by issuer and serial number.
    const signerIdx = certNodes.findIndex((n) => {
      const parts = certificateParts(n.raw);
      return bytesEqual(parts.issuer, issuer!.raw) && bytesEqual(parts.serialNumber, serial!.raw);
    });
    if (signerIdx < 0) {
      return fail('signer_certificate_missing', 'Sertifikat penanda tangan tidak disertakan.', 'The signer certificate is not embedded.');
    }
    const signerCert = certificates[signerIdx]!;
    const signerDer = certNodes[signerIdx]!.raw;

    // signing-certificate-v2: the first ESSCertIDv2 names the signer certificate.
    const certIds = children(expectTag(children(expectTag(scv2[0], TAG.SEQUENCE, 'SigningCertificateV2'))[0], TAG.SEQUENCE, 'certs'));
    const essFields = children(expectTag(certIds[0], TAG.SEQUENCE, 'ESSCertIDv2'));
    let hashOid: string = OID.sha256;
    let f = 0;
    if (essFields[0]?.tag === TAG.SEQUENCE) hashOid = decodeOid(children(essFields[f++]!)[0]!);
    const hashAlg = hashOid === OID.sha256 ? 'sha256' : hashOid === OID.sha384 ? 'sha384' : hashOid === OID.sha512 ? 'sha512' : null;
    if (!hashAlg) return fail('unsupported_algorithm', 'Hash ESSCertIDv2 tidak didukung.', 'Unsupported ESSCertIDv2 hash.');
    const certHash = expectTag(essFields[f], TAG.OCTET_STRING, 'certHash').value;
    if (!bytesEqual(certHash, createHash(hashAlg).update(signerDer).digest())) {
      return fail(
        'signing_certificate_mismatch',
        'Atribut signing-certificate-v2 tidak menunjuk sertifikat penanda tangan.',
        'The signing-certificate-v2 attribute does not name the signer certificate.',
      );
    }

    // The RSA signature over the DER of the signed attributes (as SET OF, RFC 5652 5.4).
    const attrsDer = Buffer.from(signedAttrs!.raw);
    attrsDer[0] = TAG.SET;
    const sigValue = expectTag(signature, TAG.OCTET_STRING, 'signature').value;
    if (!cryptoVerify('sha256', attrsDer, signerCert.publicKey, sigValue)) {
      return fail('signature_invalid', 'Tanda tangan elektronik tidak sah.', 'The electronic signature is not valid.');
    }

    // --- The signature dictionary, through the document structure, must be the one the gap belongs to.
    let doc: PDFDocument;
    try {
      doc = await PDFDocument.load(bytes, { updateMetadata: false, parseSpeed: Infinity, throwOnInvalidObject: true });
    } catch (e) {
      return fail('unreadable_pdf', 'PDF tidak dapat dibaca.', `The PDF cannot be read: ${e instanceof Error ? e.message : String(e)}`);
    }
    const sigs = signatureDicts(doc);
    if (sigs.length !== 1) {
      return sigs.length === 0
        ? fail('no_signature', 'PDF tidak memiliki bidang tanda tangan.', 'The PDF has no signature field.')
        : fail('multiple_signatures', 'PDF memuat lebih dari satu tanda tangan.', 'The PDF carries more than one signature.');
    }
    const sig = sigs[0]!;
    if (sig.byteRange.join(' ') !== br.join(' ') || sig.contentsHex.toLowerCase() !== text.slice(b + 1, c - 1).toLowerCase()) {
      return fail('contents_invalid', 'Tanda tangan tidak sesuai dengan struktur PDF.', 'The signature does not match the PDF structure.');
    }
    const subFilter = sig.dict.lookupMaybe(PDFName.of('SubFilter'), PDFName)?.decodeText() ?? '';
    if (subFilter !== 'ETSI.CAdES.detached') {
      return fail(
        'wrong_subfilter',
        `Jenis tanda tangan ${subFilter || '(kosong)'} bukan PAdES (ETSI.CAdES.detached).`,
        `Signature type ${subFilter || '(none)'} is not PAdES (ETSI.CAdES.detached).`,
      );
    }
    const mObj = sig.dict.lookup(PDFName.of('M'));
    const signingTime = mObj instanceof PDFString ? mObj.decodeDate() : null;
    if (!signingTime || Number.isNaN(signingTime.getTime())) {
      return fail('no_signing_time', 'Waktu penandatanganan (/M) tidak ada.', 'The signing time (/M) is missing.');
    }

    const t = signingTime.getTime();
    if (t < Date.parse(signerCert.validFrom) || t > Date.parse(signerCert.validTo)) {
      return fail(
        'certificate_not_valid_at_signing_time',
        'Sertifikat penanda tangan tidak berlaku pada waktu penandatanganan.',
        'The signer certificate was not valid at the signing time.',
      );
    }

    if (opts.trustAnchors) {
      const chainOk = chainsTo(signerCert, certificates, opts.trustAnchors);
      if (!chainOk) {
        return fail('untrusted_chain', 'Sertifikat tidak diterbitkan oleh CA yang dipercaya.', 'The certificate is not issued by a trusted CA.');
      }
    }

    const fp = (x: X509Certificate): string => sha256(x.raw).toString('hex');
    const ordered = [signerCert, ...certificates.filter((_, i) => i !== signerIdx)];
    return {
      ok: true,
      signerFingerprint: fp(signerCert),
      signerCommonName: /^CN=(.*)$/m.exec(signerCert.subject)?.[1] ?? signerCert.subject,
      signerSubject: signerCert.subject,
      signerCertificate: signerCert,
      chainFingerprints: ordered.map(fp),
      certificates: ordered,
      signingTime,
      fileSha256: sha256(bytes).toString('hex'),
      documentHash: getInfoEntry(doc, ELHU_INFO_KEYS.documentHash) ?? null,
      reportNumber: getInfoEntry(doc, ELHU_INFO_KEYS.reportNumber) ?? null,
      signerName: getInfoEntry(doc, ELHU_INFO_KEYS.signerName) ?? null,
      signerNip: getInfoEntry(doc, ELHU_INFO_KEYS.signerNip) ?? null,
      stampVersion: getInfoEntry(doc, ELHU_INFO_KEYS.stampVersion) ?? null,
      subFilter,
      byteRange: br,
      reason: textOf(sig.dict.lookup(PDFName.of('Reason'))),
      location: textOf(sig.dict.lookup(PDFName.of('Location'))),
      contactInfo: textOf(sig.dict.lookup(PDFName.of('ContactInfo'))),
      name: textOf(sig.dict.lookup(PDFName.of('Name'))),
      cms: new Uint8Array(cmsNode.raw),
    };
  } catch (e) {
    return fail('cms_invalid', 'Struktur tanda tangan (CMS) tidak sah.', `The signature (CMS) is malformed: ${e instanceof Error ? e.message : String(e)}`);
  }
}

/** True when `leaf` chains, through `intermediates`, to one of `anchors` (signatures checked). */
function chainsTo(leaf: X509Certificate, intermediates: X509Certificate[], anchors: X509Certificate[]): boolean {
  let cur = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((t) => cur.checkIssued(t) && cur.verify(t.publicKey));
    if (anchor) return true;
    const next = intermediates.find((x) => x !== cur && !bytesEqual(x.raw, cur.raw) && cur.checkIssued(x) && cur.verify(x.publicKey));
    if (!next) return false;
    cur = next;
  }
  return false;
}

/** Puts a given CMS into the placeholder, exactly as the desktop's signer did. */
class FixedCmsSigner extends Signer {
  constructor(private readonly cms: Uint8Array) {
    super();
  }
  override async sign(): Promise<Buffer> {
    return Buffer.from(this.cms);
  }
}

export interface UploadCheck {
  /** The signed PDF as uploaded. */
  signed: Uint8Array;
  /** The unsigned E-LHU the server rendered and queued at step 18. */
  issuedUnsigned: Uint8Array;
  /** The SHA-256 the server stored for it (report.documentHash). */
  issuedHash: string;
  /** The certificate Admin Satker registered for this Kepala Balai: PEM, or its SHA-256 fingerprint. */
  registeredCertificate: string;
  /** When given, the name and NIP in the signature block must be these (the Kepala Balai's record). */
  expectedSigner?: { name: string; nip: string };
  fonts: ElhuFonts;
  trustAnchors?: X509Certificate[];
}

export interface AcceptedUpload {
  ok: true;
  signature: VerifiedSignature;
  /** What to store as the report's signedHash (the public verification page looks it up). */
  signedHash: string;
}

function registeredFingerprint(registered: string): string {
  if (registered.includes('-----BEGIN')) return sha256(new X509Certificate(registered).raw).toString('hex');
  return registered.replace(/[^0-9a-fA-F]/g, '').toLowerCase();
}

/**
 * Step 19: accepts a signed E-LHU only if the signature verifies and covers the whole file, was made
 * with the certificate registered for the Kepala Balai, and the file is the report the server issued
 * plus the SIPPT signature block (see the module comment).
 */
export async function verifyUploadedElhu(check: UploadCheck): Promise<AcceptedUpload | SignatureFailure> {
  const v = await verifySignedPdf(check.signed, check.trustAnchors ? { trustAnchors: check.trustAnchors } : {});
  if (!v.ok) return v;
  let expectedFp: string;
  try {
    expectedFp = registeredFingerprint(check.registeredCertificate);
  } catch {
    return fail('certificate_not_registered', 'Sertifikat terdaftar tidak dapat dibaca.', 'The registered certificate cannot be read.');
  }
  if (v.signerFingerprint !== expectedFp) {
    return fail(
      'certificate_not_registered',
      'Dokumen ditandatangani dengan sertifikat yang bukan milik Kepala Balai yang ditunjuk.',
      'The document was signed with a certificate other than the one registered for the chosen Kepala Balai.',
    );
  }
  const issuedHash = check.issuedHash.trim().toLowerCase();
  if (sha256(check.issuedUnsigned).toString('hex') !== issuedHash) {
    return fail(
      'issued_document_mismatch',
      'E-LHU yang tersimpan di server tidak cocok dengan hash-nya.',
      'The E-LHU stored on the server does not match its recorded hash.',
    );
  }
  if (v.documentHash !== issuedHash) {
    return fail(
      'not_issued_document',
      'Dokumen yang ditandatangani bukan E-LHU yang diterbitkan server untuk laporan ini.',
      'The signed document is not the E-LHU the server issued for this report.',
    );
  }
  if (check.expectedSigner && (v.signerName !== check.expectedSigner.name || v.signerNip !== check.expectedSigner.nip)) {
    return fail(
      'signer_mismatch',
      'Nama/NIP pada blok tanda tangan bukan milik Kepala Balai yang ditunjuk.',
      'The name/NIP in the signature block is not the chosen Kepala Balai.',
    );
  }
  if (v.stampVersion !== STAMP_VERSION || v.signerName === null || v.signerNip === null) {
    return fail(
      'document_altered',
      'Blok tanda tangan tidak dibuat oleh aplikasi SIPPT versi ini.',
      'The signature block was not made by this version of the SIPPT application.',
    );
  }
  const [, b, c] = v.byteRange;
  let rebuilt: Buffer;
  try {
    const prepared = await prepareElhuForSigning(
      check.issuedUnsigned,
      {
        name: v.signerName,
        nip: v.signerNip,
        signingTime: v.signingTime,
        reason: v.reason ?? '',
        location: v.location ?? '',
        contactInfo: v.contactInfo ?? '',
      },
      check.fonts,
      { documentHash: issuedHash, signatureLength: (c - b - 2) / 2 },
    );
    rebuilt = await new SignPdf().sign(Buffer.from(prepared), new FixedCmsSigner(v.cms));
  } catch {
    rebuilt = Buffer.alloc(0);
  }
  if (!bytesEqual(rebuilt, check.signed)) {
    return fail(
      'document_altered',
      'Isi dokumen berbeda dari E-LHU yang diterbitkan server ditambah blok tanda tangan.',
      'The document differs from the E-LHU the server issued plus the signature block.',
    );
  }
  return { ok: true, signature: v, signedHash: v.fileSha256 };
}

/** resources/fonts/ of the repository. */
export const DEFAULT_FONTS_DIR = fileURLToPath(new URL('../../resources/fonts/', import.meta.url));

/** The E-LHU fonts, read once: pass the same object to every render and check. */
export function loadElhuFonts(dir: string = DEFAULT_FONTS_DIR): ElhuFonts {
  const read = (name: string): Uint8Array => new Uint8Array(readFileSync(join(dir, name)));
  return { regular: read('NotoSans-Regular.ttf'), bold: read('NotoSans-Bold.ttf'), italic: read('NotoSans-Italic.ttf') };
}
