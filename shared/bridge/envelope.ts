/**
 * The bridge's answer shape (DESIGN.md, "Desktop shell"): every call answers
 * `{ok: true, value}` or `{ok: false, error: {code, message: {id, en}}}`, over IPC and over the
 * loopback HTTP host alike. Codes reuse the domain core's rejection codes; the others say what
 * went wrong at the bridge or in the desktop engine, so the UI can branch on them.
 */
import { z } from 'zod';
import { BridgeErrorSchema, type BridgeError, type BridgeErrorCode } from './errors';

export {
  BRIDGE_ERROR_CODES,
  BridgeErrorCodeSchema,
  BridgeErrorSchema,
  MessageSchema,
  type BridgeError,
  type BridgeErrorCode,
} from './errors';
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
