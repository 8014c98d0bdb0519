import { LineCapStyle, PDFDocument, rgb, type PDFFont, type PDFPage } from 'pdf-lib';
import { cachingFontkit } from '../../shared/elhu/pdf-tools';
import type { ElhuFonts } from '../../shared/elhu/types';
import { wibDateTime } from './period';
import type { Cell, Chart, Column, RecordDocument, Table } from './document';

/**
 * A record document as a PDF (pdf-lib, the E-LHU's Noto Sans fonts): A4 landscape, every page with
 * the unit's name, the report's title and period at the top and "Halaman x dari y" at the bottom;
 * tables whose header row repeats on each page; for the SOP performance a bar chart drawn with
 * pdf-lib (median and 90th percentile of each step as a percentage of its standard time).
 */
const W = 841.89;
const H = 595.28;
const M = 36;
const HEADER_H = 58;
const FOOTER_H = 24;
const TEXT = rgb(0.1, 0.1, 0.12);
const MUTED = rgb(0.35, 0.35, 0.4);
const RULE = rgb(0.75, 0.77, 0.8);
const SHADE = rgb(0.91, 0.93, 0.96);
const SIZE = 7.5;
const LINE = 9.5;
const PAD = 3;
const MAX_LINES = 3;

const intFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 0 });
const decFormat = new Intl.NumberFormat('id-ID', { maximumFractionDigits: 2 });

export function formatCell(v: Cell, kind: Column['kind']): string {
  if (v === null || v === '') return kind === 'text' ? '' : '-';
  if (typeof v === 'number') return kind === 'decimal' ? decFormat.format(v) : intFormat.format(v);
  // A label in a date-time column (a totals line) stays as written.
  if (kind === 'datetime' && !Number.isNaN(Date.parse(v))) return wibDateTime(v);
  return v;
}

interface Fonts {
  regular: PDFFont;
  bold: PDFFont;
}

export async function recordPdf(doc: RecordDocument, fontBytes: ElhuFonts): Promise<Uint8Array> {
  const pdf = await PDFDocument.create();
  pdf.registerFontkit(cachingFontkit);
  const fonts: Fonts = {
    regular: await pdf.embedFont(fontBytes.regular, { subset: true }),
    bold: await pdf.embedFont(fontBytes.bold, { subset: true }),
  };
  pdf.setTitle(`${doc.title} — ${doc.periodText}`);
  pdf.setAuthor(doc.unitName);
  pdf.setCreator('SIPPT Lab');
  pdf.setProducer('SIPPT Lab (pdf-lib)');
  pdf.setCreationDate(new Date(doc.generatedAt));

  const w = new Writer(pdf, fonts, doc);
  w.newPage();
  w.summary(doc.summary);
  for (const t of doc.tables) {
    w.table(t);
    if (doc.chart && t === doc.tables[0]) w.chart(doc.chart);
  }
  w.finish();
  return pdf.save({ useObjectStreams: true });
}

class Writer {
  page!: PDFPage;
  y = 0;
  constructor(
    readonly pdf: PDFDocument,
    readonly f: Fonts,
    readonly doc: RecordDocument,
  ) {}

  newPage(): void {
    this.page = this.pdf.addPage([W, H]);
    const p = this.page;
    p.drawText(this.doc.unitName, { x: M, y: H - M - 10, size: 10, font: this.f.bold, color: TEXT });
    p.drawText(this.doc.title, { x: M, y: H - M - 26, size: 12, font: this.f.bold, color: TEXT });
    p.drawText(`Periode: ${this.doc.periodText}`, {
      x: M,
      y: H - M - 40,
      size: 9,
      font: this.f.regular,
      color: MUTED,
    });
    p.drawLine({
      start: { x: M, y: H - M - 48 },
      end: { x: W - M, y: H - M - 48 },
      thickness: 0.8,
      color: RULE,
    });
    this.y = H - M - HEADER_H;
  }

  /** Room left above the footer; a new page when there is not enough. */
  ensure(height: number): boolean {
    if (this.y - height >= M + FOOTER_H) return false;
    this.newPage();
    return true;
  }

  text(
    s: string,
    x: number,
    y: number,
    opts: { size?: number; bold?: boolean; color?: ReturnType<typeof rgb> } = {},
  ): void {
    this.page.drawText(s, {
      x,
      y,
      size: opts.size ?? SIZE,
      font: opts.bold ? this.f.bold : this.f.regular,
      color: opts.color ?? TEXT,
    });
  }

  summary(items: [string, Cell][]): void {
    const colW = (W - 2 * M) / 2;
    const rows = Math.ceil(items.length / 2);
    items.forEach(([label, value], i) => {
      const col = i < rows ? 0 : 1;
      const row = i < rows ? i : i - rows;
      const x = M + col * colW;
      const y = this.y - 10 - row * 13;
      const shown =
        typeof value === 'number'
          ? formatCell(value, Number.isInteger(value) ? 'int' : 'decimal')
          : formatCell(value, 'text');
      this.text(`${label}:`, x, y, { size: 9, color: MUTED });
      this.text(fit(shown, this.f.bold, 9, colW - 190), x + 180, y, { size: 9, bold: true });
    });
    this.y -= rows * 13 + 16;
  }

  table(t: Table): void {
    const widths = this.columnWidths(t);
    const headerLines = t.columns.map((c, i) => wrap(c.header, this.f.bold, SIZE, widths[i]! - 2 * PAD, 2));
    const headerH = Math.max(...headerLines.map((l) => l.length)) * LINE + 2 * PAD;
    const drawTitle = () => {
      this.text(t.title, M, this.y - 10, { size: 9.5, bold: true });
      this.y -= 16;
    };
    const drawHeader = () => {
      this.page.drawRectangle({ x: M, y: this.y - headerH, width: W - 2 * M, height: headerH, color: SHADE });
      let x = M;
      headerLines.forEach((lines, i) => {
        lines.forEach((l, j) => this.text(l, x + PAD, this.y - PAD - SIZE - j * LINE + 1, { bold: true }));
        x += widths[i]!;
      });
      this.y -= headerH;
    };
    this.ensure(16 + headerH + LINE + 2 * PAD);
    drawTitle();
    drawHeader();
    const all = t.footer ? [...t.rows, t.footer] : t.rows;
    if (t.rows.length === 0) {
      this.text('Tidak ada data dalam periode ini.', M + PAD, this.y - PAD - SIZE, { color: MUTED });
      this.y -= LINE + 2 * PAD;
    }
    all.forEach((row, r) => {
      const isFooter = t.footer !== undefined && r === all.length - 1;
      const cells = row.map((v, i) => {
        const kind = t.columns[i]!.kind;
        const s = isFooter && v === null ? '' : formatCell(v, kind);
        const font = isFooter ? this.f.bold : this.f.regular;
        return {
          lines: wrap(s, font, SIZE, widths[i]! - 2 * PAD, MAX_LINES),
          right: kind !== 'text' && kind !== 'datetime',
          font,
        };
      });
      const h = Math.max(1, ...cells.map((c) => c.lines.length)) * LINE + 2 * PAD;
      if (this.ensure(h)) drawHeader();
      let x = M;
      cells.forEach((c, i) => {
        const cw = widths[i]!;
        c.lines.forEach((l, j) => {
          const tx = c.right ? x + cw - PAD - c.font.widthOfTextAtSize(l, SIZE) : x + PAD;
          this.page.drawText(l, {
            x: tx,
            y: this.y - PAD - SIZE - j * LINE + 1,
            size: SIZE,
            font: c.font,
            color: TEXT,
          });
        });
        x += cw;
      });
      this.y -= h;
      this.page.drawLine({
        start: { x: M, y: this.y },
        end: { x: W - M, y: this.y },
        thickness: isFooter ? 0.8 : 0.3,
        color: RULE,
      });
    });
    this.y -= 14;
  }

  /**
   * Numbers, date-times and identifiers get the width their longest value needs (never wrapped);
   * the text columns share the rest by their relative widths. When that leaves the text too
   * little, every column falls back to its share.
   */
  columnWidths(t: Table): number[] {
    const avail = W - 2 * M;
    const fixed = t.columns.map((c, i) => {
      if (c.kind === 'text' && !c.nowrap) return null;
      let w = Math.max(...c.header.split(/\s+/).map((word) => this.f.bold.widthOfTextAtSize(word, SIZE)));
      const seen = new Set<string>();
      for (const row of t.footer ? [...t.rows, t.footer] : t.rows) {
        const s = formatCell(row[i] ?? null, c.kind);
        // Values of one shape have one width: measure each length once.
        const key = c.kind === 'text' ? s : `${s.length}`;
        if (seen.has(key)) continue;
        seen.add(key);
        w = Math.max(w, this.f.bold.widthOfTextAtSize(s, SIZE));
      }
      return w + 2 * PAD + 1;
    });
    const fixedSum = fixed.reduce<number>((s, w) => s + (w ?? 0), 0);
    const flexUnits = t.columns.reduce((s, c, i) => s + (fixed[i] === null ? c.width : 0), 0);
    const left = avail - fixedSum;
    if (left >= flexUnits * 2 || (flexUnits === 0 && left >= 0)) {
      const extra = flexUnits === 0 ? left / t.columns.length : 0;
      return t.columns.map((c, i) => (fixed[i] !== null ? fixed[i]! + extra : (left * c.width) / flexUnits));
    }
    const total = t.columns.reduce((s, c) => s + c.width, 0);
    return t.columns.map((c) => (avail * c.width) / total);
  }

  chart(c: Chart): void {
    const height = 300;
    this.ensure(height + 40);
    this.text(c.title, M, this.y - 10, { size: 9.5, bold: true });
    this.y -= 18;
    const left = M + 40;
    const right = W - M - 10;
    const top = this.y - 20;
    const bottom = this.y - height + 30;
    const plotH = top - bottom;
    const values = c.series.flatMap((s) => s.values).filter((v): v is number => v !== null);
    const cap = 300;
    const max = Math.min(cap, Math.max(c.reference.value * 1.2, Math.ceil(Math.max(0, ...values) / 50) * 50));
    const yOf = (v: number) => bottom + (Math.min(v, max) / max) * plotH;
    // Grid and axis.
    const step = max <= 150 ? 25 : 50;
    for (let v = 0; v <= max + 0.001; v += step) {
      const y = yOf(v);
      this.page.drawLine({ start: { x: left, y }, end: { x: right, y }, thickness: 0.3, color: RULE });
      const label = `${v}${c.unit}`;
      this.text(label, left - 4 - this.f.regular.widthOfTextAtSize(label, 7), y - 2.5, {
        size: 7,
        color: MUTED,
      });
    }
    this.page.drawLine({
      start: { x: left, y: bottom },
      end: { x: left, y: top },
      thickness: 0.6,
      color: MUTED,
    });
    if (c.categories.length === 0) {
      this.text('Tidak ada langkah bernilai dalam periode ini.', left + 10, bottom + plotH / 2, {
        size: 9,
        color: MUTED,
      });
    }
    const groupW = (right - left) / Math.max(1, c.categories.length);
    const barW = Math.min(16, (groupW * 0.7) / c.series.length);
    c.categories.forEach((cat, i) => {
      const gx = left + i * groupW + (groupW - barW * c.series.length) / 2;
      c.series.forEach((s, j) => {
        const v = s.values[i];
        if (v === null || v === undefined) return;
        const x = gx + j * barW;
        const y = yOf(v);
        this.page.drawRectangle({
          x,
          y: bottom,
          width: barW - 1,
          height: Math.max(0.5, y - bottom),
          color: rgb(...s.color),
        });
        const label = `${decFormat.format(Math.round(v))}${v > max ? '+' : ''}`;
        const lw = this.f.regular.widthOfTextAtSize(label, 5.5);
        // Labels wider than their bar are stacked, the second series' above the first's.
        const lift = lw > barW ? j * 7 : 0;
        this.text(label, x + (barW - 1) / 2 - lw / 2, y + 2 + lift, { size: 5.5, color: MUTED });
      });
      const lw = this.f.bold.widthOfTextAtSize(cat, 7.5);
      this.text(cat, left + i * groupW + groupW / 2 - lw / 2, bottom - 11, { size: 7.5, bold: true });
    });
    // The standard time.
    const ry = yOf(c.reference.value);
    const red = rgb(0.8, 0.1, 0.1);
    this.page.drawLine({
      start: { x: left, y: ry },
      end: { x: right, y: ry },
      thickness: 1,
      color: red,
      dashArray: [4, 3],
      lineCap: LineCapStyle.Butt,
    });
    this.text('Langkah SOP', right - 50, bottom - 24, { size: 7.5, color: MUTED });
    // Legend, under the axis (the tops of the bars keep their labels).
    let lx = left;
    const ly = bottom - 24;
    for (const s of c.series) {
      this.page.drawRectangle({ x: lx, y: ly - 1, width: 9, height: 7, color: rgb(...s.color) });
      this.text(s.name, lx + 12, ly, { size: 7.5 });
      lx += 24 + this.f.regular.widthOfTextAtSize(s.name, 7.5);
    }
    this.page.drawLine({
      start: { x: lx, y: ly + 2.5 },
      end: { x: lx + 14, y: ly + 2.5 },
      thickness: 1,
      color: red,
      dashArray: [4, 3],
    });
    this.text(`${c.reference.label} (${c.reference.value}${c.unit})`, lx + 18, ly, { size: 7.5 });
    this.y = bottom - 40;
    this.text(c.caption, M, this.y, { size: 7.5, color: MUTED });
    this.y -= 18;
  }

  finish(): void {
    const pages = this.pdf.getPages();
    const made = `Dibuat ${wibDateTime(this.doc.generatedAt)} WIB oleh SIPPT Lab`;
    pages.forEach((p, i) => {
      const label = `Halaman ${i + 1} dari ${pages.length}`;
      p.drawLine({ start: { x: M, y: M + 12 }, end: { x: W - M, y: M + 12 }, thickness: 0.5, color: RULE });
      p.drawText(made, { x: M, y: M, size: 7.5, font: this.f.regular, color: MUTED });
      p.drawText(label, {
        x: W - M - this.f.regular.widthOfTextAtSize(label, 7.5),
        y: M,
        size: 7.5,
        font: this.f.regular,
        color: MUTED,
      });
    });
  }
}

/** Text in at most `maxLines` lines of `width` (words wrapped, long words cut, the last line ended with "…"). */
function wrap(s: string, font: PDFFont, size: number, width: number, maxLines: number): string[] {
  if (s === '') return [''];
  if (font.widthOfTextAtSize(s, size) <= width) return [s];
  const lines: string[] = [];
  let line = '';
  for (const word of s.split(/\s+/)) {
    const next = line ? `${line} ${word}` : word;
    if (font.widthOfTextAtSize(next, size) <= width) {
      line = next;
      continue;
    }
    if (line) lines.push(line);
    line = word;
    while (font.widthOfTextAtSize(line, size) > width && line.length > 1) {
      let cut = line.length - 1;
      while (cut > 1 && font.widthOfTextAtSize(line.slice(0, cut), size) > width) cut -= 1;
      lines.push(line.slice(0, cut));
      line = line.slice(cut);
    }
  }
  if (line) lines.push(line);
  if (lines.length <= maxLines) return lines;
  const kept = lines.slice(0, maxLines);
  kept[maxLines - 1] = fit(`${kept[maxLines - 1]} ${lines.slice(maxLines).join(' ')}`, font, size, width);
  return kept;
}

function fit(s: string, font: PDFFont, size: number, width: number): string {
  if (font.widthOfTextAtSize(s, size) <= width) return s;
  let t = s;
  while (t.length > 1 && font.widthOfTextAtSize(`${t}…`, size) > width) t = t.slice(0, -1);
  return `${t}…`;
}
