/**
 * GET /orders/:id/history: who did what when, with reasons, oldest first; readable by exactly
 * those who may read the order, with names withheld where impartiality asks (shared/domain/history.ts).
 */
import { randomUUID } from 'node:crypto';
import { beforeAll, expect, it } from 'vitest';
import { OrderHistoryResponseSchema, type OrderHistoryEntry } from '../../../shared/api/http';
import { API, describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

const RETURN_ASSIGNMENT = 'Analis belum kompeten untuk metode ini.';
const RETURN_RESULTS = 'Perhitungan kadar abu perlu diperiksa ulang.';

describeEachDialect('order history', (dialect) => {
  const { s, f } = suiteFlow(dialect);
  let orderId: string;
  let sampleId: string;
  const history = async (user: string, id = orderId) =>
    s.as(user).get<{ entries: OrderHistoryEntry[] }>(`orders/${id}/history`);

  beforeAll(async () => {
    orderId = await f.toPaid();
    await f.sampleTo(orderId, 0, 'assigned');
    sampleId = (await f.order(orderId)).samples[0]!.id;
    ok(
      await s
        .as(USERS.mtKaret)
        .post(`orders/${orderId}/samples/${sampleId}/assignment/return`, { reason: RETURN_ASSIGNMENT }),
    );
    await f.assign(orderId, 0);
    await f.validateAssignment(orderId, 0);
    // One analysis saved twice before it is submitted: the second save is not history.
    const o = await f.order(orderId);
    const a = o.samples[0]!.analyses[0]!;
    const analyst = s.demo.users.find((u) => u.id === a.analystId)!.username;
    for (const value of ['0,07', '0,08']) {
      ok(
        await s.as(analyst).put(`orders/${orderId}/samples/${sampleId}/analyses/${a.id}/result`, {
          result: { value, numeric: Number(value.replace(',', '.')), unit: a.unit },
        }),
      );
    }
    await f.enterResults(orderId, 0);
    await f.verify(orderId, 0);
    ok(
      await s
        .as(USERS.mtKaret)
        .post(`orders/${orderId}/samples/${sampleId}/results/return`, { reason: RETURN_RESULTS }),
    );
  });

  it('lists what happened oldest first, each with its step, entity, states and reason', async () => {
    const { entries } = OrderHistoryResponseSchema.parse(ok(await history(USERS.cs)));
    const times = entries.map((e) => Date.parse(e.at));
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(entries[0]).toMatchObject({
      command: 'order.submit',
      step: 4,
      entity: 'order',
      entityId: orderId,
      from: null,
      to: 'submitted',
      role: 'pelanggan',
      actorName: s.user(USERS.customer).name,
    });
    const steps = [...new Set(entries.map((e) => e.step).filter((x) => x !== null))];
    expect(steps).toEqual([4, 5, 6, 7, 8, 9, 11, 12, 13, 14, 15]);
    expect(entries.find((e) => e.command === 'payment.confirm_auto' && e.entity === 'order')).toMatchObject({
      role: 'sistem',
      actorName: 'Sistem',
    });

    const returned = entries.filter((e) => e.reason !== null);
    expect(returned.find((e) => e.command === 'assignment.return')).toMatchObject({
      entity: 'sample',
      entityId: sampleId,
      sampleId,
      from: 'assigned',
      to: 'received',
      step: null,
      role: 'mt',
      actorName: s.user(USERS.mtKaret).name,
      reason: RETURN_ASSIGNMENT,
    });
    expect(returned.find((e) => e.command === 'results.return' && e.entity === 'sample')).toMatchObject({
      from: 'results_verified',
      to: 'in_testing',
      reason: RETURN_RESULTS,
    });
    // Re-saving a draft is not history; its first save is.
    expect(entries.some((e) => e.command === 'result.save' && e.from === 'draft' && e.to === 'draft')).toBe(
      false,
    );
    expect(entries.filter((e) => e.command === 'result.save' && e.to === 'draft')).toHaveLength(3);
  });

  it("the analyst of the order reads it, without the customer's identity", async () => {
    const { entries } = ok(await history(USERS.analisKaret1));
    const submit = entries.find((e) => e.command === 'order.submit')!;
    expect(submit).toMatchObject({ role: 'pelanggan', actorId: null, actorName: null });
    expect(entries.find((e) => e.command === 'assignment.return')).toMatchObject({
      actorName: s.user(USERS.mtKaret).name,
      reason: RETURN_ASSIGNMENT,
    });
    const own = entries.find(
      (e) => e.command === 'result.submit' && e.actorId === s.user(USERS.analisKaret1).id,
    );
    expect(own?.actorName).toBe(s.user(USERS.analisKaret1).name);
    expect(JSON.stringify(entries)).not.toContain(s.user(USERS.customer).name);
  });

  it('the customer reads it with the roles but not the names of the staff, and every reason', async () => {
    const { entries } = ok(await history(USERS.customer));
    expect(entries.find((e) => e.command === 'order.submit')).toMatchObject({
      actorName: s.user(USERS.customer).name,
      actorId: s.user(USERS.customer).id,
    });
    for (const e of entries.filter((x) => x.role !== 'pelanggan' && x.role !== 'sistem')) {
      expect(e.actorId, e.command).toBeNull();
      expect(e.actorName, e.command).toBeNull();
    }
    expect(entries.find((e) => e.command === 'assignment.return')).toMatchObject({
      role: 'mt',
      reason: RETURN_ASSIGNMENT,
    });
    const text = JSON.stringify(entries);
    for (const u of [
      USERS.cs,
      USERS.mtKaret,
      USERS.penyeliaKaret,
      USERS.analisKaret1,
      USERS.ketua,
      USERS.bendahara,
    ])
      expect(text).not.toContain(s.user(u).name);
  });

  it('whoever may not read the order gets the same 404 as for the order itself', async () => {
    const missing = await s.as(USERS.customer2).get(`orders/${randomUUID()}/history`);
    expect(missing.status).toBe(404);
    for (const user of [USERS.customer2, USERS.analisKimia1, USERS.penyeliaKimia, USERS.mtKimia]) {
      const h = await history(user);
      const o = await s.as(user).get(`orders/${orderId}`);
      expect(h.status, user).toBe(404);
      expect(o.status, user).toBe(404);
      expect(h.body, user).toEqual(missing.body);
    }
    expect((await s.request('GET', `${API}/orders/${orderId}/history`)).status).toBe(401);
    expect((await s.as(USERS.cs).get('orders/not-a-uuid/history')).status).toBe(400);
  });

  it('is in the OpenAPI document, from the same schema', async () => {
    const doc = ok(await s.request('GET', `${API}/openapi.json`));
    const op = doc.paths['/api/v1/orders/{orderId}/history'].get;
    expect(op.summary).toMatch(/\//);
    expect(JSON.stringify(op.responses)).toContain('actorName');
  });
});
