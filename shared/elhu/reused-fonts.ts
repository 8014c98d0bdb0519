/**
 * Signing draws text (the signature block, the date of issue, the footer statement) in the fonts
 * the report was rendered with. Embedding them again would put a second subset of each font in
 * the signed file (pdffonts listing NotoSans-Regular twice). Instead the renderer reserves, in each
 * subset, the glyphs the signing step may need (reserveStampGlyphs), and the signing step draws
 * with the subsets already in the document (reuseEmbeddedFont): it maps each glyph to its place in
 * the subset through the subset's ToUnicode map, and widths come from the same font file, so the
 * layout is the one pdf-lib computes.
 *
 * A text the existing subset cannot show (a report rendered before the glyphs were reserved, or an
 * issuer name with characters outside ASCII) is drawn with a new subset, as before: the result
 * depends only on the issued bytes and the stamp, so the server's re-check stays byte-exact.
 */
import {
  CustomFontEmbedder,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFFont,
  decodePDFRawStream,
  type PDFDocument,
  type PDFRef,
} from 'pdf-lib';
import { BULAN } from './dates';
import { cachingFontkit } from './pdf-tools';
import { TIME_ZONE_OFFSET_HOURS, TTE_STATEMENT } from './types';

/** What the signing step prints, per font (shared/elhu/stamp.ts): its characters are reserved. */
export interface StampTexts {
  /** The Kepala Balai's name (bold) and NIP. */
  name: string;
  nip: string;
  /** The footer statement as it will be printed (issuer filled in). */
  statement: string;
}

const chars = (text: string): string => [...new Set([...text].filter((c) => c.trim() !== ''))].join(' ');

/**
 * Includes in the report's subsets the glyphs the signing step may draw with them: dates and times
 * ("14 Maret 2025 10:15:42 WIB"), "NIP. ..." and the issue date in the regular face, the name in
 * bold, the block's and the footer's statements in italic. Characters are laid out apart (one
 * layout call per face), so no ligature forms between them.
 */
export function reserveStampGlyphs(
  fonts: { regular: PDFFont; bold: PDFFont; italic: PDFFont },
  t: StampTexts,
): void {
  fonts.regular.encodeText(
    chars(
      `0123456789 .,:-/ NIP ${t.nip} ${BULAN.join(' ')} ${Object.keys(TIME_ZONE_OFFSET_HOURS).join(' ')}`,
    ),
  );
  fonts.bold.encodeText(chars(t.name));
  fonts.italic.encodeText(chars(`Ditandatangani secara elektronik oleh: ${TTE_STATEMENT} ${t.statement}`));
}

/** A font of the document drawn with again, and whether its subset holds every glyph of a text. */
export interface ReusedFont {
  font: PDFFont;
  covers(text: string): boolean;
}

/** pdf-lib's ToUnicode map: "<GGGG> <UUUU...>" lines of a bfchar section. */
function readToUnicode(stream: PDFRawStream): Map<number, string> {
  const bytes = decodePDFRawStream(stream).decode();
  let text = '';
  for (let i = 0; i < bytes.length; i++) text += String.fromCharCode(bytes[i]!);
  const out = new Map<number, string>();
  for (const m of text.matchAll(/<([0-9a-fA-F]{4})>\s*<([0-9a-fA-F]+)>/g)) {
    const units: number[] = [];
    for (let i = 0; i + 4 <= m[2]!.length; i += 4) units.push(parseInt(m[2]!.slice(i, i + 4), 16));
    out.set(parseInt(m[1]!, 16), String.fromCharCode(...units));
  }
  return out;
}

interface LayoutGlyph {
  id: number;
}
interface LayoutFont {
  postscriptName: string;
  layout(text: string, features?: unknown): { glyphs: LayoutGlyph[] };
  glyphForCodePoint(codePoint: number): LayoutGlyph;
}

/** The Type0 font of `doc` that is a tagged subset ("ABCDEF+Name") of the font named `postscriptName`. */
function findSubset(doc: PDFDocument, postscriptName: string): { ref: PDFRef; dict: PDFDict } | null {
  const wanted = new RegExp(`^[A-Z]{6}\\+${postscriptName.replace(/[^A-Za-z0-9]/g, '\\$&')}$`);
  for (const [ref, obj] of doc.context.enumerateIndirectObjects()) {
    if (!(obj instanceof PDFDict) || obj.get(PDFName.of('Subtype')) !== PDFName.of('Type0')) continue;
    const base = obj.get(PDFName.of('BaseFont'));
    if (base instanceof PDFName && wanted.test(base.decodeText())) return { ref, dict: obj };
  }
  return null;
}

/**
 * The subset of `fontBytes` already in `doc`, as a PDFFont that encodes text with the subset's
 * glyph numbers and never embeds anything; null when the document has no such subset.
 */
export async function reuseEmbeddedFont(doc: PDFDocument, fontBytes: Uint8Array): Promise<ReusedFont | null> {
  const embedder = await CustomFontEmbedder.for(cachingFontkit, fontBytes);
  const layoutFont = embedder.font as unknown as LayoutFont;
  const found = findSubset(doc, layoutFont.postscriptName);
  if (!found) return null;
  const toUnicode = doc.context.lookup(found.dict.get(PDFName.of('ToUnicode')));
  if (!(toUnicode instanceof PDFRawStream)) return null;
  // The font's own glyph number -> the glyph's number in the subset.
  const subsetId = new Map<number, number>();
  for (const [cid, text] of readToUnicode(toUnicode)) {
    const cp = text.codePointAt(0)!;
    // One character: its glyph in the font's cmap (cheap); a ligature: laid out.
    const glyphs =
      text.length === String.fromCodePoint(cp).length
        ? [layoutFont.glyphForCodePoint(cp)]
        : layoutFont.layout(text, embedder.fontFeatures).glyphs;
    if (glyphs.length === 1 && !subsetId.has(glyphs[0]!.id)) subsetId.set(glyphs[0]!.id, cid);
  }
  const covers = (text: string): boolean =>
    layoutFont.layout(text, embedder.fontFeatures).glyphs.every((g) => subsetId.has(g.id));
  embedder.encodeText = (text: string): PDFHexString => {
    const glyphs = layoutFont.layout(text, embedder.fontFeatures).glyphs;
    let hex = '';
    for (const g of glyphs) {
      const id = subsetId.get(g.id);
      if (id === undefined)
        throw new Error(`glyph ${g.id} is not in the embedded subset of ${layoutFont.postscriptName}`);
      hex += id.toString(16).padStart(4, '0');
    }
    return PDFHexString.of(hex);
  };
  // Already in the document: nothing to write (the PDFFont is not registered for embedding anyway).
  embedder.embedIntoContext = () => Promise.resolve(found.ref);
  return { font: PDFFont.of(found.ref, doc, embedder), covers };
}
