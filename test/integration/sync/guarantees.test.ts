/**
 * The guarantees of DESIGN.md's "Sync" section, one test each, against the real server process:
 *
 * 1. a committed local command survives a crash until it ends applied or rejected;
 * 2. exactly one server effect per command;
 * 3. per-client order kept;
 * 4. no silent drop;
 * 5. retries resume by themselves;
 * 6. pulls atomic;
 * 7. once traffic stops, every client converges to the server.
 */
import { describe, expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { waitFor } from './harness';
import { loginPullAccept, realServerForThisFile } from './setup';

const { server, office, proxy, desktop, desktopProcess } = realServerForThisFile('sippt-guarantees-', {
  http: { timeoutMs: 2000, pullTimeoutMs: 5000 },
  sync: { backoffBaseMs: 40, backoffMaxMs: 300, debounceMs: 5, pullIntervalMs: 60_000 },
});

const assignAll = (o: Order, sampleId: string, analyst: string) =>
  o.samples
    .find((s) => s.id === sampleId)!
    .analyses.map((a) => ({ analysisId: a.id, analystId: server.user(analyst).id }));

describe('sync guarantees (DESIGN.md)', () => {
  it('1. a committed local command survives a crash until it ends applied or rejected', async () => {
    const good = await office.orderInLab();
    const doomed = await office.orderInLab();
    const p = await proxy();
    const penyelia = desktopProcess('penyelia.karet', p);
    const c1 = penyelia.run([...loginPullAccept(good, doomed), { do: 'hang' }]);
    const a = (await c1.line(2)).commandId as string;
    const b = (await c1.line(3)).commandId as string;
    await c1.kill();
    // While the desktop is down, the sample of the second order is rejected online.
    await office.ok(
      'penyelia.karet',
      'post',
      `/orders/${doomed.id}/samples/${doomed.samples[0]!.id}/reject`,
      { reason: 'Kemasan bocor saat diterima' },
    );
    // Restarted without the network: both commands are still there.
    p.offline = true;
    const c2 = penyelia.run([{ do: 'login', mode: 'offline' }, { do: 'status' }]);
    const kept = (await c2.line(1)) as { commands: { id: string; status: string }[] };
    expect(kept.commands.map((c) => [c.id, c.status])).toEqual([
      [a, 'pending'],
      [b, 'pending'],
    ]);
    await c2.exited;
    // Back online: one ends applied, the other rejected (visible), none is lost.
    p.offline = false;
    const c3 = penyelia.run([{ do: 'login' }, { do: 'drain' }, { do: 'status' }]);
    const end = (await c3.line(2)) as {
      status: { rejected: number };
      commands: { id: string; status: string }[];
    };
    expect(end.commands.map((c) => [c.id, c.status])).toEqual([
      [a, 'applied'],
      [b, 'rejected'],
    ]);
    expect(end.status.rejected).toBe(1);
  });

  it('2. exactly one server effect per command, however often it is sent', async () => {
    const order = await office.orderInTesting({ params: 3 });
    const { core, proxy: p } = await desktop('analis.karet1');
    const s = order.samples[0]!;
    for (const a of s.analyses) core.saveResult(order.id, s.id, a.id, { value: '0,5' });
    // Every request reaches the server twice at once...
    p.rule = () => ({ kind: 'duplicate' });
    const bodies: Buffer[] = [];
    const before = p.rule;
    p.rule = (r) => {
      if (r.path.endsWith('/sync/push')) bodies.push(r.body);
      return before(r);
    };
    await core.syncNow();
    // ...and the same push is replayed much later, by hand.
    const replay = await office.call<{ outcomes: { status: string }[] }>(
      'analis.karet1',
      'post',
      '/sync/push',
      JSON.parse(bodies[0]!.toString()),
    );
    expect(replay.status).toBe(200);
    expect(replay.data.outcomes.map((o) => o.status)).toEqual(['applied', 'applied', 'applied']);
    const applications = await office.applications([order.id]);
    for (const c of core.diagnostics.store.commands()) expect(applications.get(c.id)?.size).toBe(1);
    expect((await office.order(order.id)).version).toBe(core.order(order.id)!.version);
  });

  it('3. per-client order kept: the server applies a client’s commands in its seq order', async () => {
    const orders = [await office.orderInLab(), await office.orderInLab(), await office.orderInLab()];
    const { core, proxy: p } = await desktop('penyelia.karet', {
      sync: { pushBatch: 2, backoffBaseMs: 20, debounceMs: 1 },
    });
    p.offline = true;
    // Interleaved chains over three orders: accept then assign, each.
    for (const o of orders) core.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    for (const o of orders.reverse())
      core.assignAnalysts(o.id, o.samples[0]!.id, assignAll(o, o.samples[0]!.id, 'analis.karet2'));
    p.offline = false;
    p.rule = (r) => (r.n % 3 === 0 ? { kind: 'drop' } : { kind: 'pass' });
    core.diagnostics.sync.start();
    await waitFor(() => core.status().pending === 0 && !core.status().syncing, 20_000, 'drained');
    core.diagnostics.sync.stop();
    const applications = await office.applications(orders.map((o) => o.id));
    const commands = core.diagnostics.store.commands();
    expect(commands.every((c) => c.status === 'applied')).toBe(true);
    const positions = commands.map((c) => [...applications.get(c.id)!][0]!);
    expect(positions).toEqual([...positions].sort((x, y) => x - y));
  });

  it('4. no silent drop: every command ends applied, or rejected with a reason the user sees', async () => {
    const order = await office.orderInLab();
    const other = await office.orderInLab();
    const { core, proxy: p } = await desktop('penyelia.karet');
    const s = order.samples[0]!;
    p.offline = true;
    const accept = core.acceptSample(order.id, s.id, 'Segel utuh');
    const assign = core.assignAnalysts(order.id, s.id, assignAll(order, s.id, 'analis.karet1'));
    const unrelated = core.acceptSample(other.id, other.samples[0]!.id, 'Segel utuh');
    // Online, the same sample is rejected meanwhile (from the Penyelia's browser).
    await office.ok('penyelia.karet', 'post', `/orders/${order.id}/samples/${s.id}/reject`, {
      reason: 'Sampel rusak saat diterima',
    });
    p.offline = false;
    await core.syncNow();
    const rejected = core.rejectedCommands();
    expect(rejected.map((r) => r.id)).toEqual([accept.command.id]);
    expect(rejected[0]!.rejection!.message.id.length).toBeGreaterThan(10);
    expect(rejected[0]!.summary).toMatch(/Terima sampel/);
    expect(core.diagnostics.store.command(assign.command.id)!.status).toBe('blocked');
    expect(core.status()).toMatchObject({ rejected: 1, blocked: 1, pending: 0 });
    core.dismiss(accept.command.id);
    // The assignment was built on the refused acceptance: it becomes a rejection of its own, visible.
    expect(core.rejectedCommands().map((r) => r.id)).toEqual([assign.command.id]);
    core.dismiss(assign.command.id);
    await core.syncNow();
    const applications = await office.applications([order.id, other.id]);
    const all = core.diagnostics.store.commands();
    expect(all.map((c) => [c.id, c.status, c.resolution])).toEqual([
      [accept.command.id, 'rejected', 'dismissed'],
      [assign.command.id, 'rejected', 'dismissed'],
      [unrelated.command.id, 'applied', null],
    ]);
    for (const c of all) expect(applications.get(c.id)?.size ?? 0).toBe(c.status === 'applied' ? 1 : 0);
    expect(core.order(order.id)).toEqual(await office.order(order.id));
  });

  it('5. retries resume by themselves after network errors and 5xx, without a new local write', async () => {
    const order = await office.orderInLab();
    const { core, proxy: p } = await desktop('penyelia.karet');
    core.acceptSample(order.id, order.samples[0]!.id, 'Segel utuh');
    let calls = 0;
    p.rule = () =>
      ++calls <= 3 ? { kind: 'status', status: 503 } : calls <= 5 ? { kind: 'refuse' } : { kind: 'pass' };
    core.diagnostics.sync.start();
    await waitFor(() => core.status().retryAttempt >= 2, 10_000, 'retrying');
    expect(core.status()).toMatchObject({ online: false, pending: 1 });
    expect(core.status().nextRetryAt).not.toBeNull();
    await waitFor(
      () => core.status().pending === 0 && core.status().online === true,
      20_000,
      'recovered by itself',
    );
    core.diagnostics.sync.stop();
    expect(calls).toBeGreaterThan(5);
    expect((await office.order(order.id)).samples[0]!.status).toBe('received');
  });

  it('6. pulls atomic: a pull that fails half-way leaves the copy as it was', async () => {
    const { core, proxy: p } = await desktop('penyelia.karet', { sync: { pullLimit: 2, debounceMs: 1 } });
    const snapshot = () => {
      const { server_time_offset_ms: _offset, ...state } = core.diagnostics.store.syncState();
      return { orders: core.diagnostics.store.allOrders(), state, worklist: core.worklist() };
    };
    const before = snapshot();
    const fresh = [];
    for (let i = 0; i < 5; i++) fresh.push(await office.orderInLab());
    let pulls = 0;
    p.rule = (r) => (r.path.endsWith('/sync/pull') && ++pulls === 3 ? { kind: 'refuse' } : { kind: 'pass' });
    await expect(core.diagnostics.sync.pullNow()).rejects.toThrow();
    expect(pulls).toBe(3); // two pages fetched, the third failed
    expect(snapshot()).toEqual(before);
    await core.diagnostics.sync.pullNow();
    const ids = core.diagnostics.store.orderIds();
    for (const o of fresh) expect(ids).toContain(o.id);
  });

  it('7. once traffic stops, every client converges to the server', async () => {
    const orders = [
      await office.orderInLab({ params: 2 }),
      await office.orderInTesting({ params: 2 }),
      await office.orderInLab({ params: 2 }),
    ];
    {
      const o3 = orders[2]!;
      const sid = o3.samples[0]!.id;
      await office.ok('penyelia.karet', 'post', `/orders/${o3.id}/samples/${sid}/accept`, {
        condition: 'Segel utuh',
      });
      await office.ok('penyelia.karet', 'post', `/orders/${o3.id}/samples/${sid}/assign`, {
        assignments: assignAll(o3, sid, 'analis.karet2'),
      });
    }
    const penyelia = await desktop('penyelia.karet');
    const mt = await desktop('mt.karet');
    const analis = await desktop('analis.karet1');
    for (const d of [penyelia, mt, analis]) d.proxy.offline = true;
    const [o1, o2, o3] = orders as [Order, Order, Order];
    penyelia.core.acceptSample(o1.id, o1.samples[0]!.id, 'Segel utuh');
    for (const a of o2.samples[0]!.analyses)
      analis.core.saveResult(o2.id, o2.samples[0]!.id, a.id, { value: '0,7' });
    for (const a of o2.samples[0]!.analyses) analis.core.submitResults(o2.id, o2.samples[0]!.id, [a.id]);
    // Online meanwhile: the MT returns o3's assignment and the Penyelia gives it to analis.karet1 instead.
    await office.ok('mt.karet', 'post', `/orders/${o3.id}/samples/${o3.samples[0]!.id}/assignment/return`, {
      reason: 'Analis sedang cuti minggu ini',
    });
    await office.ok('penyelia.karet', 'post', `/orders/${o3.id}/samples/${o3.samples[0]!.id}/assign`, {
      assignments: assignAll(o3, o3.samples[0]!.id, 'analis.karet1'),
    });
    for (const d of [penyelia, mt, analis]) d.proxy.offline = false;
    for (const d of [penyelia, mt, analis]) await d.core.syncNow();
    await penyelia.core.syncNow();
    penyelia.core.verifyResults(o2.id, o2.samples[0]!.id);
    await penyelia.core.syncNow();
    mt.core.validateAssignment(o3.id, o3.samples[0]!.id);
    await mt.core.syncNow();
    await analis.core.syncNow();
    expect(analis.core.diagnostics.store.orderIds()).toContain(o3.id);
    // Traffic stops: every copy equals the server's view of that user's bucket.
    for (const [user, d] of [
      ['penyelia.karet', penyelia],
      ['mt.karet', mt],
      ['analis.karet1', analis],
    ] as const) {
      await d.core.syncNow();
      const theirs = await office.bucket(user);
      const mine = d.core.diagnostics.store.allOrders();
      // Orders of earlier tests are in the buckets too: compare the whole bucket.
      expect(mine.map((o) => o.id)).toEqual(theirs.map((o) => o.id));
      expect(mine).toEqual(theirs);
      expect(d.core.status()).toMatchObject({ pending: 0, blocked: 0 });
    }
  });
});
