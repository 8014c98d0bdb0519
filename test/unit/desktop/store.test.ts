/**
 * The local store on its own: pulls applied atomically with pending commands re-applied on top
 * (rebase), removals, recovery of a commit torn between the two files, the worklist, and the
 * server clock as the authority.
 */
import { describe, expect, it } from 'vitest';
import { parseNumeric } from '../../../main/services/actions/local-actions';
import { Workspace } from '../../../main/services/localdb/workspace';
import { orderInLab, STAFF } from './fixtures';
import { onFakeServer } from './on-fake-server';

const fake = onFakeServer('sippt-store-');

describe('pull and rebase', () => {
  it('re-applies pending commands on top of a newer server state', async () => {
    const o = orderInLab({ samples: 2 });
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    const [s1, s2] = o.samples;
    // Offline: accept sample 1. Meanwhile, on the server, sample 2 is rejected (by this same Penyelia online).
    c.acceptSample(o.id, s1!.id, 'Segel utuh');
    fake.server.penyeliaRejectsOnline(o.id, s2!.id);
    // Pull only (no push yet): the new base has s2 rejected, the pending accept of s1 is still on top.
    await c.diagnostics.sync.pullNow();
    const view = c.order(o.id)!;
    expect(view.samples[0]!.status).toBe('received');
    expect(view.samples[1]!.status).toBe('rejected');
    expect(c.diagnostics.store.baseOrder(o.id)!.samples[0]!.status).toBe('registered');
    expect(c.status().pending).toBe(1);
  });

  it('a pending command that no longer decides stays queued, shows nothing, and the server answers it', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    const s = o.samples[0]!;
    const accept = c.acceptSample(o.id, s.id, 'Segel utuh');
    fake.server.penyeliaRejectsOnline(o.id, s.id);
    await c.syncNow();
    expect(c.diagnostics.store.command(accept.command.id)!.status).toBe('rejected');
    expect(c.order(o.id)!.samples[0]!.status).toBe('rejected');
    expect(c.order(o.id)).toEqual(fake.server.orders.get(o.id));
  });

  it('removes an order reassigned away; a command on it is still answered and shown', async () => {
    const o = orderInLab();
    fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    const accept = c.acceptSample(o.id, o.samples[0]!.id, 'Segel utuh');
    // CS re-registers the sample to the other Penyelia (modelled directly on the server state).
    const moved = structuredClone(fake.server.orders.get(o.id)!);
    moved.samples[0]!.penyeliaId = STAFF.penyelia2.id;
    moved.samples[0]!.version += 1;
    moved.version += 1;
    fake.server.put(moved);
    await c.syncNow();
    expect(c.diagnostics.store.orderIds()).toEqual([]);
    expect(c.worklist()).toEqual([]);
    const [rej] = c.rejectedCommands();
    expect(rej!.id).toBe(accept.command.id);
    expect(['forbidden', 'stale_version']).toContain(rej!.rejection!.code);
  });

  it('a pull is applied in one transaction: a failure half-way leaves the copy as it was', async () => {
    const orders = [orderInLab(), orderInLab(), orderInLab()];
    for (const o of orders.slice(0, 1)) fake.server.put(o);
    const c = await fake.signedIn(STAFF.penyelia);
    const before = {
      orders: c.diagnostics.store.allOrders(),
      state: c.diagnostics.store.syncState(),
      worklist: c.worklist(),
    };
    const broken = c.diagnostics.store.preparePut(orders[2]!);
    (broken.samples[0] as { sample_type_name: unknown }).sample_type_name = null; // NOT NULL: fails after the first writes
    expect(() =>
      c.diagnostics.store.applyPull(
        [c.diagnostics.store.preparePut(orders[1]!), { op: 'remove', orderId: orders[0]!.id }, broken],
        {
          cursor: '999',
          lastProcessedSeq: 5,
          at: new Date().toISOString(),
          full: false,
        },
      ),
    ).toThrow();
    expect({
      orders: c.diagnostics.store.allOrders(),
      state: c.diagnostics.store.syncState(),
      worklist: c.worklist(),
    }).toEqual(before);
  });

  it('pages of a pull are gathered and applied together', async () => {
    for (let i = 0; i < 7; i++) fake.server.put(orderInLab());
    const c = await fake.signedIn(STAFF.penyelia, {
      sync: { pullLimit: 2, backoffBaseMs: 10, debounceMs: 1 },
    });
    expect(c.diagnostics.store.orderCount()).toBe(7);
    expect(fake.server.requests.filter((r) => r.path.endsWith('/sync/pull')).length).toBe(4);
  });
});

describe('crash between the two files', () => {
  it('recovers a view without its outbox row, and an outbox row without its view, at the next start', async () => {
    const o1 = orderInLab();
    const o2 = orderInLab();
    fake.server.put(o1);
    fake.server.put(o2);
    const c = await fake.signedIn(STAFF.penyelia);
    const a1 = c.acceptSample(o1.id, o1.samples[0]!.id, 'Segel utuh');
    c.acceptSample(o2.id, o2.samples[0]!.id, 'Segel utuh');
    const dir = c.session!.workspace;
    c.close();
    // Tear: o1's outbox row lost (view kept), o2's view lost (outbox row kept).
    const ws = Workspace.open(dir);
    ws.db.prepare('DELETE FROM ob.outbox WHERE command_id = ?').run(a1.command.id);
    ws.db.prepare('UPDATE orders SET local_json = NULL, pending_commands = 0 WHERE id = ?').run(o2.id);
    ws.close();
    const d = fake.client();
    await d.login('penyelia1', STAFF.penyelia.password);
    expect(d.order(o1.id)!.samples[0]!.status).toBe('registered');
    expect(d.order(o2.id)!.samples[0]!.status).toBe('received');
    expect(d.status().pending).toBe(1);
  });
});

describe('worklist', () => {
  it('shows what each role has to do next, work first, with search', async () => {
    const registered = orderInLab();
    const assigned = orderInLab({ stage: 'assigned' });
    const testing = orderInLab({ stage: 'in_testing' });
    for (const o of [registered, assigned, testing]) fake.server.put(o);
    const p = await fake.signedIn(STAFF.penyelia);
    const rows = p.worklist();
    expect(rows.map((r) => [r.order_id, r.next_action])).toEqual(
      expect.arrayContaining([
        [registered.id, 'sample.accept'],
        [assigned.id, null],
        [testing.id, null],
      ]),
    );
    expect(rows[0]!.next_action).not.toBeNull();
    expect(p.worklist({ actionOnly: true })).toHaveLength(1);
    expect(p.diagnostics.store.worklistCounts()).toEqual({ total: 3, action: 1 });
    expect(p.worklist({ search: registered.number!.slice(-5) }).map((r) => r.order_id)).toEqual([
      registered.id,
    ]);
    expect(p.worklist({ search: '%' })).toEqual([]);
    p.close();

    const mt = await fake.signedIn(STAFF.mt);
    expect(mt.worklist({ actionOnly: true }).map((r) => [r.order_id, r.next_action])).toEqual([
      [assigned.id, 'assignment.validate'],
    ]);
    mt.close();

    const an = await fake.signedIn(STAFF.analis);
    const mine = an.worklist({ actionOnly: true });
    expect(mine.map((r) => [r.order_id, r.next_action, r.analyses_open_mine])).toEqual([
      [testing.id, 'result.save', 2],
    ]);
    const s = testing.samples[0]!;
    for (const a of s.analyses) an.saveResult(testing.id, s.id, a.id, { value: '0,1' });
    expect(an.worklist({ actionOnly: true })[0]).toMatchObject({
      next_action: 'result.submit',
      pending_commands: 2,
    });
    for (const a of s.analyses) an.submitResults(testing.id, s.id, [a.id]);
    expect(an.worklist({ actionOnly: true })).toEqual([]);
  });
});

describe('worklist pages', () => {
  it('pages through the same rows as the full list, with counts for the filter', async () => {
    for (let i = 0; i < 7; i++)
      fake.server.put(orderInLab({ samples: 2, stage: i % 2 === 0 ? 'registered' : 'assigned' }));
    const p = await fake.signedIn(STAFF.penyelia);
    const all = p.worklist();
    expect(all).toHaveLength(14);
    const seen = [];
    let after: string | null = null;
    for (;;) {
      const page = p.worklistPage({ limit: 4, after });
      expect(page.total).toBe(14);
      expect(page.action).toBe(8);
      seen.push(...page.rows);
      if (!page.next) break;
      after = page.next;
    }
    expect(seen).toEqual(all);
    const actionOnly = p.worklistPage({ actionOnly: true, limit: 100 });
    expect(actionOnly).toMatchObject({ total: 8, action: 8, next: null });
    expect(actionOnly.rows.every((r) => r.next_action === 'sample.accept')).toBe(true);
  });
});

describe('server time', () => {
  it('a workstation clock hours off changes nothing: actions carry the server time', async () => {
    const o = orderInLab({ stage: 'in_testing', analyses: 1 });
    fake.server.put(o);
    const skew = -7 * 3600_000; // the PC thinks it is seven hours earlier
    const c = fake.client({ clock: { now: () => Date.now() + skew } });
    await c.login('analis1', STAFF.analis.password);
    await c.syncNow();
    expect(Math.abs(c.status().serverTimeOffsetMs + skew)).toBeLessThan(2000);
    const s = o.samples[0]!;
    c.saveResult(o.id, s.id, s.analyses[0]!.id, { value: '0.1' });
    const r = c.submitResults(o.id, s.id, [s.analyses[0]!.id]);
    expect(Math.abs(Date.parse(r.command.issuedAt) - Date.now())).toBeLessThan(2000);
    expect(Math.abs(Date.parse(r.order.samples[0]!.analyses[0]!.submittedAt!) - Date.now())).toBeLessThan(
      2000,
    );
    // The offset survives a restart with the server away.
    c.close();
    await fake.server.stop();
    const d = fake.client({ clock: { now: () => Date.now() + skew } });
    await d.login('analis1', STAFF.analis.password, 'offline');
    expect(Math.abs(d.status().serverTimeOffsetMs + skew)).toBeLessThan(2000);
  });

  it('parses analysts’ numbers with a comma or a point', () => {
    expect(parseNumeric('0,12')).toBe(0.12);
    expect(parseNumeric('0.12')).toBe(0.12);
    expect(parseNumeric('1.234,5')).toBe(1234.5);
    expect(parseNumeric('-3e-2')).toBe(-0.03);
    expect(parseNumeric('negatif')).toBeNull();
    expect(parseNumeric('< 0,01')).toBeNull();
  });
});
