/**
 * DesktopServices as the UI uses it (through the bridge): events that survive a re-login, online
 * or offline from the sync engine, conflicts told apart from held-back changes, one way to fail for
 * dismiss and redo, a new action waking a backing-off sync, blocked counts and the SOP clock on
 * worklist rows, what a push batch does after a rejection, and the order history.
 */
import { describe, expect, it } from 'vitest';
import { ActionRejectedError } from '../../../main/services/actions/local-actions';
import { ManualScheduler } from '../../../main/services/clock';
import type { DesktopEvents, DesktopServices } from '../../../main/services/desktop';
import { orderInLab, STAFF } from './fixtures';
import { until } from './helpers';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer();

function record(c: DesktopServices) {
  const seen: { [E in keyof DesktopEvents]: DesktopEvents[E][] } = {
    status: [],
    session: [],
    data: [],
    signing: [],
    outdated: [],
  };
  c.on('status', (s) => seen.status.push(s));
  c.on('session', (s) => seen.session.push(s));
  c.on('data', (d) => seen.data.push(d));
  return seen;
}

/** An order in the lab on the server, and its Penyelia signed in on a new client whose events are recorded. */
async function penyeliaWithOrder() {
  const o = orderInLab();
  fake.server.put(o);
  const c = fake.client();
  const seen = record(c);
  await c.login('penyelia1', STAFF.penyelia.password);
  return { o, c, seen };
}

const expectRejected = (fn: () => unknown, code: string) => {
  try {
    fn();
  } catch (e) {
    expect(e).toBeInstanceOf(ActionRejectedError);
    expect((e as ActionRejectedError).code).toBe(code);
    expect((e as ActionRejectedError).reason.id.length).toBeGreaterThan(5);
    expect((e as ActionRejectedError).reason.en.length).toBeGreaterThan(5);
    return;
  }
  throw new Error('expected a rejection');
};

describe('DesktopServices for the UI', () => {
  it('status, session and data listeners keep firing across a re-login and a logout/login', async () => {
    const { o, c, seen } = await penyeliaWithOrder();
    expect(seen.session.at(-1)!.user.username).toBe('penyelia1');
    await c.syncNow();
    await c.relogin(STAFF.penyelia.password);
    const before = seen.status.length;
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    // The engine behind it is new; the subscription is the app's.
    expect(seen.status.length).toBeGreaterThan(before);
    expect(seen.status.at(-1)!.pending).toBe(1);
    expect(seen.data.at(-1)).toEqual({ orderIds: [o.id] });
    await c.syncNow();
    expect(seen.status.at(-1)!.pending).toBe(0);
    // No session event of "nobody" in the middle of a re-login.
    expect(seen.session.filter((s) => s === null)).toHaveLength(0);
    await c.logout();
    expect(seen.session.at(-1)).toBeNull();
    expect(() => c.status()).toThrow(/not signed in/);
    await c.login('penyelia1', STAFF.penyelia.password);
    const n = seen.status.length;
    await c.syncNow();
    expect(seen.status.length).toBeGreaterThan(n);
  });

  it('a re-login with a wrong password keeps the user signed in, with the queue and the session as they were', async () => {
    const { o, c, seen } = await penyeliaWithOrder();
    await c.syncNow();
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    await expect(c.relogin('salah-sandi-123')).rejects.toMatchObject({ code: 'invalid_credentials' });
    expect(c.signedIn).toBe(true);
    expect(seen.session.filter((s) => s === null)).toHaveLength(0);
    expect(c.status().pending).toBe(1);
    await c.relogin(STAFF.penyelia.password);
    await c.syncNow();
    expect(c.status().pending).toBe(0);
  });

  it("session.mode follows the sync engine's connectivity, and each change is told once", async () => {
    fake.server.put(orderInLab());
    const c = fake.client();
    const seen = record(c);
    await c.login('penyelia1', STAFF.penyelia.password);
    expect(c.session!.mode).toBe('online');
    fake.server.fault('/sync/pull', 503, 1);
    await expect(c.syncNow()).rejects.toThrow();
    expect(c.session!.mode).toBe('offline');
    expect(seen.session.at(-1)!.mode).toBe('offline');
    await c.syncNow();
    expect(c.session!.mode).toBe('online');
    expect(seen.session.map((s) => s?.mode)).toEqual(['online', 'offline', 'online']);
  });

  it('an offline login turns online once the server answers a sync', async () => {
    fake.server.put(orderInLab());
    const first = fake.client();
    await first.login('penyelia1', STAFF.penyelia.password);
    first.close();
    const c = fake.client();
    await c.login('penyelia1', STAFF.penyelia.password, 'offline');
    expect(c.session!.mode).toBe('offline');
    await c.syncNow();
    expect(c.session!.mode).toBe('online');
  });

  it('dismiss and redo of an unknown (or already settled) id fail the same way: not_found', async () => {
    fake.server.put(orderInLab());
    const c = fake.client();
    await c.login('penyelia1', STAFF.penyelia.password);
    expectRejected(() => c.dismiss('00000000-0000-4000-8000-00000000dead'), 'not_found');
    expectRejected(() => c.redo('00000000-0000-4000-8000-00000000dead'), 'not_found');
    const o = orderInLab();
    fake.server.put(o);
    await c.syncNow();
    const r = c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    // A command that was not rejected is not a rejected change either.
    expectRejected(() => c.dismiss(r.command.id), 'not_found');
    expectRejected(() => c.redo(r.command.id), 'not_found');
  });

  it('a conflict says who changed it and what, and whether redo can help; a held-back change says so', async () => {
    const { o, s, c } = await fake.analystInTesting(2);
    const [a1, a2] = s.analyses;
    const save = c.saveResult(o.id, s.id, a1!.id, { value: '0,12' });
    const submit = c.submitResults(o.id, s.id, [a1!.id]);
    fake.server.analystSavesOnline(o.id, s.id, a1!.id);
    await c.syncNow();
    const later = c.saveResult(o.id, s.id, a2!.id, { value: '0,3' });
    const ch = c.changes();
    expect(ch.rejected).toHaveLength(1);
    const rej = ch.rejected[0]!;
    expect(rej.id).toBe(save.command.id);
    expect(rej.rejectionKind).toBe('conflict');
    expect(rej.conflict!.redoPossible).toBe(true);
    expect(rej.conflict!.byUserId).toBe(STAFF.analis.id);
    expect(rej.conflict!.what.en).toMatch(/changed by someone else/);
    expect(ch.blocked.map((b) => [b.id, b.rejectionKind])).toEqual([
      [submit.command.id, 'depends_on_rejected'],
      [later.command.id, 'depends_on_rejected'],
    ]);
    // The worklist row shows the held-back changes.
    expect(c.worklist()[0]!.blocked_commands).toBe(2);
    expect(
      c
        .orderChanges(o.id)
        .map((x) => x.id)
        .sort(),
    ).toEqual([save.command.id, submit.command.id, later.command.id].sort());
    // Dismissing the save turns the submit built on it into a rejection of its own: held back, not stale.
    c.dismiss(save.command.id);
    const dep = c.changes().rejected[0]!;
    expect(dep.id).toBe(submit.command.id);
    expect(dep.rejectionKind).toBe('depends_on_rejected');
    c.dismiss(submit.command.id);
    expect(c.worklist()[0]!.blocked_commands).toBe(0);
  });

  it('a return by the MT while the user was offline: who, the reason, and that redo cannot help', async () => {
    const o = orderInLab({ stage: 'in_testing', analyses: 1 });
    const s = o.samples[0]!;
    const a = s.analyses[0]!;
    fake.server.put(o);
    fake.server.analystSavesOnline(o.id, s.id, a.id);
    fake.server.apply('result.submit', o.id, { sampleId: s.id, analysisId: a.id }, STAFF.analis);
    fake.server.apply('results.verify', o.id, { sampleId: s.id }, STAFF.penyelia);
    const c = await fake.signedIn(STAFF.mt);
    const validate = c.validateResults(o.id, s.id);
    fake.server.apply(
      'results.return',
      o.id,
      { sampleId: s.id, reason: 'Ulangi kadar air: duplo menyimpang' },
      STAFF.mt,
    );
    await c.syncNow();
    const [rej] = c.changes().rejected;
    expect(rej!.id).toBe(validate.command.id);
    expect(rej!.rejectionKind).toBe('conflict');
    expect(rej!.conflict).toMatchObject({ byUserId: STAFF.mt.id, byRole: 'mt', redoPossible: false });
    expect(rej!.conflict!.byName).toBe(STAFF.mt.name);
    expect(rej!.conflict!.what.id).toMatch(/Ulangi kadar air/);
    expect(rej!.conflict!.at).not.toBeNull();
  });

  it('a new local action wakes a sync that is backing off', async () => {
    const o = orderInLab({ analyses: 1 });
    fake.server.put(o);
    const sched = new ManualScheduler();
    const c = fake.client({
      scheduler: sched,
      random: () => 1,
      sync: { backoffBaseMs: 30_000, backoffMaxMs: 60_000, debounceMs: 5, pullIntervalMs: 600_000 },
    });
    await c.login('penyelia1', STAFF.penyelia.password);
    await c.syncNow();
    fake.server.fault('/sync/pull', 503, 1);
    c.diagnostics.sync.start();
    sched.advance(0);
    await until(() => c.status().retryAttempt === 1 && !c.status().syncing, 5000, 'first failure');
    const retryAt = Date.parse(c.status().nextRetryAt!);
    expect(retryAt - Date.now()).toBeGreaterThan(20_000);
    // The server is back; the user acts: the push goes after the debounce, not after the backoff.
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    expect(c.status().nextRetryAt).toBeNull();
    expect(sched.nextDelay()).toBe(5);
    sched.advance(5);
    await until(() => c.status().pending === 0 && !c.status().syncing, 5000, 'delivery');
    expect(fake.server.orders.get(o.id)!.samples[0]!.status).toBe('received');
    c.diagnostics.sync.stop();
  });

  it('same push: independent commands on an order are decided on their own; those built on a rejected one wait', async () => {
    const { o, s, c } = await fake.analystInTesting(2);
    const [a1, a2] = s.analyses;
    const save1 = c.saveResult(o.id, s.id, a1!.id, { value: '0,12' });
    const save2 = c.saveResult(o.id, s.id, a2!.id, { value: '0,3' });
    const submit1 = c.submitResults(o.id, s.id, [a1!.id]);
    fake.server.analystSavesOnline(o.id, s.id, a1!.id);
    await c.syncNow();
    const status = (id: string) => c.diagnostics.store.command(id)!.status;
    // save1 and save2 went in one push: save2 does not depend on save1 and was applied.
    expect(status(save1.command.id)).toBe('rejected');
    expect(status(save2.command.id)).toBe('applied');
    // submit1 is built on save1: never in the same push as it, and held back after the rejection.
    expect(status(submit1.command.id)).toBe('blocked');
    expect(fake.server.appliedCounts().has(submit1.command.id)).toBe(false);
  });

  it('worklist rows carry the SOP clock and sort overdue first; filters and facets', async () => {
    const late = orderInLab({ stage: 'in_testing', analyses: 1 });
    const fresh = orderInLab({ stage: 'registered' });
    fake.server.put(late);
    fake.server.put(fresh);
    const c = await fake.signedIn(STAFF.penyelia);
    const rows = c.worklist();
    const byOrder = new Map(rows.map((r) => [r.order_id, r]));
    expect(byOrder.get(late.id)!.step).toBe(14);
    expect(byOrder.get(fresh.id)!.step).toBe(12);
    expect(byOrder.get(fresh.id)!.due_at).not.toBeNull();
    expect(byOrder.get(fresh.id)!.lab_id).toBe(fresh.samples[0]!.labId);
    // Ten years on, everything is overdue; nothing is overdue ten years back: either way the page is complete and stable.
    const page = c.worklistPage({ limit: 1 });
    expect(page.total).toBe(2);
    const second = c.worklistPage({ limit: 1, after: page.next });
    expect(new Set([page.rows[0]!.id, second.rows[0]!.id]).size).toBe(2);
    expect(second.next).toBeNull();
    expect(c.worklistPage({ sampleTypeName: fresh.samples[0]!.sampleTypeName }).total).toBeGreaterThan(0);
    expect(c.worklistPage({ labId: 'nope' }).total).toBe(0);
    // Overdue first, then oldest: the older sample is made not due, the newer one overdue.
    const db = c.diagnostics.store.ws.db;
    const older = new Date(Date.now() - 3_600_000).toISOString();
    const newer = new Date().toISOString();
    const [x, y] = [late.samples[0]!.id, fresh.samples[0]!.id];
    db.prepare('UPDATE samples SET action_rank = 0, sort_at = ?, due_at = ? WHERE id = ?').run(
      older,
      new Date(Date.now() + 86_400_000).toISOString(),
      x,
    );
    db.prepare('UPDATE samples SET action_rank = 0, sort_at = ?, due_at = ? WHERE id = ?').run(
      newer,
      new Date(Date.now() - 60_000).toISOString(),
      y,
    );
    expect(c.worklistPage({}).rows.map((r) => r.id)).toEqual([y, x]);
    const p1 = c.worklistPage({ limit: 1 });
    expect(c.worklistPage({ limit: 1, after: p1.next }).rows.map((r) => r.id)).toEqual([x]);
    const f = c.worklistFacets();
    expect(f.statuses.map((x) => x.status).sort()).toEqual(['in_testing', 'registered']);
    expect(f.labs.map((l) => l.id)).toEqual([fresh.samples[0]!.labId]);
  });

  it('staff carry each analyst\u2019s open work from the working copy', async () => {
    const o = orderInLab({ stage: 'in_testing', analyses: 3 });
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    const analis = c.staff({ role: 'analis' }).find((u) => u.id === STAFF.analis.id)!;
    expect(analis.openWork).toBe(3);
    expect(c.staff({ role: 'analis' }).find((u) => u.id === STAFF.analis2.id)!.openWork).toBe(0);
  });

  it('retest and submit of several analyses: one command each, all or none', async () => {
    const { o, s, c } = await fake.analystInTesting(2);
    for (const a of s.analyses) c.saveResult(o.id, s.id, a.id, { value: '1' });
    const r = c.submitResults(
      o.id,
      s.id,
      s.analyses.map((a) => a.id),
    );
    expect(r.commands).toHaveLength(2);
    expect(r.order.samples[0]!.analyses.every((a) => a.status === 'submitted')).toBe(true);
    const before = c.status().pending;
    // The second is already submitted: nothing of the batch is queued.
    expectRejected(() => c.submitResults(o.id, s.id, [s.analyses[0]!.id]), 'invalid_transition');
    expect(c.status().pending).toBe(before);
  });

  it('results as typed go through the shared interpreter: decimal comma, below the limit, refused text', async () => {
    const { o, s, c } = await fake.analystInTesting(3);
    const [a1, a2, a3] = s.analyses;
    const result = (id: string) => c.order(o.id)!.samples[0]!.analyses.find((a) => a.id === id)!.result!;
    c.saveResult(o.id, s.id, a1!.id, { value: '12,5' });
    expect(result(a1!.id)).toMatchObject({ value: '12,5', numeric: 12.5, belowDetectionLimit: false });
    c.saveResult(o.id, s.id, a2!.id, { value: '<0,05', notes: 'duplo' });
    expect(result(a2!.id)).toMatchObject({
      numeric: null,
      belowDetectionLimit: true,
      detectionLimit: 0.05,
      notes: 'duplo',
    });
    const before = c.status().pending;
    // A numeric requirement: words are not a result; the message says how to write one.
    expectRejected(() => c.saveResult(o.id, s.id, a3!.id, { value: 'negatif' }), 'invalid_payload');
    expect(c.status().pending).toBe(before);
  });

  it('history: the server\u2019s when online, the cache offline, the order\u2019s own record without either; local changes added', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    // A server without the history route: the order's own record, and the local change.
    const none = await c.history(o.id);
    expect(none.source).toBe('local_only');
    expect(none.entries.some((e) => e.command === 'order.submit')).toBe(true);
    expect(none.entries.filter((e) => e.source === 'local').map((e) => e.command)).toEqual(['sample.accept']);
    const entry = {
      at: '2026-03-02T03:00:00.000Z',
      actorId: STAFF.cs.id,
      actorName: 'Cs 1',
      role: 'cs',
      command: 'sample.register',
      step: 11,
      entity: 'sample',
      entityId: o.samples[0]!.id,
      sampleId: o.samples[0]!.id,
      from: 'awaiting_registration',
      to: 'registered',
      reason: null,
    };
    fake.server.history.set(o.id, [entry]);
    const online = await c.history(o.id);
    expect(online.source).toBe('server');
    expect(online.entries.map((e) => [e.command, e.source])).toEqual([
      ['sample.register', 'server'],
      ['sample.accept', 'local'],
    ]);
    fake.server.fault('/sync/pull', 503, 1);
    await expect(c.syncNow()).rejects.toThrow();
    const cached = await c.history(o.id);
    expect(cached.source).toBe('cache');
    expect(cached.fetchedAt).toBe(online.fetchedAt);
    expect(cached.entries.map((e) => e.command)).toEqual(['sample.register', 'sample.accept']);
  });
});
