/**
 * The E-LHU renderer: ElhuData -> PDF bytes (A4, Bahasa Indonesia), with pdf-lib.
 *
 * Deterministic: the same data and fonts give the same bytes (dates and /ID come from the data,
 * pdf-lib's name suffixes from a seeded generator), so the server can keep the hash of the report it
 * issued and recognise it later.
 *
 * ISO/IEC 17025:2017 7.8.2.1, item by item, and where it is printed:
 *   a) title                                   "LAPORAN HASIL UJI" (page 1)
 *   b) name and address of the laboratory      letterhead on every page
 *   c) where the tests were done               "Tempat Pengujian"
 *   d) unique identification on every page,    "No. LHU ... Halaman x dari y" on every page,
 *      page x of y, clear end of report        "--- Akhir Laporan ---" after the signature block
 *   e) customer name and contact               section A
 *   f) method used                             "Metode Uji" column
 *   g) item description, identification,       section B
 *      condition
 *   h) date of receipt                         "Tanggal Diterima"
 *   i) dates of testing                        "Tanggal Pengujian"
 *   j) date of issue                           "Tanggal Terbit" and the date above the signature: the
 *                                              signature's date, printed when signing (stamp.ts); the
 *                                              unsigned report is marked "DRAFT / BELUM DITERBITKAN"
 *   h, k) sampling (7.8.2.2)                   section B: who took the sample; the lab's date, plan, method
 *   l) results relate only to items tested     section E and the footer of every page
 *   m) results with units                      table, "Satuan" and "Hasil Uji"
 *   n) additions, deviations, exclusions       section D
 *   o) who authorised the report               Kepala Balai name, NIP (and the TTE when signed)
 *   p) results from external providers         "S1)" beside the parameter, the laboratory in the notes
 *   7.8.3.1 c) measurement uncertainty         "± U" under the result, k in the notes
 *   accreditation scope                        "*)" beside a parameter outside it, with a footnote
 *   and: not to be reproduced except in full   section E and the footer of every page
 *   7.8.6 requirement and decision rule        "Persyaratan", "Keterangan", notes under the table
 *   7.8.8 amendment                            "PERUBAHAN ATAS LHU No. ..." box with the reason
 */
import { PDFDocument, rgb, type PDFFont, type PDFImage, type RGB } from 'pdf-lib';
import { formatDateId, formatDateRangeId, localMidnight } from './dates';
import { decisionRuleNote, judgmentLabel } from './judgment';
import {
  PageContent,
  TextMeasure,
  cachingFontkit,
  cleanText,
  setDocumentId,
  setInfoEntry,
  storeSmallStreamsUncompressed,
  tagFontSubsets,
} from './pdf-tools';
import { reserveStampGlyphs } from './reused-fonts';
import { signatureStatement } from './statement';
import { ELHU_INFO_KEYS, type ElhuData, type ElhuFonts, type ElhuResultRow } from './types';

/** Key set to true in the dictionary of the content streams that make the draft mark (removed when signing). */
export const DRAFT_MARKER = 'SIPPTDraft';
/** The draft mark's words, across every page of an unsigned E-LHU. */
export const DRAFT_TEXT = 'DRAFT / BELUM DITERBITKAN';

/** A place where signing prints the date of issue (ELHU_INFO_KEYS.stampSpots). */
export interface IssueDateSpot {
  page: number;
  x: number;
  y: number;
  size: number;
  /** Printed before the date, e.g. "Palembang, ". */
  prefix: string;
}

/** What the renderer leaves for signing to fill: the date-of-issue places and the footer statement's first baseline. */
export interface StampSpots {
  issueDate: IssueDateSpot[];
  footer: { x: number; y: number; width: number; size: number };
}

export const PAGE_WIDTH = 595.28;
export const PAGE_HEIGHT = 841.89;
const MARGIN_X = 45;
const CONTENT_W = PAGE_WIDTH - 2 * MARGIN_X;
const TOP = PAGE_HEIGHT - 34;
const FOOTER_TOP = 60;
/** The footer's lines: the statements of every page, then (signed) the electronic-signature statement. */
const FOOTER_SIZE = 6.8;
const FOOTER_STATEMENT_SIZE = 5.9;
const BOTTOM = FOOTER_TOP + 8;
const LOGO_SIZE = 58;

/** The space kept free for the visible signature (TTE) on the last page. */
export const SIGNATURE_BOX = { width: 262, height: 92 } as const;

const INK = rgb(0.1, 0.1, 0.12);
const NAVY = rgb(0.08, 0.2, 0.4);
const GREY = rgb(0.4, 0.42, 0.45);
const RULE = rgb(0.55, 0.58, 0.62);
const HEAD_FILL = rgb(0.89, 0.92, 0.96);
const ZEBRA = rgb(0.97, 0.975, 0.985);
const RED = rgb(0.65, 0.1, 0.1);

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
  italic: PDFFont;
}

type Align = 'left' | 'center' | 'right';

interface Column {
  title: string;
  width: number;
  align: Align;
}

const COLUMNS: Column[] = [
  { title: 'No.', width: 22, align: 'center' },
  { title: 'Parameter', width: 112, align: 'left' },
  { title: 'Satuan', width: 42, align: 'center' },
  { title: 'Hasil Uji', width: 70, align: 'center' },
  { title: 'Persyaratan', width: 66, align: 'center' },
  { title: 'Metode Uji', width: 110, align: 'left' },
  { title: 'Keterangan', width: CONTENT_W - 22 - 112 - 42 - 70 - 66 - 110, align: 'center' },
];

class Layout {
  readonly pages: PageContent[] = [];
  /** Per page: the draft mark, in a content stream of its own (DRAFT_MARKER). */
  readonly drafts: PageContent[] = [];
  readonly issueDateSpots: IssueDateSpot[] = [];
  footerStatementY = 0;
  /** Per page: where "Halaman x dari y" goes (right-aligned at x, baseline y). */
  private readonly pageNumberSpots: { x: number; y: number }[] = [];
  page!: PageContent;
  y = 0;
  private readonly m = new Map<string, TextMeasure>();
  private readonly headerHeight: number;

  constructor(
    readonly doc: PDFDocument,
    readonly f: Fonts,
    readonly data: ElhuData,
    readonly logo: PDFImage | null,
  ) {
    this.headerHeight = this.letterheadLines().reduce((h, l) => h + l.size * 1.3, 0);
  }

  measure(font: PDFFont, size: number): TextMeasure {
    const key = `${font.name}/${size}`;
    let m = this.m.get(key);
    if (!m) {
      m = new TextMeasure(font, size);
      this.m.set(key, m);
    }
    return m;
  }

  text(
    s: string,
    x: number,
    y: number,
    font: PDFFont,
    size: number,
    color: RGB = INK,
    align: Align = 'left',
    width = 0,
  ): void {
    const t = cleanText(s).replace(/\n/g, ' ');
    if (t === '') return;
    let dx = x;
    if (align !== 'left') {
      const w = this.measure(font, size).lineWidth(t);
      dx = align === 'center' ? x + (width - w) / 2 : x + width - w;
    }
    this.page.text(t, dx, y, font, size, color);
  }

  line(x1: number, y1: number, x2: number, y2: number, thickness = 0.5, color: RGB = RULE): void {
    this.page.line(x1, y1, x2, y2, thickness, color);
  }

  private letterheadLines(): { text: string; font: PDFFont; size: number; color: RGB }[] {
    const u = this.data.unit;
    const lines: { text: string; font: PDFFont; size: number; color: RGB }[] = [];
    for (const p of u.parentLines)
      lines.push({ text: p.toUpperCase(), font: this.f.bold, size: 9, color: INK });
    // The unit's name on one line when it fits at 9.5 pt or more.
    const name = u.name.toUpperCase();
    const nameWidth = this.measure(this.f.bold, 10).lineWidth(name) / 10;
    const nameSize = Math.max(
      9.5,
      Math.min(11.5, Math.floor((this.letterheadWidth() / nameWidth) * 10) / 10),
    );
    lines.push({ text: name, font: this.f.bold, size: nameSize, color: NAVY });
    lines.push({ text: u.address, font: this.f.regular, size: 7.8, color: INK });
    if (u.contactLine.trim() !== '')
      lines.push({ text: u.contactLine, font: this.f.regular, size: 7.8, color: INK });
    if (u.accreditationNumber) {
      lines.push({
        text: `Laboratorium Penguji terakreditasi KAN (ISO/IEC 17025:2017) No. ${u.accreditationNumber}`,
        font: this.f.italic,
        size: 7.8,
        color: NAVY,
      });
    }
    return lines;
  }

  private letterheadWidth(): number {
    return this.logo ? CONTENT_W - 2 * (LOGO_SIZE + 8) : CONTENT_W;
  }

  newPage(): void {
    const pdfPage = this.doc.addPage([PAGE_WIDTH, PAGE_HEIGHT]);
    this.page = new PageContent(pdfPage);
    this.pages.push(this.page);
    const draft = new PageContent(pdfPage);
    this.drafts.push(draft);
    const w = this.measure(this.f.bold, 46).lineWidth(DRAFT_TEXT);
    const angle = 52;
    const r = (angle * Math.PI) / 180;
    // Centred on the page, along the diagonal.
    draft.outlinedText(
      DRAFT_TEXT,
      PAGE_WIDTH / 2 - (w / 2) * Math.cos(r) + 16 * Math.sin(r),
      PAGE_HEIGHT / 2 - (w / 2) * Math.sin(r) - 16 * Math.cos(r),
      angle,
      this.f.bold,
      46,
      RED,
      1.1,
    );
    this.drawLetterhead();
    this.drawFooter();
  }

  private drawLetterhead(): void {
    let y = TOP;
    const logoSize = LOGO_SIZE;
    const textWidth = this.letterheadWidth();
    const textLeft = MARGIN_X + (CONTENT_W - textWidth) / 2;
    if (this.logo) {
      const s = Math.min(logoSize / this.logo.width, logoSize / this.logo.height);
      const w = this.logo.width * s;
      const h = this.logo.height * s;
      const blockMid = TOP - this.headerHeight / 2;
      this.page.image(this.logo, MARGIN_X + (logoSize - w) / 2, blockMid - h / 2 + 4, w, h);
    }
    for (const l of this.letterheadLines()) {
      for (const t of this.measure(l.font, l.size).wrap(l.text, textWidth)) {
        y -= l.size * 1.3;
        this.text(t, textLeft, y + l.size * 0.3, l.font, l.size, l.color, 'center', textWidth);
      }
    }
    y -= 5;
    this.line(MARGIN_X, y, MARGIN_X + CONTENT_W, y, 1.6, NAVY);
    this.line(MARGIN_X, y - 2.4, MARGIN_X + CONTENT_W, y - 2.4, 0.5, NAVY);
    y -= 14;
    this.text(`Laporan Hasil Uji No. ${this.data.reportNumber}`, MARGIN_X, y, this.f.bold, 8.5, INK);
    this.pageNumberSpots.push({ x: MARGIN_X + CONTENT_W, y });
    y -= 5;
    this.line(MARGIN_X, y, MARGIN_X + CONTENT_W, y, 0.4);
    this.y = y - 12;
  }

  private drawFooter(): void {
    const d = this.data;
    this.line(MARGIN_X, FOOTER_TOP, MARGIN_X + CONTENT_W, FOOTER_TOP, 0.4);
    const size = FOOTER_SIZE;
    const lines = this.measure(this.f.italic, size).wrap(
      `Hasil uji ini hanya berlaku untuk contoh yang diuji. Laporan ini tidak boleh digandakan, kecuali secara lengkap, ` +
        `tanpa persetujuan tertulis dari ${d.unit.shortName}. Keaslian laporan dapat diperiksa di ${d.verificationUrl}`,
      CONTENT_W,
    );
    let y = FOOTER_TOP - 9;
    for (const l of lines) {
      this.text(l, MARGIN_X, y, this.f.italic, size, GREY, 'center', CONTENT_W);
      y -= size * 1.35;
    }
    this.footerStatementY = y - 1;
    const draft = this.drafts[this.drafts.length - 1]!;
    const note =
      'DRAFT: laporan ini belum ditandatangani secara elektronik dan belum diterbitkan; tidak berlaku sebagai Laporan Hasil Uji.';
    const w = this.measure(this.f.bold, FOOTER_STATEMENT_SIZE).lineWidth(note);
    draft.text(
      note,
      MARGIN_X + (CONTENT_W - w) / 2,
      this.footerStatementY,
      this.f.bold,
      FOOTER_STATEMENT_SIZE,
      RED,
    );
  }

  /** Leaves a blank where signing prints the date of issue; the draft mark says "belum diterbitkan" there. */
  issueDate(prefix: string, x: number, y: number, size: number): void {
    this.issueDateSpots.push({ page: this.pages.length - 1, x, y, size, prefix });
    this.drafts[this.drafts.length - 1]!.text(
      cleanText(`${prefix}(belum diterbitkan)`),
      x,
      y,
      this.f.italic,
      size,
      RED,
    );
  }

  /** Makes room for h points, starting a new page when needed; returns true if a page was added. */
  ensure(h: number): boolean {
    if (this.y - h >= BOTTOM) return false;
    this.newPage();
    return true;
  }

  drawPageNumbers(): void {
    const total = this.pages.length;
    this.pages.forEach((p, i) => {
      const spot = this.pageNumberSpots[i]!;
      const s = `Halaman ${i + 1} dari ${total}`;
      const w = this.measure(this.f.bold, 8.5).lineWidth(s);
      p.text(s, spot.x - w, spot.y, this.f.bold, 8.5, INK);
      p.flush();
    });
    for (const d of this.drafts) d.flush(DRAFT_MARKER);
  }
}

function drawTitle(l: Layout): void {
  const d = l.data;
  const qrSize = 64;
  const top = l.y + 4;
  l.text('LAPORAN HASIL UJI', MARGIN_X, top - 16, l.f.bold, 15, NAVY, 'center', CONTENT_W);
  l.text('Test Report', MARGIN_X, top - 28, l.f.italic, 8.5, GREY, 'center', CONTENT_W);
  l.text(`Nomor: ${d.reportNumber}`, MARGIN_X, top - 42, l.f.bold, 10, INK, 'center', CONTENT_W);
  let bottom = top - 48;
  if (d.replaces) {
    l.text(
      `PERUBAHAN ATAS LHU No. ${d.replaces.number}`,
      MARGIN_X,
      top - 56,
      l.f.bold,
      9,
      RED,
      'center',
      CONTENT_W,
    );
    bottom = top - 62;
  }
  l.page.qrCode(d.verificationUrl, MARGIN_X + CONTENT_W - qrSize, top - qrSize - 2, qrSize);
  l.text(
    'Pindai untuk verifikasi',
    MARGIN_X + CONTENT_W - qrSize - 10,
    top - qrSize - 10,
    l.f.regular,
    6,
    GREY,
    'center',
    qrSize + 20,
  );
  l.y = Math.min(bottom, top - qrSize - 14) - 6;
  if (d.replaces) drawAmendmentBox(l);
}

function drawAmendmentBox(l: Layout): void {
  const d = l.data;
  if (!d.replaces) return;
  const size = 8.3;
  const m = l.measure(l.f.regular, size);
  const lines = m.wrap(
    `Laporan ini menggantikan Laporan Hasil Uji No. ${d.replaces.number}, yang sejak diterbitkannya laporan ini dinyatakan tidak berlaku. ` +
      `Alasan perubahan: ${d.replaces.reason || '-'}`,
    CONTENT_W - 16,
  );
  const h = lines.length * size * 1.35 + 10;
  l.ensure(h + 6);
  l.page.rect(MARGIN_X, l.y - h, CONTENT_W, h, { stroke: RED, lineWidth: 0.8, fill: rgb(1, 0.97, 0.96) });
  let y = l.y - 6 - size;
  for (const t of lines) {
    l.text(t, MARGIN_X + 8, y, l.f.regular, size, INK);
    y -= size * 1.35;
  }
  l.y -= h + 10;
}

function heading(l: Layout, text: string, minFollowing = 30): void {
  l.ensure(16 + minFollowing);
  l.y -= 4;
  l.text(text, MARGIN_X, l.y - 9, l.f.bold, 9.5, NAVY);
  l.y -= 16;
}

const LABEL_X = MARGIN_X + 12;
const LABEL_W = 158;
const VALUE_X = LABEL_X + LABEL_W + 8;
const VALUE_W = MARGIN_X + CONTENT_W - VALUE_X;

/** A key-value row whose value is the date of issue, printed when the report is signed. */
const ISSUE_DATE = Symbol('issue date');

function keyValues(l: Layout, rows: [string, string | typeof ISSUE_DATE][]): void {
  const size = 8.8;
  const lh = size * 1.38;
  const mv = l.measure(l.f.regular, size);
  for (const [label, value] of rows) {
    if (value === ISSUE_DATE) {
      l.ensure(lh + 2);
      l.text(label, LABEL_X, l.y - size, l.f.regular, size, GREY);
      l.text(':', VALUE_X - 7, l.y - size, l.f.regular, size, INK);
      l.issueDate('', VALUE_X, l.y - size, size);
      l.y -= lh + 2.2;
      continue;
    }
    const lines = mv.wrap(value.trim() === '' ? '-' : value, VALUE_W);
    const labelLines = l.measure(l.f.regular, size).wrap(label, LABEL_W);
    const n = Math.max(lines.length, labelLines.length);
    l.ensure(n * lh + 2);
    labelLines.forEach((t, i) => l.text(t, LABEL_X, l.y - size - i * lh, l.f.regular, size, GREY));
    l.text(':', VALUE_X - 7, l.y - size, l.f.regular, size, INK);
    lines.forEach((t, i) => l.text(t, VALUE_X, l.y - size - i * lh, l.f.regular, size, INK));
    l.y -= n * lh + 2.2;
  }
}

const CELL_PAD = 3.2;
const TABLE_SIZE = 7.9;
const TABLE_LH = TABLE_SIZE * 1.3;

function tableHeader(l: Layout): void {
  const size = 8;
  const h = 2 * CELL_PAD + size * 1.3 + 2;
  let x = MARGIN_X;
  l.page.rect(MARGIN_X, l.y - h, CONTENT_W, h, { fill: HEAD_FILL, stroke: RULE, lineWidth: 0.5 });
  for (const c of COLUMNS) {
    l.text(
      c.title,
      x + CELL_PAD,
      l.y - CELL_PAD - size - 1,
      l.f.bold,
      size,
      NAVY,
      'center',
      c.width - 2 * CELL_PAD,
    );
    if (x > MARGIN_X) l.line(x, l.y, x, l.y - h);
    x += c.width;
  }
  l.y -= h;
}

/** The subcontracted laboratories in order of first appearance: "S1)", "S2)", ... */
function subcontractors(d: ElhuData): string[] {
  const names: string[] = [];
  for (const r of d.results) {
    const s = r.subcontractor?.trim();
    if (s && !names.includes(s)) names.push(s);
  }
  return names;
}

/** The coverage factor k when every result with an uncertainty has the same one (printed once in the notes). */
function commonCoverageFactor(d: ElhuData): string | null {
  const ks = new Set(
    d.results
      .filter((r) => (r.uncertainty ?? '') !== '')
      .map((r) => /\(k = ([^)]+)\)/.exec(r.uncertainty!)?.[1] ?? ''),
  );
  return ks.size === 1 ? [...ks][0]! || null : null;
}

function uncertaintyText(r: ElhuResultRow, commonK: string | null): string {
  const u = r.uncertainty ?? '';
  return commonK !== null ? u.replace(/\s*\(k = [^)]+\)$/, '') : u;
}

function resultsTable(l: Layout, keepWithLastRow: number): void {
  const d = l.data;
  const mr = l.measure(l.f.regular, TABLE_SIZE);
  const mb = l.measure(l.f.bold, TABLE_SIZE);
  const headerH = 2 * CELL_PAD + 8 * 1.3 + 2;
  const subs = subcontractors(d);
  const commonK = commonCoverageFactor(d);
  heading(l, 'C. HASIL PENGUJIAN', headerH + 30);
  tableHeader(l);
  d.results.forEach((r, i) => {
    const notMet = r.judgment === 'not_met';
    const marks = [
      r.outsideAccreditationScope ? '*)' : '',
      r.subcontractor?.trim() ? `S${subs.indexOf(r.subcontractor.trim()) + 1})` : '',
    ]
      .filter((m) => m !== '')
      .join(' ');
    const uText = uncertaintyText(r, commonK);
    const cells: { lines: string[]; bold: boolean }[] = [
      String(i + 1),
      marks === '' ? r.parameter : `${r.parameter} ${marks}`,
      r.unit || '-',
      r.result,
      r.requirement || '-',
      r.method,
      judgmentLabel(r.judgment),
    ].map((text, c) => {
      const bold = c === 3 || (c === 6 && notMet);
      const lines = (bold ? mb : mr).wrap(text, COLUMNS[c]!.width - 2 * CELL_PAD);
      if (c === 3 && uText !== '')
        lines.push(...mr.wrap(uText, COLUMNS[c]!.width - 2 * CELL_PAD).map((t) => `\u0000${t}`));
      return { lines, bold };
    });
    const n = Math.max(...cells.map((c) => c.lines.length));
    const h = n * TABLE_LH + 2 * CELL_PAD;
    // The last row stays on the page of the decision-rule note that follows it.
    if (l.ensure(i === d.results.length - 1 ? h + keepWithLastRow : h)) {
      l.text('C. HASIL PENGUJIAN (lanjutan)', MARGIN_X, l.y - 9, l.f.bold, 9.5, NAVY);
      l.y -= 14;
      tableHeader(l);
    }
    if (i % 2 === 1) l.page.rect(MARGIN_X, l.y - h, CONTENT_W, h, { fill: ZEBRA });
    let x = MARGIN_X;
    cells.forEach((cell, c) => {
      const col = COLUMNS[c]!;
      const color = c === 6 && notMet ? RED : INK;
      cell.lines.forEach((t, k) => {
        // Lines marked with U+0000 (the uncertainty under a result) are in the regular face.
        const plain = t.startsWith('\u0000');
        const font = cell.bold && !plain ? l.f.bold : l.f.regular;
        l.text(
          plain ? t.slice(1) : t,
          x + CELL_PAD,
          l.y - CELL_PAD - TABLE_SIZE - k * TABLE_LH + 0.8,
          font,
          TABLE_SIZE,
          color,
          col.align,
          col.width - 2 * CELL_PAD,
        );
      });
      x += col.width;
    });
    // Cell borders: left, right, bottom, and the column separators.
    l.line(MARGIN_X, l.y, MARGIN_X, l.y - h);
    l.line(MARGIN_X + CONTENT_W, l.y, MARGIN_X + CONTENT_W, l.y - h);
    x = MARGIN_X;
    for (const col of COLUMNS.slice(0, -1)) {
      x += col.width;
      l.line(x, l.y, x, l.y - h, 0.3);
    }
    l.y -= h;
    l.line(MARGIN_X, l.y, MARGIN_X + CONTENT_W, l.y, 0.4);
  });
  l.y -= 6;
}

function paragraphList(l: Layout, items: string[], size: number, numbered: boolean, font?: PDFFont): void {
  const f = font ?? l.f.regular;
  const m = l.measure(f, size);
  const indent = numbered ? 14 : 10;
  items.forEach((item, i) => {
    const lines = m.wrap(item, CONTENT_W - 12 - indent);
    l.ensure(lines.length * size * 1.38 + 1);
    l.text(numbered ? `${i + 1}.` : '•', LABEL_X, l.y - size, f, size, INK);
    lines.forEach((t, k) => l.text(t, LABEL_X + indent, l.y - size - k * size * 1.38, f, size, INK));
    l.y -= lines.length * size * 1.38 + 1.5;
  });
}

const NOTE_SIZE = 7.6;

function notesUnderTable(d: ElhuData): string[] {
  const notes: string[] = [];
  // The decision rule first: it is kept on the page of the table's last row.
  if (d.results.some((r) => r.judgment !== 'none' || r.requirement.trim() !== ''))
    notes.push(decisionRuleNote(d.decisionRule ?? 'simple_acceptance'));
  if (d.requirementSources.length > 0)
    notes.push(`Persyaratan mengacu pada ${d.requirementSources.join('; ')}.`);
  if (d.results.some((r) => (r.uncertainty ?? '') !== '')) {
    const k = commonCoverageFactor(d);
    notes.push(
      k !== null
        ? `Nilai ± di bawah hasil uji adalah ketidakpastian pengukuran diperluas (U) dengan faktor cakupan k = ${k} (tingkat kepercayaan sekitar 95%).`
        : 'Nilai ± di bawah hasil uji adalah ketidakpastian pengukuran diperluas (U) dengan faktor cakupan k yang tertera.',
    );
  }
  if (d.results.some((r) => r.result.trim().startsWith('<')))
    notes.push('Tanda "<" menyatakan hasil di bawah batas deteksi metode.');
  if (d.results.some((r) => r.outsideAccreditationScope)) {
    notes.push(
      d.unit.accreditationNumber
        ? `*) Parameter di luar ruang lingkup akreditasi KAN No. ${d.unit.accreditationNumber}.`
        : '*) Parameter di luar ruang lingkup akreditasi laboratorium.',
    );
  }
  subcontractors(d).forEach((name, i) =>
    notes.push(`S${i + 1}) Pengujian dilakukan oleh laboratorium subkontrak (penyedia eksternal): ${name}.`),
  );
  notes.push(...d.notes.filter((n) => n.trim() !== ''));
  return notes;
}

/** Height of the "Keterangan:" heading and the first note: what stays with the table's last row. */
function firstNoteHeight(l: Layout, notes: string[]): number {
  if (notes.length === 0) return 0;
  const lines = l.measure(l.f.regular, NOTE_SIZE).wrap(notes[0]!, CONTENT_W - 12 - 10);
  return 6 + 11 + lines.length * NOTE_SIZE * 1.38 + 2;
}

function drawNotes(l: Layout, notes: string[]): void {
  if (notes.length === 0) return;
  l.ensure(firstNoteHeight(l, notes));
  l.text('Keterangan:', LABEL_X - 12, l.y - 8, l.f.bold, 7.8, INK);
  l.y -= 11;
  paragraphList(l, notes, NOTE_SIZE, false);
}

function closingBlock(l: Layout): { pageIndex: number; x: number; y: number; width: number; height: number } {
  const d = l.data;
  const colW = SIGNATURE_BOX.width;
  const colX = MARGIN_X + CONTENT_W - colW;
  const size = 9;
  const m = l.measure(l.f.regular, size);
  const titleLines = m.wrap(`${d.kepalaBalai.title},`, colW);
  const nameLines = l.measure(l.f.bold, size).wrap(d.kepalaBalai.name, colW);
  const h = 14 + titleLines.length * 12 + 6 + SIGNATURE_BOX.height + 6 + nameLines.length * 12 + 12 + 30;
  l.ensure(h + 6);
  l.y -= 8;
  l.issueDate(`${d.unit.city}, `, colX, l.y - size, size);
  l.y -= 14;
  for (const t of titleLines) {
    l.text(t, colX, l.y - size, l.f.regular, size);
    l.y -= 12;
  }
  l.y -= 6;
  const box = {
    pageIndex: l.pages.length - 1,
    x: colX,
    y: l.y - SIGNATURE_BOX.height,
    width: colW,
    height: SIGNATURE_BOX.height,
  };
  l.y -= SIGNATURE_BOX.height + 6;
  for (const t of nameLines) {
    l.text(t, colX, l.y - size, l.f.bold, size);
    l.y -= 12;
  }
  const lastNameWidth = Math.min(
    colW,
    l.measure(l.f.bold, size).lineWidth(nameLines[nameLines.length - 1] ?? ''),
  );
  l.line(colX, l.y + 1.6, colX + lastNameWidth, l.y + 1.6, 0.6, INK);
  l.text(`NIP. ${d.kepalaBalai.nip}`, colX, l.y - size + 1, l.f.regular, size);
  l.y -= 26;
  l.text('--- Akhir Laporan ---', MARGIN_X, l.y - 9, l.f.bold, 9, INK, 'center', CONTENT_W);
  l.y -= 14;
  return box;
}

const round2 = (n: number): number => Math.round(n * 100) / 100;

/** Section B's sampling rows (7.8.2.1 h and k, 7.8.2.2). */
function samplingRows(d: ElhuData): [string, string][] {
  const s = d.sampling ?? { by: 'customer' };
  if (s.by === 'customer')
    return [
      [
        'Pengambilan Contoh',
        'Contoh diambil oleh pelanggan; hasil hanya berlaku untuk contoh sebagaimana diterima',
      ],
    ];
  return [
    ['Pengambilan Contoh', `Oleh laboratorium (${d.unit.shortName})`],
    ['Tanggal Pengambilan Contoh', formatDateId(s.date)],
    ['Rencana Pengambilan Contoh', s.plan],
    ['Metode Pengambilan Contoh', s.method],
  ];
}

/** Renders the unsigned E-LHU. Pass the same `fonts` object every time (its parsed fonts are cached). */
export async function renderElhu(data: ElhuData, fonts: ElhuFonts): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  doc.registerFontkit(cachingFontkit);
  storeSmallStreamsUncompressed(doc);
  const f: Fonts = {
    regular: await doc.embedFont(fonts.regular, { subset: true }),
    bold: await doc.embedFont(fonts.bold, { subset: true }),
    italic: await doc.embedFont(fonts.italic, { subset: true }),
  };
  const logo = data.unit.logoPng ? await doc.embedPng(data.unit.logoPng) : null;
  const l = new Layout(doc, f, data, logo);
  l.newPage();
  drawTitle(l);

  heading(l, 'A. DATA PELANGGAN');
  keyValues(l, [
    ['Nama Pelanggan', data.customer.name],
    ['Alamat', data.customer.address],
    ['Kontak', data.customer.contact],
    ['Nomor Order', data.orderNumber],
  ]);
  heading(l, 'B. DATA CONTOH UJI');
  keyValues(l, [
    ['Nomor Contoh (identifikasi lab.)', data.sample.number],
    ['Jenis Contoh', data.sample.type],
    ['Deskripsi Contoh', data.sample.description],
    ['Kode / Label dari Pelanggan', data.sample.customerLabel],
    ['Kondisi Contoh saat Diterima', data.sample.condition],
    ['Tanggal Diterima', formatDateId(data.sample.receivedOn)],
    ['Tanggal Pengujian', formatDateRangeId(data.testedFrom, data.testedTo)],
    ...samplingRows(data),
    ['Tempat Pengujian', data.testLocation],
    ['Tanggal Terbit Laporan', ISSUE_DATE],
  ]);
  const notes = notesUnderTable(data);
  resultsTable(l, firstNoteHeight(l, notes));
  drawNotes(l, notes);

  heading(l, 'D. PENYIMPANGAN, PENAMBAHAN ATAU PENGECUALIAN', 14);
  paragraphList(
    l,
    [
      data.deviations.trim() !== ''
        ? data.deviations
        : 'Tidak ada penyimpangan, penambahan atau pengecualian dari metode uji.',
    ],
    8.6,
    false,
  );
  heading(l, 'E. PERNYATAAN', 24);
  paragraphList(
    l,
    [
      (data.sampling ?? { by: 'customer' }).by === 'customer'
        ? 'Contoh diambil oleh pelanggan. Hasil hanya berlaku untuk contoh sebagaimana diterima oleh laboratorium.'
        : 'Hasil uji ini hanya berlaku untuk contoh yang diuji, yang diambil oleh laboratorium sesuai rencana dan metode pengambilan contoh di bagian B.',
      `Laporan hasil uji ini tidak boleh digandakan, kecuali secara lengkap, tanpa persetujuan tertulis dari ${data.unit.shortName}.`,
      `Keaslian laporan ini dapat diperiksa dengan memindai kode QR atau membuka ${data.verificationUrl}.`,
    ],
    8.6,
    true,
  );
  const box = closingBlock(l);
  l.drawPageNumbers();

  const issued = localMidnight(data.issuedOn, data.unit.timeZone);
  doc.setTitle(`Laporan Hasil Uji ${data.reportNumber}`);
  doc.setSubject(`E-LHU ${data.sample.number} - ${data.customer.name}`);
  doc.setAuthor(data.unit.name);
  doc.setKeywords(['E-LHU', 'Laporan Hasil Uji', data.reportNumber]);
  doc.setCreator('SIPPT Lab');
  doc.setProducer('SIPPT Lab E-LHU (pdf-lib)');
  doc.setLanguage('id-ID');
  doc.setCreationDate(issued);
  doc.setModificationDate(issued);
  setInfoEntry(doc, ELHU_INFO_KEYS.reportNumber, data.reportNumber);
  setInfoEntry(doc, ELHU_INFO_KEYS.reportId, data.reportId);
  setInfoEntry(doc, ELHU_INFO_KEYS.verificationUrl, data.verificationUrl);
  setInfoEntry(doc, ELHU_INFO_KEYS.timeZone, data.unit.timeZone);
  const spots: StampSpots = {
    issueDate: l.issueDateSpots.map((s) => ({ ...s, x: round2(s.x), y: round2(s.y) })),
    footer: {
      x: MARGIN_X,
      y: round2(l.footerStatementY),
      width: round2(CONTENT_W),
      size: FOOTER_STATEMENT_SIZE,
    },
  };
  setInfoEntry(doc, ELHU_INFO_KEYS.stampSpots, JSON.stringify(spots));
  setInfoEntry(doc, ELHU_INFO_KEYS.signatureStatement, data.unit.signatureStatement?.trim() ?? '');
  setInfoEntry(
    doc,
    ELHU_INFO_KEYS.signatureBox,
    [box.pageIndex, box.x, box.y, box.width, box.height].map((n) => Math.round(n * 100) / 100).join(' '),
  );
  setDocumentId(doc, `${data.reportId}|${data.reportNumber}|${data.issuedOn}`);
  // Signing draws with these same subsets (reused-fonts.ts): what it may print is in them already.
  const issuer = data.kepalaBalai.certificateIssuer?.trim() ?? '';
  if (issuer !== '') setInfoEntry(doc, ELHU_INFO_KEYS.certificateIssuer, issuer);
  reserveStampGlyphs(f, {
    name: data.kepalaBalai.name,
    nip: data.kepalaBalai.nip,
    statement: signatureStatement(data.unit.signatureStatement ?? undefined, issuer),
  });
  await tagFontSubsets(doc, [f.regular, f.bold, f.italic]);
  return doc.save({ useObjectStreams: false, objectsPerTick: Infinity });
}
