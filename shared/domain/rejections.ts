/** Why a command was refused. Codes are for programs (sync decides what to retry); messages for people. */
export const REJECTION_CODES = [
  'forbidden',
  'invalid_transition',
  'stale_version',
  'invalid_payload',
  'not_found',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

/** Every message a person reads is Indonesian first, English second. */
export interface Message {
  id: string;
  en: string;
}

export interface Rejection {
  ok: false;
  code: RejectionCode;
  message: Message;
}

export function reject(code: RejectionCode, id: string, en: string): Rejection {
  return { ok: false, code, message: { id, en } };
}
