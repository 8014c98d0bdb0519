/**
 * What an engineer finds in the log (issue 13): each sync cycle that moved something and each
 * failed one, signing refusals with their code, update checks; and never the password, the
 * passphrase or a session token, even though every one of them passed through the engine.
 */
import { describe, expect, it } from 'vitest';
import type { LogFields, Logger, LogLevel } from '../../../main/services/log/logger';
import { UpdateFlow } from '../../../main/services/update/flow';
import { orderInLab, STAFF } from './fixtures';
import { onFakeServer } from './on-fake-server';

interface Line {
  level: LogLevel;
  message: string;
  fields: LogFields | undefined;
}

function recorder(): { logger: Logger; lines: Line[] } {
  const lines: Line[] = [];
  const at = (level: LogLevel) => (message: string, fields?: LogFields) =>
    void lines.push({ level, message, fields });
  return { logger: { info: at('info'), warn: at('warn'), error: at('error') }, lines };
}

const fake = onFakeServer('sippt-logger-');

describe('the engine logs what an engineer needs, never a secret', () => {
  it('a sign-in, a push and pull, a failed cycle and its retry', async () => {
    const { logger, lines } = recorder();
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia, { logger });
    expect(lines.find((l) => l.message === 'session: signed in')?.fields).toEqual({
      mode: 'online',
      role: 'penyelia',
      asked: 'auto',
    });
    // The first pull brought the bucket.
    expect(lines.find((l) => l.message === 'sync: cycle done')?.fields).toMatchObject({
      mode: 'full',
      pulled: 1,
    });

    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    fake.server.fault('/api/v1/sync/push', 503);
    await expect(c.syncNow()).rejects.toThrow();
    const failed = lines.at(-1)!;
    expect(failed).toMatchObject({
      level: 'warn',
      message: 'sync: cycle failed, retrying',
      fields: { mode: 'full', status: 503, attempt: 1, error: 'ApiError' },
    });
    expect(failed.fields!.retryInMs).toEqual(expect.any(Number));

    await c.syncNow();
    expect(lines.at(-1)).toMatchObject({
      level: 'info',
      message: 'sync: cycle done',
      fields: { pushed: 1, applied: 1, rejected: 0, afterAttempts: 1 },
    });
    // A quiet pull (nothing new) writes nothing.
    const before = lines.length;
    await c.syncNow();
    expect(lines.length).toBe(before);

    const everything = JSON.stringify(lines);
    expect(everything).not.toContain(STAFF.penyelia.password);
    for (const token of [...fake.server.access.keys(), ...fake.server.refresh.keys()])
      expect(everything).not.toContain(token);
  });

  it('a signing refusal: its code, how many reports, the key source; not the passphrase', async () => {
    const { logger, lines } = recorder();
    const c = await fake.signedIn(STAFF.kepala, { logger });
    const passphrase = 'correct-horse-battery-staple';
    await expect(
      c.signReports([{ orderId: 'o-1', sampleId: 's-1', reportId: 'r-1' }], passphrase),
    ).rejects.toMatchObject({ code: 'no_keystore' });
    expect(lines.at(-1)).toEqual({
      level: 'warn',
      message: 'signing: refused',
      fields: { source: 'file', reports: 1, code: 'no_keystore', details: {} },
    });
    expect(JSON.stringify(lines)).not.toContain(passphrase);
  });

  it('update checks: none offered, an offer downloaded, a failure with its reason', async () => {
    const { logger, lines } = recorder();
    const flow = (check: () => Promise<{ updateInfo: { version: string } } | null>) =>
      new UpdateFlow({
        port: {
          checkForUpdates: check,
          downloadUpdate: async () => null,
          quitAndInstall: () => {},
          on: () => 0,
        },
        currentVersion: '1.0.0',
        work: () => ({ pendingChanges: 0, signing: false }),
        emit: () => {},
        logger,
      });
    await flow(async () => ({ updateInfo: { version: '1.0.0' } })).check();
    await flow(async () => ({ updateInfo: { version: '1.1.0' } })).check();
    await flow(async () => {
      throw new Error('net::ERR_PROXY_CONNECTION_FAILED');
    }).check();
    expect(lines).toEqual([
      {
        level: 'info',
        message: 'update: checked, none offered',
        fields: { currentVersion: '1.0.0', asked: true },
      },
      {
        level: 'info',
        message: 'update: offered, downloading',
        fields: { currentVersion: '1.0.0', version: '1.1.0' },
      },
      { level: 'info', message: 'update: downloaded', fields: { version: '1.1.0' } },
      {
        level: 'warn',
        message: 'update: check or download failed',
        fields: { currentVersion: '1.0.0', error: 'Error', reason: 'net::ERR_PROXY_CONNECTION_FAILED' },
      },
    ]);
  });
});
