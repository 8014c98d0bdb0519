/** The verification pipeline (see ./index.ts for the steps and the long-term extension point). */
import { createHash, type X509Certificate } from 'node:crypto';
import type { SignerInfo } from '@peculiar/asn1-cms';
import { PDFDocument } from 'pdf-lib';
import { getInfoEntry } from '../../../shared/elhu/pdf-tools';
import { ELHU_INFO_KEYS } from '../../../shared/elhu/types';
import { checkCades } from './cades';
import { parseCms } from './cms';
import {
  byteRangeOffsets,
  isPdf,
  readContents,
  signatureDictEntries,
  signedParts,
  type ByteRange,
} from './locate';
import {
  checkCoverage,
  matchSignatureDict,
  type AppendedUpdatesPolicy,
  type UpdatesAfterSignature,
} from './structure';
import type { SignatureDict } from './locate';
import { BASELINE_B, fail, type LtvReport, type SignatureFailure, type VerifiedSignature } from './types';

/** What the long-term check gets once the B-B checks have passed. */
export interface LtvContext {
  /** The whole file. */
  bytes: Uint8Array;
  byteRange: ByteRange;
  /** What follows the signed revision, as accepted by `updatesAfterSignature`; null when nothing does. */
  updates: UpdatesAfterSignature | null;
  /** The DER CMS of the signature (its SignerInfo's unsigned attributes hold a signature timestamp). */
  cms: Uint8Array;
  signerInfo: SignerInfo;
  /** The signature value the signature timestamp's message imprint is taken over. */
  signatureValue: Uint8Array;
  signerCertificate: X509Certificate;
  /** The embedded certificates, signer first. */
  certificates: X509Certificate[];
  /** The signer's claim (/M). */
  claimedSigningTime: Date;
  /** The document as last updated (a DSS lives in the catalog of the latest revision). */
  doc: PDFDocument;
  trustAnchors: X509Certificate[] | undefined;
}

export interface LtvCheck {
  updatesAfterSignature?: AppendedUpdatesPolicy;
  assess(ctx: LtvContext): Promise<LtvReport | SignatureFailure>;
}

export interface VerifyOptions {
  /** When given, the signer's chain must lead to one of these (embedded certificates as intermediates). */
  trustAnchors?: X509Certificate[];
  /** The long-term check (B-T and above); without it the result is B-B. */
  ltv?: LtvCheck;
}

const sha256 = (...parts: Uint8Array[]): Buffer => {
  const h = createHash('sha256');
  for (const p of parts) h.update(p);
  return h.digest();
};

const messageOf = (e: unknown): string => (e instanceof Error ? e.message : String(e));

/** Verifies the one PAdES signature of a signed PDF. */
export async function verifySignedPdf(
  bytes: Uint8Array,
  opts: VerifyOptions = {},
): Promise<VerifiedSignature | SignatureFailure> {
  // 1-2. Locate the signature and check what it covers.
  if (!isPdf(bytes)) return fail('not_pdf', 'Berkas bukan PDF.', 'The file is not a PDF.');
  const covered = checkCoverage(bytes, byteRangeOffsets(bytes), opts.ltv?.updatesAfterSignature);
  if ('ok' in covered) return covered;
  const br = covered.byteRange;
  const gap = readContents(bytes, br);
  if ('ok' in gap) return gap;

  // 3. The CMS.
  const parsed = parseCms(gap.contents);
  if ('ok' in parsed) return parsed;

  // 4. The CAdES attributes and the signature.
  let signerIndex: number;
  try {
    const cades = checkCades(parsed.signerInfo, parsed.certificates, sha256(...signedParts(bytes, br)));
    if ('ok' in cades) return cades;
    signerIndex = cades.signerIndex;
  } catch (e) {
    // An attribute value or identifier the library cannot read as its type: the CMS is malformed.
    return fail(
      'cms_invalid',
      'Struktur tanda tangan (CMS) tidak sah.',
      `The signature (CMS) is malformed: ${messageOf(e)}`,
    );
  }
  const signerCert = parsed.certificates[signerIndex]!.x509;
  const others = parsed.certificates.filter((_, i) => i !== signerIndex).map((c) => c.x509);
  const ordered = [signerCert, ...others];

  // 5. The signature dictionary, through the document structure.
  let doc: PDFDocument;
  let sig: SignatureDict | SignatureFailure;
  try {
    doc = await PDFDocument.load(bytes, {
      updateMetadata: false,
      parseSpeed: Infinity,
      throwOnInvalidObject: true,
    });
    sig = matchSignatureDict(doc, br, gap.contentsHex, covered.updates !== null);
  } catch (e) {
    return fail('unreadable_pdf', 'PDF tidak dapat dibaca.', `The PDF cannot be read: ${messageOf(e)}`);
  }
  if ('ok' in sig) return sig;
  const entries = signatureDictEntries(sig.dict);
  if (entries.subFilter !== 'ETSI.CAdES.detached') {
    return fail(
      'wrong_subfilter',
      `Jenis tanda tangan ${entries.subFilter || '(kosong)'} bukan PAdES (ETSI.CAdES.detached).`,
      `Signature type ${entries.subFilter || '(none)'} is not PAdES (ETSI.CAdES.detached).`,
    );
  }
  const signingTime = entries.signingTime;
  if (!signingTime)
    return fail(
      'no_signing_time',
      'Waktu penandatanganan (/M) tidak ada.',
      'The signing time (/M) is missing.',
    );
  const t = signingTime.getTime();
  if (t < Date.parse(signerCert.validFrom) || t > Date.parse(signerCert.validTo)) {
    return fail(
      'certificate_not_valid_at_signing_time',
      'Sertifikat penanda tangan tidak berlaku pada waktu penandatanganan.',
      'The signer certificate was not valid at the signing time.',
    );
  }
  if (opts.trustAnchors && !chainsTo(signerCert, others, opts.trustAnchors)) {
    return fail(
      'untrusted_chain',
      'Sertifikat tidak diterbitkan oleh CA yang dipercaya.',
      'The certificate is not issued by a trusted CA.',
    );
  }

  // 6. The long-term level. What the check throws is the server's problem (a TSA or CRL it cannot
  // read, say), not a verdict on the document: it propagates.
  let ltv: LtvReport = BASELINE_B;
  if (opts.ltv) {
    const r = await opts.ltv.assess({
      bytes,
      byteRange: br,
      updates: covered.updates,
      cms: parsed.cms,
      signerInfo: parsed.signerInfo,
      signatureValue: new Uint8Array(parsed.signerInfo.signature.buffer),
      signerCertificate: signerCert,
      certificates: ordered,
      claimedSigningTime: signingTime,
      doc,
      trustAnchors: opts.trustAnchors,
    });
    if ('code' in r) return r;
    ltv = r;
  }

  const fp = (x: X509Certificate): string => sha256(x.raw).toString('hex');
  const info = (key: string): string | null => getInfoEntry(doc, key) ?? null;
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
    documentHash: info(ELHU_INFO_KEYS.documentHash),
    reportNumber: info(ELHU_INFO_KEYS.reportNumber),
    signerName: info(ELHU_INFO_KEYS.signerName),
    signerNip: info(ELHU_INFO_KEYS.signerNip),
    stampVersion: info(ELHU_INFO_KEYS.stampVersion),
    subFilter: entries.subFilter,
    byteRange: br,
    reason: entries.reason,
    location: entries.location,
    contactInfo: entries.contactInfo,
    name: entries.name,
    cms: parsed.cms,
    ltv,
  };
}

/** True when `leaf` chains, through `intermediates`, to one of `anchors` (signatures checked). */
function chainsTo(
  leaf: X509Certificate,
  intermediates: X509Certificate[],
  anchors: X509Certificate[],
): boolean {
  let cur = leaf;
  for (let depth = 0; depth < 8; depth++) {
    const anchor = anchors.find((t) => cur.checkIssued(t) && cur.verify(t.publicKey));
    if (anchor) return true;
    const next = intermediates.find(
      (x) => x !== cur && !x.raw.equals(cur.raw) && cur.checkIssued(x) && cur.verify(x.publicKey),
    );
    if (!next) return false;
    cur = next;
  }
  return false;
}
