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

const MONTHS = [
  'Januari',
  'Februari',
  'Maret',
  'April',
  'Mei',
  'Juni',
  'Juli',
  'Agustus',
  'September',
  'Oktober',
  'November',
  'Desember',
];
/** "14 Maret 2025" for a date "2025-03-14". */
export function indonesianDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  return `${d} ${MONTHS[m - 1]} ${y}`;
}
const status = (s: string) => STATUS_LABELS[s as keyof typeof STATUS_LABELS]?.id ?? s;

export function recordDocument(r: RecordReport): RecordDocument {
  const base = {
    unitName: r.unit.name,
    periodText: `${indonesianDate(r.period.from)} – ${indonesianDate(r.period.to)} (WIB)`,
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
      {
        sheet: 'Register Order',
        title: 'Order yang diajukan dalam periode',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'No. Order', kind: 'text', width: 22, nowrap: true },
          { header: 'Tanggal Order', kind: 'datetime', width: 16 },
          { header: 'Pelanggan', kind: 'text', width: 34 },
          { header: 'Jenis Sampel', kind: 'text', width: 26 },
          { header: 'Sampel', kind: 'int', width: 8 },
          { header: 'Parameter', kind: 'int', width: 10 },
          { header: 'Nilai (Rp)', kind: 'rupiah', width: 14 },
          { header: 'Status', kind: 'text', width: 20 },
          { header: 'Tanggal Lunas', kind: 'datetime', width: 16 },
          { header: 'Tanggal Selesai', kind: 'datetime', width: 16 },
        ],
        rows: r.rows.map((o, i) => [
          i + 1,
          o.number ?? '(belum bernomor)',
          o.submittedAt,
          o.customerName,
          o.sampleTypes.join('; '),
          o.sampleCount,
          o.parameterCount,
          o.total,
          status(o.status),
          o.paidAt,
          o.finishedAt,
        ]),
        footer: [
          null,
          'Jumlah',
          null,
          null,
          null,
          r.totals.samples,
          r.rows.reduce((n, o) => n + o.parameterCount, 0),
          r.totals.amount,
          null,
          null,
          null,
        ],
      },
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
      {
        sheet: 'Register Sampel',
        title: 'Sampel yang diterima dan diregistrasi dalam periode',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'No. Sampel', kind: 'text', width: 20, nowrap: true },
          { header: 'Tanggal Terima', kind: 'datetime', width: 16 },
          { header: 'No. Order', kind: 'text', width: 20, nowrap: true },
          { header: 'Pelanggan', kind: 'text', width: 30 },
          { header: 'Jenis Sampel', kind: 'text', width: 22 },
          { header: 'Kode/Label', kind: 'text', width: 14 },
          { header: 'Laboratorium', kind: 'text', width: 18 },
          { header: 'Parameter', kind: 'int', width: 10 },
          { header: 'Status', kind: 'text', width: 18 },
          { header: 'No. LHU', kind: 'text', width: 20, nowrap: true },
        ],
        rows: r.rows.map((s, i) => [
          i + 1,
          s.number ?? '-',
          s.receivedAt,
          s.orderNumber ?? '-',
          s.customerName,
          s.sampleType,
          s.customerLabel || '-',
          s.labName,
          s.parameterCount,
          status(s.status),
          s.reportNumber ?? '-',
        ]),
        footer: [null, 'Jumlah', null, null, null, null, null, null, r.totals.parameters, null, null],
      },
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
      {
        sheet: 'Register LHU',
        title: 'Nomor LHU yang diterbitkan dalam periode',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'No. LHU', kind: 'text', width: 22, nowrap: true },
          { header: 'Tanggal Nomor', kind: 'datetime', width: 16 },
          { header: 'No. Sampel', kind: 'text', width: 20, nowrap: true },
          { header: 'No. Order', kind: 'text', width: 20, nowrap: true },
          { header: 'Pelanggan', kind: 'text', width: 28 },
          { header: 'Jenis Sampel', kind: 'text', width: 20 },
          { header: 'Laboratorium', kind: 'text', width: 16 },
          { header: 'Tanggal TTE', kind: 'datetime', width: 16 },
          { header: 'Tanggal Kirim', kind: 'datetime', width: 16 },
          { header: 'Status', kind: 'text', width: 16 },
          { header: 'Menggantikan', kind: 'text', width: 22 },
        ],
        rows: r.rows.map((x, i) => [
          i + 1,
          x.number,
          x.numberedAt,
          x.sampleNumber ?? '-',
          x.orderNumber ?? '-',
          x.customerName,
          x.sampleType,
          x.labName,
          x.signedAt,
          x.releasedAt,
          status(x.status),
          x.replacesNumber ? `${x.replacesNumber} (${x.amendReason ?? ''})` : '',
        ]),
      },
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
      {
        sheet: 'Per Laboratorium',
        title: 'Penerimaan per laboratorium',
        columns: [
          { header: 'Laboratorium', kind: 'text', width: 30 },
          { header: 'Sampel', kind: 'int', width: 10 },
          { header: 'Uji (parameter x sampel)', kind: 'int', width: 14 },
          { header: 'Penerimaan (Rp)', kind: 'rupiah', width: 18 },
        ],
        rows: r.byLab.map((l) => [l.labName, l.samples, l.count, l.amount]),
        footer: [
          'Jumlah',
          r.byLab.reduce((n, l) => n + l.samples, 0),
          r.byLab.reduce((n, l) => n + l.count, 0),
          r.totals.amount,
        ],
      },
      {
        sheet: 'Per Parameter',
        title: 'Penerimaan per parameter',
        columns: [
          { header: 'Laboratorium', kind: 'text', width: 20 },
          { header: 'Jenis Sampel', kind: 'text', width: 24 },
          { header: 'Parameter', kind: 'text', width: 30 },
          { header: 'Jumlah Uji', kind: 'int', width: 10 },
          { header: 'Penerimaan (Rp)', kind: 'rupiah', width: 18 },
        ],
        rows: r.byParameter.map((p) => [p.labName, p.sampleType, p.parameterName, p.count, p.amount]),
        footer: ['Jumlah', null, null, r.byParameter.reduce((n, p) => n + p.count, 0), r.totals.amount],
      },
      {
        sheet: 'Pembayaran',
        title: 'E-billing yang lunas dalam periode',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'Tanggal Bayar', kind: 'datetime', width: 16 },
          { header: 'No. Order', kind: 'text', width: 22, nowrap: true },
          { header: 'Pelanggan', kind: 'text', width: 34 },
          { header: 'Kode Billing', kind: 'text', width: 18, nowrap: true },
          { header: 'NTPN', kind: 'text', width: 20, nowrap: true },
          { header: 'Jumlah (Rp)', kind: 'rupiah', width: 16 },
        ],
        rows: r.payments.map((p, i) => [
          i + 1,
          p.paidAt,
          p.orderNumber ?? '-',
          p.customerName,
          p.billingCode,
          p.ntpn ?? '-',
          p.amount,
        ]),
        footer: [null, 'Jumlah', null, null, null, null, r.totals.billed],
      },
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
      {
        sheet: 'Kinerja per Langkah',
        title: 'Per langkah SOP: jumlah, median dan persentil ke-90 terhadap waktu baku',
        columns: [
          { header: 'Langkah', kind: 'int', width: 8 },
          { header: 'Pelaksana', kind: 'text', width: 18 },
          { header: 'Kegiatan', kind: 'text', width: 44 },
          { header: 'Waktu Baku', kind: 'text', width: 14 },
          { header: 'Satuan', kind: 'text', width: 10 },
          { header: 'Jumlah', kind: 'int', width: 8 },
          { header: 'Terukur', kind: 'int', width: 8 },
          { header: 'Median', kind: 'decimal', width: 9 },
          { header: 'P90', kind: 'decimal', width: 9 },
          { header: 'Median % Baku', kind: 'decimal', width: 10 },
          { header: 'P90 % Baku', kind: 'decimal', width: 10 },
          { header: 'Terlambat', kind: 'int', width: 10 },
        ],
        rows: r.steps.map((s) => [
          s.step,
          ROLE_INFO[s.actor].label,
          s.note ? `${s.activity.id} (${s.note.split(' / ')[0]})` : s.activity.id,
          standardText(s.standard),
          unitText(s.unit),
          s.count,
          s.measured,
          s.median,
          s.p90,
          ofStandard(s.median, s.standard),
          ofStandard(s.p90, s.standard),
          s.over,
        ]),
        footer: [
          null,
          'Jumlah',
          null,
          null,
          null,
          r.totals.timings,
          sum(r.steps.map((x) => x.measured)),
          null,
          null,
          null,
          null,
          r.totals.over,
        ],
      },
      {
        sheet: 'Melebihi Waktu Baku',
        title: 'Langkah yang melebihi waktu baku',
        columns: [
          { header: 'Langkah', kind: 'int', width: 8 },
          { header: 'No. Order', kind: 'text', width: 22, nowrap: true },
          { header: 'No. Sampel', kind: 'text', width: 20, nowrap: true },
          { header: 'Pelanggan', kind: 'text', width: 30 },
          { header: 'Mulai', kind: 'datetime', width: 16 },
          { header: 'Selesai', kind: 'datetime', width: 16 },
          { header: 'Waktu', kind: 'decimal', width: 10 },
          { header: 'Baku', kind: 'decimal', width: 8 },
          { header: 'Satuan', kind: 'text', width: 10 },
        ],
        rows: r.overruns.map((o) => [
          o.step,
          o.orderNumber ?? '-',
          o.sampleNumber ?? '-',
          o.customerName,
          o.startedAt,
          o.finishedAt,
          o.actual,
          o.standard,
          unitText(o.unit),
        ]),
      },
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
      {
        sheet: 'Per Unsur',
        title: 'Nilai rata-rata per unsur pelayanan (skala 1-4)',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'Unsur Pelayanan', kind: 'text', width: 44 },
          { header: 'Nilai Rata-rata', kind: 'decimal', width: 14 },
          { header: 'Nilai Konversi (x25)', kind: 'decimal', width: 16 },
        ],
        rows: r.elements.map((e, i) => [
          i + 1,
          e.label.id,
          e.mean === null ? null : round(e.mean, 3),
          e.mean === null ? null : round(e.mean * 25, 2),
        ]),
        footer: [null, 'IKM', null, r.index],
      },
      {
        sheet: 'Per Bulan',
        title: 'IKM per bulan',
        columns: [
          { header: 'Bulan', kind: 'text', width: 16 },
          { header: 'Responden', kind: 'int', width: 12 },
          { header: 'Nilai IKM', kind: 'decimal', width: 12 },
          { header: 'Mutu Pelayanan', kind: 'text', width: 22 },
        ],
        rows: r.byMonth.map((m) => [monthText(m.month), m.count, m.index, cat(m.category)]),
      },
      {
        sheet: 'Responden',
        title: 'Survei yang diisi dalam periode',
        columns: [
          { header: 'No.', kind: 'int', width: 6 },
          { header: 'Tanggal', kind: 'datetime', width: 16 },
          { header: 'No. Order', kind: 'text', width: 22, nowrap: true },
          { header: 'Pelanggan', kind: 'text', width: 30 },
          ...[1, 2, 3, 4, 5, 6, 7, 8, 9].map((n): Column => ({ header: `U${n}`, kind: 'int', width: 5 })),
          { header: 'IKM', kind: 'decimal', width: 8 },
          { header: 'Saran', kind: 'text', width: 30 },
        ],
        rows: r.responses.map((x, i) => [
          i + 1,
          x.submittedAt,
          x.orderNumber ?? '-',
          x.customerName,
          ...x.scores,
          x.index,
          x.comment,
        ]),
      },
    ],
  };
}

const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
const round = (v: number, digits: number) => Math.round(v * 10 ** digits) / 10 ** digits;
const monthText = (m: string) => {
  const [y, mm] = m.split('-').map(Number) as [number, number];
  return `${MONTHS[mm - 1]} ${y}`;
};
