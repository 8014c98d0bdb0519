/**
 * pino for the browser host (scripts/desktop-web.ts): main/services' Logger over a pino logger
 * writing JSON lines to stderr (or the stream given: tests). Secrets are redacted by pino's `redact`
 * paths, built from the one list of node-shared/log-secrets.ts.
 */
import pino, { type DestinationStream, type Logger as PinoLogger, type LoggerOptions } from 'pino';
import type { LogFields, Logger, LogLevel } from '../services/log/logger';
import { pinoRedactPaths, REDACTED } from '../../node-shared/log-secrets';

export const PINO_OPTIONS: LoggerOptions = {
  name: 'sippt-desktop',
  level: 'info',
  redact: { paths: pinoRedactPaths(), censor: REDACTED },
};

/** main/services' Logger over a pino logger (fields first, as pino takes them). */
export function fromPino(p: PinoLogger): Logger {
  const write =
    (level: LogLevel) =>
    (message: string, fields?: LogFields): void => {
      if (fields === undefined) p[level](message);
      else p[level]({ ...fields }, message);
    };
  return { info: write('info'), warn: write('warn'), error: write('error') };
}

export function hostLogger(destination: DestinationStream = pino.destination(2)): Logger {
  return fromPino(pino(PINO_OPTIONS, destination));
}
