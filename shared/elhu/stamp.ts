/**
 * The signing preparation: removes the draft mark ("DRAFT / BELUM DITERBITKAN", content streams of
 * their own, DRAFT_MARKER), prints the date of issue (the signature's local date) where the
 * renderer left it blank, adds the electronic-signature statement to every page's footer, draws the
 * visible signature block (TTE) into the space the renderer kept on the last page, records the
 * unsigned document's SHA-256, and adds the PAdES signature placeholder
 * (@signpdf/placeholder-pdf-lib, SubFilter ETSI.CAdES.detached, /M = signing time).
 *
 * Why here: the server issues the unsigned E-LHU (step 18) and keeps its hash; the desktop signs
 * those very bytes, and the server accepts the upload only when re-running this function on its
 * stored copy with the stamp read back from the upload (name, NIP, /M, reason, location, contact,
 * certificate issuer) gives the same bytes. Everything the signature adds is therefore a function
 * of the issued bytes and the stamp, and the issued draft needs no change on the server.
 *
 * Deterministic, like the renderer: the same unsigned bytes, stamp and signature length give the
 * same bytes. That is what lets the server check an uploaded signed file against the report it
 * issued: it runs this same function on its stored unsigned E-LHU and compares everything but the
 * signature value (see server/elhu/verify-signature.ts).
 */
import { pdflibAddPlaceholder } from '@signpdf/placeholder-pdf-lib';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';
import {
  PDFArray,
  PDFBool,
  PDFDict,
  PDFDocument,
  PDFName,
  PDFRef,
  PDFStream,
  rgb,
  type PDFFont,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import { formatDateId, formatDateTimeId, localDate } from './dates';
import {
  PageContent,
  TextMeasure,
  cachingFontkit,
  cleanText,
  getInfoEntry,
  setInfoEntry,
  storeSmallStreamsUncompressed,
  tagFontSubsets,
} from './pdf-tools';
import { DRAFT_MARKER, type StampSpots } from './render';
import { reuseEmbeddedFont } from './reused-fonts';
import { signatureStatement } from './statement';
import {
  ELHU_INFO_KEYS,
  TTE_STATEMENT,
  TIME_ZONE_OFFSET_HOURS,
  type ElhuFonts,
  type IndonesianTimeZone,
} from './types';

/**
 * Bumped whenever the signature block's drawing changes (old uploads then fail the server's re-check).
 * 2: draft mark removed, date of issue and footer statement printed when signing.
 * 3: the block is the signature widget's appearance; drawn with the report's own font subsets; the
 *    footer names the issuer of the signer's certificate.
 */
export const STAMP_VERSION = '3';

export interface ElhuSignatureStamp {
  /** The signer's name as registered (printed and put in the signature's /Name). */
  name: string;
  nip: string;
  /** Whole seconds are used (the PDF date /M has no fraction). */
  signingTime: Date;
  reason: string;
  location: string;
  contactInfo?: string;
  /**
   * The issuer of the signing certificate (shared/elhu/issuer.ts certificateIssuerName), given by
   * whoever signs. The footer prints the issuer recorded in the issued E-LHU (that of the
   * certificate registered for the Kepala Balai at step 18), so a re-run without this field (the
   * server's re-check of an upload) draws the same bytes; given and different from the recorded
   * one, signing is refused (issuer_mismatch): the footer would name the wrong issuer.
   */
  certificateIssuer?: string;
}

export interface PrepareOptions {
  /** SHA-256 (hex) of the unsigned bytes, recorded in the info dictionary as SIPPTDocumentHash. */
  documentHash: string;
  /** Bytes reserved for the CMS in /Contents (the hex placeholder is twice as long). */
  signatureLength: number;
}

export class ElhuStampError extends Error {
  constructor(
    readonly code: 'not_an_elhu' | 'bad_signature_box' | 'bad_hash' | 'issuer_mismatch',
    readonly messageId: string,
    readonly messageEn: string,
  ) {
    super(`${messageId} / ${messageEn}`);
    this.name = 'ElhuStampError';
  }
}

/**
 * Text for the signature dictionary's literal strings: pdf-lib writes them unescaped, and
 * PDFDocEncoding has no room for other characters; so accents are dropped, other characters become
 * '?', parentheses become brackets and backslashes slashes. The result must read back unchanged
 * (the server re-runs this on the /Reason, /Location and /ContactInfo it reads from an upload), so
 * soft hyphens are dropped too: U+00AD is Latin-1 but undefined in PDFDocEncoding.
 */
export function pdfDocText(s: string): string {
  return s
    .normalize('NFKD')
    .replace(/[\u0300-\u036f\u00ad]/g, '')
    .replace(/[^\u0020-\u007e\u00a0-\u00ff]/g, '?')
    .replace(/\(/g, '[')
    .replace(/\)/g, ']')
    .replace(/\\/g, '/');
}

export interface SignatureBox {
  pageIndex: number;
  x: number;
  y: number;
  width: number;
  height: number;
}

export function parseSignatureBox(s: string | undefined): SignatureBox | null {
  if (!s) return null;
  const n = s.trim().split(/\s+/).map(Number);
  if (n.length !== 5 || n.some((v) => !Number.isFinite(v))) return null;
  const [pageIndex, x, y, width, height] = n as [number, number, number, number, number];
  if (!Number.isInteger(pageIndex) || pageIndex < 0 || width <= 0 || height <= 0) return null;
  return { pageIndex, x, y, width, height };
}

const NAVY = rgb(0.08, 0.2, 0.4);
const INK = rgb(0.1, 0.1, 0.12);
const GREY = rgb(0.35, 0.37, 0.4);

function parseStampSpots(s: string | undefined): StampSpots | null {
  if (!s) return null;
  try {
    const v = JSON.parse(s) as StampSpots;
    const ok = (n: unknown): n is number => typeof n === 'number' && Number.isFinite(n);
    if (
      !Array.isArray(v.issueDate) ||
      !v.footer ||
      ![v.footer.x, v.footer.y, v.footer.width, v.footer.size].every(ok)
    )
      return null;
    if (
      !v.issueDate.every(
        (d) =>
          Number.isInteger(d.page) &&
          d.page >= 0 &&
          [d.x, d.y, d.size].every(ok) &&
          typeof d.prefix === 'string',
      )
    )
      return null;
    return v;
  } catch {
    return null;
  }
}

/** Removes the draft mark's content streams (DRAFT_MARKER) from a page and from the document. */
function removeDraftMark(doc: PDFDocument, page: PDFPage): void {
  const contents = page.node.Contents();
  if (!(contents instanceof PDFArray)) return;
  for (let i = contents.size() - 1; i >= 0; i--) {
    const ref = contents.get(i);
    if (!(ref instanceof PDFRef)) continue;
    const stream = doc.context.lookup(ref);
    if (stream instanceof PDFStream && stream.dict.get(PDFName.of(DRAFT_MARKER)) === PDFBool.True) {
      contents.remove(i);
      doc.context.delete(ref);
    }
  }
}

export { TTE_STATEMENT } from './types';
export { signatureStatement } from './statement';

/** Makes `appearance` the normal appearance of the page's signature widget (the one the placeholder added, empty). */
function setWidgetAppearance(doc: PDFDocument, page: PDFPage, appearance: PDFRef): void {
  const annots = page.node.Annots();
  for (let i = (annots?.size() ?? 0) - 1; i >= 0; i--) {
    const widget = doc.context.lookup(annots!.get(i));
    if (!(widget instanceof PDFDict) || widget.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
    const ap = widget.lookup(PDFName.of('AP'));
    const empty = ap instanceof PDFDict ? ap.get(PDFName.of('N')) : undefined;
    widget.set(PDFName.of('AP'), doc.context.obj({ N: appearance }));
    if (empty instanceof PDFRef) doc.context.delete(empty);
    return;
  }
  throw new Error('the signature placeholder added no signature widget');
}

/** Draws the signature block and adds the signature placeholder; returns the bytes to be signed by @signpdf/signpdf. */
export async function prepareElhuForSigning(
  unsigned: Uint8Array,
  stamp: ElhuSignatureStamp,
  fonts: ElhuFonts,
  opts: PrepareOptions,
): Promise<Uint8Array> {
  if (!/^[0-9a-f]{64}$/.test(opts.documentHash)) {
    throw new ElhuStampError(
      'bad_hash',
      'hash dokumen harus SHA-256 hex',
      'document hash must be SHA-256 hex',
    );
  }
  const doc = await PDFDocument.load(unsigned, { updateMetadata: false, parseSpeed: Infinity });
  const box = parseSignatureBox(getInfoEntry(doc, ELHU_INFO_KEYS.signatureBox));
  const url = getInfoEntry(doc, ELHU_INFO_KEYS.verificationUrl);
  const tzText = getInfoEntry(doc, ELHU_INFO_KEYS.timeZone) ?? 'WIB';
  if (!box || !url) {
    throw new ElhuStampError(
      'not_an_elhu',
      'berkas ini bukan E-LHU dari SIPPT',
      'this file is not an E-LHU made by SIPPT',
    );
  }
  if (box.pageIndex >= doc.getPageCount()) {
    throw new ElhuStampError(
      'bad_signature_box',
      'ruang tanda tangan tidak ada di dokumen',
      'signature box is outside the document',
    );
  }
  const recordedIssuer = getInfoEntry(doc, ELHU_INFO_KEYS.certificateIssuer);
  const signerIssuer = stamp.certificateIssuer?.trim();
  if (recordedIssuer && signerIssuer && signerIssuer !== recordedIssuer) {
    throw new ElhuStampError(
      'issuer_mismatch',
      `sertifikat penanda tangan diterbitkan oleh ${signerIssuer}, bukan ${recordedIssuer} seperti sertifikat yang terdaftar saat E-LHU diterbitkan`,
      `the signing certificate was issued by ${signerIssuer}, not by ${recordedIssuer} like the certificate registered when the E-LHU was issued`,
    );
  }
  const tz: IndonesianTimeZone = tzText in TIME_ZONE_OFFSET_HOURS ? (tzText as IndonesianTimeZone) : 'WIB';
  const signingTime = new Date(Math.floor(stamp.signingTime.getTime() / 1000) * 1000);

  doc.registerFontkit(cachingFontkit);
  storeSmallStreamsUncompressed(doc);
  const page = doc.getPage(box.pageIndex);
  const spots = parseStampSpots(getInfoEntry(doc, ELHU_INFO_KEYS.stampSpots));
  const pages = doc.getPages();
  for (const p of pages) removeDraftMark(doc, p);

  // The report's own font subsets (reused-fonts.ts); a new subset only for a font whose subset
  // lacks a glyph of what is drawn with it. Widths are the same either way (same font file).
  const reused = {
    regular: await reuseEmbeddedFont(doc, fonts.regular),
    bold: await reuseEmbeddedFont(doc, fonts.bold),
    italic: await reuseEmbeddedFont(doc, fonts.italic),
  };
  const embedded: PDFFont[] = [];
  const embed = async (bytes: Uint8Array): Promise<PDFFont> => {
    const f = await doc.embedFont(bytes, { subset: true });
    embedded.push(f);
    return f;
  };
  const measuring = {
    regular: reused.regular?.font ?? (await embed(fonts.regular)),
    bold: reused.bold?.font ?? (await embed(fonts.bold)),
    italic: reused.italic?.font ?? (await embed(fonts.italic)),
  };

  // Everything the signing prints, laid out first.
  const issued = formatDateId(localDate(signingTime, tz));
  const footerSize = spots?.footer.size ?? 0;
  const footerLines = spots
    ? new TextMeasure(measuring.italic, footerSize).wrap(
        signatureStatement(getInfoEntry(doc, ELHU_INFO_KEYS.signatureStatement), recordedIssuer),
        spots.footer.width,
      )
    : [];
  const issueDates = (spots?.issueDate ?? [])
    .filter((d) => d.page < pages.length)
    .map((d) => ({ ...d, text: cleanText(`${d.prefix}${issued}`) }));
  const pad = 6;
  const qr = box.height - 2 * pad - 3;
  const tx = box.x + pad + qr + 8;
  const tw = box.x + box.width - pad - tx;
  const block: { text: string; kind: keyof typeof measuring; size: number; color: RGB }[] = [
    { text: 'Ditandatangani secara elektronik oleh:', kind: 'italic', size: 6.6, color: GREY },
    ...new TextMeasure(measuring.bold, 8.2)
      .wrap(stamp.name, tw)
      .map((text) => ({ text, kind: 'bold' as const, size: 8.2, color: NAVY })),
    { text: `NIP. ${stamp.nip}`, kind: 'regular', size: 7.2, color: INK },
    { text: formatDateTimeId(signingTime, tz), kind: 'regular', size: 7.2, color: INK },
    ...new TextMeasure(measuring.italic, 5.9)
      .wrap(TTE_STATEMENT, tw)
      .map((text) => ({ text, kind: 'italic' as const, size: 5.9, color: GREY })),
  ];
  const printed: Record<keyof typeof measuring, string[]> = {
    regular: [
      ...issueDates.map((d) => d.text),
      ...block.filter((b) => b.kind === 'regular').map((b) => b.text),
    ],
    bold: block.filter((b) => b.kind === 'bold').map((b) => b.text),
    italic: [...footerLines, ...block.filter((b) => b.kind === 'italic').map((b) => b.text)],
  };
  const drawing = async (kind: keyof typeof measuring, bytes: Uint8Array): Promise<PDFFont> => {
    const r = reused[kind];
    return r && !printed[kind].every((t) => r.covers(t)) ? embed(bytes) : measuring[kind];
  };
  const regular = await drawing('regular', fonts.regular);
  const bold = await drawing('bold', fonts.bold);
  const italic = await drawing('italic', fonts.italic);
  const fontOf = { regular, bold, italic };

  if (spots) {
    // The date of issue is the signature's date, in the unit's time zone.
    const perPage = pages.map((p) => new PageContent(p));
    const footerMeasure = new TextMeasure(italic, footerSize);
    perPage.forEach((pc) => {
      let fy = spots.footer.y;
      for (const t of footerLines) {
        const w = footerMeasure.lineWidth(t);
        pc.text(t, spots.footer.x + (spots.footer.width - w) / 2, fy, italic, footerSize, GREY);
        fy -= footerSize * 1.3;
      }
    });
    for (const d of issueDates) perPage[d.page]!.text(d.text, d.x, d.y, regular, d.size, INK);
    perPage.forEach((pc) => pc.flush());
  }

  // The visible signature block is the signature widget's appearance (/AP /N), not page content:
  // viewers show it as the signature, and it prints (the widget's Print flag).
  const c = new PageContent(page, { form: true });
  c.rect(box.x, box.y, box.width, box.height, { fill: rgb(1, 1, 1), stroke: NAVY, lineWidth: 0.9 });
  c.rect(box.x, box.y + box.height - 3, box.width, 3, { fill: NAVY });
  c.qrCode(url, box.x + pad, box.y + pad, qr);
  let y = box.y + box.height - 3 - 10;
  block.forEach((line, i) => {
    if (i > 0 && line.kind === 'italic' && block[i - 1]!.kind !== 'italic') y -= 1.5;
    c.text(line.text, tx, y, fontOf[line.kind], line.size, line.color);
    y -= line.size * 1.3;
  });
  const appearance = c.toFormXObject([box.x, box.y, box.x + box.width, box.y + box.height]);

  setInfoEntry(doc, ELHU_INFO_KEYS.documentHash, opts.documentHash);
  setInfoEntry(doc, ELHU_INFO_KEYS.signerName, stamp.name);
  setInfoEntry(doc, ELHU_INFO_KEYS.signerNip, stamp.nip);
  setInfoEntry(doc, ELHU_INFO_KEYS.stampVersion, STAMP_VERSION);
  doc.setModificationDate(signingTime);

  pdflibAddPlaceholder({
    pdfDoc: doc,
    pdfPage: page,
    reason: pdfDocText(stamp.reason),
    contactInfo: pdfDocText(stamp.contactInfo ?? ''),
    name: pdfDocText(stamp.name),
    location: pdfDocText(stamp.location),
    signingTime,
    // The placeholder's length counts hex digits: two per byte of CMS.
    signatureLength: opts.signatureLength * 2,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    widgetRect: [box.x, box.y, box.x + box.width, box.y + box.height],
    appName: 'SIPPT Lab',
  });
  setWidgetAppearance(doc, page, appearance);
  await tagFontSubsets(doc, embedded);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
