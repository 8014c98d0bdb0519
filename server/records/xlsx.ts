import { PassThrough } from 'node:stream';
import ExcelJS from 'exceljs';
import { wibDateTime, wibWallClock } from './period';
import type { Cell, Column, RecordDocument, Table } from './document';

/**
 * A record document as an XLSX workbook (exceljs): a summary sheet (unit, title, period, figures),
 * one sheet per table with a frozen header row and an auto filter, numbers as numbers (rupiah
 * `#,##0`), instants as WIB date-times (a spreadsheet cell has no time zone: the cell shows the
 * WIB wall clock).
 *
 * The chart: exceljs cannot write Excel charts (no chart parts in its writer), so the performance
 * report's "Grafik" sheet holds the chart's data with in-cell data bars (conditional formatting),
 * which Excel and LibreOffice draw as a bar chart per row; a real chart can be inserted from it.
 */
const NUM_FORMAT: Record<Column['kind'], string | undefined> = {
  text: undefined,
  int: '0',
  rupiah: '#,##0',
  decimal: '#,##0.0##',
  datetime: 'yyyy-mm-dd hh:mm',
};

/** One style object per column kind, shared by all the cells of such columns (see addTable). */
const STYLES: Record<Column['kind'], Partial<ExcelJS.Style>> = Object.fromEntries(
  (Object.keys(NUM_FORMAT) as Column['kind'][]).map((k) => [
    k,
    Object.freeze(NUM_FORMAT[k] ? { numFmt: NUM_FORMAT[k] } : {}),
  ]),
) as Record<Column['kind'], Partial<ExcelJS.Style>>;

export async function recordXlsx(doc: RecordDocument): Promise<Buffer> {
  // The streaming writer: rows go to the zip as they are added (a register of 10,000 orders in
  // well under the in-memory workbook's time), shared strings for the repeated names and statuses.
  const out = new PassThrough();
  const chunks: Buffer[] = [];
  out.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<void>((resolve, reject) => {
    out.on('end', resolve);
    out.on('error', reject);
  });
  const wb = new ExcelJS.stream.xlsx.WorkbookWriter({ stream: out, useStyles: true, useSharedStrings: true });
  wb.creator = 'SIPPT Lab';
  wb.created = new Date(doc.generatedAt);
  wb.title = doc.title;

  const summary = wb.addWorksheet('Ringkasan');
  summary.columns = [{ width: 36 }, { width: 60 }];
  const bold = (row: ExcelJS.Row, size?: number) => {
    row.font = { bold: true, ...(size ? { size } : {}) };
    row.commit();
  };
  bold(summary.addRow([doc.unitName]), 13);
  bold(summary.addRow([doc.title]), 12);
  summary.addRow(['Periode', doc.periodText]).commit();
  summary.addRow(['Dibuat', `${wibDateTime(doc.generatedAt)} WIB`]).commit();
  summary.addRow([]).commit();
  for (const [label, value] of doc.summary) {
    const row = summary.addRow([label, value]);
    if (typeof value === 'number') row.getCell(2).numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.00';
    row.getCell(2).alignment = { horizontal: 'left' };
    row.commit();
  }
  summary.commit();

  for (const table of doc.tables) addTable(wb, doc, table);
  if (doc.chart) {
    const c = doc.chart;
    const ws = wb.addWorksheet(c.sheet);
    ws.columns = [{ width: 12 }, ...c.series.map(() => ({ width: 22 }))];
    bold(ws.addRow([c.title]));
    ws.addRow([c.caption]).commit();
    bold(ws.addRow(['Langkah', ...c.series.map((s) => `${s.name} (${c.unit})`)]));
    c.categories.forEach((cat, i) =>
      ws.addRow([Number(cat), ...c.series.map((s) => s.values[i] ?? null)]).commit(),
    );
    const first = 4;
    const last = first + c.categories.length - 1;
    if (c.categories.length > 0) {
      c.series.forEach((s, j) => {
        const col = String.fromCharCode(66 + j);
        const argb = `FF${s.color
          .map((v) =>
            Math.round(v * 255)
              .toString(16)
              .padStart(2, '0'),
          )
          .join('')
          .toUpperCase()}`;
        ws.addConditionalFormatting({
          ref: `${col}${first}:${col}${last}`,
          rules: [
            {
              type: 'dataBar',
              priority: j + 1,
              gradient: false,
              cfvo: [{ type: 'num', value: 0 }, { type: 'max' }],
              color: { argb },
            } as ExcelJS.DataBarRuleType,
          ],
        });
      });
    }
    ws.addRow([]).commit();
    ws.addRow([`${c.reference.label} = ${c.reference.value}${c.unit}`]).commit();
    ws.commit();
  }
  await wb.commit();
  await done;
  return Buffer.concat(chunks);
}

function addTable(wb: ExcelJS.stream.xlsx.WorkbookWriter, doc: RecordDocument, table: Table): void {
  const ws = wb.addWorksheet(table.sheet, {
    views: [{ state: 'frozen', ySplit: 4 }],
    pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
  });
  // Widths only: a column style is copied into a fresh style object for every cell, and exceljs
  // then renders each such object to XML to find its style id (most of a 10,000-row export's time).
  // One frozen style per column, given to each of its cells, is looked up once (by identity).
  ws.columns = table.columns.map((c) => ({ width: Math.max(6, c.width) }));
  const styles = table.columns.map((c) => STYLES[c.kind]);
  if (table.rows.length > 0)
    ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: table.columns.length } };
  const title = ws.addRow([`${doc.unitName} — ${doc.title}`]);
  title.font = { bold: true };
  title.commit();
  ws.addRow([`${table.title}. Periode ${doc.periodText}`]).commit();
  ws.addRow([]).commit();
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  header.commit();
  const kinds = table.columns.map((c) => c.kind);
  const value = (v: Cell, i: number): ExcelJS.CellValue =>
    typeof v === 'string' && kinds[i] === 'datetime' && !Number.isNaN(Date.parse(v)) ? wibWallClock(v) : v;
  const n = table.columns.length;
  for (const r of table.rows) {
    const row = ws.addRow(r.map(value));
    for (let i = 0; i < n; i++) row.getCell(i + 1).style = styles[i]!;
    row.commit();
  }
  if (table.footer) {
    const footer = ws.addRow(table.footer.map(value));
    footer.eachCell((cell, i) => (cell.style = { ...styles[i - 1], font: { bold: true } }));
    footer.commit();
  }
  ws.commit();
}
