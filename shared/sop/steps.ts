import type { CommandType } from '../domain/commands';
import type { Role } from './roles';

/** A standard time (SOP "mutu baku"): minutes of work, working days, or none fixed (step 9). */
export type StandardTime =
  { unit: 'minutes'; value: number } | { unit: 'working_days'; value: number } | { unit: 'none' };

export interface SopStep {
  number: number;
  actor: Role;
  /** What happens, Indonesian first (from the SOP), English second. */
  activity: { id: string; en: string };
  output: { id: string; en: string };
  standard: StandardTime;
  /** The commands that complete this step; empty for step 1 (visiting the site). */
  commands: readonly CommandType[];
}

const min = (value: number): StandardTime => ({ unit: 'minutes', value });

/** SOP 28/BSPJI-3 "SOP Aplikasi SIPPT Modul Pelayanan Pengujian", the 22 steps as data. */
export const SOP_STEPS: readonly SopStep[] = [
  {
    number: 1,
    actor: 'pelanggan',
    activity: { id: 'Membuka laman SIPPT', en: 'Opens the SIPPT site' },
    output: { id: 'Laman website', en: 'On the website' },
    standard: min(30),
    commands: [],
  },
  {
    number: 2,
    actor: 'pelanggan',
    activity: { id: 'Registrasi akun (data pelanggan)', en: 'Registers an account' },
    output: { id: 'Akun pelanggan', en: 'Customer account' },
    standard: min(30),
    commands: ['account.register'],
  },
  {
    number: 3,
    actor: 'admin_satker',
    activity: { id: 'Aktivasi akun pelanggan', en: 'Activates the customer account' },
    output: { id: 'Akun teraktivasi', en: 'Account activated' },
    standard: min(10),
    commands: ['account.activate'],
  },
  {
    number: 4,
    actor: 'pelanggan',
    activity: {
      id: 'Login dan mengajukan order pengujian (sampel, parameter)',
      en: 'Logs in and submits a test order',
    },
    output: { id: 'Order pelanggan', en: 'Customer order' },
    standard: min(30),
    commands: ['order.submit', 'order.resubmit'],
  },
  {
    number: 5,
    actor: 'cs',
    activity: {
      id: 'Memeriksa dan memvalidasi order, membuat nomor ID order, menyetujui dan meneruskan ke Ketua Tim',
      en: 'Checks and validates the order, numbers it, forwards it to the Ketua Tim',
    },
    output: { id: 'Order tervalidasi', en: 'Validated order' },
    standard: min(10),
    commands: ['order.validate'],
  },
  {
    number: 6,
    actor: 'ketua_tim_pji',
    activity: { id: 'Memeriksa dan menyetujui tarif yang digunakan', en: 'Checks and approves the tariff' },
    output: { id: 'Tarif disetujui', en: 'Tariff approved' },
    standard: min(10),
    commands: ['tariff.approve'],
  },
  {
    number: 7,
    actor: 'pelanggan',
    activity: {
      id: 'Memeriksa parameter dan tarif; jika sesuai mengajukan e-billing, jika tidak menolak',
      en: 'Reviews parameters and tariff; requests an e-billing or rejects',
    },
    output: { id: 'Permintaan e-billing', en: 'E-billing request' },
    standard: min(10),
    commands: ['billing.request'],
  },
  {
    number: 8,
    actor: 'bendahara',
    activity: { id: 'Membuat e-billing untuk dibayar pelanggan', en: 'Creates the e-billing' },
    output: { id: 'E-billing', en: 'E-billing' },
    standard: min(15),
    commands: ['billing.issue', 'billing.reissue'],
  },
  {
    number: 9,
    actor: 'pelanggan',
    activity: {
      id: 'Membayar dan mengunggah bukti bayar; billing dari sistem otomatis lunas',
      en: 'Pays and uploads the proof of payment; system billings are marked paid automatically',
    },
    output: { id: 'Bukti bayar', en: 'Proof of payment' },
    standard: { unit: 'none' },
    commands: ['payment.upload_proof', 'payment.confirm_auto'],
  },
  {
    number: 10,
    actor: 'bendahara',
    activity: {
      id: 'Memeriksa bukti bayar dan menyetujui; order diteruskan ke CS',
      en: 'Checks and approves the proof of payment',
    },
    output: { id: 'Pembayaran diterima', en: 'Payment accepted' },
    standard: min(15),
    commands: ['payment.approve'],
  },
  {
    number: 11,
    actor: 'cs',
    activity: {
      id: 'Menerima dan meregistrasi sampel, membuat nomor ID sampel, memilih laboratorium dan Penyelia',
      en: 'Receives and registers the sample, numbers it, picks the lab and the Penyelia',
    },
    output: { id: 'Order diteruskan ke Penyelia', en: 'Order forwarded to the Penyelia' },
    standard: min(30),
    commands: ['sample.register'],
  },
  {
    number: 12,
    actor: 'penyelia',
    activity: {
      id: 'Menerima dan memeriksa sampel, memilih analis untuk parameter uji',
      en: 'Receives and checks the sample, picks the analysts',
    },
    output: { id: 'Sampel terverifikasi, analis dipilih', en: 'Sample verified, analysts picked' },
    standard: min(20),
    commands: ['sample.accept', 'sample.assign_analysts'],
  },
  {
    number: 13,
    actor: 'mt',
    activity: {
      id: 'Memeriksa dan memvalidasi sampel, parameter dan analis',
      en: 'Checks and validates sample, parameters and analysts',
    },
    output: { id: 'Penugasan tervalidasi', en: 'Assignment validated' },
    standard: min(20),
    commands: ['assignment.validate'],
  },
  {
    number: 14,
    actor: 'analis',
    activity: { id: 'Menguji sampel dan menginput hasil uji', en: 'Tests the sample and enters the results' },
    output: { id: 'Hasil uji diinput', en: 'Results entered' },
    standard: { unit: 'working_days', value: 14 },
    commands: ['result.save', 'result.submit'],
  },
  {
    number: 15,
    actor: 'penyelia',
    activity: { id: 'Memeriksa/memverifikasi hasil uji dari analis', en: 'Verifies the results' },
    output: { id: 'Hasil terverifikasi', en: 'Results verified' },
    standard: min(20),
    commands: ['results.verify'],
  },
  {
    number: 16,
    actor: 'mt',
    activity: {
      id: 'Memeriksa/memvalidasi hasil uji yang telah diverifikasi Penyelia',
      en: 'Validates the verified results',
    },
    output: { id: 'Hasil tervalidasi', en: 'Results validated' },
    standard: min(20),
    commands: ['results.validate'],
  },
  {
    number: 17,
    actor: 'ketua_tim_pji',
    activity: { id: 'Generate nomor LHU', en: 'Generates the report number' },
    output: { id: 'No. LHU', en: 'Report numbered' },
    standard: min(20),
    commands: ['report.number'],
  },
  {
    number: 18,
    actor: 'cs',
    activity: {
      id: 'Mencetak E-LHU dan memilih akun Kepala Balai untuk TTE',
      en: 'Prints the E-LHU and requests the signature',
    },
    output: { id: 'E-LHU menunggu TTE', en: 'E-LHU awaiting signature' },
    standard: min(20),
    commands: ['report.request_signature'],
  },
  {
    number: 19,
    actor: 'kepala_balai',
    activity: { id: 'Memasukkan passphrase untuk TTE E-LHU', en: 'Signs the E-LHU with the passphrase' },
    output: { id: 'E-LHU bertanda tangan', en: 'Signed E-LHU' },
    standard: min(30),
    commands: ['report.sign'],
  },
  {
    number: 20,
    actor: 'cs',
    activity: {
      id: 'Memeriksa E-LHU yang sudah ditandatangani dan meneruskan ke pelanggan',
      en: 'Checks the signed E-LHU and releases it',
    },
    output: { id: 'E-LHU terkirim', en: 'E-LHU released' },
    standard: min(5),
    commands: ['report.release'],
  },
  {
    number: 21,
    actor: 'pelanggan',
    activity: {
      id: 'Mengisi survei kepuasan pelanggan, lalu dapat mengunduh E-LHU',
      en: 'Fills in the satisfaction survey, then downloads the E-LHU',
    },
    output: { id: 'Survei terisi', en: 'Survey filled' },
    standard: min(5),
    commands: ['survey.submit'],
  },
  {
    number: 22,
    actor: 'pelanggan',
    activity: {
      id: 'Setelah mengunduh dan memeriksa E-LHU, klik "order selesai"',
      en: 'Clicks "order finished"',
    },
    output: { id: 'Order selesai', en: 'Order finished' },
    standard: min(5),
    commands: ['order.finish'],
  },
];

export function stepByNumber(n: number): SopStep {
  const s = SOP_STEPS[n - 1];
  if (!s || s.number !== n) throw new RangeError(`No SOP step ${n}`);
  return s;
}
