export function OrderPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
