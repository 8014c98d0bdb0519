export function ForgotPasswordPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
