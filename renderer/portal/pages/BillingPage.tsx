export function BillingPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
