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

export async function recordXlsx(doc: RecordDocument): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'SIPPT Lab';
  wb.created = new Date(doc.generatedAt);
  wb.title = doc.title;

  const summary = wb.addWorksheet('Ringkasan');
  summary.columns = [{ width: 36 }, { width: 60 }];
  summary.addRow([doc.unitName]).font = { bold: true, size: 13 };
  summary.addRow([doc.title]).font = { bold: true, size: 12 };
  summary.addRow(['Periode', doc.periodText]);
  summary.addRow(['Dibuat', `${wibDateTime(doc.generatedAt)} WIB`]);
  summary.addRow([]);
  for (const [label, value] of doc.summary) {
    const row = summary.addRow([label, value]);
    if (typeof value === 'number') row.getCell(2).numFmt = Number.isInteger(value) ? '#,##0' : '#,##0.00';
    row.getCell(2).alignment = { horizontal: 'left' };
  }

  for (const table of doc.tables) addTable(wb, doc, table);
  if (doc.chart) {
    const c = doc.chart;
    const ws = wb.addWorksheet(c.sheet);
    ws.columns = [{ width: 12 }, ...c.series.map(() => ({ width: 22 }))];
    ws.addRow([c.title]).font = { bold: true };
    ws.addRow([c.caption]);
    const header = ws.addRow(['Langkah', ...c.series.map((s) => `${s.name} (${c.unit})`)]);
    header.font = { bold: true };
    c.categories.forEach((cat, i) => ws.addRow([Number(cat), ...c.series.map((s) => s.values[i] ?? null)]));
    const first = 4;
    const last = first + c.categories.length - 1;
    if (c.categories.length > 0) {
      c.series.forEach((s, j) => {
        const col = String.fromCharCode(66 + j);
        const argb = `FF${s.color.map((v) => Math.round(v * 255).toString(16).padStart(2, '0')).join('').toUpperCase()}`;
        ws.addConditionalFormatting({
          ref: `${col}${first}:${col}${last}`,
          rules: [{ type: 'dataBar', priority: j + 1, gradient: false, cfvo: [{ type: 'num', value: 0 }, { type: 'max' }], color: { argb } } as ExcelJS.DataBarRuleType],
        });
      });
    }
    ws.addRow([]);
    ws.addRow([`${c.reference.label} = ${c.reference.value}${c.unit}`]);
  }
  return Buffer.from(await wb.xlsx.writeBuffer());
}

function addTable(wb: ExcelJS.Workbook, doc: RecordDocument, table: Table): void {
  const ws = wb.addWorksheet(table.sheet, { views: [{ state: 'frozen', ySplit: 4 }], pageSetup: { orientation: 'landscape', paperSize: 9, fitToPage: true, fitToWidth: 1, fitToHeight: 0 } });
  ws.columns = table.columns.map((c) => ({ width: Math.max(6, c.width), style: NUM_FORMAT[c.kind] ? { numFmt: NUM_FORMAT[c.kind] } : {} }));
  ws.addRow([`${doc.unitName} — ${doc.title}`]).font = { bold: true };
  ws.addRow([`${table.title}. Periode ${doc.periodText}`]);
  ws.addRow([]);
  const header = ws.addRow(table.columns.map((c) => c.header));
  header.font = { bold: true };
  header.alignment = { vertical: 'middle', wrapText: true };
  header.eachCell((cell) => {
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFE8EEF5' } };
    cell.border = { bottom: { style: 'thin' } };
  });
  const kinds = table.columns.map((c) => c.kind);
  const value = (v: Cell, i: number): ExcelJS.CellValue => (v !== null && kinds[i] === 'datetime' ? wibWallClock(String(v)) : v);
  // addRows in one call: the fastest path of exceljs for a register of thousands of rows.
  ws.addRows(table.rows.map((r) => r.map(value)));
  if (table.rows.length > 0) ws.autoFilter = { from: { row: 4, column: 1 }, to: { row: 4, column: table.columns.length } };
  if (table.footer) ws.addRow(table.footer.map(value)).font = { bold: true };
}
