/**
 * The sample receipt check (pemeriksaan contoh) as the Penyelia fills it: which answers speak
 * against accepting the sample, and the reason text a rejection starts from. The decision stays the
 * Penyelia's: a "tidak" suggests Tolak, never forces it.
 */
import type { ReceiptCheck } from '../../../../shared/bridge';

/** The form while it is being filled: nothing answered yet. */
export type ReceiptCheckDraft = Partial<ReceiptCheck>;

export type ReceiptConcern = 'quantity' | 'condition' | 'container' | 'seal';

export function receiptConcerns(check: ReceiptCheckDraft): ReceiptConcern[] {
  const out: ReceiptConcern[] = [];
  if (check.quantity === 'tidak_cukup') out.push('quantity');
  if (check.condition === 'tidak_baik') out.push('condition');
  if (check.container === 'tidak_baik') out.push('container');
  if (check.sealIntact === false) out.push('seal');
  return out;
}

/**
 * A first draft of the rejection reason from the answers ("Jumlah tidak cukup; wadah tidak baik."),
 * plus the note; the Penyelia edits it before sending. `labels` are the words of each concern.
 */
export function draftRejectReason(check: ReceiptCheckDraft, labels: Record<ReceiptConcern, string>): string {
  const parts = receiptConcerns(check).map((c) => labels[c]);
  const note = check.note?.trim() ?? '';
  if (note) parts.push(note);
  if (parts.length === 0) return '';
  const text = parts.join('; ');
  return text.charAt(0).toUpperCase() + text.slice(1) + (/[.!?]$/.test(text) ? '' : '.');
}
