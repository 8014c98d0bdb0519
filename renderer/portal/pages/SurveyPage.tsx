export function SurveyPage(_p: { orderId?: string; correctingOrderId?: string }) {
  return null;
}
