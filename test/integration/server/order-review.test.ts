/**
 * CS's order review (kaji ulang permintaan, step 5) over HTTP: the answers travel with validate or
 * return, are kept on the order and shown on the history entry of the command that ended the
 * review; a "tidak bisa" cannot validate, an incomplete or malformed review is refused with the
 * error shape, and a refusal leaves the order as it was.
 */
import { expect, it } from 'vitest';
import { OrderHistoryResponseSchema, OrderResponseSchema } from '../../../shared/api/http';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

const ALL_BISA = { sdm: 'bisa', metode: 'bisa', peralatan: 'bisa' } as const;
const NO_EQUIPMENT = { sdm: 'bisa', metode: 'bisa', peralatan: 'tidak_bisa' } as const;
const REASON = 'Kaji ulang permintaan: Kemampuan peralatan tidak bisa. Tanur sedang dikalibrasi.';

describeEachDialect('order review (step 5)', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const history = async (orderId: string, user: string = USERS.cs) =>
    OrderHistoryResponseSchema.parse(ok(await s.as(user).get(`orders/${orderId}/history`))).entries;

  it('validate keeps the answers on the order and on the history entry of step 5', async () => {
    const o = await f.submit();
    const res = ok(await s.as(USERS.cs).post(`orders/${o.id}/validate`, { review: ALL_BISA }));
    expect(res.order.status).toBe('validated');
    const stored = OrderResponseSchema.parse(ok(await s.as(USERS.cs).get(`orders/${o.id}`))).order;
    expect(stored.review).toMatchObject({ answers: ALL_BISA, by: s.user(USERS.cs).id });
    const entries = await history(o.id);
    const step5 = entries.find((e) => e.command === 'order.validate' && e.entity === 'order');
    expect(step5).toMatchObject({ step: 5, review: ALL_BISA, role: 'cs' });
    // Only the entry that ended the review carries it.
    expect(entries.filter((e) => e.review).length).toBe(1);
  });

  it('a return with a "tidak bisa" keeps the answers beside the reason; the resubmitted order is reviewed again', async () => {
    const o = await f.submit();
    ok(await s.as(USERS.cs).post(`orders/${o.id}/return`, { reason: REASON, review: NO_EQUIPMENT }));
    let entries = await history(o.id);
    expect(
      entries.find((e) => e.command === 'order.return_to_customer' && e.entity === 'order'),
    ).toMatchObject({ reason: REASON, review: NO_EQUIPMENT });
    // The customer sees why, with the answers (the review is about the lab, never about a person).
    const mine = await history(o.id, USERS.customer);
    expect(mine.find((e) => e.command === 'order.return_to_customer')).toMatchObject({
      review: NO_EQUIPMENT,
    });

    ok(await s.as(USERS.customer).post(`orders/${o.id}/resubmit`, f.twoSamples()));
    ok(await s.as(USERS.cs).post(`orders/${o.id}/validate`, { review: ALL_BISA }));
    entries = await history(o.id);
    // Each review stays on its own entry: the return's "tidak bisa" and the later validation's "bisa".
    expect(
      entries.find((e) => e.command === 'order.return_to_customer' && e.entity === 'order')?.review,
    ).toEqual(NO_EQUIPMENT);
    expect(entries.find((e) => e.command === 'order.validate' && e.entity === 'order')?.review).toEqual(
      ALL_BISA,
    );
    expect((await f.order(o.id)).review?.answers).toEqual(ALL_BISA);
  });

  it('a "tidak bisa" cannot validate: refused with what to do, the order untouched', async () => {
    const o = await f.submit();
    const res = await s.as(USERS.cs).post(`orders/${o.id}/validate`, { review: NO_EQUIPMENT });
    expect(res.status).toBe(422);
    expect(res.body.error.message.id).toContain('kembalikan pesanan');
    expect(res.body.error.message.en).toContain('Equipment capability');
    const after = await f.order(o.id);
    expect(after.status).toBe('submitted');
    expect(after.number).toBeNull();
    expect(after.review).toBeUndefined();
  });

  it('an incomplete or unknown answer is a 400 naming the field; nothing is stored', async () => {
    const o = await f.submit();
    const missing = await s
      .as(USERS.cs)
      .post(`orders/${o.id}/validate`, { review: { sdm: 'bisa', metode: 'bisa' } });
    expect(missing.status).toBe(400);
    expect(JSON.stringify(missing.body.error)).toContain('peralatan');
    const wrong = await s
      .as(USERS.cs)
      .post(`orders/${o.id}/validate`, { review: { ...ALL_BISA, sdm: 'mungkin' } });
    expect(wrong.status).toBe(400);
    expect(wrong.body.error.message.en).toMatch(/bisa/);
    expect((await f.order(o.id)).status).toBe('submitted');
  });

  it('Ketua Tim returns a tariff without review answers; answers on that return are refused', async () => {
    const id = await f.toValidated();
    const res = await s
      .as(USERS.ketua)
      .post(`orders/${id}/return`, { reason: 'Tarif perlu dihitung ulang.', review: ALL_BISA });
    expect(res.status).toBe(422);
    expect(res.body.error.message.en).toContain('step 5');
    ok(await s.as(USERS.ketua).post(`orders/${id}/return`, { reason: 'Tarif perlu dihitung ulang.' }));
    expect(
      (await history(id)).find((e) => e.command === 'order.return_to_customer')?.review ?? null,
    ).toBeNull();
  });

  it('validate without answers still works (integrators before the review was kept)', async () => {
    const id = await f.toValidated();
    expect((await f.order(id)).review).toBeUndefined();
  });
});
