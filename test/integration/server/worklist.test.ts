/**
 * Issue 12, what integrators and the UIs need: worklist queries on GET /orders (sample and
 * analysis status, "my work" for the caller's role, keyset paging stable while orders arrive and
 * change), and a creating command that answers the new id with a Location header.
 */
import { expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('worklist queries', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const list = async (user: string, q: string) =>
    ok(await s.as(user).get(`orders?${q}`)) as { orders: { id: string }[]; nextCursor: string | null };
  const ids = async (user: string, q: string) => (await list(user, q)).orders.map((o) => o.id);

  it('order submission answers 201 with the new id and a Location', async () => {
    const r = await s.as(USERS.customer).post('orders', f.twoSamples());
    expect(r.status).toBe(201);
    expect(r.body.createdId).toBe(r.body.order.id);
    expect(r.headers.location).toBe(`/api/v1/orders/${r.body.order.id}`);
    expect((await s.as(USERS.customer).get(String(r.headers.location).replace('/api/v1/', ''))).status).toBe(
      200,
    );
  });

  it('filters by sample and analysis status, and "my work" per role', async () => {
    const id = await f.toPaid();
    let o: Order = await f.register(id, 0);
    // Sample 0 waits for the Penyelia (step 12); sample 1 waits for CS registration (step 11).
    expect(await ids(USERS.cs, 'sampleStatus=awaiting_registration&limit=200')).toContain(id);
    expect(await ids(USERS.cs, 'mine=true&limit=200')).toContain(id);
    expect(await ids(USERS.penyeliaKaret, 'mine=true&limit=200')).toContain(id);
    expect(await ids(USERS.mtKaret, 'mine=true&limit=200')).not.toContain(id);
    expect(await ids(USERS.bendahara, 'mine=true&limit=200')).not.toContain(id);
    o = await f.accept(id, 0);
    o = await f.assign(id, 0);
    o = await f.validateAssignment(id, 0);
    const analyst = o.samples[0]!.analyses[0]!.analystId!;
    const analystName = [USERS.analisKaret1, USERS.analisKaret2].find((u) => s.user(u).id === analyst)!;
    expect(await ids(analystName, 'mine=true')).toContain(id);
    expect(await ids(USERS.penyeliaKaret, 'sampleStatus=in_testing&limit=200')).toContain(id);
    expect(await ids(USERS.penyeliaKaret, 'analysisStatus=pending&limit=200')).toContain(id);
    expect(await ids(USERS.penyeliaKaret, 'analysisStatus=verified&limit=200')).not.toContain(id);
    // A filter value outside the enum is a 400.
    expect((await s.as(USERS.cs).get('orders?sampleStatus=bogus')).status).toBe(400);
  });

  it('keyset paging: every order exactly once while new orders arrive and others change between pages', async () => {
    for (let i = 0; i < 6; i++) await f.submit();
    const seen: string[] = [];
    let cursor: string | null = null;
    let page = 0;
    do {
      const r = await list(USERS.admin, `limit=3${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
      seen.push(...r.orders.map((o) => o.id));
      cursor = r.nextCursor;
      if (page++ === 0) {
        // Between pages: a new order arrives and the oldest of the first page is updated.
        await f.submit();
        await f.validate(r.orders[2]!.id);
      }
    } while (cursor);
    expect(new Set(seen).size).toBe(seen.length);
    const all = await s.handle.db.selectFrom('orders').select('id').execute();
    // Everything that existed before the first page was seen (the newcomer is ahead of page 1).
    expect(seen.length).toBe(all.length - 1);
    expect((await s.as(USERS.admin).get('orders?cursor=123')).status).toBe(400);
  });
});
