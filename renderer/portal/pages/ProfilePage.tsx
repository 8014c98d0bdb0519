export function ProfilePage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
