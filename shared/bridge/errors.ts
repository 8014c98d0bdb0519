/**
 * The bridge's error codes and error shape, apart from envelope.ts so that wire.ts (schema-free,
 * for the preload) can name their types without an import cycle.
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
