/**
 * A subcontracted laboratory (ISO/IEC 17025 6.6, 7.8.2.1 p) is the lab's decision: CS names it in
 * the order review of step 5 (order.validate), and the customer sees it with the tariff at step 7.
 * A customer cannot name one: not when submitting, not when resubmitting, not by validating; over
 * sync a customer has no access, and the domain refuses an order.submit that names one
 * (test/unit/domain/report-fields.test.ts).
 */
import { expect, it } from 'vitest';
import { OrderResponseSchema } from '../../../shared/api/http';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

const PARTNER = 'Laboratorium Pengujian Balai Besar Kimia dan Kemasan, Jakarta';

describeEachDialect('subcontractor: staff only (step 5)', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const ordersOf = async (user: string) =>
    (ok(await s.as(user).get('orders')) as { orders: { id: string }[] }).orders.map((o) => o.id);

  it("refuses a customer's order that names a subcontractor, and keeps nothing", async () => {
    const before = await ordersOf(USERS.customer);
    const body = f.oneSample();
    const withSub = { samples: [{ ...body.samples[0]!, subcontractor: PARTNER }] };
    const res = await s.as(USERS.customer).post('orders', withSub);
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({
      error: {
        code: expect.any(String),
        message: { id: expect.any(String), en: expect.stringContaining('subcontractor') },
      },
    });
    expect(await ordersOf(USERS.customer)).toEqual(before);
    // Per parameter is no better.
    const perParameter = {
      samples: [
        {
          ...body.samples[0]!,
          parameters: [{ parameterId: body.samples[0]!.parameterIds[0], subcontractor: PARTNER }],
        },
      ],
    };
    expect((await s.as(USERS.customer).post('orders', perParameter)).status).toBe(400);
    expect(await ordersOf(USERS.customer)).toEqual(before);
  });

  it('CS names the subcontracted parameter when validating; the customer sees it on the order', async () => {
    const o = await f.submit(USERS.customer, f.oneSample());
    const analysis = o.samples[0]!.analyses[1]!;
    expect(analysis.subcontractor ?? null).toBeNull();
    // The customer cannot validate (and so cannot name one that way).
    const own = await s.as(USERS.customer).post(`orders/${o.id}/validate`, {
      subcontractors: [{ analysisId: analysis.id, subcontractor: PARTNER }],
    });
    expect(own.status).toBe(403);
    const res = ok(
      await s.as(USERS.cs).post(`orders/${o.id}/validate`, {
        subcontractors: [{ analysisId: analysis.id, subcontractor: PARTNER }],
      }),
    );
    expect(res.order.status).toBe('validated');
    const seen = OrderResponseSchema.parse(ok(await s.as(USERS.customer).get(`orders/${o.id}`))).order;
    const analyses = seen.samples[0]!.analyses;
    expect(analyses.find((a) => a.id === analysis.id)!.subcontractor).toBe(PARTNER);
    expect(
      analyses.filter((a) => a.id !== analysis.id).every((a) => (a.subcontractor ?? null) === null),
    ).toBe(true);
  });

  it('refuses a subcontractor for a parameter that is not in the order, leaving the order submitted', async () => {
    const o = await f.submit(USERS.customer, f.oneSample());
    const res = await s.as(USERS.cs).post(`orders/${o.id}/validate`, {
      subcontractors: [{ analysisId: '00000000-0000-4000-8000-000000000999', subcontractor: PARTNER }],
    });
    expect(res.status).toBe(422);
    expect(res.body).toMatchObject({
      error: { message: { en: expect.stringContaining('not in this order') } },
    });
    expect((await f.order(o.id)).status).toBe('submitted');
  });

  it('a customer has no sync access to push an order.submit', async () => {
    const res = await s
      .as(USERS.customer)
      .post('sync/push', { clientId: '00000000-0000-4000-8000-00000000c11e', commands: [] });
    expect(res.status).toBe(403);
  });
});
