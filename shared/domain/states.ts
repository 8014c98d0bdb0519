import { z } from 'zod';

/**
 * The state machines of the SOP, as data. Transitions live in ./transitions.ts; these are the
 * states an entity may be in, and nothing else may ever be stored.
 */
export const ORDER_STATUSES = [
  'submitted', // step 4 done: waiting for CS (step 5)
  'returned_to_customer', // CS or Ketua Tim sent it back for correction
  'validated', // step 5 done: order number given, waiting for Ketua Tim tariff check (step 6)
  'tariff_approved', // step 6 done: waiting for the customer's review (step 7)
  'billing_requested', // step 7 done: waiting for the e-billing (step 8)
  'awaiting_payment', // step 8 done: billing issued (step 9)
  'payment_submitted', // step 9, manual path: proof uploaded, waiting for Bendahara (step 10)
  'paid', // step 10 (or automatic step 9): waiting for CS to register samples (step 11)
  'in_lab', // at least one sample registered: steps 11-20 run per sample
  'reports_released', // every sample's E-LHU released (step 20): waiting for the survey (step 21)
  'survey_completed', // step 21 done: E-LHU downloadable
  'finished', // step 22
  'cancelled', // the customer withdrew before paying
] as const;
export const OrderStatusSchema = z.enum(ORDER_STATUSES);
export type OrderStatus = z.infer<typeof OrderStatusSchema>;

export const SAMPLE_STATUSES = [
  'awaiting_registration', // ordered, not yet received by CS (step 11)
  'registered', // step 11: numbered, lab and Penyelia chosen; Penyelia checks it (step 12)
  'rejected', // Penyelia refused the sample (condition); CS may register a replacement
  'received', // Penyelia accepted it; analysts to be picked (step 12)
  'assigned', // analysts picked, waiting for MT (step 13)
  'in_testing', // MT validated the assignment; analysts work (step 14) and Penyelia verifies (step 15)
  'results_verified', // step 15 done: waiting for MT (step 16)
  'results_validated', // step 16 done: waiting for the LHU number (step 17)
  'report_numbered', // step 17 done (or signing refused): CS prints and requests TTE (step 18)
  'awaiting_signature', // step 18 done: in the Kepala Balai's queue (step 19)
  'signed', // step 19 done: CS checks and releases (step 20)
  'released', // step 20 done
] as const;
export const SampleStatusSchema = z.enum(SAMPLE_STATUSES);
export type SampleStatus = z.infer<typeof SampleStatusSchema>;

export const ANALYSIS_STATUSES = [
  'pending', // assigned or waiting for assignment; no result yet
  'draft', // the analyst saved a result that is not yet submitted
  'submitted', // step 14 done for this parameter
  'verified', // step 15
  'validated', // step 16
  'retest', // the Penyelia sent it back: kept for the record, replaced by a new analysis
] as const;
export const AnalysisStatusSchema = z.enum(ANALYSIS_STATUSES);
export type AnalysisStatus = z.infer<typeof AnalysisStatusSchema>;

export const REPORT_STATUSES = [
  'numbered', // step 17
  'awaiting_signature', // step 18
  'refused', // the Kepala Balai refused to sign; a new request follows
  'signed', // step 19
  'released', // step 20
  'superseded', // replaced by an amended report (ISO/IEC 17025 7.8.8)
] as const;
export const ReportStatusSchema = z.enum(REPORT_STATUSES);
export type ReportStatus = z.infer<typeof ReportStatusSchema>;

export const BILLING_STATUSES = ['issued', 'paid', 'replaced'] as const;
export const BillingStatusSchema = z.enum(BILLING_STATUSES);
export type BillingStatus = z.infer<typeof BillingStatusSchema>;

export const PROOF_STATUSES = ['submitted', 'approved', 'rejected'] as const;
export const ProofStatusSchema = z.enum(PROOF_STATUSES);
export type ProofStatus = z.infer<typeof ProofStatusSchema>;

export const ACCOUNT_STATUSES = ['pending_activation', 'active', 'deactivated'] as const;
export const AccountStatusSchema = z.enum(ACCOUNT_STATUSES);
export type AccountStatus = z.infer<typeof AccountStatusSchema>;

/** Indonesian labels (English second) for every state, shown by the UI and the reports. */
export const STATUS_LABELS: Record<
  OrderStatus | SampleStatus | AnalysisStatus | ReportStatus | BillingStatus | ProofStatus | AccountStatus,
  { id: string; en: string }
> = {
  submitted: { id: 'Diajukan', en: 'Submitted' },
  returned_to_customer: { id: 'Dikembalikan ke pelanggan', en: 'Returned to customer' },
  validated: { id: 'Divalidasi CS', en: 'Validated by CS' },
  tariff_approved: { id: 'Tarif disetujui', en: 'Tariff approved' },
  billing_requested: { id: 'E-billing diminta', en: 'E-billing requested' },
  awaiting_payment: { id: 'Menunggu pembayaran', en: 'Awaiting payment' },
  payment_submitted: { id: 'Bukti bayar diunggah', en: 'Proof of payment uploaded' },
  paid: { id: 'Lunas', en: 'Paid' },
  in_lab: { id: 'Dalam pengujian', en: 'In the laboratory' },
  reports_released: { id: 'E-LHU terbit', en: 'Reports released' },
  survey_completed: { id: 'Survei diisi', en: 'Survey completed' },
  finished: { id: 'Selesai', en: 'Finished' },
  cancelled: { id: 'Dibatalkan', en: 'Cancelled' },
  awaiting_registration: { id: 'Menunggu registrasi', en: 'Awaiting registration' },
  registered: { id: 'Teregistrasi', en: 'Registered' },
  rejected: { id: 'Ditolak', en: 'Rejected' },
  received: { id: 'Diterima Penyelia', en: 'Received by Penyelia' },
  assigned: { id: 'Analis ditunjuk', en: 'Analysts assigned' },
  in_testing: { id: 'Sedang diuji', en: 'In testing' },
  results_verified: { id: 'Hasil diverifikasi', en: 'Results verified' },
  results_validated: { id: 'Hasil divalidasi', en: 'Results validated' },
  report_numbered: { id: 'No. LHU terbit', en: 'Report numbered' },
  awaiting_signature: { id: 'Menunggu TTE', en: 'Awaiting signature' },
  signed: { id: 'Ditandatangani', en: 'Signed' },
  released: { id: 'Dikirim ke pelanggan', en: 'Released' },
  pending: { id: 'Belum ada hasil', en: 'Pending' },
  draft: { id: 'Draf', en: 'Draft' },
  verified: { id: 'Terverifikasi', en: 'Verified' },
  retest: { id: 'Uji ulang', en: 'Retest' },
  numbered: { id: 'Bernomor', en: 'Numbered' },
  refused: { id: 'Ditolak TTE', en: 'Signature refused' },
  superseded: { id: 'Digantikan', en: 'Superseded' },
  issued: { id: 'Diterbitkan', en: 'Issued' },
  replaced: { id: 'Diganti', en: 'Replaced' },
  approved: { id: 'Disetujui', en: 'Approved' },
  pending_activation: { id: 'Menunggu aktivasi', en: 'Awaiting activation' },
  active: { id: 'Aktif', en: 'Active' },
  deactivated: { id: 'Nonaktif', en: 'Deactivated' },
};
