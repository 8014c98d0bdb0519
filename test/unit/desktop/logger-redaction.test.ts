/**
 * No passphrase, PIN, password or token reaches a log (issue 13). Each key of the one list is
 * logged at the top of a record, nested, and inside an array, through the browser host's pino
 * logger and through the utility process's relay to the shell; the output must hold none of the
 * values, and still everything else.
 */
import { describe, expect, it } from 'vitest';
import { fromPino, hostLogger, PINO_OPTIONS } from '../../../main/host/pino-logger';
import type { Logger } from '../../../main/services/log/logger';
import { errorFields } from '../../../main/services/log/logger';
import { REDACTED, redactSecrets, SECRET_LOG_KEYS } from '../../../node-shared/log-secrets';
import { relayLogger, type FromEngine } from '../../../main/shell/services-protocol';
import pino from 'pino';
import { logEverySecret } from './logger-fixtures';

function pinoLines(): { logger: Logger; lines: string[] } {
  const lines: string[] = [];
  return { logger: hostLogger({ write: (line: string) => void lines.push(line) }), lines };
}

describe('secrets never reach a log', () => {
  it('pino (the browser host): every key of the list, at every depth, is redacted', () => {
    const { logger, lines } = pinoLines();
    const values = logEverySecret(logger);
    const out = lines.join('');
    expect(lines).toHaveLength(SECRET_LOG_KEYS.length);
    for (const v of values) expect(out).not.toContain(v);
    // The rest of the record is intact, and the redaction is visible.
    for (const line of lines) {
      const r = JSON.parse(line) as Record<string, unknown>;
      expect(r).toMatchObject({
        msg: 'signing: refused',
        reportId: 'rep-1',
        request: { url: '/api/v1/auth/login' },
        batch: [{ commandId: 'cmd-1' }],
      });
    }
    expect(JSON.parse(lines[0]!)).toMatchObject({
      password: REDACTED,
      request: { password: REDACTED },
      batch: [{ password: REDACTED }],
      a: { b: { c: { password: REDACTED } } },
    });
  });

  it('pino: a key is matched in lower case too (a header as Node gives it)', () => {
    const { logger, lines } = pinoLines();
    logger.info('api: request', { headers: { authorization: 'Bearer abc.def', accesstoken: 'tok' } });
    expect(lines.join('')).not.toMatch(/abc\.def|"tok"/);
  });

  it('the relay from the utility process redacts before the record leaves the engine', () => {
    const posted: FromEngine[] = [];
    const values = logEverySecret(relayLogger((m) => posted.push(m)));
    expect(posted).toHaveLength(SECRET_LOG_KEYS.length);
    const out = JSON.stringify(posted);
    for (const v of values) expect(out).not.toContain(v);
    expect(posted[0]).toMatchObject({
      type: 'log',
      level: 'warn',
      message: 'signing: refused',
      fields: { reportId: 'rep-1', password: REDACTED, request: { url: '/api/v1/auth/login' } },
    });
  });

  it('the relay sends a record that cannot be cloned as its JSON, still redacted', () => {
    const posted: FromEngine[] = [];
    let first = true;
    const logger = relayLogger((m) => {
      if (first) {
        first = false;
        throw new Error('could not be cloned');
      }
      posted.push(m);
    });
    logger.error('bridge: call failed (a bug)', { call: 'x', passphrase: 'hunter2' });
    expect(posted).toEqual([
      {
        type: 'log',
        level: 'error',
        message: 'bridge: call failed (a bug)',
        fields: { json: JSON.stringify({ call: 'x', passphrase: REDACTED }) },
      },
    ]);
  });

  it('an error logged as a field keeps its message and stack, and loses its secret fields', () => {
    const e = Object.assign(new Error('token refused'), { pin: '123456', slot: 1 });
    const out = redactSecrets({ err: e }) as { err: Record<string, unknown> };
    expect(out.err).toMatchObject({ name: 'Error', message: 'token refused', pin: REDACTED, slot: 1 });
    expect(String(out.err.stack)).toContain('token refused');
  });

  it('a cycle ends in a marker; the same object twice is not a cycle', () => {
    const shared = { refreshToken: 'r-1', n: 1 };
    const cyclic: Record<string, unknown> = { shared, again: shared };
    cyclic.self = cyclic;
    expect(redactSecrets(cyclic)).toEqual({
      shared: { refreshToken: REDACTED, n: 1 },
      again: { refreshToken: REDACTED, n: 1 },
      self: '[circular]',
    });
  });

  it('errorFields names the error and its code, with the stack only when asked', () => {
    const e = Object.assign(new Error('offline'), { code: 'ECONNREFUSED' });
    expect(errorFields(e)).toEqual({ error: 'Error', reason: 'offline', code: 'ECONNREFUSED' });
    expect(errorFields(e, true)).toMatchObject({ stack: expect.stringContaining('offline') });
    expect(errorFields('plain')).toEqual({ reason: 'plain' });
  });

  it('fromPino passes the fields first and the message as pino’s msg', () => {
    const lines: string[] = [];
    const logger = fromPino(pino(PINO_OPTIONS, { write: (l: string) => void lines.push(l) }));
    logger.info('sync: cycle done', { pushed: 2 });
    logger.error('plain');
    expect(lines.map((l) => JSON.parse(l) as object)).toEqual([
      expect.objectContaining({ level: 30, msg: 'sync: cycle done', pushed: 2, name: 'sippt-desktop' }),
      expect.objectContaining({ level: 50, msg: 'plain' }),
    ]);
  });
});
