import type {
  IkmReport,
  OrderRegister,
  PerformanceReport,
  RecordReport,
  ReportRegister,
  RevenueReport,
  SampleRegister,
} from '../../shared/api/records';
import { STATUS_LABELS } from '../../shared/domain/states';
import { BULAN, formatDateId } from '../../shared/elhu/dates';
import { ROLE_INFO } from '../../shared/sop/roles';

/**
 * A record as a printable document: titled tables of typed cells, a summary, and for the SOP
 * performance a chart. The XLSX and PDF writers (xlsx.ts, pdf.ts) render this one model, so the
 * two files always hold the same figures as the JSON.
 */
export type ColumnKind = 'text' | 'int' | 'rupiah' | 'decimal' | 'datetime';
export type Cell = string | number | null;

export interface Column {
  header: string;
  kind: ColumnKind;
  /** Relative width, about the characters it needs (XLSX column width; PDF share of the line). */
  width: number;
  /** An identifier (order, sample, LHU number, billing code): never wrapped in the PDF. */
  nowrap?: boolean;
}

export interface Table {
  /** Sheet name (at most 31 characters, no []:*?/\). */
  sheet: string;
  title: string;
  columns: Column[];
  rows: Cell[][];
  /** A totals line under the rows. */
  footer?: Cell[];
}

export interface Chart {
  sheet: string;
  title: string;
  /** What the values are, under the chart. */
  caption: string;
  categories: string[];
  series: { name: string; values: (number | null)[]; color: [number, number, number] }[];
  /** A reference line (100% of the standard time). */
  reference: { value: number; label: string };
  unit: string;
}

export interface RecordDocument {
  /** File name stem: "register-order_2025-03-01_2025-03-31". */
  fileStem: string;
  title: string;
  unitName: string;
  /** "1 Maret 2025 – 31 Maret 2025 (WIB)". */
  periodText: string;
  generatedAt: string;
  summary: [string, Cell][];
  tables: Table[];
  chart?: Chart;
}

// One constructor per kind of column, so a table reads as its headers and widths.
const int = (header: string, width: number): Column => ({ header, kind: 'int', width });
const text = (header: string, width: number): Column => ({ header, kind: 'text', width });
/** An identifier (order, sample, LHU number, billing code): kept on one line in the PDF. */
const code = (header: string, width: number): Column => ({ header, kind: 'text', width, nowrap: true });
const money = (header: string, width: number): Column => ({ header, kind: 'rupiah', width });
const decimal = (header: string, width: number): Column => ({ header, kind: 'decimal', width });
const when = (header: string): Column => ({ header, kind: 'datetime', width: 16 });

const status = (s: string) => STATUS_LABELS[s as keyof typeof STATUS_LABELS]?.id ?? s;

export function recordDocument(r: RecordReport): RecordDocument {
  const base = {
    unitName: r.unit.name,
    periodText: `${formatDateId(r.period.from)} – ${formatDateId(r.period.to)} (WIB)`,
    generatedAt: r.generatedAt,
  };
  const stem = (name: string) => `${name}_${r.period.from}_${r.period.to}`;
  switch (r.kind) {
    case 'orders':
      return { ...base, fileStem: stem('register-order'), ...orders(r) };
    case 'samples':
      return { ...base, fileStem: stem('register-sampel'), ...samples(r) };
    case 'reports':
      return { ...base, fileStem: stem('register-lhu'), ...reports(r) };
    case 'revenue':
      return { ...base, fileStem: stem('penerimaan-pnbp'), ...revenue(r) };
    case 'performance':
      return { ...base, fileStem: stem('kinerja-sop'), ...performance(r) };
    case 'ikm':
      return { ...base, fileStem: stem('ikm'), ...ikm(r) };
  }
}

type Body = Pick<RecordDocument, 'title' | 'summary' | 'tables' | 'chart'>;

/**
 * A column with how a row fills it and, where the table has a totals line, its cell there: the
 * header and the value sit together, so the two cannot drift apart.
 */
type Field<T> = readonly [column: Column, value: (row: T, index: number) => Cell, footer?: Cell];

function table<T>(sheet: string, title: string, rows: readonly T[], fields: readonly Field<T>[]): Table {
  const t: Table = {
    sheet,
    title,
    columns: fields.map(([column]) => column),
    rows: rows.map((row, i) => fields.map(([, value]) => value(row, i))),
  };
  if (fields.some((f) => f.length > 2)) t.footer = fields.map(([, , footer]) => footer ?? null);
  return t;
}

/** The running number of a row, "No." in the first column. */
const rowNumber: Field<unknown> = [int('No.', 6), (_row, i) => i + 1];

function orders(r: OrderRegister): Body {
  return {
    title: 'Register Order Pengujian',
    summary: [
      ['Jumlah order', r.totals.orders],
      ['Jumlah sampel', r.totals.samples],
      ['Nilai order (Rp)', r.totals.amount],
      ...Object.entries(r.totals.byStatus).map(([s, n]): [string, Cell] => [`Status: ${status(s)}`, n]),
    ],
    tables: [
      table('Register Order', 'Order yang diajukan dalam periode', r.rows, [
        rowNumber,
        [code('No. Order', 22), (o) => o.number ?? '(belum bernomor)', 'Jumlah'],
        [when('Tanggal Order'), (o) => o.submittedAt],
        [text('Pelanggan', 34), (o) => o.customerName],
        [text('Jenis Sampel', 26), (o) => o.sampleTypes.join('; ')],
        [int('Sampel', 8), (o) => o.sampleCount, r.totals.samples],
        [int('Parameter', 10), (o) => o.parameterCount, sum(r.rows.map((o) => o.parameterCount))],
        [money('Nilai (Rp)', 14), (o) => o.total, r.totals.amount],
        [text('Status', 20), (o) => status(o.status)],
        [when('Tanggal Lunas'), (o) => o.paidAt],
        [when('Tanggal Selesai'), (o) => o.finishedAt],
      ]),
    ],
  };
}

function samples(r: SampleRegister): Body {
  return {
    title: 'Register Sampel',
    summary: [
      ['Jumlah sampel', r.totals.samples],
      ['Jumlah parameter', r.totals.parameters],
      ...Object.entries(r.totals.byLab).map(([lab, n]): [string, Cell] => [`Laboratorium ${lab}`, n]),
    ],
    tables: [
      table('Register Sampel', 'Sampel yang diterima dan diregistrasi dalam periode', r.rows, [
        rowNumber,
        [code('No. Sampel', 20), (s) => s.number ?? '-', 'Jumlah'],
        [when('Tanggal Terima'), (s) => s.receivedAt],
        [code('No. Order', 20), (s) => s.orderNumber ?? '-'],
        [text('Pelanggan', 30), (s) => s.customerName],
        [text('Jenis Sampel', 22), (s) => s.sampleType],
        [text('Kode/Label', 14), (s) => s.customerLabel || '-'],
        [text('Laboratorium', 18), (s) => s.labName],
        [int('Parameter', 10), (s) => s.parameterCount, r.totals.parameters],
        [text('Status', 18), (s) => status(s.status)],
        [code('No. LHU', 20), (s) => s.reportNumber ?? '-'],
      ]),
    ],
  };
}

function reports(r: ReportRegister): Body {
  return {
    title: 'Register Laporan Hasil Uji (LHU)',
    summary: [
      ['Jumlah nomor LHU', r.totals.reports],
      ['Sudah dikirim ke pelanggan', r.totals.released],
      ['LHU pengganti (amandemen)', r.totals.amended],
    ],
    tables: [
      table('Register LHU', 'Nomor LHU yang diterbitkan dalam periode', r.rows, [
        rowNumber,
        [code('No. LHU', 22), (x) => x.number],
        [when('Tanggal Nomor'), (x) => x.numberedAt],
        [code('No. Sampel', 20), (x) => x.sampleNumber ?? '-'],
        [code('No. Order', 20), (x) => x.orderNumber ?? '-'],
        [text('Pelanggan', 28), (x) => x.customerName],
        [text('Jenis Sampel', 20), (x) => x.sampleType],
        [text('Laboratorium', 16), (x) => x.labName],
        [when('Tanggal TTE'), (x) => x.signedAt],
        [when('Tanggal Kirim'), (x) => x.releasedAt],
        [text('Status', 16), (x) => status(x.status)],
        [
          text('Menggantikan', 22),
          (x) => (x.replacesNumber ? `${x.replacesNumber} (${x.amendReason ?? ''})` : ''),
        ],
      ]),
    ],
  };
}

function revenue(r: RevenueReport): Body {
  return {
    title: 'Penerimaan Negara Bukan Pajak (PNBP) Layanan Pengujian',
    summary: [
      ['Order lunas', r.totals.orders],
      ['Penerimaan (Rp)', r.totals.amount],
      ['Jumlah e-billing lunas (Rp)', r.totals.billed],
    ],
    tables: [
      table('Per Laboratorium', 'Penerimaan per laboratorium', r.byLab, [
        [text('Laboratorium', 30), (l) => l.labName, 'Jumlah'],
        [int('Sampel', 10), (l) => l.samples, sum(r.byLab.map((l) => l.samples))],
        [int('Uji (parameter x sampel)', 14), (l) => l.count, sum(r.byLab.map((l) => l.count))],
        [money('Penerimaan (Rp)', 18), (l) => l.amount, r.totals.amount],
      ]),
      table('Per Parameter', 'Penerimaan per parameter', r.byParameter, [
        [text('Laboratorium', 20), (p) => p.labName, 'Jumlah'],
        [text('Jenis Sampel', 24), (p) => p.sampleType],
        [text('Parameter', 30), (p) => p.parameterName],
        [int('Jumlah Uji', 10), (p) => p.count, sum(r.byParameter.map((p) => p.count))],
        [money('Penerimaan (Rp)', 18), (p) => p.amount, r.totals.amount],
      ]),
      table('Pembayaran', 'E-billing yang lunas dalam periode', r.payments, [
        rowNumber,
        [when('Tanggal Bayar'), (p) => p.paidAt, 'Jumlah'],
        [code('No. Order', 22), (p) => p.orderNumber ?? '-'],
        [text('Pelanggan', 34), (p) => p.customerName],
        [code('Kode Billing', 18), (p) => p.billingCode],
        [code('NTPN', 20), (p) => p.ntpn ?? '-'],
        [money('Jumlah (Rp)', 16), (p) => p.amount, r.totals.billed],
      ]),
    ],
  };
}

const standardText = (s: PerformanceReport['steps'][number]['standard']) =>
  s.unit === 'none'
    ? 'tidak ditetapkan'
    : s.unit === 'working_days'
      ? `${s.value} hari kerja`
      : `${s.value} menit`;
const unitText = (u: 'minutes' | 'working_days') => (u === 'working_days' ? 'hari kerja' : 'menit');
/** A figure as a share of the step's standard time, in percent (one decimal). */
const ofStandard = (v: number | null, s: PerformanceReport['steps'][number]['standard']) =>
  v === null || s.unit === 'none' || !s.value ? null : Math.round((v / s.value) * 1000) / 10;

function performance(r: PerformanceReport): Body {
  const charted = r.steps.filter((s) => s.standard.unit !== 'none' && s.measured > 0);
  return {
    title: 'Kinerja SOP: Waktu Layanan terhadap Waktu Baku (Mutu Baku)',
    summary: [
      ['Langkah selesai (kali)', r.totals.timings],
      ['Melebihi waktu baku (kali)', r.totals.over],
      ['Order tercatat', r.totals.orders],
      ['Order dengan langkah terlambat', r.totals.ordersOver],
    ],
    tables: [
      table(
        'Kinerja per Langkah',
        'Per langkah SOP: jumlah, median dan persentil ke-90 terhadap waktu baku',
        r.steps,
        [
          [int('Langkah', 8), (s) => s.step],
          [text('Pelaksana', 18), (s) => ROLE_INFO[s.actor].label, 'Jumlah'],
          [
            text('Kegiatan', 44),
            (s) => (s.note ? `${s.activity.id} (${s.note.split(' / ')[0]})` : s.activity.id),
          ],
          [text('Waktu Baku', 14), (s) => standardText(s.standard)],
          [text('Satuan', 10), (s) => unitText(s.unit)],
          [int('Jumlah', 8), (s) => s.count, r.totals.timings],
          [int('Terukur', 8), (s) => s.measured, sum(r.steps.map((x) => x.measured))],
          [decimal('Median', 9), (s) => s.median],
          [decimal('P90', 9), (s) => s.p90],
          [decimal('Median % Baku', 10), (s) => ofStandard(s.median, s.standard)],
          [decimal('P90 % Baku', 10), (s) => ofStandard(s.p90, s.standard)],
          [int('Terlambat', 10), (s) => s.over, r.totals.over],
        ],
      ),
      table('Melebihi Waktu Baku', 'Langkah yang melebihi waktu baku', r.overruns, [
        [int('Langkah', 8), (o) => o.step],
        [code('No. Order', 22), (o) => o.orderNumber ?? '-'],
        [code('No. Sampel', 20), (o) => o.sampleNumber ?? '-'],
        [text('Pelanggan', 30), (o) => o.customerName],
        [when('Mulai'), (o) => o.startedAt],
        [when('Selesai'), (o) => o.finishedAt],
        [decimal('Waktu', 10), (o) => o.actual],
        [decimal('Baku', 8), (o) => o.standard],
        [text('Satuan', 10), (o) => unitText(o.unit)],
      ]),
    ],
    chart: {
      sheet: 'Grafik',
      title: 'Median dan persentil ke-90 waktu tiap langkah, dalam persen waktu baku',
      caption:
        '100% = waktu baku (mutu baku) langkah itu; langkah tanpa waktu baku atau tanpa data tidak digambar.',
      categories: charted.map((s) => String(s.step)),
      series: [
        {
          name: 'Median',
          values: charted.map((s) => ofStandard(s.median, s.standard)),
          color: [0.16, 0.42, 0.69],
        },
        {
          name: 'Persentil ke-90',
          values: charted.map((s) => ofStandard(s.p90, s.standard)),
          color: [0.91, 0.55, 0.14],
        },
      ],
      reference: { value: 100, label: 'Waktu baku' },
      unit: '%',
    },
  };
}

function ikm(r: IkmReport): Body {
  const cat = (c: IkmReport['category']) => (c ? `${c.grade} (${c.label.id})` : '-');
  return {
    title: 'Indeks Kepuasan Masyarakat (IKM)',
    summary: [
      ['Jumlah responden', r.count],
      ['Nilai IKM', r.index],
      ['Mutu pelayanan', cat(r.category)],
      ['Dasar', 'PermenPANRB 14/2017: IKM = rata-rata nilai unsur x 25'],
    ],
    tables: [
      table('Per Unsur', 'Nilai rata-rata per unsur pelayanan (skala 1-4)', r.elements, [
        rowNumber,
        [text('Unsur Pelayanan', 44), (e) => e.label.id, 'IKM'],
        [decimal('Nilai Rata-rata', 14), (e) => (e.mean === null ? null : round(e.mean, 3))],
        [
          decimal('Nilai Konversi (x25)', 16),
          (e) => (e.mean === null ? null : round(e.mean * 25, 2)),
          r.index,
        ],
      ]),
      table('Per Bulan', 'IKM per bulan', r.byMonth, [
        [text('Bulan', 16), (m) => monthText(m.month)],
        [int('Responden', 12), (m) => m.count],
        [decimal('Nilai IKM', 12), (m) => m.index],
        [text('Mutu Pelayanan', 22), (m) => cat(m.category)],
      ]),
      table('Responden', 'Survei yang diisi dalam periode', r.responses, [
        rowNumber,
        [when('Tanggal'), (x) => x.submittedAt],
        [code('No. Order', 22), (x) => x.orderNumber ?? '-'],
        [text('Pelanggan', 30), (x) => x.customerName],
        // The nine elements of PermenPANRB 14/2017, U1 to U9.
        ...[0, 1, 2, 3, 4, 5, 6, 7, 8].map((n): Field<IkmReport['responses'][number]> => [
          int(`U${n + 1}`, 5),
          (x) => x.scores[n] ?? null,
        ]),
        [decimal('IKM', 8), (x) => x.index],
        [text('Saran', 30), (x) => x.comment],
      ]),
    ],
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const monthText = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return `${BULAN[mm - 1]} ${y}`;
};
