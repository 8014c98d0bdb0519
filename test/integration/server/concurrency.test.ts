/**
 * Concurrency: numbers stay unique and gapless under 50 parallel requests (and, on PostgreSQL, with
 * two server processes on one database); a command sent twice applies once.
 */
import { randomUUID } from 'node:crypto';
import { expect, it } from 'vitest';
import { DEFAULT_NUMBER_FORMATS, parseNumber } from '../../../shared/numbering';
import { API, describeEachDialect, PG_URL, spawnServer } from './harness';
import { ok, suiteFlow, USERS } from './flow';

const seqOf = (kind: 'order' | 'sample' | 'lhu', n: string) =>
  parseNumber(DEFAULT_NUMBER_FORMATS[kind], n)!.seq;

describeEachDialect('concurrency', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  it('50 parallel validations (mixed with refused ones) give order numbers 1..50, no gap, no duplicate', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push((await f.submit(USERS.customer, f.oneSample())).id);
    // Also 10 refused commands racing with them: a validation by the wrong role must not use a number.
    const results = await Promise.all([
      ...ids.map((id) => s.as(USERS.cs).post(`orders/${id}/validate`)),
      ...ids.slice(0, 10).map((id) => s.as(USERS.ketua).post(`orders/${id}/validate`)),
    ]);
    expect(results.slice(0, 50).every((r) => r.status === 200)).toBe(true);
    expect(results.slice(50).every((r) => r.status === 403)).toBe(true);
    const seqs = results
      .slice(0, 50)
      .map((r) => seqOf('order', r.body.order.number))
      .sort((a, b) => a - b);
    expect(seqs).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('50 parallel sample registrations and report numbers are gapless too', async () => {
    const ids: string[] = [];
    for (let i = 0; i < 50; i++) ids.push(await f.toPaid());
    const regs = await Promise.all(ids.map((id) => f.register(id, 0)));
    const samples = regs.map((o) => seqOf('sample', o.samples[0]!.number!)).sort((a, b) => a - b);
    expect(samples).toEqual(Array.from({ length: 50 }, (_, i) => i + 1));
  });

  it('a command sent twice (same Idempotency-Key) applies once, also when the copies race', async () => {
    const id = (await f.submit(USERS.customer, f.oneSample())).id;
    const key = randomUUID();
    const copies = await Promise.all(
      Array.from({ length: 8 }, () =>
        s.as(USERS.cs).post(`orders/${id}/validate`, {}, { headers: { 'idempotency-key': key } }),
      ),
    );
    expect(copies.every((r) => r.status === 200)).toBe(true);
    expect(copies.filter((r) => r.body.replayed === false)).toHaveLength(1);
    expect(new Set(copies.map((r) => r.body.order.number)).size).toBe(1);
    const audit = ok(await s.as(USERS.admin).get(`audit?orderId=${id}`)).entries;
    expect(audit.filter((e: { command: string }) => e.command === 'order.validate')).toHaveLength(1);
    // Creating an order: the same key gives the same single order.
    const orderKey = randomUUID();
    const created = await Promise.all(
      Array.from({ length: 5 }, () =>
        s.as(USERS.customer2).post('orders', f.oneSample(), { headers: { 'idempotency-key': orderKey } }),
      ),
    );
    expect(created.every((r) => r.status === 201)).toBe(true);
    expect(new Set(created.map((r) => r.body.order.id)).size).toBe(1);
    const mine = ok(await s.as(USERS.customer2).get('orders')).orders;
    expect(mine.filter((o: { id: string }) => o.id === created[0]!.body.order.id)).toHaveLength(1);
    // The same key for another operation is refused.
    const reuse = await s
      .as(USERS.cs)
      .post(
        `orders/${id}/return`,
        { reason: 'Kunci dipakai ulang.' },
        { headers: { 'idempotency-key': key } },
      );
    expect(reuse.status).toBe(422);
    // A rejected command resent gets the same rejection.
    const bad = randomUUID();
    const r1 = await s
      .as(USERS.ketua)
      .post(`orders/${id}/validate`, {}, { headers: { 'idempotency-key': bad } });
    const r2 = await s
      .as(USERS.ketua)
      .post(`orders/${id}/validate`, {}, { headers: { 'idempotency-key': bad } });
    expect([r1.status, r2.status]).toEqual([403, 403]);
    expect(r1.body).toEqual(r2.body);
  });

  it('concurrent edits of one order: each command applies on the state the previous one left', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'in_testing');
    const sm = o.samples[0]!;
    // Two analysts save results on the same sample at the same time, many times.
    const saves = await Promise.all(
      sm.analyses.flatMap((a) =>
        Array.from({ length: 5 }, (_, k) =>
          s
            .as(s.demo.users.find((u) => u.id === a.analystId)!.username)
            .put(`orders/${id}/samples/${sm.id}/analyses/${a.id}/result`, {
              result: { value: `0,${k + 1}`, numeric: (k + 1) / 10, unit: '%' },
            }),
        ),
      ),
    );
    expect(saves.every((r) => r.status === 200)).toBe(true);
    const after = await f.order(id);
    expect(after.version).toBe(o.version + saves.length);
    // A stale edit (an old version) is refused.
    const a0 = after.samples[0]!.analyses[0]!;
    const analyst = s.demo.users.find((u) => u.id === a0.analystId)!.username;
    const stale = await s
      .as(analyst)
      .put(
        `orders/${id}/samples/${sm.id}/analyses/${a0.id}/result`,
        { result: { value: '9', numeric: 9, unit: '%' } },
        { headers: { 'x-base-version': String(a0.version - 1) } },
      );
    expect(stale.status).toBe(409);
    expect(stale.body.error.code).toBe('stale_version');
  });

  it('reads racing with commands on the same order always see one whole version', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'in_testing');
    const sm = o.samples[0]!;
    const a = sm.analyses[0]!;
    const analyst = s.demo.users.find((u) => u.id === a.analystId)!.username;
    const token = await s.token(USERS.cs);
    for (let round = 0; round < 3; round++) {
      const writes = Array.from({ length: 40 }, (_, k) =>
        s.as(analyst).put(`orders/${id}/samples/${sm.id}/analyses/${a.id}/result`, {
          result: { value: String(k), numeric: k, unit: '%' },
        }),
      );
      // Readers keep reading while the writes go on.
      let writing = true;
      const settled = Promise.all(writes).finally(() => (writing = false));
      const readers = Array.from({ length: 10 }, async () => {
        const out = [];
        for (let n = 0; writing && n < 60; n++)
          out.push(await s.request('GET', `/api/v1/orders/${id}`, { token }));
        return out;
      });
      const all = [...(await settled), ...(await Promise.all(readers)).flat()];
      expect(all.filter((r) => r.status !== 200).map((r) => `${r.status} ${JSON.stringify(r.body)}`)).toEqual(
        [],
      );
      for (const r of all) expect(r.body.order.version).toBeGreaterThanOrEqual(o.version);
    }
  });

  if (dialect === 'postgres') {
    it('two server processes on one PostgreSQL: numbers unique and gapless, a command sent to both applies once', async () => {
      const procs = [await spawnServer(s.db.url!), await spawnServer(s.db.url!)];
      try {
        const base = await Promise.all(procs.map((p) => p.url));
        const login = async (i: number, username: string) => {
          const r = await fetch(`${base[i]}${API}/auth/login`, {
            method: 'POST',
            headers: { 'content-type': 'application/json' },
            body: JSON.stringify({ username, password: s.demo.password }),
          });
          expect(r.status).toBe(200);
          return ((await r.json()) as { accessToken: string }).accessToken;
        };
        // A token from one process works on the other (the secret lives in the database).
        const tokens = [await login(0, USERS.cs), await login(1, USERS.cs)];
        const cross = await fetch(`${base[1]}${API}/auth/me`, {
          headers: { authorization: `Bearer ${tokens[0]}` },
        });
        expect(cross.status).toBe(200);

        const ids: string[] = [];
        for (let i = 0; i < 50; i++) ids.push((await f.submit(USERS.customer, f.oneSample())).id);
        const before = ok(await s.as(USERS.admin).get('orders?status=validated&limit=200')).orders.length;
        const results = await Promise.all(
          ids.map(async (id, i) => {
            const r = await fetch(`${base[i % 2]}${API}/orders/${id}/validate`, {
              method: 'POST',
              headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens[i % 2]}` },
              body: '{}',
            });
            return { status: r.status, body: (await r.json()) as { order: { number: string } } };
          }),
        );
        expect(results.every((r) => r.status === 200)).toBe(true);
        const validated = ok(await s.as(USERS.admin).get('orders?status=validated&limit=200')).orders as {
          number: string;
        }[];
        expect(validated.length).toBe(before + 50);
        // Every numbered order of the database: 1..N, no gap, no duplicate.
        const numbers: string[] = [];
        let cursor: string | null = null;
        do {
          const page: { orders: { number: string | null }[]; nextCursor: string | null } = ok(
            await s.as(USERS.admin).get(`orders?limit=200${cursor ? `&cursor=${cursor}` : ''}`),
          );
          for (const o of page.orders) if (o.number) numbers.push(o.number);
          cursor = page.nextCursor;
        } while (cursor);
        const seqs = numbers.map((n) => seqOf('order', n)).sort((a, b) => a - b);
        expect(seqs).toEqual(Array.from({ length: seqs.length }, (_, i) => i + 1));
        expect(new Set(results.map((r) => r.body.order.number)).size).toBe(50);

        // The same command to both processes at once.
        const id = (await f.submit(USERS.customer, f.oneSample())).id;
        const key = randomUUID();
        const both = await Promise.all(
          [0, 1, 0, 1].map((i) =>
            fetch(`${base[i]}${API}/orders/${id}/validate`, {
              method: 'POST',
              headers: {
                'content-type': 'application/json',
                authorization: `Bearer ${tokens[i]}`,
                'idempotency-key': key,
              },
              body: '{}',
            }).then(async (r) => ({ status: r.status, body: (await r.json()) as { replayed: boolean } })),
          ),
        );
        expect(both.every((r) => r.status === 200)).toBe(true);
        expect(both.filter((r) => !r.body.replayed)).toHaveLength(1);
      } finally {
        await Promise.all(procs.map((p) => p.stop()));
      }
    });
  }
});

void PG_URL;
