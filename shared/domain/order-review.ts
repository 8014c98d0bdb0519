import { z } from 'zod';

/**
 * CS's order review (kaji ulang permintaan, ISO/IEC 17025 7.1; UI.md "Front office"), step 5:
 * before numbering an order, can the lab do it? Three questions, each Bisa / Tidak bisa. The
 * answers travel with the command that ends the review (order.validate or order.return_to_customer)
 * and are kept on the order, so the history shows what CS answered and when.
 */
export const REVIEW_ITEMS = ['sdm', 'metode', 'peralatan'] as const;
export type ReviewItem = (typeof REVIEW_ITEMS)[number];

export const ReviewAnswerSchema = z.enum(['bisa', 'tidak_bisa'], {
  error: 'jawaban kaji ulang "bisa" atau "tidak_bisa" / a review answer is "bisa" or "tidak_bisa"',
});
export type ReviewAnswer = z.infer<typeof ReviewAnswerSchema>;

/** All three answered: a review with a question left open is not a review. */
export const OrderReviewAnswersSchema = z.strictObject({
  sdm: ReviewAnswerSchema,
  metode: ReviewAnswerSchema,
  peralatan: ReviewAnswerSchema,
});
export type OrderReviewAnswers = z.infer<typeof OrderReviewAnswersSchema>;

export const REVIEW_LABELS: Record<ReviewItem, { id: string; en: string }> = {
  sdm: { id: 'Kemampuan SDM', en: 'Staff competence' },
  metode: { id: 'Kesesuaian metode', en: 'Suitability of the method' },
  peralatan: { id: 'Kemampuan peralatan', en: 'Equipment capability' },
};

/** The questions answered "Tidak bisa". */
export function failedItems(answers: OrderReviewAnswers): ReviewItem[] {
  return REVIEW_ITEMS.filter((i) => answers[i] === 'tidak_bisa');
}
