import type { Role } from '../sop/roles';
import type { Account, Analysis, Order, Report, Sample } from './entities';

/** What a decision acts on: one aggregate, or nothing yet for the commands that create one. */
export type AggregateState = Order | Account | null;

/** Who issues a command, as the server (or the desktop, from its session) knows them. */
export interface Actor {
  userId: string;
  role: Role;
  /** Lab of a Penyelia, MT or Analis; null for roles that serve the whole unit. */
  labId: string | null;
  /** The customer a Pelanggan account belongs to. */
  customerId: string | null;
}

/** Analyses that still count: a retested analysis is kept for the record but no longer active. */
export function activeAnalyses(sample: Sample): Analysis[] {
  return sample.analyses.filter((a) => a.status !== 'retest');
}

/** The report currently in play for a sample: the newest that is not superseded. */
export function currentReport(sample: Sample): Report | undefined {
  return [...sample.reports].reverse().find((r) => r.status !== 'superseded');
}

/** A report in this Kepala Balai's signing queue (SOP step 19): sent to them and not yet signed. */
export function awaitsSignatureOf(report: Report, userId: string): boolean {
  return report.status === 'awaiting_signature' && report.kepalaBalaiId === userId;
}

/** The billing the customer should pay now, if any. */
export function currentBilling(order: Order) {
  return order.billings.find((b) => b.status !== 'replaced');
}

export function isBillingExpired(b: { expiresAt: string; status: string }, now: Date): boolean {
  return b.status === 'issued' && Date.parse(b.expiresAt) <= now.getTime();
}

/** Total of the order's active analyses' tariffs, in rupiah. */
export function orderTotal(order: Order): number {
  let total = 0;
  for (const s of order.samples) for (const a of activeAnalyses(s)) total += a.tariff;
  return total;
}

/** SOP step 21: the signed E-LHU may be downloaded only after the survey. */
export function canDownloadReports(order: Order): boolean {
  return order.status === 'survey_completed' || order.status === 'finished';
}

export function isOrder(state: AggregateState): state is Order {
  return state !== null && 'samples' in state;
}
export function isAccount(state: AggregateState): state is Account {
  return state !== null && 'customer' in state;
}
