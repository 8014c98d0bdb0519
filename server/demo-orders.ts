import { createHash, sign as rsaSign, createPrivateKey, X509Certificate, type KeyObject } from 'node:crypto';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { SignPdf } from '@signpdf/signpdf';
import { Signer } from '@signpdf/utils';
import forge from 'node-forge';
import { localDate, WorkingCalendar } from '../shared/calendar/working-days';
import type { CommandType } from '../shared/domain/commands';
import type { Order, Sample } from '../shared/domain/entities';
import { activeAnalyses, currentReport, type Actor } from '../shared/domain/state';
import {
  ORDER_STATUSES,
  SAMPLE_STATUSES,
  type OrderStatus,
  type SampleStatus,
} from '../shared/domain/states';
import { buildCadesSignedData } from '../shared/cades';
import { prepareElhuForSigning } from '../shared/elhu/stamp';
import type { ElhuFonts } from '../shared/elhu/types';
import { hashPassword } from './auth/passwords';
import { applyCommand, type Attachment, type CommandEnv } from './commands/apply-command';
import { registerDemoCustomer, type DemoCustomerProfile, type DemoData } from './demo';
import { loadElhuFonts } from './elhu/verify-signature';
import { SYSTEM_ACTOR } from './http/routes/payments';
import { deterministicUuid } from './ids';

/**
 * Demo orders: a Balai at work. Realistic orders walked through THE command path (applyCommand, as
 * the demo users) to every step of the SOP, so the desktop worklists of the Karet lab (Penyelia,
 * MT, analysts), the Kepala Balai's signing queue and the portal open on real data:
 *
 *   step 12 (registered) 3 · step 12 (received) 2 · step 13 2 (one returned once by the MT) ·
 *   step 14 4 for analis.karet1 (nothing yet, drafts, partly submitted, a retest) ·
 *   step 15 2 (one result out of its requirement) · step 16 2 · step 19 3 (unsigned E-LHU queued),
 *   a few samples of the Kimia and Mikrobiologi labs, front-office orders (submitted, returned,
 *   validated, tariff approved, billing requested, billed, proof uploaded, paid) and one finished
 *   order with a really signed E-LHU.
 *
 * Time: every command runs with the env's clock (`config.now`, which applyCommand reads) set to the
 * moment the scenario gives it, over the past weeks, so the SOP clocks show some steps on time, some
 * near their standard and some overdue. Commands of all orders run in time order, so numbers (order,
 * sample, LHU) grow with time as in a real Balai.
 *
 * Ids: orders, samples, analyses, proofs and command ids derive from fixed keys (deterministicUuid),
 * so every demo database has the same ids for them. What the server always chooses itself (billing
 * ids and codes, report ids: the public verification address, rendered files) differs between runs.
 *
 * Seeding twice is idempotent: when the demo orders exist already nothing is applied and the
 * summary of the stored orders is returned (`alreadySeeded`).
 */

export interface DemoOrdersOptions {
  /** "Now" of the scenario (default: the env's clock). Every command is dated before it. */
  now?: Date;
}

export interface DemoOrdersSummary {
  orders: number;
  samples: number;
  /** Samples waiting at a lab step (12..19), by step. */
  byStep: Record<number, number>;
  labSamples: number;
  /** Customer accounts added for the demo orders (the demo password). */
  customers: string[];
  alreadySeeded: boolean;
}

const id = (key: string) => deterministicUuid(`sippt-demo:${key}`);
const CLIENT_ID = 'demo-seed';
const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

// ------------------------------------------------------------------------------------------------
// Customers and samples

/** Customers added to the two of the demo catalog (pelanggan, pelanggan2). */
const CUSTOMERS: DemoCustomerProfile[] = [
  {
    username: 'qc.musirubber',
    companyName: 'PT Musi Rubber Industri',
    contactName: 'Hendri Kurniawan',
    email: 'lab@musirubber.example.id',
    phone: '+62 711 5610220',
    address: 'Jl. Sabar Jaya No. 17, Mariana, Banyuasin 30763',
    npwp: '018765432109000',
  },
  {
    username: 'qc.karetremahsumsel',
    companyName: 'PT Perkebunan dan Industri Karet Remah Sumatera Selatan Sejahtera Abadi',
    contactName: 'Ir. Yusuf Effendi',
    email: 'mutu@karetremahsumsel.example.id',
    phone: '+62 711 7432100',
    address: 'Jl. Lintas Timur Km 32, Desa Pulau Semambu, Indralaya Utara, Ogan Ilir 30862',
    npwp: '027654321098000',
  },
  {
    username: 'qc.mitralateks',
    companyName: 'CV Mitra Lateks Ogan Ilir',
    contactName: 'Rahmat Hidayat',
    email: 'mitralateks@example.id',
    phone: '+62 812 7310 4455',
    address: 'Jl. Raya Palembang-Prabumulih Km 36, Indralaya, Ogan Ilir 30662',
    npwp: null,
  },
  {
    username: 'qc.getahlematang',
    companyName: 'PT Sumber Getah Lematang',
    contactName: 'Nurhayati',
    email: 'qa@getahlematang.example.id',
    phone: '+62 713 322801',
    address: 'Jl. Jenderal Sudirman No. 210, Prabumulih 31121',
    npwp: '031234567890000',
  },
  {
    username: 'qc.kopibukitbarisan',
    companyName: 'PT Kopi Bukit Barisan Nusantara',
    contactName: 'Andi Saputra',
    email: 'produksi@kopibukitbarisan.example.id',
    phone: '+62 730 621455',
    address: 'Jl. Kapten Sanap No. 9, Pagar Alam 31512',
    npwp: '045678901234000',
  },
  {
    username: 'hse.sriwijayalestari',
    companyName: 'PT Pengolahan Limbah dan Jasa Lingkungan Sriwijaya Lestari Mandiri',
    contactName: 'Dewi Kartika Sari, S.T.',
    email: 'hse@sriwijayalestari.example.id',
    phone: '+62 711 8801234',
    address: 'Kawasan Industri Tanjung Api-Api Blok C No. 4, Banyuasin 30961',
    npwp: '0567890123456000',
  },
];

type TypeKey = 'sir20' | 'sir3l' | 'kopi' | 'kopi-mikro' | 'limbah-karet';

/** Result values (as written, Indonesian decimal comma) that meet the demo catalog's requirements; several sets per type. */
const VALUES: Record<TypeKey, string[][]> = {
  sir20: [
    ['0,094', '0,52', '0,41', '34', '61', '0,38'],
    ['0,112', '0,61', '0,56', '37', '68', '0,42'],
    ['0,128', '0,47', '0,38', '32', '57', '0,35'],
    ['0,087', '0,68', '0,62', '39', '72', '0,47'],
    ['0,141', '0,55', '0,49', '35', '64', '0,40'],
  ],
  sir3l: [['0,021', '0,32', '0,44', '38', '82', '0,36', '4,5']],
  kopi: [['normal', '4,6', '4,3', '60,2', '27,4', '1,62', '0,31', '0,08']],
  'kopi-mikro': [['3,2 × 10⁴', '1,5 × 10²']],
  'limbah-karet': [['7,4', '38', '126', '54', '2,7', '3,2']],
};
const NUMERIC: Record<TypeKey, (number | null)[][]> = {
  sir20: [],
  sir3l: [],
  kopi: [[null]],
  'kopi-mikro': [[32_000, 150]],
  'limbah-karet': [],
};
function resultOf(
  type: TypeKey,
  set: number,
  param: number,
  override?: string,
): { value: string; numeric: number | null } {
  const values = VALUES[type][set % VALUES[type].length]!;
  const value = override ?? values[param]!;
  const explicit = NUMERIC[type][set % Math.max(1, NUMERIC[type].length)]?.[param];
  if (explicit !== undefined && override === undefined) return { value, numeric: explicit };
  const n = Number(value.replace(',', '.'));
  return { value, numeric: Number.isFinite(n) ? n : null };
}

// ------------------------------------------------------------------------------------------------
// Scenarios

/**
 * Where a demo sample stops: a state of the sample's path (its SOP order), not its side exit and not
 * `signed`, which the demo's finished orders pass through on the way to `released`.
 */
type LabStage = Exclude<SampleStatus, 'awaiting_registration' | 'rejected' | 'signed'>;
/** Where a demo order stops: a front-office state (steps 4-10), in the lab, or finished. */
type FrontStage =
  Exclude<OrderStatus, 'in_lab' | 'reports_released' | 'survey_completed' | 'cancelled'> | 'lab';

interface SampleSpec {
  type: TypeKey;
  description: string;
  label: string;
  /** Parameter indices of the catalog type (default: all). */
  params?: number[];
  /** Where the sample stops (lab orders). */
  to?: LabStage;
  /** How long ago (ms) the last command of this sample ran: its SOP clock. */
  wait?: number;
  /** Step 14: how many working days ago the MT validated the assignment (the step 14 clock). */
  testingSinceWorkingDays?: number;
  /** Step 14 progress: none, some drafts, partly submitted, or all submitted then one sent back for a retest. */
  testing?: 'none' | 'draft' | 'partial' | 'retest';
  /** Analysts of the sample's lab, round-robin over its analyses (default: all of the lab). */
  analysts?: string[];
  /** The MT returned the first assignment with this reason; the Penyelia assigned again. */
  mtReturn?: string;
  /** Result overrides by parameter index (a value out of its requirement). */
  results?: Record<number, string>;
  /** Which set of VALUES to use. */
  valueSet?: number;
}

interface OrderSpec {
  key: string;
  customer: string;
  samples: SampleSpec[];
  stage: FrontStage;
  /** When the order was submitted (ms ago). */
  submitted: number;
  /** Front-office orders: how long ago the last command ran. */
  wait?: number;
  payment?: 'auto' | 'proof';
  returnReason?: string;
  tariffAdjust?: number;
}

const sir20 = (lot: string, extra: Partial<SampleSpec> = {}): SampleSpec => ({
  type: 'sir20',
  description: `Karet remah SIR 20, bandela 35 kg, lot ${lot}; contoh uji 3 bandela dari satu palet`,
  label: `LOT-${lot}`,
  ...extra,
});

/** The scenario: where every demo order stands. Times are "ago" from the scenario's now. */
function scenario(): OrderSpec[] {
  const KRT1 = ['analis.karet1'];
  return [
    // --- Step 12: registered, the Penyelia checks the sample (3) ---------------------------------
    {
      key: 'krt-12a',
      customer: 'pelanggan',
      stage: 'lab',
      submitted: 3 * DAY,
      samples: [sir20('2025-0412', { to: 'registered', wait: 6 * MIN })],
    },
    {
      key: 'krt-12b',
      customer: 'qc.musirubber',
      stage: 'lab',
      submitted: 2 * DAY,
      samples: [sir20('MRI-118', { to: 'registered', wait: 17 * MIN })],
    },
    {
      key: 'krt-12c',
      customer: 'qc.getahlematang',
      stage: 'lab',
      submitted: 5 * DAY,
      samples: [
        {
          type: 'sir3l',
          description: 'Karet remah SIR 3L dari lateks kebun, bandela 33,33 kg, lot SGL-3L-07',
          label: 'SGL-3L-07',
          to: 'registered',
          wait: 2 * DAY + 3 * HOUR,
        },
      ],
    },
    // --- Step 12: received, analysts to assign (2) ------------------------------------------------
    {
      key: 'krt-12d',
      customer: 'qc.mitralateks',
      stage: 'lab',
      submitted: 4 * DAY,
      samples: [sir20('MLO-0925', { to: 'received', wait: 9 * MIN })],
    },
    {
      key: 'krt-12e',
      customer: 'qc.karetremahsumsel',
      stage: 'lab',
      submitted: 6 * DAY,
      samples: [sir20('KRS/IX/031', { to: 'received', wait: 3 * HOUR + 20 * MIN })],
    },
    // --- Step 13: assigned, waiting for the MT (2) ------------------------------------------------
    {
      key: 'krt-13a',
      customer: 'pelanggan',
      stage: 'lab',
      submitted: 4 * DAY,
      samples: [
        sir20('2025-0398', {
          to: 'assigned',
          wait: 4 * MIN,
          analysts: ['analis.karet1', 'analis.karet2'],
          mtReturn: 'PRI dan plastisitas harus satu analis (alat plastimeter sama); mohon tugaskan ulang.',
        }),
      ],
    },
    {
      key: 'krt-13b',
      customer: 'qc.musirubber',
      stage: 'lab',
      submitted: 3 * DAY,
      samples: [
        sir20('MRI-115', { to: 'assigned', wait: 18 * MIN, analysts: ['analis.karet2', 'analis.karet1'] }),
      ],
    },
    // --- Step 14: in testing, analis.karet1 (4) ---------------------------------------------------
    {
      key: 'krt-14a',
      customer: 'qc.getahlematang',
      stage: 'lab',
      submitted: 3 * DAY,
      samples: [
        sir20('SGL-20-144', {
          to: 'in_testing',
          testing: 'none',
          testingSinceWorkingDays: 0,
          wait: 2 * HOUR,
          analysts: KRT1,
        }),
      ],
    },
    {
      key: 'krt-14b',
      customer: 'qc.karetremahsumsel',
      stage: 'lab',
      submitted: 26 * DAY,
      samples: [
        sir20('KRS/VIII/117', {
          to: 'in_testing',
          testing: 'draft',
          testingSinceWorkingDays: 16,
          analysts: KRT1,
          valueSet: 1,
        }),
      ],
    },
    {
      key: 'krt-14c',
      customer: 'pelanggan',
      stage: 'lab',
      submitted: 20 * DAY,
      samples: [
        sir20('2025-0371', {
          to: 'in_testing',
          testing: 'partial',
          testingSinceWorkingDays: 12,
          analysts: KRT1,
          valueSet: 2,
        }),
      ],
    },
    {
      key: 'krt-14d',
      customer: 'qc.mitralateks',
      stage: 'lab',
      submitted: 12 * DAY,
      samples: [
        sir20('MLO-0911', {
          to: 'in_testing',
          testing: 'retest',
          testingSinceWorkingDays: 6,
          analysts: KRT1,
          valueSet: 3,
          results: { 0: '0,158' },
        }),
      ],
    },
    // --- Step 15: all submitted, waiting for the Penyelia (2) --------------------------------------
    {
      key: 'krt-15a',
      customer: 'qc.musirubber',
      stage: 'lab',
      submitted: 9 * DAY,
      samples: [sir20('MRI-109', { to: 'in_testing', wait: 12 * MIN, valueSet: 4 })],
    },
    {
      key: 'krt-15b',
      customer: 'qc.karetremahsumsel',
      stage: 'lab',
      submitted: 14 * DAY,
      // Kadar kotoran 0,214 % exceeds SIR 20's 0,16 % maximum.
      samples: [sir20('KRS/IX/008', { to: 'in_testing', wait: 1 * DAY + 2 * HOUR, results: { 0: '0,214' } })],
    },
    // --- Step 16: verified, waiting for the MT (2) -------------------------------------------------
    {
      key: 'krt-16a',
      customer: 'pelanggan',
      stage: 'lab',
      submitted: 11 * DAY,
      samples: [sir20('2025-0355', { to: 'results_verified', wait: 15 * MIN, valueSet: 1 })],
    },
    {
      key: 'krt-16b',
      customer: 'qc.getahlematang',
      stage: 'lab',
      submitted: 13 * DAY,
      samples: [sir20('SGL-20-139', { to: 'results_verified', wait: 5 * HOUR, valueSet: 2 })],
    },
    // --- Step 19: E-LHU awaiting the Kepala Balai's signature (3) ----------------------------------
    {
      key: 'krt-19a',
      customer: 'qc.musirubber',
      stage: 'lab',
      submitted: 12 * DAY,
      samples: [sir20('MRI-104', { to: 'awaiting_signature', wait: 10 * MIN, valueSet: 3 })],
    },
    {
      key: 'krt-19b',
      customer: 'pelanggan',
      stage: 'lab',
      submitted: 15 * DAY,
      samples: [sir20('2025-0342', { to: 'awaiting_signature', wait: 25 * MIN, valueSet: 4 })],
    },
    {
      key: 'krt-19c',
      customer: 'qc.karetremahsumsel',
      stage: 'lab',
      submitted: 16 * DAY,
      samples: [sir20('KRS/VIII/102', { to: 'awaiting_signature', wait: 1 * DAY + 4 * HOUR, valueSet: 0 })],
    },
    // --- Other labs: Kimia and Mikrobiologi -------------------------------------------------------
    {
      key: 'kim-kopi',
      customer: 'pelanggan2',
      stage: 'lab',
      submitted: 8 * DAY,
      samples: [
        {
          type: 'kopi',
          description: 'Kopi bubuk robusta Semende, kemasan aluminium foil 250 g, kode produksi KSJ-2509-02',
          label: 'KSJ-2509-02',
          to: 'in_testing',
          testing: 'partial',
          testingSinceWorkingDays: 4,
        },
        {
          type: 'kopi-mikro',
          description:
            'Kopi bubuk robusta Semende, kemasan aluminium foil 250 g, kode produksi KSJ-2509-02 (uji mikrobiologi)',
          label: 'KSJ-2509-02-M',
          to: 'in_testing',
          wait: 40 * MIN,
        },
      ],
    },
    {
      key: 'kim-limbah',
      customer: 'hse.sriwijayalestari',
      stage: 'lab',
      submitted: 2 * DAY,
      samples: [
        {
          type: 'limbah-karet',
          description:
            'Air limbah outlet IPAL pabrik karet remah, sampel sesaat (grab) 2 L, botol PE, diawetkan H2SO4, suhu 4 °C',
          label: 'IPAL-OUT-0917',
          to: 'registered',
          wait: 45 * MIN,
        },
      ],
    },
    {
      key: 'mix-krt-kim',
      customer: 'qc.musirubber',
      stage: 'lab',
      submitted: 10 * DAY,
      samples: [
        sir20('MRI-111', { to: 'results_validated', wait: 50 * MIN, valueSet: 1 }),
        {
          type: 'limbah-karet',
          description: 'Air limbah inlet dan outlet IPAL PT Musi Rubber Industri, komposit 24 jam, 2 L',
          label: 'MRI-IPAL-09',
          to: 'results_verified',
          wait: 30 * MIN,
        },
      ],
    },
    // --- Front office (portal) -------------------------------------------------------------------
    {
      key: 'fo-submitted-1',
      customer: 'qc.kopibukitbarisan',
      stage: 'submitted',
      submitted: 35 * MIN,
      samples: [
        {
          type: 'kopi',
          description: 'Kopi bubuk arabika Pagar Alam, sangrai medium, kemasan 500 g',
          label: 'KBB-ARB-500',
          params: [0, 1, 2, 5],
        },
        {
          type: 'kopi-mikro',
          description: 'Kopi bubuk arabika Pagar Alam, sangrai medium, kemasan 500 g (mikrobiologi)',
          label: 'KBB-ARB-500-M',
        },
      ],
    },
    {
      key: 'fo-submitted-2',
      customer: 'qc.karetremahsumsel',
      stage: 'submitted',
      submitted: 2 * HOUR,
      samples: [sir20('KRS/IX/044'), sir20('KRS/IX/045', { params: [0, 1, 2] })],
    },
    {
      key: 'fo-returned',
      customer: 'qc.mitralateks',
      stage: 'returned_to_customer',
      submitted: 1 * DAY,
      wait: 22 * HOUR,
      returnReason: 'Uraian sampel belum menyebut jumlah bandela dan berat per bandela; mohon dilengkapi.',
      samples: [
        {
          type: 'sir20',
          description: 'Karet remah SIR 20 untuk ekspor',
          label: 'MLO-EXP-01',
          params: [0, 1, 2, 3, 4],
        },
      ],
    },
    {
      key: 'fo-validated',
      customer: 'pelanggan',
      stage: 'validated',
      submitted: 5 * HOUR,
      wait: 4 * HOUR,
      samples: [sir20('2025-0420'), sir20('2025-0421')],
    },
    {
      key: 'fo-tariff',
      customer: 'hse.sriwijayalestari',
      stage: 'tariff_approved',
      submitted: 1 * DAY + 3 * HOUR,
      wait: 20 * HOUR,
      tariffAdjust: 0,
      samples: [
        {
          type: 'limbah-karet',
          description: 'Air limbah outlet IPAL kawasan industri, sampel komposit 24 jam, 2 L',
          label: 'SLM-OUT-0916',
        },
      ],
    },
    {
      key: 'fo-billing-requested',
      customer: 'pelanggan2',
      stage: 'billing_requested',
      submitted: 2 * DAY,
      wait: 50 * MIN,
      samples: [
        {
          type: 'kopi',
          description: 'Kopi bubuk robusta Semende, kemasan 1 kg, kode produksi KSJ-2509-05',
          label: 'KSJ-2509-05',
        },
      ],
    },
    {
      key: 'fo-billed-1',
      customer: 'qc.getahlematang',
      stage: 'awaiting_payment',
      submitted: 3 * DAY,
      wait: 2 * DAY,
      samples: [sir20('SGL-20-151', { params: [0, 1, 2, 3, 4] })],
    },
    {
      key: 'fo-billed-2',
      customer: 'qc.kopibukitbarisan',
      stage: 'awaiting_payment',
      submitted: 7 * DAY,
      wait: 6 * DAY + 20 * HOUR,
      samples: [
        {
          type: 'kopi',
          description: 'Kopi bubuk robusta Lahat, kemasan 200 g, kode produksi KBB-RB-0902',
          label: 'KBB-RB-0902',
          params: [1, 2, 5, 6, 7],
        },
      ],
    },
    {
      key: 'fo-proof',
      customer: 'qc.musirubber',
      stage: 'payment_submitted',
      payment: 'proof',
      submitted: 2 * DAY,
      wait: 3 * HOUR,
      samples: [sir20('MRI-121')],
    },
    {
      key: 'fo-paid-1',
      customer: 'pelanggan',
      stage: 'paid',
      submitted: 2 * DAY,
      wait: 1 * HOUR,
      samples: [
        sir20('2025-0417'),
        {
          type: 'limbah-karet',
          description: 'Air limbah outlet IPAL PT Karet Sriwijaya Makmur, sampel sesaat 2 L',
          label: 'KSM-IPAL-0917',
        },
      ],
    },
    {
      key: 'fo-paid-2',
      customer: 'qc.kopibukitbarisan',
      stage: 'paid',
      payment: 'proof',
      submitted: 4 * DAY,
      wait: 1 * DAY,
      samples: [
        {
          type: 'kopi',
          description: 'Kopi bubuk arabika Semendo, kemasan 250 g, kode produksi KBB-ARB-0830',
          label: 'KBB-ARB-0830',
        },
      ],
    },
    // --- Finished (E-LHU signed, released, survey, order closed) ---------------------------------
    {
      key: 'done-1',
      customer: 'pelanggan',
      stage: 'finished',
      submitted: 24 * DAY,
      wait: 2 * DAY,
      samples: [sir20('2025-0301', { to: 'released', valueSet: 0 })],
    },
  ];
}

// ------------------------------------------------------------------------------------------------
// The timeline

interface Act {
  order: string;
  /** Minutes after the previous command of the same order (ignored when anchored). */
  gap: number;
  /** Fixed time (ms since epoch). */
  at?: number;
  run: (at: Date) => Promise<void>;
  label: string;
}

/**
 * Times of one track of an order's commands (the front office, one sample, the closing steps):
 * anchored ones fixed, the others placed backward from the next anchor, or forward after the last
 * anchor (from `notBefore` when the track has none). Every time is after `notBefore`.
 */
function placeTimes(acts: Act[], now: number, notBefore: number): number[] {
  const t: (number | undefined)[] = acts.map((a) => a.at);
  let next: number | undefined;
  for (let i = t.length - 1; i >= 0; i--) {
    if (t[i] === undefined && next !== undefined) t[i] = next - acts[i + 1]!.gap * MIN;
    next = t[i];
  }
  for (let i = 0; i < t.length; i++)
    if (t[i] === undefined) t[i] = (i === 0 ? notBefore : t[i - 1]!) + acts[i]!.gap * MIN;
  for (let i = 0; i < t.length; i++) {
    const before = i === 0 ? notBefore : t[i - 1]!;
    if (t[i]! <= before)
      throw new Error(
        `demo orders: ${acts[i]!.order} "${acts[i]!.label}" is not after the command before it`,
      );
  }
  if (t.length > 0 && t[t.length - 1]! > now)
    throw new Error(`demo orders: ${acts[0]!.order} ends in the future`);
  return t as number[];
}

/** The instant `days` working days before `now` (same time of day). */
function workingDaysAgo(now: number, days: number, calendar: WorkingCalendar): number {
  let t = now;
  let n = 0;
  while (n < days) {
    t -= DAY;
    if (calendar.isWorkingDay(localDate(new Date(t)))) n++;
  }
  return t;
}

// ------------------------------------------------------------------------------------------------

export async function seedDemoOrders(
  env: CommandEnv,
  demo: DemoData,
  options: DemoOrdersOptions = {},
): Promise<DemoOrdersSummary> {
  const now = (options.now ?? env.config.now()).getTime();
  const db = env.handle.db;
  const specs = scenario();
  const orderIds = specs.map((s) => id(`order:${s.key}`));

  const existing = await db
    .selectFrom('order_data')
    .select(['order_id', 'data'])
    .where('order_id', 'in', orderIds)
    .execute();
  if (existing.length > 0) {
    return summarize(
      existing.map((r) => JSON.parse(r.data) as Order),
      CUSTOMERS.map((c) => c.username),
      true,
    );
  }

  const user = (username: string) => {
    const u = demo.users.find((x) => x.username === username);
    if (!u) throw new Error(`demo orders: no demo user ${username}`);
    return u;
  };
  const atEnv = (at: Date): CommandEnv => ({ ...env, config: { ...env.config, now: () => at } });
  const states = new Map<string, Order>();

  const apply = async (
    at: Date,
    order: string,
    n: number,
    actor: Actor,
    type: CommandType,
    payload: Record<string, unknown>,
    attachments?: Attachment[],
  ) => {
    const r = await applyCommand(atEnv(at), {
      clientId: CLIENT_ID,
      command: { id: id(`cmd:${order}:${n}`), type, aggregateId: id(`order:${order}`), payload },
      actor,
      ...(attachments ? { attachments } : {}),
    });
    if (r.outcome.status !== 'applied')
      throw new Error(`demo orders: ${order} ${type}: ${JSON.stringify(r.outcome)}`);
    if (r.state && 'samples' in r.state) states.set(order, r.state);
  };

  // Customers of the demo orders: registered and activated through the command path weeks ago.
  const customerIds = new Map<string, { userId: string; customerId: string }>();
  for (const u of demo.users)
    if (u.role === 'pelanggan' && u.customerId)
      customerIds.set(u.username, { userId: u.id, customerId: u.customerId });
  const hash = await hashPassword(demo.password, env.config.scrypt);
  const admin = demo.users.find((u) => u.role === 'admin_satker')!;
  for (const [i, cu] of CUSTOMERS.entries()) {
    const customerId = id(`customer:${cu.username}`);
    const userId = id(`user:${cu.username}`);
    const registered = new Date(now - (60 - i * 4) * DAY);
    await registerDemoCustomer(cu, {
      userId,
      customerId,
      passwordHash: hash,
      adminId: admin.id,
      at: registered.toISOString(),
      registerEnv: atEnv(registered),
      activateEnv: atEnv(new Date(registered.getTime() + 50 * MIN)),
      failure: `demo orders: customer ${cu.username}`,
    });
    customerIds.set(cu.username, { userId, customerId });
  }

  const staff = (username: string): Actor => {
    const u = user(username);
    return { userId: u.id, role: u.role, labId: u.labId, customerId: null };
  };
  const labStaff = (labId: string) => {
    const of = (role: string) => demo.users.filter((u) => u.role === role && u.labId === labId);
    return { penyelia: of('penyelia')[0]!, mt: of('mt')[0]!, analysts: of('analis') };
  };
  const calendar = new WorkingCalendar();
  const signer = new DemoSigner();

  // Build every order's commands, then run them all in time order.
  const all: { t: number; act: Act; n: number }[] = [];
  for (const spec of specs) {
    // Tracks: the front office, then one per sample (independent once the order is paid), then the closing steps.
    const tracks: Act[][] = [[]];
    let acts = tracks[0]!;
    const track = () => {
      acts = [];
      tracks.push(acts);
    };
    let counter = 0;
    const key = spec.key;
    const cust = customerIds.get(spec.customer);
    if (!cust) throw new Error(`demo orders: no customer ${spec.customer}`);
    const customer: Actor = {
      userId: cust.userId,
      role: 'pelanggan',
      labId: null,
      customerId: cust.customerId,
    };
    const o = () => states.get(key)!;
    const sampleOf = (i: number): Sample => o().samples[i]!;
    const add = (gap: number, label: string, run: (at: Date, n: number) => Promise<void>, at?: number) => {
      const idx = counter++;
      acts.push({ order: key, gap, label, run: (t) => run(t, idx), ...(at !== undefined ? { at } : {}) });
    };
    const cmd = (
      gap: number,
      actor: Actor | (() => Actor),
      type: CommandType,
      payload: (at: Date) => Record<string, unknown>,
      at?: number,
      attachments?: () => Attachment[],
    ) =>
      add(
        gap,
        type,
        (t, idx) =>
          apply(
            t,
            key,
            idx,
            typeof actor === 'function' ? actor() : actor,
            type,
            payload(t),
            attachments?.(),
          ),
        at,
      );

    const last = (wait: number | undefined) => (wait === undefined ? undefined : now - wait);
    const front = spec.stage;
    const frontOnly = front !== 'lab' && front !== 'finished';
    const frontWait = frontOnly ? last(spec.wait) : undefined;
    // A return to the customer is a side path: the order reaches no later front-office state.
    const reach = (s: OrderStatus) =>
      !frontOnly ||
      (front !== 'returned_to_customer' && ORDER_STATUSES.indexOf(front) >= ORDER_STATUSES.indexOf(s));
    const stopAt = (s: FrontStage) => (frontOnly && front === s ? frontWait : undefined);

    // Step 4: the order.
    cmd(
      0,
      customer,
      'order.submit',
      () => ({
        samples: spec.samples.map((s, i) => {
          const type = demo.sampleTypes[s.type]!;
          const params = s.params ?? type.parameterIds.map((_, j) => j);
          return {
            sampleId: id(`sample:${key}:${i}`),
            sampleTypeId: type.id,
            description: s.description,
            customerLabel: s.label,
            analyses: params.map((p) => ({
              analysisId: id(`analysis:${key}:${i}:${p}`),
              parameterId: type.parameterIds[p]!,
            })),
          };
        }),
      }),
      now - spec.submitted,
    );
    if (front === 'returned_to_customer') {
      cmd(55, staff('cs1'), 'order.return_to_customer', () => ({ reason: spec.returnReason! }), frontWait);
    }
    if (reach('validated')) cmd(25, staff('cs1'), 'order.validate', () => ({}), stopAt('validated'));
    if (reach('tariff_approved'))
      cmd(40, staff('ketuatim'), 'tariff.approve', () => ({ adjustments: [] }), stopAt('tariff_approved'));
    if (reach('billing_requested'))
      cmd(150, customer, 'billing.request', () => ({}), stopAt('billing_requested'));
    if (reach('awaiting_payment'))
      cmd(35, staff('bendahara'), 'billing.issue', () => ({}), stopAt('awaiting_payment'));
    if (reach('paid') || front === 'payment_submitted') {
      if (spec.payment === 'proof') {
        const proofId = id(`proof:${key}`);
        const fileId = id(`proof-file:${key}`);
        const ntpn = ntpnOf(key);
        cmd(
          20 * 60,
          customer,
          'payment.upload_proof',
          () => ({ proofId, fileId, ntpn }),
          stopAt('payment_submitted'),
          () => {
            const data = proofPdf(o(), ntpn);
            return [
              {
                id: fileId,
                kind: 'payment_proof',
                mime: 'application/pdf',
                data,
                sha256: createHash('sha256').update(data).digest('hex'),
                refId: proofId,
              },
            ];
          },
        );
        if (reach('paid'))
          cmd(45, staff('bendahara'), 'payment.approve', () => ({ proofId }), stopAt('paid'));
      } else {
        add(
          18 * 60,
          'payment.confirm_auto',
          (t, idx) =>
            apply(t, key, idx, SYSTEM_ACTOR, 'payment.confirm_auto', {
              billingCode: o().billings.find((b) => b.status === 'issued')!.code,
              ntpn: ntpnOf(key),
              paidAt: t.toISOString(),
            }),
          stopAt('paid'),
        );
      }
    }

    if (front === 'lab' || front === 'finished') {
      for (const [i, s] of spec.samples.entries()) {
        track();
        const labId = demo.sampleTypes[s.type]!.labId;
        const lab = labStaff(labId);
        const penyelia = staff(lab.penyelia.username);
        const mt = staff(lab.mt.username);
        const analysts = (s.analysts ?? lab.analysts.map((a) => a.username)).map((u) => user(u));
        const to = s.to ?? 'released';
        const upTo = (st: LabStage) => SAMPLE_STATUSES.indexOf(to) >= SAMPLE_STATUSES.indexOf(st);
        const final = (st: LabStage) => (to === st ? last(s.wait) : undefined);
        const sampleId = id(`sample:${key}:${i}`);
        const testingAnchor =
          s.testingSinceWorkingDays === undefined
            ? undefined
            : workingDaysAgo(now, s.testingSinceWorkingDays, calendar) -
              (s.testingSinceWorkingDays === 0 ? (s.wait ?? HOUR) : 0);

        cmd(
          120 + 6 * i,
          staff('cs1'),
          'sample.register',
          () => ({ sampleId, labId, penyeliaId: lab.penyelia.id, mtId: lab.mt.id }),
          final('registered'),
        );
        if (upTo('received'))
          cmd(
            14,
            penyelia,
            'sample.accept',
            () => ({ sampleId, condition: conditionOf(s.type) }),
            final('received'),
          );
        const assign = (gap: number, at?: number, order: 'as_given' | 'swapped' = 'as_given') =>
          cmd(
            gap,
            penyelia,
            'sample.assign_analysts',
            () => {
              const list = order === 'swapped' ? [...analysts].reverse() : analysts;
              return {
                sampleId,
                assignments: activeAnalyses(sampleOf(i)).map((a, j) => ({
                  analysisId: a.id,
                  analystId: list[j % list.length]!.id,
                })),
              };
            },
            at,
          );
        if (upTo('assigned')) {
          if (s.mtReturn) {
            assign(9, undefined, 'swapped');
            cmd(16, mt, 'assignment.return', () => ({ sampleId, reason: s.mtReturn! }));
            // Re-assigned as the MT asked: PRI and Po (indices 3, 4) to one analyst.
            cmd(
              12,
              penyelia,
              'sample.assign_analysts',
              () => ({
                sampleId,
                assignments: activeAnalyses(sampleOf(i)).map((a, j) => ({
                  analysisId: a.id,
                  analystId: (j < 3 ? analysts[0]! : analysts[1 % analysts.length]!).id,
                })),
              }),
              final('assigned'),
            );
          } else {
            assign(9, final('assigned'));
          }
        }
        if (!upTo('in_testing')) continue;
        cmd(
          11,
          mt,
          'assignment.validate',
          () => ({ sampleId }),
          testingAnchor ?? (to === 'in_testing' && s.testing === undefined ? undefined : final('in_testing')),
        );

        // Step 14: the analysts' results.
        const set = s.valueSet ?? i;
        const analysisIds = () => activeAnalyses(sampleOf(i)).map((a) => a.id);
        const paramOf = (analysisId: string) => {
          const a = sampleOf(i).analyses.find((x) => x.id === analysisId)!;
          return demo.sampleTypes[s.type]!.parameterIds.indexOf(a.parameterId);
        };
        const save = (gap: number, j: number, at?: number, value?: string) =>
          cmd(
            gap,
            () =>
              staff(
                demo.users.find(
                  (u) => u.id === sampleOf(i).analyses.find((a) => a.id === analysisIds()[j])!.analystId,
                )!.username,
              ),
            'result.save',
            (t) => {
              const a = sampleOf(i).analyses.find((x) => x.id === analysisIds()[j])!;
              const r = resultOf(s.type, set, paramOf(a.id), value ?? s.results?.[paramOf(a.id)]);
              return {
                sampleId,
                analysisId: a.id,
                result: {
                  ...r,
                  unit: a.unit,
                  testedOn: localDate(t, env.config.utcOffsetMinutes),
                  notes: '',
                },
              };
            },
            at,
          );
        const submit = (gap: number, j: number, at?: number) =>
          cmd(
            gap,
            () =>
              staff(
                demo.users.find(
                  (u) => u.id === sampleOf(i).analyses.find((a) => a.id === analysisIds()[j])!.analystId,
                )!.username,
              ),
            'result.submit',
            () => ({ sampleId, analysisId: analysisIds()[j] }),
            at,
          );
        const count = (s.params ?? demo.sampleTypes[s.type]!.parameterIds).length;
        const testing = to === 'in_testing' ? (s.testing ?? 'all') : 'all';
        if (testing === 'draft') {
          save(2 * 24 * 60, 0);
          save(26 * 60, 1);
        } else if (testing === 'partial') {
          for (let j = 0; j < count; j++) {
            if (j < Math.ceil(count / 2)) {
              save(j === 0 ? 26 * 60 : 95, j);
              submit(20, j);
            } else if (j === Math.ceil(count / 2)) save(130, j);
          }
        } else if (testing === 'all' || testing === 'retest') {
          // Results over a few days after the assignment was validated; the last submission is the sample's step-15 start.
          const finalAt = testing === 'all' && to === 'in_testing' ? final('in_testing') : undefined;
          for (let j = 0; j < count; j++) {
            save(j === 0 ? 30 * 60 : 120 + 40 * j, j);
            submit(25, j, j === count - 1 ? finalAt : undefined);
          }
          if (testing === 'retest') {
            // The Penyelia sends one result back (step 14 starts again for it).
            cmd(
              40,
              penyelia,
              'analysis.request_retest',
              () => ({
                sampleId,
                analysisId: analysisIds()[0],
                newAnalysisId: id(`analysis:${key}:${i}:retest`),
                analystId: user('analis.karet1').id,
                reason:
                  'Kadar kotoran 0,158 % terlalu dekat batas 0,16 %; ulangi dengan dua ulangan (duplo) dan saringan 325 mesh yang baru dikalibrasi.',
              }),
              now - 1 * DAY - 3 * HOUR,
            );
          }
        }
        if (!upTo('results_verified')) continue;
        cmd(35, penyelia, 'results.verify', () => ({ sampleId }), final('results_verified'));
        if (!upTo('results_validated')) continue;
        cmd(28, mt, 'results.validate', () => ({ sampleId }), final('results_validated'));
        if (!upTo('report_numbered')) continue;
        cmd(45, staff('ketuatim'), 'report.number', () => ({ sampleId }), final('report_numbered'));
        if (!upTo('awaiting_signature')) continue;
        cmd(
          20,
          staff('cs1'),
          'report.request_signature',
          () => ({ sampleId, reportId: currentReport(sampleOf(i))!.id, kepalaBalaiId: user('kepala').id }),
          final('awaiting_signature'),
        );
        if (!upTo('released')) continue;
        // Step 19: signed with the demo keystore (what the Kepala Balai's desktop does), and
        // checked by the server's own verification before report.sign, as an upload would be.
        add(95, 'report.sign', async (t, idx) => {
          const report = currentReport(sampleOf(i))!;
          const { signed, signedHash } = await signer.sign(
            env,
            report.id,
            report.documentHash!,
            user('kepala').id,
            t,
          );
          const fileId = id(`signed-file:${key}:${i}`);
          await apply(
            t,
            key,
            idx,
            staff('kepala'),
            'report.sign',
            { sampleId, reportId: report.id, signedHash },
            [
              {
                id: fileId,
                kind: 'report_signed',
                mime: 'application/pdf',
                data: signed,
                sha256: signedHash,
                refId: report.id,
                documentHash: report.documentHash,
              },
            ],
          );
        });
        cmd(15, staff('cs1'), 'report.release', () => ({
          sampleId,
          reportId: currentReport(sampleOf(i))!.id,
        }));
      }
      if (front === 'finished') {
        track();
        cmd(20 * 60, customer, 'survey.submit', () => ({
          scores: [4, 4, 3, 4, 4, 4, 4, 3, 4],
          comment:
            'Hasil uji cepat keluar dan petugas ramah. Mohon notifikasi e-billing juga lewat WhatsApp.',
        }));
        cmd(12, customer, 'order.finish', () => ({}), last(spec.wait));
      }
    }

    let notBefore = -Infinity;
    let latest = -Infinity;
    for (const [k, list] of tracks.entries()) {
      if (k === 1) notBefore = latest; // samples: after the front office
      if (k > 1 && k === tracks.length - 1 && front === 'finished') notBefore = latest; // closing: after every sample
      const times = placeTimes(list, now, notBefore);
      list.forEach((act, j) => {
        all.push({ t: times[j]!, act, n: all.length });
        latest = Math.max(latest, times[j]!);
      });
    }
  }

  all.sort((a, b) => a.t - b.t || a.act.order.localeCompare(b.act.order) || a.n - b.n);
  for (const { t, act } of all) await act.run(new Date(t));

  return summarize(
    [...states.values()],
    CUSTOMERS.map((c) => c.username),
    false,
  );
}

/** "Demo: 30 order, 27 sampel di langkah 12–19 (12: 6, 13: 2, …)". */
export function formatDemoOrdersSummary(s: DemoOrdersSummary): string {
  const steps = Object.entries(s.byStep)
    .sort(([a], [b]) => Number(a) - Number(b))
    .map(([step, n]) => `${step}: ${n}`)
    .join(', ');
  return `Demo: ${s.orders} order, ${s.labSamples} sampel di langkah 12–19 (${steps})${s.alreadySeeded ? ' — sudah ada, tidak diisi ulang' : ''}`;
}

/** The lab step (12..19) a sample waits at, or null. */
export function labStepOf(sample: Sample): number | null {
  switch (sample.status) {
    case 'registered':
    case 'received':
      return 12;
    case 'assigned':
      return 13;
    case 'in_testing':
      return activeAnalyses(sample).every((a) => a.status === 'submitted') ? 15 : 14;
    case 'results_verified':
      return 16;
    case 'results_validated':
      return 17;
    case 'report_numbered':
      return 18;
    case 'awaiting_signature':
      return 19;
    default:
      return null;
  }
}

function summarize(orders: Order[], customers: string[], alreadySeeded: boolean): DemoOrdersSummary {
  const byStep: Record<number, number> = {};
  let samples = 0;
  let labSamples = 0;
  for (const o of orders) {
    for (const s of o.samples) {
      samples++;
      const step = labStepOf(s);
      if (step === null) continue;
      labSamples++;
      byStep[step] = (byStep[step] ?? 0) + 1;
    }
  }
  return { orders: orders.length, samples, byStep, labSamples, customers, alreadySeeded };
}

function conditionOf(type: TypeKey): string {
  switch (type) {
    case 'sir20':
    case 'sir3l':
      return 'Baik: 3 bandela utuh, plastik pembungkus tidak sobek, label lot sesuai, tersegel';
    case 'limbah-karet':
      return 'Baik: botol PE 2 L penuh, tersegel, suhu terima 4 °C, pengawet sesuai';
    default:
      return 'Baik: kemasan tertutup rapat, tersegel, label produksi terbaca';
  }
}

function ntpnOf(key: string): string {
  return createHash('sha256').update(`ntpn:${key}`).digest('hex').slice(0, 16).toUpperCase();
}

/** A small PDF standing for a bank transfer receipt. */
function proofPdf(order: Order, ntpn: string): Buffer {
  const text = `Bukti setor PNBP ${order.number ?? ''} NTPN ${ntpn} Rp ${order.tariffTotal ?? 0}`;
  return Buffer.from(
    `%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\n% ${text}\ntrailer << /Root 1 0 R >>\n%%EOF\n`,
    'latin1',
  );
}

// ------------------------------------------------------------------------------------------------
// Step 19 for the finished order: a PAdES B-B signature with the DEMO keystore
// (resources/demo-keystore, passphrase public, DEMO ONLY). The desktop signs with
// main/services/signing, which server/ may not import; both build the CMS with shared/cades, and
// the result must pass the server's verification.

const DEMO_PASSPHRASE = 'demo-tte-2025';

class DemoSigner {
  private key: KeyObject | null = null;
  private chain: Uint8Array[] = [];
  private fonts: ElhuFonts | null = null;

  private load() {
    if (this.key) return;
    const p12 = readResource('demo-keystore/kepala-balai-demo.p12');
    const pfx = forge.pkcs12.pkcs12FromAsn1(
      forge.asn1.fromDer(p12.toString('binary')),
      false,
      DEMO_PASSPHRASE,
    );
    const certs: X509Certificate[] = [];
    for (const content of pfx.safeContents) {
      for (const bag of content.safeBags) {
        if (bag.type === forge.pki.oids.certBag && bag.cert) {
          certs.push(
            new X509Certificate(
              Buffer.from(forge.asn1.toDer(forge.pki.certificateToAsn1(bag.cert)).getBytes(), 'binary'),
            ),
          );
        } else if (
          (bag.type === forge.pki.oids.pkcs8ShroudedKeyBag || bag.type === forge.pki.oids.keyBag) &&
          bag.key
        ) {
          const der = Buffer.from(
            forge.asn1.toDer(forge.pki.wrapRsaPrivateKey(forge.pki.privateKeyToAsn1(bag.key))).getBytes(),
            'binary',
          );
          this.key = createPrivateKey({ key: der, format: 'der', type: 'pkcs8' });
        }
      }
    }
    const key = this.key;
    const leaf = key ? certs.find((c) => c.checkPrivateKey(key)) : undefined;
    if (!key || !leaf) throw new Error('demo orders: the demo keystore holds no key with its certificate');
    this.chain = [leaf, ...certs.filter((c) => c !== leaf)].map((c) => new Uint8Array(c.raw));
    this.fonts = loadElhuFonts();
  }

  async sign(
    env: CommandEnv,
    reportId: string,
    documentHash: string,
    kepalaId: string,
    at: Date,
  ): Promise<{ signed: Buffer; signedHash: string }> {
    this.load();
    const db = env.handle.db;
    const row = await db
      .selectFrom('reports')
      .select('document_file_id')
      .where('id', '=', reportId)
      .executeTakeFirstOrThrow();
    const file = await db
      .selectFrom('files')
      .select('data')
      .where('id', '=', row.document_file_id!)
      .executeTakeFirstOrThrow();
    const kb = await db
      .selectFrom('users')
      .select(['name', 'nip', 'certificate_pem'])
      .where('id', '=', kepalaId)
      .executeTakeFirstOrThrow();
    const unsigned = new Uint8Array(file.data);
    const certBytes = this.chain.reduce((n, c) => n + c.length, 0);
    const modulusBytes = Math.ceil((this.key!.asymmetricKeyDetails?.modulusLength ?? 4096) / 8);
    const prepared = await prepareElhuForSigning(
      unsigned,
      {
        name: kb.name,
        nip: kb.nip ?? '',
        signingTime: at,
        reason: 'Pengesahan Laporan Hasil Uji elektronik',
        location: 'Palembang',
        contactInfo: '',
      },
      this.fonts!,
      { documentHash, signatureLength: Math.ceil((certBytes + modulusBytes + 1024) / 512) * 512 },
    );
    const key = this.key!;
    const chain = this.chain;
    class Cades extends Signer {
      override async sign(pdf: Buffer): Promise<Buffer> {
        return Buffer.from(
          buildCadesSignedData({
            contentDigest: createHash('sha256').update(pdf).digest(),
            signerCertificate: chain[0]!,
            chain: chain.slice(1),
            signerCertificateHash: createHash('sha256').update(chain[0]!).digest(),
            sign: (d) => rsaSign('sha256', d, key),
          }),
        );
      }
    }
    const signed = await new SignPdf().sign(Buffer.from(prepared), new Cades());
    const check = await env.reports.verifySigned({
      pdf: new Uint8Array(signed),
      documentPdf: unsigned,
      documentHash,
      certificatePem: kb.certificate_pem,
      signer: { name: kb.name, nip: kb.nip },
      reportNumber: '',
    });
    if (!check.ok) throw new Error(`demo orders: the demo signature was refused: ${check.message.en}`);
    return { signed, signedHash: check.signedHash };
  }
}

function readResource(path: string): Buffer {
  for (const base of [
    fileURLToPath(new URL('../resources/', import.meta.url)),
    join(process.cwd(), 'resources'),
  ]) {
    const p = join(base, path);
    if (existsSync(p)) return readFileSync(p);
  }
  throw new Error(`demo orders: resource ${path} not found`);
}
