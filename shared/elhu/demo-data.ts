/**
 * Demo data for the E-LHU: a crumb rubber (SIR 20) sample tested to SNI 1903:2017 at a BSPJI lab.
 * Used by `npm run elhu:demo`, the tests and the benchmark. Built from entities through
 * elhuDataFromOrder, so the demo also exercises the real mapping.
 */
import type { Analysis, Order, Requirement, Result } from '../domain/entities';
import { elhuDataFromOrder, type ElhuSource } from './from-order';
import type { ElhuData, ElhuUnit } from './types';

const uuid = (n: number, prefix = '5e1f0000'): string =>
  `${prefix}-0000-4000-8000-${n.toString(16).padStart(12, '0')}`;

interface DemoParameter {
  name: string;
  unit: string;
  method: string;
  requirement: Omit<Requirement, 'source'> | null;
  value: string;
  numeric: number | null;
  lod?: number;
}

const SNI = 'SNI 1903:2017';

/** SIR 20 requirements of SNI 1903:2017 and the usual companion tests; results are plausible, one fails. */
export const DEMO_PARAMETERS: DemoParameter[] = [
  {
    name: 'Kadar kotoran (b/b)',
    unit: '%',
    method: 'SNI 1903:2017 Lampiran A (ISO 249)',
    requirement: { min: null, max: 0.16, text: null },
    value: '0,092',
    numeric: 0.092,
  },
  {
    name: 'Kadar abu (b/b)',
    unit: '%',
    method: 'SNI 1903:2017 Lampiran B (ISO 247-1)',
    requirement: { min: null, max: 1, text: null },
    value: '0,48',
    numeric: 0.48,
  },
  {
    name: 'Kadar zat menguap (b/b)',
    unit: '%',
    method: 'SNI 1903:2017 Lampiran C (ISO 248-1)',
    requirement: { min: null, max: 0.8, text: null },
    value: '0,86',
    numeric: 0.86,
  },
  {
    name: 'Plastisitas awal (Po)',
    unit: '-',
    method: 'SNI 1903:2017 Lampiran D (ISO 2007)',
    requirement: { min: 30, max: null, text: null },
    value: '36',
    numeric: 36,
  },
  {
    name: 'Plasticity Retention Index (PRI)',
    unit: '-',
    method: 'SNI 1903:2017 Lampiran E (ISO 2930)',
    requirement: { min: 50, max: null, text: null },
    value: '64',
    numeric: 64,
  },
  {
    name: 'Kadar nitrogen (b/b)',
    unit: '%',
    method: 'SNI 1903:2017 Lampiran F (ISO 1656)',
    requirement: { min: null, max: 0.6, text: null },
    value: '0,38',
    numeric: 0.38,
  },
  {
    name: 'Viskositas Mooney ML(1+4) 100 °C',
    unit: 'MU',
    method: 'ISO 289-1:2015',
    requirement: null,
    value: '78,5',
    numeric: 78.5,
  },
  {
    name: 'Kadar tembaga (Cu)',
    unit: 'mg/kg',
    method: 'ISO 8053:1995 (SSA)',
    requirement: { min: null, max: 8, text: null },
    value: '< 0,5',
    numeric: null,
    lod: 0.5,
  },
  {
    name: 'Kadar mangan (Mn)',
    unit: 'mg/kg',
    method: 'ISO 7780:1998 (SSA)',
    requirement: { min: null, max: 10, text: null },
    value: '1,7',
    numeric: 1.7,
  },
  {
    name: 'Warna / bau',
    unit: '-',
    method: 'Organoleptik (IK-LAB-07)',
    requirement: { min: null, max: null, text: 'Normal' },
    value: 'Normal',
    numeric: null,
  },
];

export const DEMO_UNIT: ElhuUnit = {
  name: 'Balai Standardisasi dan Pelayanan Jasa Industri Palembang',
  shortName: 'BSPJI Palembang',
  parentLines: [
    'Kementerian Perindustrian Republik Indonesia',
    'Badan Standardisasi dan Kebijakan Jasa Industri',
  ],
  address: 'Jl. Perindustrian II No. 12, Km 9, Sukarami, Palembang 30152, Sumatera Selatan',
  contactLine:
    'Telp. (0711) 412261 · Surel: bspji.palembang@kemenperin.go.id · bspjipalembang.kemenperin.go.id',
  accreditationNumber: 'LP-123-IDN',
  city: 'Palembang',
  timeZone: 'WIB',
  logoPng: null,
};

export interface DemoOptions {
  /** Number of parameters (cycles through DEMO_PARAMETERS with a suffix beyond 10). Default 10. */
  parameters?: number;
  /** Distinguishes reports in a batch: changes report, sample and order numbers and ids. */
  serial?: number;
  logoPng?: Uint8Array | null;
  amended?: boolean;
  /**
   * Every optional report item: a guard-band decision rule, uncertainties (one result in the
   * undecided zone), sampling by the lab, a parameter outside the accreditation scope and one done
   * by a subcontracted laboratory.
   */
  complete?: boolean;
}

/** Expanded uncertainties (k = 2) of the demo parameters in the complete demo, by name. */
const DEMO_UNCERTAINTY: Record<string, number> = {
  'Kadar kotoran (b/b)': 0.008,
  'Kadar abu (b/b)': 0.03,
  'Kadar zat menguap (b/b)': 0.05,
  'Plastisitas awal (Po)': 2,
  'Plasticity Retention Index (PRI)': 4,
  'Kadar nitrogen (b/b)': 0.04,
  'Kadar mangan (Mn)': 0.2,
};
export const DEMO_SUBCONTRACTOR = 'Laboratorium Pengujian Balai Besar Kimia dan Kemasan, Jakarta';

export function demoElhuSource(opts: DemoOptions = {}): ElhuSource {
  const count = opts.parameters ?? 10;
  const serial = opts.serial ?? 1;
  const seq = String(serial).padStart(4, '0');
  const analyses: Analysis[] = [];
  for (let i = 0; i < count; i++) {
    const p = DEMO_PARAMETERS[i % DEMO_PARAMETERS.length]!;
    const round = Math.floor(i / DEMO_PARAMETERS.length);
    // In the complete demo, nitrogen lies within U of its maximum: "tidak dapat diputuskan".
    const nearLimit = opts.complete && p.name === 'Kadar nitrogen (b/b)';
    const u = opts.complete ? DEMO_UNCERTAINTY[p.name] : undefined;
    const result: Result & { uncertainty?: { expanded: number; coverageFactor: number } | null } = {
      value: nearLimit ? '0,58' : p.value,
      numeric: nearLimit ? 0.58 : p.numeric,
      unit: p.unit,
      notes: '',
      belowDetectionLimit: p.lod !== undefined,
      detectionLimit: p.lod ?? null,
      testedOn: `2025-03-${String(4 + (i % 5)).padStart(2, '0')}`,
      ...(u !== undefined ? { uncertainty: { expanded: u, coverageFactor: 2 } } : {}),
    };
    const reportFields = opts.complete
      ? {
          accredited: p.name !== 'Warna / bau',
          subcontractor: p.name.startsWith('Viskositas Mooney') ? DEMO_SUBCONTRACTOR : null,
        }
      : {};
    analyses.push({
      ...reportFields,
      id: uuid(1000 + i, '5e1f00a1'),
      version: 3,
      parameterId: uuid(i % DEMO_PARAMETERS.length, '5e1f00b2'),
      parameterName: round === 0 ? p.name : `${p.name} - ulangan ${round + 1}`,
      unit: p.unit,
      method: p.method,
      requirement: p.requirement ? { ...p.requirement, source: SNI } : null,
      detectionLimit: p.lod ?? null,
      tariff: 150_000,
      status: 'validated',
      analystId: uuid(21),
      result,
      enteredBy: uuid(21),
      submittedAt: '2025-03-10T08:00:00.000Z',
      verifiedBy: uuid(22),
      validatedBy: uuid(23),
      retestOf: null,
      retestReason: null,
      statusSince: '2025-03-12T04:00:00.000Z',
    });
  }
  const reportId = uuid(3000 + serial, '5e1f00c3');
  const sampleId = uuid(4000 + serial, '5e1f00d4');
  const order: Order = {
    ...(opts.complete ? { decisionRule: 'guard_band' } : {}),
    id: uuid(5000 + serial, '5e1f00e5'),
    version: 12,
    unitCode: 'BSPJI-PLG',
    number: `ORD/PLG/2025/03/${seq}`,
    customerId: uuid(31),
    status: 'in_lab',
    submittedAt: '2025-02-27T02:15:00.000Z',
    tariffApprovedBy: uuid(24),
    tariffTotal: 150_000 * count,
    samples: [
      {
        ...(opts.complete
          ? {
              sampling: {
                by: 'lab',
                date: '2025-03-01',
                plan: 'Rencana Pengambilan Contoh No. RPC/PLG/2025/014',
                method: 'SNI 1903:2017 butir 7 (pengambilan contoh dari lot bandela)',
              },
            }
          : {}),
        id: sampleId,
        version: 7,
        number: `SPL/PLG/2025/${seq}`,
        sampleTypeId: uuid(41),
        sampleTypeName: 'Karet remah (crumb rubber) SIR 20',
        description:
          'Karet remah SIR 20 dalam bentuk bandela 35 kg, dibungkus plastik polietilen; contoh uji 1 (satu) potongan ± 1,5 kg dari bandela.',
        customerLabel: 'Lot 2025-02-B / Bandela no. 117',
        status: 'awaiting_signature',
        labId: uuid(51),
        penyeliaId: uuid(22),
        mtId: uuid(23),
        receivedAt: '2025-03-03T03:30:00.000Z',
        condition: 'Baik, tersegel, berlabel, tidak ada kerusakan kemasan',
        analyses,
        statusSince: '2025-03-14T02:00:00.000Z',
        reports: [
          {
            id: reportId,
            number: opts.amended ? `LHU/PLG/2025/03/${seq}-A1` : `LHU/PLG/2025/03/${seq}`,
            status: 'awaiting_signature',
            numberedAt: '2025-03-13T07:00:00.000Z',
            numberedBy: uuid(24),
            kepalaBalaiId: uuid(25),
            documentHash: null,
            signedHash: null,
            issuedAt: '2025-03-14T02:00:00.000Z',
            signedAt: null,
            releasedAt: null,
            replaces: opts.amended ? uuid(3900 + serial, '5e1f00c3') : null,
            amendReason: opts.amended ? 'Koreksi penulisan alamat pelanggan pada laporan sebelumnya.' : null,
            supersededBy: null,
          },
        ],
      },
    ],
    billings: [],
    proofs: [],
    survey: null,
    returns: [],
    finishedAt: null,
    statusSince: '2025-03-03T03:30:00.000Z',
  };
  return {
    order,
    sampleId,
    reportId,
    customer: {
      companyName: 'PT Sumber Karet Musi Jaya',
      contactName: 'Siti Rahmawati',
      email: 'qc@sumberkaretmusi.co.id',
      phone: '+62 711 5540 123',
      address:
        'Jl. Lingkar Selatan No. 88, Kelurahan Karya Jaya, Kertapati, Palembang 30259, Sumatera Selatan',
    },
    unit: { ...DEMO_UNIT, logoPng: opts.logoPng ?? null },
    lab: {
      name: 'Laboratorium Pengujian Kimia dan Fisika Karet, BSPJI Palembang',
      address: 'Gedung B, Jl. Perindustrian II No. 12, Palembang',
    },
    kepalaBalai: { name: 'Dr. Ir. Hendra Gunawan Siregar, M.T.', nip: '197503122000031002' },
    verificationBaseUrl: 'https://sippt.bspji-palembang.kemenperin.go.id/verifikasi',
    replacedReportNumber: opts.amended ? `LHU/PLG/2025/03/${seq}` : null,
  };
}

export function demoElhuData(opts: DemoOptions = {}): ElhuData {
  return elhuDataFromOrder(demoElhuSource(opts));
}

// ---------------------------------------------------------------- a demo logo, as PNG bytes

const CRC_TABLE = (() => {
  const t = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    t[n] = c >>> 0;
  }
  return t;
})();

function crc32(parts: Uint8Array[]): number {
  let c = 0xffffffff;
  for (const p of parts) for (const b of p) c = CRC_TABLE[(c ^ b) & 0xff]! ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

const u32 = (n: number): Uint8Array =>
  new Uint8Array([(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255]);

function chunk(type: string, data: Uint8Array): Uint8Array[] {
  const t = new Uint8Array([...type].map((c) => c.charCodeAt(0)));
  return [u32(data.length), t, data, u32(crc32([t, data]))];
}

/** zlib stream with stored (uncompressed) deflate blocks: no compressor needed. */
function zlibStored(raw: Uint8Array): Uint8Array {
  const parts: number[] = [0x78, 0x01];
  for (let o = 0; o < raw.length || o === 0; o += 65535) {
    const len = Math.min(65535, raw.length - o);
    const last = o + len >= raw.length ? 1 : 0;
    parts.push(last, len & 255, len >>> 8, ~len & 255, (~len >>> 8) & 255);
    for (let i = 0; i < len; i++) parts.push(raw[o + i]!);
    if (raw.length === 0) break;
  }
  let a = 1;
  let b = 0;
  for (const x of raw) {
    a = (a + x) % 65521;
    b = (b + a) % 65521;
  }
  parts.push((b >>> 8) & 255, b & 255, (a >>> 8) & 255, a & 255);
  return new Uint8Array(parts);
}

/** A round emblem (a gear on navy) as an RGBA PNG: stands in for the unit's logo in demos and tests. */
export function demoLogoPng(size = 128): Uint8Array {
  const raw = new Uint8Array(size * (1 + size * 4));
  const ss = 3;
  const c = size / 2;
  for (let py = 0; py < size; py++) {
    raw[py * (1 + size * 4)] = 0;
    for (let px = 0; px < size; px++) {
      let r = 0;
      let g = 0;
      let bl = 0;
      let al = 0;
      for (let sy = 0; sy < ss; sy++) {
        for (let sx = 0; sx < ss; sx++) {
          const x = px + (sx + 0.5) / ss - c;
          const y = py + (sy + 0.5) / ss - c;
          const d = Math.hypot(x, y) / c;
          const ang = Math.atan2(y, x);
          const teeth = Math.cos(ang * 10) > 0.2 ? 0.62 : 0.52;
          let col: [number, number, number, number] = [0, 0, 0, 0];
          if (d <= 1) col = [20, 51, 102, 255];
          if (d <= 0.92 && d >= 0.86) col = [214, 170, 60, 255];
          if (d <= teeth && d > 0.26) col = [255, 255, 255, 255];
          if (d <= 0.26 && d > 0.16) col = [214, 170, 60, 255];
          r += col[0] * col[3];
          g += col[1] * col[3];
          bl += col[2] * col[3];
          al += col[3];
        }
      }
      const o = py * (1 + size * 4) + 1 + px * 4;
      raw[o] = al ? Math.round(r / al) : 0;
      raw[o + 1] = al ? Math.round(g / al) : 0;
      raw[o + 2] = al ? Math.round(bl / al) : 0;
      raw[o + 3] = Math.round(al / (ss * ss));
    }
  }
  const ihdr = new Uint8Array([...u32(size), ...u32(size), 8, 6, 0, 0, 0]);
  const parts = [
    new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10]),
    ...chunk('IHDR', ihdr),
    ...chunk('IDAT', zlibStored(raw)),
    ...chunk('IEND', new Uint8Array(0)),
  ];
  let n = 0;
  for (const p of parts) n += p.length;
  const out = new Uint8Array(n);
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}
