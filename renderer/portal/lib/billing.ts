/** The e-billing as the customer reads it: the code grouped, the time left, the status in SIMPONI's words. */
import type { Billing } from '../../../shared/domain/entities';
import { isBillingExpired } from '../../../shared/domain/state';

/** "123456 789012 345" → groups of 3 digits: "123 456 789 012 345" (read aloud at a teller, typed at an ATM). */
export function groupBillingCode(code: string): string {
  return code.replace(/\D/g, '').replace(/(\d{3})(?=\d)/g, '$1 ');
}

export type BillingState = 'unpaid' | 'paid' | 'expired' | 'replaced';

/** SIMPONI's words: Belum dibayar, Lunas (with the NTPN), Kedaluwarsa. */
export function billingState(b: Pick<Billing, 'status' | 'expiresAt'>, now: Date): BillingState {
  if (b.status === 'paid') return 'paid';
  if (b.status === 'replaced') return 'replaced';
  return isBillingExpired(b, now) ? 'expired' : 'unpaid';
}

/** Whole days, hours and minutes left before `expiresAt` (zeros once passed). */
export function timeLeft(
  expiresAt: string,
  now: Date,
): { days: number; hours: number; minutes: number; ms: number } {
  const ms = Math.max(0, Date.parse(expiresAt) - now.getTime());
  const min = Math.floor(ms / 60_000);
  return { days: Math.floor(min / 1440), hours: Math.floor((min % 1440) / 60), minutes: min % 60, ms };
}
