/**
 * What travels on both transports, without any schema: the answer envelope, its constructors and
 * the channel names. The preload imports only this and names.ts, so its bundle stays small.
 */
import type { Message } from '../domain/rejections';
import type { BridgeError, BridgeErrorCode } from './errors';

export type Envelope<T> = { ok: true; value: T } | { ok: false; error: BridgeError };

export function ok<T>(value: T): Envelope<T> {
  return { ok: true, value };
}

export function fail(
  code: BridgeErrorCode,
  message: Message,
  details?: Record<string, unknown>,
): { ok: false; error: BridgeError } {
  return { ok: false, error: details ? { code, message, details } : { code, message } };
}

/** Paths and header of the loopback HTTP transport. */
export const HTTP_BRIDGE = {
  /** POST `${callPath}/${name}` with the JSON input; answers the Envelope (always 200 unless the token is wrong: 401). */
  callPath: '/bridge/call',
  /** GET: a text/event-stream of `event: <name>` / `data: <json>`. */
  eventsPath: '/bridge/events',
  tokenHeader: 'x-sippt-token',
} as const;

/** IPC channel names of the Electron transport. */
export const IPC_CHANNELS = { invoke: 'sippt:invoke', event: 'sippt:event' } as const;
