/**
 * The bridge's answer shape (DESIGN.md, "Desktop shell"): every call answers
 * `{ok: true, value}` or `{ok: false, error: {code, message: {id, en}}}`, over IPC and over the
 * loopback HTTP host alike. Codes reuse the domain core's rejection codes; the others say what
 * went wrong at the bridge or in the desktop engine, so the UI can branch on them.
 */
import { z } from 'zod';
import { REJECTION_CODES } from '../domain/rejections';

export const BRIDGE_ERROR_CODES = [
  ...REJECTION_CODES,
  /** The call name is not in the contract. */
  'unknown_call',
  /** The host token is missing or wrong (loopback HTTP host only). */
  'unauthorized',
  /** The call needs a signed-in user. */
  'not_signed_in',
  /** Login refused: wrong password, locked, unknown offline user, server unreachable. */
  'login_failed',
  /** The call needs the server and it cannot be reached now; nothing was lost. */
  'offline',
  /** The action is not in this working copy (reassigned away, or not pulled yet). */
  'not_in_working_copy',
  /** Signing refused (wrong passphrase, lockout, certificate, changed report): details in `details`. */
  'signing_refused',
  /** The user cancelled a dialog the call opened (keystore file picker). */
  'cancelled',
  /** A bug: the message says so plainly, the host logs the cause. */
  'internal',
] as const;
export const BridgeErrorCodeSchema = z.enum(BRIDGE_ERROR_CODES);
export type BridgeErrorCode = z.infer<typeof BridgeErrorCodeSchema>;

export const MessageSchema = z.object({ id: z.string(), en: z.string() });

export const BridgeErrorSchema = z.object({
  code: BridgeErrorCodeSchema,
  message: MessageSchema,
  /** Code-specific facts for the UI (e.g. signing: attemptsLeft, lockedUntil; login: reason). */
  details: z.record(z.string(), z.unknown()).optional(),
});
export type BridgeError = z.infer<typeof BridgeErrorSchema>;

export { ok, fail, type Envelope } from './wire';

export function envelopeSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: BridgeErrorSchema }),
  ]);
}

/** Thrown by the renderer's client when an answer is `ok: false`, so screens can `try/catch`. */
export class BridgeCallError extends Error {
  constructor(readonly error: BridgeError) {
    super(`${error.code}: ${error.message.id} / ${error.message.en}`);
    this.name = 'BridgeCallError';
  }
  get code(): BridgeErrorCode {
    return this.error.code;
  }
}
