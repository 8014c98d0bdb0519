export function RegisterPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
