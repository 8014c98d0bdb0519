/**
 * Demo orders (server/demo-orders.ts): after seeding, the desktop pull of the Karet lab's Penyelia,
 * MT, first analyst and of the Kepala Balai holds samples at every lab step of the SOP; the Kepala
 * Balai's signing queue has three reports whose unsigned E-LHU downloads; the portal has orders in
 * every front-office state and one finished; seeding again changes nothing.
 */
import { createHash } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { PullResponseSchema } from '../../../shared/api/sync';
import type { Order, Sample } from '../../../shared/domain/entities';
import { activeAnalyses } from '../../../shared/domain/state';
import {
  formatDemoOrdersSummary,
  labStepOf,
  seedDemoOrders,
  type DemoOrdersSummary,
} from '../../../server/demo-orders';
import type { ReportServices } from '../../../server/reports/services';
import { describeEachDialect, startDemoOrdersServer, type TestServer } from './harness';
import { orderStatesBefore } from '../../unit/domain/sop-order';
import { ok } from './flow';

describeEachDialect('demo orders', (dialect) => {
  let s: TestServer;
  let summary: DemoOrdersSummary;
  let reports: ReportServices;

  beforeAll(async () => {
    ({ server: s, summary, reports } = await startDemoOrdersServer(dialect));
  }, 60_000);
  afterAll(async () => s?.close());

  /** A desktop's first (full) pull. */
  const pull = async (username: string): Promise<Order[]> => {
    const body = PullResponseSchema.parse(
      ok(
        await s.as(username).post('sync/pull', { clientId: crypto.randomUUID(), cursor: null, limit: 5000 }),
      ),
    );
    expect(body.hasMore).toBe(false);
    return body.changes.flatMap((c) => (c.op === 'put' ? [c.order] : []));
  };
  const samplesOf = (orders: Order[], pick: (x: Sample) => boolean) =>
    orders.flatMap((o) => o.samples.filter(pick).map((x) => ({ order: o, sample: x })));
  const karet = () => s.demo.labs.KRT!;
  const minutesAgo = (at: string | null) => (s.clock.now().getTime() - Date.parse(at!)) / 60_000;

  it('reports what it seeded in one line', () => {
    expect(summary.alreadySeeded).toBe(false);
    expect(summary.byStep).toMatchObject({ 12: 6, 13: 2, 14: 5, 15: 3, 16: 3, 19: 3 });
    expect(formatDemoOrdersSummary(summary)).toMatch(
      /^Demo: \d+ order, \d+ sampel di langkah 12–19 \(12: 6, 13: 2, 14: 5, 15: 3, 16: 3, 17: 1, 19: 3\)$/,
    );
  });

  it("the Penyelia's pull: step 12 (3 registered, 2 received), step 14 and step 15 (one result out of its requirement)", async () => {
    const orders = await pull('penyelia.karet');
    const mine = (x: Sample) => x.penyeliaId === s.user('penyelia.karet').id && x.labId === karet();
    const registered = samplesOf(orders, (x) => mine(x) && x.status === 'registered');
    expect(registered).toHaveLength(3);
    // SOP clocks (20 minutes): one on time, one near, one overdue.
    const waits = registered.map((r) => minutesAgo(r.sample.statusSince)).sort((a, b) => a - b);
    expect(waits[0]).toBeLessThan(10);
    expect(waits[1]).toBeGreaterThan(15);
    expect(waits[1]).toBeLessThan(20);
    expect(waits[2]).toBeGreaterThan(24 * 60);
    expect(samplesOf(orders, (x) => mine(x) && x.status === 'received')).toHaveLength(2);
    const atStep = (n: number) => samplesOf(orders, (x) => mine(x) && labStepOf(x) === n);
    expect(atStep(14)).toHaveLength(4);
    const step15 = atStep(15);
    expect(step15).toHaveLength(2);
    const outside = (v: number, r: { min?: number | null; max?: number | null } | null) =>
      (typeof r?.max === 'number' && v > r.max) || (typeof r?.min === 'number' && v < r.min);
    const failing = step15
      .flatMap((r) => activeAnalyses(r.sample))
      .filter((a) => outside(a.result!.numeric!, a.requirement));
    expect(failing.map((a) => [a.parameterName, a.result!.value])).toEqual([['Kadar kotoran', '0,214']]);
    // The next state stays in the bucket: results verified, waiting for the MT.
    expect(samplesOf(orders, (x) => mine(x) && x.status === 'results_verified')).toHaveLength(2);
  });

  it("the MT's pull: step 13 (one returned before, with the reason) and step 16", async () => {
    const orders = await pull('mt.karet');
    const mine = (x: Sample) => x.mtId === s.user('mt.karet').id;
    const assigned = samplesOf(orders, (x) => mine(x) && x.status === 'assigned');
    expect(assigned).toHaveLength(2);
    const returned = assigned.filter((r) =>
      r.order.returns.some((n) => n.entityId === r.sample.id && n.command === 'assignment.return'),
    );
    expect(returned).toHaveLength(1);
    expect(returned[0]!.order.returns[0]!.reason).toContain('PRI');
    expect(samplesOf(orders, (x) => mine(x) && x.status === 'results_verified')).toHaveLength(2);
  });

  it("analis.karet1's pull: four samples in testing (nothing yet, drafts, partly submitted, a retest with the Penyelia's reason)", async () => {
    const me = s.user('analis.karet1').id;
    const orders = await pull('analis.karet1');
    const testing = samplesOf(
      orders,
      (x) =>
        x.status === 'in_testing' &&
        labStepOf(x) === 14 &&
        activeAnalyses(x).every((a) => a.analystId === me),
    );
    expect(testing).toHaveLength(4);
    const kinds = testing.map(({ sample }) => {
      const st = activeAnalyses(sample).map((a) => a.status);
      if (sample.analyses.some((a) => a.status === 'retest')) return 'retest';
      if (st.includes('submitted')) return 'partial';
      if (st.includes('draft')) return 'draft';
      return 'none';
    });
    expect(kinds.sort()).toEqual(['draft', 'none', 'partial', 'retest']);
    const retest = testing.find(({ sample }) => sample.analyses.some((a) => a.status === 'retest'))!.sample;
    const redo = activeAnalyses(retest).find((a) => a.retestOf !== null)!;
    expect(redo).toMatchObject({ status: 'pending', analystId: me });
    expect(redo.retestReason).toContain('duplo');
    // Draft values are the analyst's own: saved with a test date.
    const draft = testing.flatMap((t) => activeAnalyses(t.sample)).find((a) => a.status === 'draft')!;
    expect(draft.result?.testedOn).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it("the Kepala Balai's queue: three reports whose unsigned E-LHU downloads", async () => {
    const kepala = s.user('kepala').id;
    const orders = await pull('kepala');
    const queue = samplesOf(orders, (x) => x.status === 'awaiting_signature').map(({ order, sample }) => ({
      order,
      sample,
      report: sample.reports.at(-1)!,
    }));
    expect(queue).toHaveLength(3);
    for (const { order, sample, report } of queue) {
      expect(report).toMatchObject({ status: 'awaiting_signature', kepalaBalaiId: kepala });
      const file = await s
        .as('kepala')
        .get(`orders/${order.id}/samples/${sample.id}/reports/${report.id}/file`);
      expect(file.status).toBe(200);
      expect(file.raw.subarray(0, 5).toString('latin1')).toBe('%PDF-');
      expect(createHash('sha256').update(file.raw).digest('hex')).toBe(report.documentHash);
    }
    // Clock of step 19 (30 minutes): on time, near, overdue.
    const waits = queue.map((q) => minutesAgo(q.sample.statusSince)).sort((a, b) => a - b);
    expect(waits[0]).toBeLessThan(15);
    expect(waits[1]).toBeGreaterThan(20);
    expect(waits[1]).toBeLessThan(30);
    expect(waits[2]).toBeGreaterThan(24 * 60);
  });

  it('front-office states for the portal, and one finished order with a signed E-LHU', async () => {
    const list = ok(await s.as('cs1').get('orders?limit=200')).orders as {
      id: string;
      status: string;
      number: string | null;
    }[];
    const statuses = new Set(list.map((o) => o.status));
    for (const st of [...orderStatesBefore('reports_released'), 'finished']) {
      expect(statuses.has(st), st).toBe(true);
    }
    expect(list).toHaveLength(summary.orders);
    const finished = ok(await s.as('pelanggan').get('orders')).orders.find(
      (o: { status: string }) => o.status === 'finished',
    );
    const order = ok(await s.as('pelanggan').get(`orders/${finished.id}`)).order as Order;
    const sample = order.samples[0]!;
    const report = sample.reports[0]!;
    expect(report.status).toBe('released');
    const pdf = await s
      .as('pelanggan')
      .get(`orders/${order.id}/samples/${sample.id}/reports/${report.id}/file`);
    expect(pdf.status).toBe(200);
    expect(pdf.raw.toString('latin1')).toContain('ETSI.CAdES.detached');
    expect(createHash('sha256').update(pdf.raw).digest('hex')).toBe(report.signedHash);
    // A demo customer logs in with the demo password.
    expect(ok(await s.as('qc.musirubber').get('orders')).orders.length).toBeGreaterThan(0);
  });

  it('seeding again changes nothing (idempotent)', async () => {
    const feed = async () =>
      (await s.handle.db.selectFrom('counters').select('value').where('name', '=', 'feed').executeTakeFirst())
        ?.value ?? null;
    const before = await feed();
    const again = await seedDemoOrders({ handle: s.handle, config: s.config, reports }, s.demo);
    expect(again.alreadySeeded).toBe(true);
    expect({ ...again, alreadySeeded: false }).toEqual(summary);
    expect(await feed()).toBe(before);
  });
});
