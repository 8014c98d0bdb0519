/**
 * What main/services logs through: the host passes a Logger in (pino in the browser host,
 * electron-log in the Electron shell, to which the engine's utility process relays its records).
 * main/services never writes to the console itself, so every line goes where the host keeps logs,
 * through the host's redaction of secrets (./secrets.ts).
 *
 * A message says what happened in a few words ("sync: cycle failed"); the fields carry the
 * numbers and ids an engineer needs. Never pass a call's input or a request body as a field.
 */
export type LogLevel = 'info' | 'warn' | 'error';
export type LogFields = Readonly<Record<string, unknown>>;

export interface Logger {
  info(message: string, fields?: LogFields): void;
  warn(message: string, fields?: LogFields): void;
  error(message: string, fields?: LogFields): void;
}

/** For tests and tools that have nowhere to log. */
export const SILENT_LOGGER: Logger = { info: () => {}, warn: () => {}, error: () => {} };

/**
 * What went wrong, as fields: the error's name, message and code (expected failures: offline, a
 * refusal). `withStack` for bugs, where the engineer needs to know where.
 */
export function errorFields(e: unknown, withStack = false): LogFields {
  if (!(e instanceof Error)) return { reason: String(e) };
  const code = (e as { code?: unknown }).code;
  return {
    error: e.name,
    reason: e.message,
    ...(typeof code === 'string' || typeof code === 'number' ? { code } : {}),
    ...(withStack && e.stack ? { stack: e.stack } : {}),
  };
}
