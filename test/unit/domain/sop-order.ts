/**
 * The order's states in the order the SOP passes through them (SOP.md steps 4-22), then its side
 * exit: written here by hand, not read from shared/domain/states.ts, so that the tests that list or
 * cut this path hold the product to the SOP and not to itself.
 */
export const ORDER_STATES_IN_SOP_ORDER = [
  // Steps 4-10; CS or Ketua Tim may send the order back to the customer.
  'submitted',
  'returned_to_customer',
  'validated',
  'tariff_approved',
  'billing_requested',
  'awaiting_payment',
  'payment_submitted',
  'paid',
  // The lab (11-20), the survey (21) and the close (22).
  'in_lab',
  'reports_released',
  'survey_completed',
  'finished',
  // The customer may withdraw before paying.
  'cancelled',
] as const;

export type SopOrderState = (typeof ORDER_STATES_IN_SOP_ORDER)[number];

/** The states on the SOP's path before `state` (the side exit is on no path). */
export function orderStatesBefore(state: SopOrderState): readonly SopOrderState[] {
  return ORDER_STATES_IN_SOP_ORDER.slice(0, ORDER_STATES_IN_SOP_ORDER.indexOf(state));
}
