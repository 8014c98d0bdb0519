export function OrdersPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
