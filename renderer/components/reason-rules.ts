/** The rule every reason follows (the bridge's Reason schema): 5 to 1000 characters, trimmed. */
export const REASON_MIN = 5;
export const REASON_MAX = 1000;

/** The error key for a reason as typed, or null when it may be sent. */
export function reasonProblem(reason: string): 'tooShort' | 'tooLong' | null {
  const r = reason.trim();
  if (r.length < REASON_MIN) return 'tooShort';
  if (r.length > REASON_MAX) return 'tooLong';
  return null;
}
