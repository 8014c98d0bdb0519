/**
 * Issue 12, the server side of a restore: the history epoch in every pull cursor; a cursor of
 * another epoch, or ahead of the feed, refused with 409 history_changed (and the latter, proof of a
 * restore, starts a new epoch); a push from a client told of applied commands the server no longer
 * has refused the same way, applying nothing; SQLite: a database put back behind its history mark
 * gets a new epoch when opened. (Desktops: test/integration/sync/restore.test.ts.)
 */
import { randomUUID } from 'node:crypto';
import { copyFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { historyEpoch, newHistoryEpoch, openDatabase } from '../../../server/db/connect';
import { PULL_CURSOR_PATTERN, type OutboxCommand } from '../../../shared/api/sync';
import { describeEachDialect, suiteTempDir } from './harness';
import { suiteFlow } from './flow';

describeEachDialect('sync across a restore', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const pull = (user: string, clientId: string, cursor: string | null) =>
    s.as(user).post('sync/pull', { clientId, cursor, limit: 1000 });

  it('cursors carry the epoch; another epoch or a position ahead of the feed is refused with 409 history_changed', async () => {
    await f.toPaid();
    const clientId = randomUUID();
    const first = await pull('cs1', clientId, null);
    expect(first.status).toBe(200);
    const cursor = first.body.cursor as string;
    const epoch = await historyEpoch(s.handle);
    expect(cursor.startsWith(`${epoch}:`)).toBe(true);
    expect(new RegExp(PULL_CURSOR_PATTERN).test(cursor)).toBe(true);
    expect((await pull('cs1', clientId, cursor)).status).toBe(200);

    // A restore elsewhere made a new epoch: the old cursor is refused, a full pull works.
    await newHistoryEpoch(s.handle);
    const refused = await pull('cs1', clientId, cursor);
    expect(refused.status).toBe(409);
    expect(refused.body.error.code).toBe('history_changed');
    expect(refused.body.error.message.id).toMatch(/dipulihkan/);
    const again = await pull('cs1', clientId, null);
    expect(again.status).toBe(200);

    // A position this server never reached (its database went back): refused, and a new epoch.
    const now = await historyEpoch(s.handle);
    const ahead = dialect === 'sqlite' ? `${now}:999999999` : `${now}:x999999999999`;
    const r = await pull('cs1', clientId, ahead);
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('history_changed');
    expect(await historyEpoch(s.handle)).not.toBe(now);
    // ... so a cursor of the old epoch that is not ahead is refused too.
    expect((await pull('cs1', clientId, again.body.cursor)).status).toBe(409);
  });

  it('a push from a client the server lost applied commands of is refused, applying nothing', async () => {
    const id = await f.toPaid();
    const clientId = randomUUID();
    const epoch = await historyEpoch(s.handle);
    const cmd: OutboxCommand = {
      id: randomUUID(),
      seq: 5,
      type: 'order.cancel',
      aggregateId: id,
      payload: { reason: 'uji pemulihan' },
      baseVersion: null,
      issuedAt: new Date().toISOString(),
    };
    // The client says the server had applied its commands up to seq 4; this server has none of them.
    const r = await s.as('cs1').post('sync/push', { clientId, commands: [cmd], lastAppliedSeq: 4 });
    expect(r.status).toBe(409);
    expect(r.body.error.code).toBe('history_changed');
    expect(await historyEpoch(s.handle)).not.toBe(epoch);
    const order = await s.as('admin').get(`orders/${id}`);
    expect(order.body.order.status).not.toBe('cancelled');
    // Without the claim (or with a true one) the push goes through as before.
    const ok = await s.as('cs1').post('sync/push', { clientId, commands: [cmd], lastAppliedSeq: 0 });
    expect(ok.status).toBe(200);
  });
});

describe('SQLite: a database put back behind its history mark', () => {
  const dir = suiteTempDir('sippt-restore-mark-');

  it('gets a new epoch when opened; a clean reopen keeps it', async () => {
    let h = await openDatabase({ dataDir: dir });
    const epoch = await historyEpoch(h);
    await h.close();
    copyFileSync(join(dir, 'sippt.sqlite'), join(dir, 'backup.sqlite'));
    h = await openDatabase({ dataDir: dir });
    expect(await historyEpoch(h)).toBe(epoch); // reopened: same history
    await h.db
      .updateTable('counters')
      .set((eb) => ({ value: eb('value', '+', 5) }))
      .where('name', '=', 'feed')
      .execute();
    await h.close();
    // Put the backup back (the mark remembers the feed it reached).
    copyFileSync(join(dir, 'backup.sqlite'), join(dir, 'sippt.sqlite'));
    h = await openDatabase({ dataDir: dir });
    expect(await historyEpoch(h)).not.toBe(epoch);
    await h.close();
  });
});
