export function NewOrderPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
