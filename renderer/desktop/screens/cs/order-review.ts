/**
 * CS's order review (kaji ulang permintaan, ISO/IEC 17025 7.1; UI.md "Front office"): before
 * numbering an order, can the lab do it? Three questions, each Bisa / Tidak bisa. All Bisa:
 * the order may be validated. Any Tidak bisa: the order goes back to the customer with that reason.
 */
import {
  REVIEW_ITEMS,
  REVIEW_LABELS,
  type OrderReviewAnswers,
  type ReviewAnswer,
  type ReviewItem,
} from '../../../../shared/domain/order-review';

export {
  REVIEW_ITEMS,
  REVIEW_LABELS,
  type ReviewAnswer,
  type ReviewItem,
} from '../../../../shared/domain/order-review';
export type Review = Partial<Record<ReviewItem, ReviewAnswer>>;

/** The answers as the commands carry them, once all three are given. */
export function reviewAnswers(review: Review): OrderReviewAnswers | undefined {
  const { sdm, metode, peralatan } = review;
  return sdm && metode && peralatan ? { sdm, metode, peralatan } : undefined;
}

export type ReviewOutcome =
  | { kind: 'incomplete'; missing: ReviewItem[] }
  | { kind: 'validate' }
  | { kind: 'return'; failed: ReviewItem[] };

export function reviewOutcome(review: Review): ReviewOutcome {
  const missing = REVIEW_ITEMS.filter((i) => review[i] === undefined);
  const failed = REVIEW_ITEMS.filter((i) => review[i] === 'tidak_bisa');
  if (failed.length > 0) return { kind: 'return', failed };
  if (missing.length > 0) return { kind: 'incomplete', missing };
  return { kind: 'validate' };
}

/**
 * The reason the customer reads when the review says no, in Indonesian as CS writes it (the
 * customer's language): "Kaji ulang permintaan: Kemampuan SDM tidak bisa. <note>". CS adds why.
 */
export function reviewReason(failed: readonly ReviewItem[], note = ''): string {
  const items = failed.map((i) => REVIEW_LABELS[i].id).join(', ');
  const head = `Kaji ulang permintaan: ${items} tidak bisa.`;
  const tail = note.trim();
  return tail ? `${head} ${tail}` : `${head} `;
}
