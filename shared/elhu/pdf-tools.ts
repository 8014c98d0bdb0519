/** pdf-lib helpers shared by the renderer and the signature stamp. Pure TypeScript. */
import fontkit from '@pdf-lib/fontkit';
import {
  PDFArray,
  PDFDict,
  PDFHexString,
  PDFName,
  PDFRawStream,
  PDFString,
  rgb,
  type PDFDocument,
  type PDFRef,
  type PDFFont,
  type PDFImage,
  type PDFPage,
  type RGB,
} from 'pdf-lib';
import * as QRCode from 'qrcode';

type Fontkit = Parameters<PDFDocument['registerFontkit']>[0];
type FontkitFont = ReturnType<Fontkit['create']>;

const parsedFonts = new WeakMap<Uint8Array, FontkitFont>();

/** The parts of fontkit's subset object and restructure's EncodeStream that are used below. */
interface FontkitSubset {
  encode(stream: unknown): void;
  encodeStream(): unknown;
}
interface EncodeStreamLike {
  push(chunk: Uint8Array | null): boolean;
  flush(): void;
}
type EncodeStreamClass = new () => EncodeStreamLike;
interface FontkitGlyph {
  _decode?: () => unknown;
}
const memoisedGlyphs = new WeakSet<FontkitGlyph>();
let encodeStreamClass: EncodeStreamClass | null = null;

/**
 * fontkit's subset.encodeStream() runs the encoder and emits the bytes through its bundled
 * browser shim of process.nextTick, which waits on setTimeout(0): at least 1 ms of idle time per
 * embedded font, several per report. This gives pdf-lib an object with the same 'data' / 'end' /
 * 'error' events, fed synchronously from the same encoder (so the bytes are identical).
 */
function synchronousEncodeStream(subset: FontkitSubset, original: () => unknown): unknown {
  if (!encodeStreamClass) {
    // One throwaway call (with a no-op encoder) to reach restructure's EncodeStream class.
    const probe = original.call({ encode: () => undefined }) as { constructor: EncodeStreamClass };
    encodeStreamClass = probe.constructor;
  }
  const parts: Uint8Array[] = [];
  let error: unknown = null;
  try {
    const stream = new encodeStreamClass();
    stream.push = (chunk) => {
      if (chunk !== null) parts.push(chunk);
      return true;
    };
    subset.encode(stream);
    stream.flush();
  } catch (e) {
    error = e;
  }
  const emitter = {
    on(event: string, cb: (arg?: unknown) => void) {
      if (event === 'data' && error === null) for (const p of parts) cb(p);
      else if (event === 'end' && error === null) cb();
      else if (event === 'error' && error !== null) cb(error);
      return emitter;
    },
  };
  return emitter;
}

/**
 * fontkit with (1) a cache of parsed fonts, keyed by the bytes object: parsing a TrueType file
 * costs a few milliseconds and a signing batch renders hundreds of reports with the same three
 * fonts (a parsed font is only read afterwards, so sharing it keeps the output identical); (2)
 * decoded glyph outlines kept with their glyph; and (3) font subsets encoded synchronously (see
 * synchronousEncodeStream). The output bytes are the same as with plain fontkit.
 */
export const cachingFontkit: Fontkit = {
  create(buffer: Uint8Array, postscriptName?: string): FontkitFont {
    if (postscriptName !== undefined) return fontkit.create(buffer, postscriptName);
    let font = parsedFonts.get(buffer);
    if (!font) {
      const created = fontkit.create(buffer);
      const f = created as unknown as {
        createSubset(): FontkitSubset;
        getGlyph(id: number, chars?: number[]): FontkitGlyph;
      };
      // Subsetting decodes every included glyph's outline again only to see whether it is a compound
      // glyph (60% of the subsetting time); the decoded glyph of a static font never changes.
      const getGlyph = f.getGlyph.bind(f);
      f.getGlyph = (id, chars) => {
        const glyph = getGlyph(id, chars);
        if (!memoisedGlyphs.has(glyph) && typeof glyph._decode === 'function') {
          const decode = glyph._decode.bind(glyph);
          let decoded: { value: unknown } | null = null;
          glyph._decode = () => (decoded ??= { value: decode() }).value;
          memoisedGlyphs.add(glyph);
        }
        return glyph;
      };
      const createSubset = f.createSubset.bind(f);
      f.createSubset = () => {
        const subset = createSubset();
        const original = subset.encodeStream;
        subset.encodeStream = () => synchronousEncodeStream(subset, original);
        return subset;
      };
      font = created;
      parsedFonts.set(buffer, font);
    }
    return font;
  },
};

/** Removes what a PDF text line cannot show: control characters; tabs become spaces. */
export function cleanText(s: string): string {
  return (
    s
      .normalize('NFC')
      .replace(/\r\n?/g, '\n')
      .replace(/\t/g, ' ')
      // eslint-disable-next-line no-control-regex
      .replace(/[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u200b\ufeff]/g, '')
  );
}

/** Measures and wraps text for one font at one size; word widths are cached. */
export class TextMeasure {
  private readonly widths = new Map<string, number>();
  readonly space: number;

  constructor(
    readonly font: PDFFont,
    readonly size: number,
  ) {
    this.space = font.widthOfTextAtSize(' ', size);
  }

  width(text: string): number {
    let w = this.widths.get(text);
    if (w === undefined) {
      w = this.font.widthOfTextAtSize(text, this.size);
      this.widths.set(text, w);
    }
    return w;
  }

  /** Width of a line of words separated by single spaces. */
  lineWidth(text: string): number {
    if (!text.includes(' ')) return this.width(text);
    let w = 0;
    let n = 0;
    for (const word of text.split(' ')) {
      w += this.width(word);
      n++;
    }
    return w + (n - 1) * this.space;
  }

  /** Splits text into lines no wider than maxWidth: at spaces, and inside words that are too long. */
  wrap(text: string, maxWidth: number): string[] {
    const lines: string[] = [];
    for (const para of cleanText(text).split('\n')) {
      const words = para.split(/ +/).filter((w) => w !== '');
      let line = '';
      let lineW = 0;
      for (const word of words) {
        const ww = this.width(word);
        if (line !== '' && lineW + this.space + ww <= maxWidth) {
          line += ' ' + word;
          lineW += this.space + ww;
          continue;
        }
        if (line !== '') lines.push(line);
        if (ww <= maxWidth) {
          line = word;
          lineW = ww;
          continue;
        }
        // A word wider than the column (a long code or URL): break it between characters.
        let chunk = '';
        for (const ch of Array.from(word)) {
          if (chunk !== '' && this.width(chunk + ch) > maxWidth) {
            lines.push(chunk);
            chunk = '';
          }
          chunk += ch;
        }
        line = chunk;
        lineW = this.width(chunk);
      }
      lines.push(line);
    }
    return lines;
  }
}

function infoDict(doc: PDFDocument): PDFDict {
  const existing = doc.context.lookup(doc.context.trailerInfo.Info);
  if (existing instanceof PDFDict) return existing;
  const info = doc.context.obj({});
  doc.context.trailerInfo.Info = doc.context.register(info);
  return info;
}

/** Sets a custom text entry of the document information dictionary (as a UTF-16 hex string, like pdf-lib's setTitle). */
export function setInfoEntry(doc: PDFDocument, key: string, value: string): void {
  infoDict(doc).set(PDFName.of(key), PDFHexString.fromText(value));
}

/** Reads a custom text entry of the document information dictionary; undefined when absent. */
export function getInfoEntry(doc: PDFDocument, key: string): string | undefined {
  const info = doc.context.lookup(doc.context.trailerInfo.Info);
  if (!(info instanceof PDFDict)) return undefined;
  const v = info.lookup(PDFName.of(key));
  if (v instanceof PDFString || v instanceof PDFHexString) return v.decodeText();
  return undefined;
}

/**
 * A 128-bit non-cryptographic hash as 32 hex digits (for the PDF's /ID, which only has to be stable
 * and distinct; the document hash that matters is SHA-256 and computed by the callers).
 */
export function stableId(text: string): string {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  return [h1 ^ h2 ^ h3 ^ h4, h2 ^ h1, h3 ^ h1, h4 ^ h1]
    .map((h) => (h >>> 0).toString(16).padStart(8, '0'))
    .join('');
}

/** Sets the trailer /ID from a stable text (the same data gives the same /ID). */
export function setDocumentId(doc: PDFDocument, seed: string): void {
  const id = PDFHexString.of(stableId(seed));
  doc.context.trailerInfo.ID = doc.context.obj([id, id]);
}

const qrCache = new Map<string, { size: number; data: Uint8Array }>();

/**
 * The QR matrix of a text (error correction M, best mask), memoised for a few texts: the report
 * and its signature block encode the same verification URL, and choosing the mask is the costly part.
 */
export function qrModules(text: string): { size: number; data: Uint8Array } {
  let m = qrCache.get(text);
  if (!m) {
    const qr = QRCode.create(text, { errorCorrectionLevel: 'M' });
    m = { size: qr.modules.size, data: qr.modules.data };
    if (qrCache.size >= 16) qrCache.delete(qrCache.keys().next().value!);
    qrCache.set(text, m);
  }
  return m;
}

/** A number in a content stream: at most 3 decimals, never exponent notation, no "-0". */
export function num(v: number): string {
  const r = Math.round(v * 1000) / 1000;
  if (r === 0) return '0';
  if (Math.abs(r) < 1e-6 || Math.abs(r) >= 1e15) return r.toFixed(3);
  return String(r);
}

const WHITE = rgb(1, 1, 1);
const BLACK = rgb(0, 0, 0);
const color = (c: RGB): string => `${num(c.red)} ${num(c.green)} ${num(c.blue)}`;

/**
 * Builds one page's drawing as a content stream written directly, instead of pdf-lib's drawText /
 * drawLine (each wraps its operators in a graphics state and re-resolves the font resource, which
 * made those calls most of the rendering time). Graphics are painted first and text on top; the
 * stream is stored uncompressed (deflating it with pako, pdf-lib's pure-JS zlib, cost ~3 ms a
 * report; uncompressed it is still deterministic on every runtime). Fonts and images are embedded
 * by pdf-lib as usual; `font.encodeText` also records the glyphs for the font subset.
 */
export class PageContent {
  private readonly graphics: string[] = [];
  private readonly texts: string[] = [];
  private readonly fontKeys = new Map<PDFFont, string>();
  private readonly imageKeys = new Map<PDFImage, string>();
  private textFont = '';
  private textColor = '';
  private strokeState = '';
  private fillState = '';

  /** Set for a drawing that becomes a form XObject (toFormXObject): its fonts are named in resources of its own. */
  private readonly formFonts: Map<string, PDFRef> | null;

  constructor(
    readonly page: PDFPage,
    opts: { form?: boolean } = {},
  ) {
    this.formFonts = opts.form ? new Map() : null;
  }

  private fontKey(font: PDFFont): string {
    let key = this.fontKeys.get(font);
    if (!key) {
      if (this.formFonts) {
        const name = `F${this.formFonts.size}`;
        this.formFonts.set(name, font.ref);
        key = PDFName.of(name).asString();
      } else key = this.page.node.newFontDictionary(font.name, font.ref).asString();
      this.fontKeys.set(font, key);
    }
    return key;
  }

  /** Draws one line of text with its baseline starting at (x, y). */
  text(s: string, x: number, y: number, font: PDFFont, size: number, c: RGB): void {
    if (s === '') return;
    const f = `${this.fontKey(font)} ${num(size)} Tf`;
    if (f !== this.textFont) {
      this.texts.push(f);
      this.textFont = f;
    }
    const col = `${color(c)} rg`;
    if (col !== this.textColor) {
      this.texts.push(col);
      this.textColor = col;
    }
    this.texts.push(`1 0 0 1 ${num(x)} ${num(y)} Tm ${font.encodeText(s).toString()} Tj`);
  }

  private stroke(width: number, c: RGB): void {
    const st = `${num(width)} w ${color(c)} RG`;
    if (st !== this.strokeState) {
      this.graphics.push(st);
      this.strokeState = st;
    }
  }

  private fillColor(c: RGB): void {
    const st = `${color(c)} rg`;
    if (st !== this.fillState) {
      this.graphics.push(st);
      this.fillState = st;
    }
  }

  line(x1: number, y1: number, x2: number, y2: number, width: number, c: RGB): void {
    this.stroke(width, c);
    this.graphics.push(`${num(x1)} ${num(y1)} m ${num(x2)} ${num(y2)} l S`);
  }

  rect(
    x: number,
    y: number,
    w: number,
    h: number,
    opts: { fill?: RGB; stroke?: RGB; lineWidth?: number },
  ): void {
    if (opts.fill) this.fillColor(opts.fill);
    if (opts.stroke) this.stroke(opts.lineWidth ?? 0.5, opts.stroke);
    const op = opts.fill && opts.stroke ? 'B' : opts.fill ? 'f' : 'S';
    this.graphics.push(`${num(x)} ${num(y)} ${num(w)} ${num(h)} re ${op}`);
  }

  image(img: PDFImage, x: number, y: number, w: number, h: number): void {
    if (this.formFonts) throw new Error('PageContent: images are drawn on pages only');
    let key = this.imageKeys.get(img);
    if (!key) {
      key = this.page.node.newXObject('Image', img.ref).asString();
      this.imageKeys.set(img, key);
    }
    this.graphics.push(`q ${num(w)} 0 0 ${num(h)} ${num(x)} ${num(y)} cm ${key} Do Q`);
  }

  /**
   * A QR code drawn as filled rectangles (one per run of dark modules in a row), lower-left corner
   * at (x, y), on a white quiet zone of one module.
   */
  qrCode(text: string, x: number, y: number, size: number): void {
    const { size: n, data } = qrModules(text);
    const cell = size / n;
    this.rect(x - cell, y - cell, size + 2 * cell, size + 2 * cell, { fill: WHITE });
    this.fillColor(BLACK);
    const runs: string[] = [];
    for (let r = 0; r < n; r++) {
      let c = 0;
      while (c < n) {
        if (!data[r * n + c]) {
          c++;
          continue;
        }
        const start = c;
        while (c < n && data[r * n + c]) c++;
        runs.push(
          `${num(x + start * cell)} ${num(y + size - (r + 1) * cell)} ${num((c - start) * cell)} ${num(cell)} re`,
        );
      }
    }
    this.graphics.push(runs.join('\n'), 'f');
  }

  /** One line of text drawn as an outline only (text render mode 1), turned by `degrees` about (x, y). */
  outlinedText(
    s: string,
    x: number,
    y: number,
    degrees: number,
    font: PDFFont,
    size: number,
    c: RGB,
    lineWidth: number,
  ): void {
    if (s === '') return;
    const r = (degrees * Math.PI) / 180;
    const [cos, sin] = [Math.cos(r), Math.sin(r)];
    this.texts.push(
      `${this.fontKey(font)} ${num(size)} Tf ${num(lineWidth)} w ${color(c)} RG 1 Tr`,
      `${num(cos)} ${num(sin)} ${num(-sin)} ${num(cos)} ${num(x)} ${num(y)} Tm ${font.encodeText(s).toString()} Tj 0 Tr`,
    );
    this.textFont = '';
    this.strokeState = '';
  }

  /**
   * Writes the collected drawing as a new content stream of the page. `marker` names a key set to
   * true in the stream's dictionary (e.g. DRAFT_MARKER, so that signing can find and remove it).
   */
  flush(marker?: string): void {
    if (this.formFonts) throw new Error('PageContent: a form drawing is written with toFormXObject');
    const context = this.page.doc.context;
    this.page.node.addContentStream(
      context.register(context.stream(this.body(), marker ? { [marker]: true } : {})),
    );
  }

  /**
   * Writes the collected drawing (made with `{ form: true }`) as a form XObject whose bounding box
   * is `bbox` in the page's coordinates, e.g. an annotation's appearance stream.
   */
  toFormXObject(bbox: [number, number, number, number]): PDFRef {
    if (!this.formFonts)
      throw new Error('PageContent: only a drawing made with { form: true } becomes a form');
    const context = this.page.doc.context;
    const fonts = context.obj(Object.fromEntries(this.formFonts));
    const dict = {
      Type: 'XObject',
      Subtype: 'Form',
      BBox: bbox.map((n) => Math.round(n * 1000) / 1000),
      Resources: context.obj({ Font: fonts }),
    };
    return context.register(context.stream(this.body(), dict));
  }

  private body(): Uint8Array {
    const body = `q\n${this.graphics.join('\n')}\nBT\n${this.texts.join('\n')}\nET\nQ\n`;
    const bytes = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i++) bytes[i] = body.charCodeAt(i);
    this.graphics.length = 0;
    this.texts.length = 0;
    return bytes;
  }
}

/** Streams smaller than this are stored uncompressed (see storeSmallStreamsUncompressed). */
export const COMPRESS_FROM_BYTES = 32 * 1024;

/**
 * pdf-lib deflates every stream it creates (font subsets, ToUnicode maps, images) with pako, its
 * pure-JavaScript zlib, whose set-up alone costs more than the compression gains on small streams:
 * storing the streams under 32 KiB as they are made signing twice as fast for ~9 KB more per report.
 * Large streams (a logo's pixels) are still deflated. Deterministic either way.
 */
export function storeSmallStreamsUncompressed(doc: PDFDocument): void {
  const context = doc.context;
  const deflated = context.flateStream.bind(context);
  context.flateStream = (contents, dict = {}) => {
    const size = typeof contents === 'string' ? contents.length : contents.length;
    return size >= COMPRESS_FROM_BYTES ? deflated(contents, dict) : context.stream(contents, dict);
  };
}

/**
 * Embeds the fonts now and names each subset the way ISO 32000 (9.6.4) asks: a tag of six
 * upper-case letters, "+", then the PostScript name ("ABCDEF+NotoSans-Regular"), in /BaseFont of
 * the Type0 and CIDFont dictionaries and /FontName of the descriptor. pdf-lib writes
 * "NotoSans-Regular-1234" instead. The tag comes from the subset's ToUnicode map (its characters),
 * so it is deterministic and differs between subsets of different characters.
 */
export async function tagFontSubsets(doc: PDFDocument, fonts: PDFFont[]): Promise<void> {
  await doc.flush();
  const ctx = doc.context;
  for (const font of fonts) {
    const type0 = ctx.lookup(font.ref);
    if (!(type0 instanceof PDFDict)) continue;
    const base = type0.get(PDFName.of('BaseFont'));
    if (!(base instanceof PDFName)) continue;
    const psName = base
      .decodeText()
      .replace(/^[A-Z]{6}\+/, '')
      .replace(/-\d+$/, '');
    const toUnicode = ctx.lookup(type0.get(PDFName.of('ToUnicode')));
    let seed = psName;
    if (toUnicode instanceof PDFRawStream) {
      const bytes = toUnicode.getContents();
      for (let i = 0; i < bytes.length; i++) seed += String.fromCharCode(bytes[i]!);
    }
    const hex = stableId(seed);
    let tag = '';
    for (let i = 0; i < 6; i++)
      tag += String.fromCharCode(65 + (parseInt(hex.slice(i * 4, i * 4 + 4), 16) % 26));
    const name = PDFName.of(`${tag}+${psName}`);
    type0.set(PDFName.of('BaseFont'), name);
    const descendants = ctx.lookup(type0.get(PDFName.of('DescendantFonts')));
    const cid = descendants instanceof PDFArray ? ctx.lookup(descendants.get(0)) : undefined;
    if (cid instanceof PDFDict) {
      cid.set(PDFName.of('BaseFont'), name);
      const descriptor = ctx.lookup(cid.get(PDFName.of('FontDescriptor')));
      if (descriptor instanceof PDFDict) descriptor.set(PDFName.of('FontName'), name);
    }
  }
}
