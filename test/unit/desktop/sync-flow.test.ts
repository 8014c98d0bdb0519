/**
 * The desktop core against the in-memory fake server: login, pull, offline actions, push,
 * rejections (dismiss, redo), blocked commands, 401 refresh, backoff that resumes by itself.
 */
import { describe, expect, it } from 'vitest';
import { ActionRejectedError } from '../../../main/services/actions/local-actions';
import { ManualScheduler } from '../../../main/services/clock';
import { orderInLab, STAFF } from './fixtures';
import { until } from './helpers';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer();

describe('desktop sync against the fake server', () => {
  it('pulls the bucket, queues an offline action and pushes it once', async () => {
    const mine = orderInLab();
    const other = orderInLab({ penyeliaId: STAFF.penyelia2.id });
    fake.server.put(mine);
    fake.server.put(other);
    const c = await fake.signedIn(STAFF.penyelia);
    expect(c.diagnostics.store.orderIds()).toEqual([mine.id]);
    const rows = c.worklist();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.next_action).toBe('sample.accept');

    const sample = mine.samples[0]!;
    const r = c.acceptSample(mine.id, sample.id, 'Segel utuh, suhu ruang');
    expect(r.order.samples[0]!.status).toBe('received');
    expect(c.status().pending).toBe(1);
    expect(c.worklist()[0]!.next_action).toBe('sample.assign_analysts');

    await c.syncNow();
    expect(c.status().pending).toBe(0);
    expect(fake.server.orders.get(mine.id)!.samples[0]!.status).toBe('received');
    expect(fake.server.appliedCounts().get(r.command.id)).toBe(1);
    // After the pull, the local view equals the server's.
    expect(c.order(mine.id)).toEqual(fake.server.orders.get(mine.id));
    expect(c.diagnostics.store.command(r.command.id)!.status).toBe('applied');
  });

  it('refuses locally what the domain core refuses, with its reason, and queues nothing', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.mt);
    expect(() => c.validateAssignment(o.id, o.samples[0]!.id)).toThrow(ActionRejectedError);
    try {
      c.validateAssignment(o.id, o.samples[0]!.id);
    } catch (e) {
      expect((e as ActionRejectedError).code).toBe('invalid_transition');
      expect((e as ActionRejectedError).reason.id.length).toBeGreaterThan(5);
    }
    expect(c.status().pending).toBe(0);
  });

  it('a rejected command is shown, blocks later commands on the same order, and can be dismissed', async () => {
    const { o, s, c } = await fake.analystInTesting(2);
    const [a1, a2] = s.analyses;
    const save = c.saveResult(o.id, s.id, a1!.id, { value: '0,12' });
    // The same analyst saved another value online meanwhile: the offline save is now stale.
    fake.server.analystSavesOnline(o.id, s.id, a1!.id);
    const submit = c.submitResults(o.id, s.id, [a1!.id]);
    expect(submit.command.status).toBe('pending');
    // The submit is built on the save: it is not sent in the same batch, and once the save is
    // rejected it is held back (it would otherwise submit the other value, at the same version number).
    await c.syncNow();
    expect(c.rejectedCommands().map((r) => [r.id, r.rejection?.code])).toEqual([
      [save.command.id, 'stale_version'],
    ]);
    expect(c.diagnostics.store.command(submit.command.id)!.status).toBe('blocked');
    expect(c.diagnostics.store.command(submit.command.id)!.blockedBy).toBe(save.command.id);
    expect(fake.server.orders.get(o.id)!.samples[0]!.analyses[0]!.status).toBe('draft');
    // The local view drops the rejected save and what was built on it.
    expect(c.order(o.id)!.samples[0]!.analyses[0]!.result!.value).toBe('0.5');
    expect(c.order(o.id)!.samples[0]!.analyses[0]!.status).toBe('draft');
    // A new command on the same order is held back while a rejection is unresolved.
    const later = c.saveResult(o.id, s.id, a2!.id, { value: '0.3' });
    expect(later.command.status).toBe('blocked');
    await c.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.analyses[1]!.status).toBe('pending');
    expect(c.status()).toMatchObject({ blocked: 2, rejected: 1, pending: 0 });
    // Dismissing the save turns the submit built on it into a visible rejection of its own.
    c.dismiss(save.command.id);
    const [dep] = c.rejectedCommands();
    expect(dep!.id).toBe(submit.command.id);
    expect(dep!.rejection!.message.en).toMatch(/on top of a change the server rejected/);
    expect(c.status()).toMatchObject({ blocked: 1, rejected: 1 });
    // Dismissing that too releases the independent save of a2.
    c.dismiss(submit.command.id);
    expect(c.status()).toMatchObject({ blocked: 0, rejected: 0, pending: 1 });
    await c.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.analyses[1]!.status).toBe('draft');
    expect(fake.server.orders.get(o.id)!.samples[0]!.analyses[0]!.status).toBe('draft');
    expect(c.order(o.id)).toEqual(fake.server.orders.get(o.id));
    expect(fake.server.appliedCounts().has(submit.command.id)).toBe(false);
  });

  it('redo queues the rejected command again and re-decides the commands built on it after it', async () => {
    const { o, s, c } = await fake.analystInTesting(1);
    const a = s.analyses[0]!;
    const save = c.saveResult(o.id, s.id, a.id, { value: '0.12' });
    const submit = c.submitResults(o.id, s.id, [a.id]);
    fake.server.analystSavesOnline(o.id, s.id, a.id);
    await c.syncNow();
    expect(c.rejectedCommands().map((r) => r.id)).toEqual([save.command.id]);
    const redo = c.redo(save.command.id);
    expect(redo.order.samples[0]!.analyses[0]!.status).toBe('submitted');
    expect(redo.order.samples[0]!.analyses[0]!.result!.value).toBe('0.12');
    const rebased = c.diagnostics.store.command(submit.command.id)!;
    expect(rebased.status).toBe('pending');
    expect(rebased.seq).toBeGreaterThan(redo.command.seq);
    await c.syncNow();
    const onServer = fake.server.orders.get(o.id)!.samples[0]!.analyses[0]!;
    expect(onServer.status).toBe('submitted');
    expect(onServer.result!.value).toBe('0.12');
    expect(c.rejectedCommands()).toHaveLength(0);
    expect(c.order(o.id)).toEqual(fake.server.orders.get(o.id));
  });

  it('redo decides the rejected command again on the current state and sends it', async () => {
    const { o, s, c } = await fake.analystInTesting(1);
    const a = s.analyses[0]!;
    c.saveResult(o.id, s.id, a.id, { value: '0.12' });
    fake.server.analystSavesOnline(o.id, s.id, a.id);
    await c.syncNow();
    const [rej] = c.rejectedCommands();
    expect(rej!.rejection!.code).toBe('stale_version');
    // The local view shows the server's value now, not the rejected one.
    expect(c.order(o.id)!.samples[0]!.analyses[0]!.result!.value).toBe('0.5');
    const redo = c.redo(rej!.id);
    expect(redo.command.redoOf).toBe(rej!.id);
    expect(redo.order.samples[0]!.analyses[0]!.result!.value).toBe('0.12');
    await c.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.analyses[0]!.result!.value).toBe('0.12');
    expect(c.rejectedCommands()).toHaveLength(0);
  });

  it('a 401 refreshes the session and keeps the queue', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    fake.server.expireAccessTokens();
    await c.syncNow();
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
    expect(fake.server.requests.some((r) => r.path.endsWith('/auth/refresh') && r.status === 200)).toBe(true);
  });

  it('retries network errors and 5xx with backoff by itself, without a new local write', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const sched = new ManualScheduler();
    const c = fake.client({ scheduler: sched, random: () => 1 });
    await c.login('penyelia1', STAFF.penyelia.password);
    await c.syncNow();
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    fake.server.fault('/sync/push', 503, 2);
    fake.server.fault('/sync/push', 'drop', 1);
    c.diagnostics.sync.start();
    // The start tick runs at once.
    sched.advance(0);
    await until(() => c.status().retryAttempt === 1, 5000, 'first failure');
    expect(c.status().online).toBe(false);
    expect(sched.nextDelay()).toBe(20); // base 20 ms, jitter at its top
    sched.advance(20);
    await until(() => c.status().retryAttempt === 2, 5000, 'second failure');
    expect(sched.nextDelay()).toBe(40);
    sched.advance(40);
    await until(() => c.status().retryAttempt === 3, 5000, 'third failure');
    expect(sched.nextDelay()).toBe(80);
    sched.advance(80);
    await until(() => c.status().pending === 0 && !c.status().syncing, 5000, 'delivery');
    expect(c.status().online).toBe(true);
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
    c.diagnostics.sync.stop();
  });

  it('keeps colleagues on one PC apart: one workspace per server and user', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const a = await fake.signedIn(STAFF.penyelia);
    a.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    const ws1 = a.session!.workspace;
    a.close();
    const b = fake.client();
    await b.login('penyelia2', STAFF.penyelia2.password);
    expect(b.session!.workspace).not.toBe(ws1);
    expect(b.status().pending).toBe(0);
    expect(b.diagnostics.store.orderIds()).toEqual([]);
    b.close();
    const a2 = fake.client();
    await a2.login('penyelia1', STAFF.penyelia.password);
    expect(a2.status().pending).toBe(1);
  });
});
