/** The server half of sync (shared/api/sync.ts): push through the command path, pull of the user's bucket. */
import { randomUUID } from 'node:crypto';
import { sql } from 'kysely';
import { expect, it } from 'vitest';
import {
  PullResponseSchema,
  PushResponseSchema,
  type OutboxCommand,
  type PullResponse,
} from '../../../shared/api/sync';
import type { Order } from '../../../shared/domain/entities';
import { nextFeedSeq } from '../../../server/commands/store';
import { describeEachDialect } from './harness';
import { ok, suiteFlow, USERS } from './flow';

describeEachDialect('sync push and pull', (dialect) => {
  const { s, f } = suiteFlow(dialect);

  const cmd = (
    seq: number,
    type: OutboxCommand['type'],
    aggregateId: string,
    payload: unknown,
    baseVersion: number | null = null,
  ): OutboxCommand => ({
    id: randomUUID(),
    seq,
    type,
    aggregateId,
    payload,
    baseVersion,
    issuedAt: '2020-01-01T00:00:00.000Z', // a workstation clock far off: informational only
  });
  const push = async (user: string, clientId: string, commands: OutboxCommand[]) => {
    const r = await s.as(user).post('sync/push', { clientId, commands });
    return r;
  };
  const pull = async (user: string, clientId: string, cursor: string | null, limit = 1000) => {
    const r = await s.as(user).post('sync/pull', { clientId, cursor, limit });
    expect(r.status, JSON.stringify(r.body)).toBe(200);
    return PullResponseSchema.parse(r.body);
  };
  /**
   * Pull until what the test waits for has arrived (changes of several pulls together, the last
   * cursor): on PostgreSQL a pull hands out only changes below the cluster's oldest open
   * transaction (so none is ever skipped), and other suites' transactions in the same cluster can
   * hold that back for a moment. A desktop's next cycle would bring them the same way.
   */
  const pullUntil = async (
    user: string,
    clientId: string,
    cursor: string | null,
    done: (changes: PullResponse['changes']) => boolean,
  ) => {
    const changes: PullResponse['changes'] = [];
    for (let i = 0; ; i++) {
      const page = await pull(user, clientId, cursor);
      changes.push(...page.changes);
      cursor = page.cursor;
      if (done(changes) || i >= 40) return { ...page, changes };
      await new Promise((r) => setTimeout(r, 250));
    }
  };
  const pullSome = (user: string, clientId: string, cursor: string | null) =>
    pullUntil(user, clientId, cursor, (c) => c.length > 0);

  it('push applies commands in seq order, each with its outcome; a resend applies nothing twice', async () => {
    const id = await f.toPaid();
    const o = await f.sampleTo(id, 0, 'in_testing');
    const sm = o.samples[0]!;
    const mine = sm.analyses.filter((a) => a.analystId === s.user(USERS.analisKaret1).id);
    const client = randomUUID();
    const commands = [
      cmd(1, 'result.save', id, {
        sampleId: sm.id,
        analysisId: mine[0]!.id,
        result: { value: '0,12', numeric: 0.12, unit: '%', testedOn: '2025-03-11' },
      }),
      cmd(2, 'result.submit', id, { sampleId: sm.id, analysisId: mine[0]!.id }),
      // Not the analyst's to do: rejected with a reason; later commands still run.
      cmd(3, 'results.verify', id, { sampleId: sm.id }),
      cmd(
        4,
        'result.save',
        id,
        { sampleId: sm.id, analysisId: mine[1]!.id, result: { value: '0,55', numeric: 0.55, unit: '%' } },
        0,
      ),
      // Stale: the analysis is at version 1 now.
      cmd(
        5,
        'result.save',
        id,
        { sampleId: sm.id, analysisId: mine[1]!.id, result: { value: '0,56', numeric: 0.56, unit: '%' } },
        0,
      ),
    ];
    const r = PushResponseSchema.parse(ok(await push(USERS.analisKaret1, client, commands)));
    expect(r.outcomes.map((x) => x.status)).toEqual([
      'applied',
      'applied',
      'rejected',
      'applied',
      'rejected',
    ]);
    expect(r.outcomes[2]).toMatchObject({ code: 'forbidden' });
    expect(r.outcomes[4]).toMatchObject({ code: 'stale_version' });
    expect(r.outcomes[2]!.status === 'rejected' && r.outcomes[2]!.message.id.length > 0).toBe(true);
    expect(r.lastProcessedSeq).toBe(5);
    const version = (await f.order(id)).version;

    // The same batch again (the response was lost): the stored outcomes, nothing applied.
    const again = PushResponseSchema.parse(ok(await push(USERS.analisKaret1, client, commands)));
    expect(again.outcomes).toEqual(r.outcomes);
    expect((await f.order(id)).version).toBe(version);

    // A new command reusing an old seq is not applied.
    const reused = PushResponseSchema.parse(
      ok(
        await push(USERS.analisKaret1, client, [
          cmd(3, 'result.submit', id, { sampleId: sm.id, analysisId: mine[1]!.id }),
        ]),
      ),
    );
    expect(reused.outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid_payload' });
    expect((await f.order(id)).version).toBe(version);

    // The server's clock is the authority, not the workstation's.
    const saved = (await f.order(id)).samples[0]!.analyses.find((a) => a.id === mine[0]!.id)!;
    expect(Date.parse(saved.submittedAt!)).toBeGreaterThan(Date.parse('2024-01-01'));

    // The client id belongs to its user.
    expect(
      (
        await push(USERS.analisKaret2, client, [
          cmd(6, 'result.submit', id, { sampleId: sm.id, analysisId: mine[1]!.id }),
        ])
      ).status,
    ).toBe(403);
    // Order and size of batches are checked.
    expect(
      (
        await push(USERS.analisKaret1, client, [
          cmd(8, 'result.submit', id, {}),
          cmd(7, 'result.submit', id, {}),
        ])
      ).status,
    ).toBe(400);
    const big = Array.from({ length: 201 }, (_, i) => cmd(100 + i, 'result.submit', id, {}));
    expect((await push(USERS.analisKaret1, client, big)).status).toBe(400);
    expect((await push(USERS.customer, randomUUID(), [cmd(1, 'order.finish', id, {})])).status).toBe(403);
  });

  it('server-owned data in a pushed command is the server’s: numbers are allocated, not taken from the client', async () => {
    const order = await f.submit(USERS.customer, f.oneSample());
    const r = PushResponseSchema.parse(
      ok(
        await push(USERS.cs, randomUUID(), [
          cmd(1, 'order.validate', order.id, { orderNumber: 'ORD/FAKE/1999/99999' }),
        ]),
      ),
    );
    expect(r.outcomes[0]!.status).toBe('applied');
    expect((await f.order(order.id)).number).toMatch(/^ORD\/PLG\/\d{4}\/\d{5}$/);
  });

  it('pull: the user’s bucket with full orders, pages, changes since a cursor, and removals', async () => {
    const ids = [await f.toPaid(), await f.toPaid(), await f.toPaid()];
    for (const id of ids) await f.sampleTo(id, 0, 'in_testing');
    const client = randomUUID();
    // First pull, one order per page.
    const seen = new Map<string, Order>();
    let cursor: string | null = null;
    let pages = 0;
    for (let i = 0; ; i++) {
      const page = await pull(USERS.analisKaret1, client, cursor, 1);
      if (page.changes.length > 0) pages++;
      for (const c of page.changes) if (c.op === 'put') seen.set(c.order.id, c.order);
      cursor = page.cursor;
      if (page.hasMore) continue;
      // On PostgreSQL another suite's open transaction can hold the last changes back a moment
      // (see pullUntil); the desktop's next cycle would bring them the same way.
      if (ids.every((id) => seen.has(id)) || i >= 80) break;
      await new Promise((r) => setTimeout(r, 250));
    }
    expect(pages).toBeGreaterThan(3);
    for (const id of ids) expect(seen.has(id)).toBe(true);
    // Everything in the bucket is the analyst's work; a Kimia analyst has none of it.
    for (const o of seen.values())
      expect(
        o.samples.some((x) => x.analyses.some((a) => a.analystId === s.user(USERS.analisKaret1).id)),
      ).toBe(true);
    expect(
      (await pull(USERS.analisKimia1, randomUUID(), null)).changes.filter(
        (c) => c.op === 'put' && ids.includes(c.order.id),
      ),
    ).toHaveLength(0);

    // Nothing changed: an empty pull with the same cursor.
    const idle = await pull(USERS.analisKaret1, client, cursor);
    expect(idle.changes).toEqual([]);
    expect(idle.hasMore).toBe(false);

    // A change to one order shows up alone.
    const o0 = await f.order(ids[0]!);
    const a0 = o0.samples[0]!.analyses.find((a) => a.analystId === s.user(USERS.analisKaret1).id)!;
    ok(
      await s
        .as(USERS.analisKaret1)
        .put(`orders/${ids[0]}/samples/${o0.samples[0]!.id}/analyses/${a0.id}/result`, {
          result: { value: '0,2', numeric: 0.2, unit: '%' },
        }),
    );
    const next = await pullSome(USERS.analisKaret1, client, idle.cursor);
    expect(next.changes.map((c) => (c.op === 'put' ? c.order.id : c.orderId))).toEqual([ids[0]]);

    const quiet = await pull(USERS.analisKaret1, client, next.cursor);
    expect(quiet.changes).toEqual([]);
    // Work reassigned away: the Penyelia sends each of the analyst's analyses of order 3 to the other analyst.
    const o2 = await f.order(ids[2]!);
    const sm2 = o2.samples[0]!;
    const mine2 = sm2.analyses.filter((a) => a.analystId === s.user(USERS.analisKaret1).id);
    for (const a of mine2) {
      const who = USERS.analisKaret1;
      ok(
        await s.as(who).put(`orders/${ids[2]}/samples/${sm2.id}/analyses/${a.id}/result`, {
          result: { value: '1', numeric: 1, unit: '%' },
        }),
      );
      ok(await s.as(who).post(`orders/${ids[2]}/samples/${sm2.id}/analyses/${a.id}/submit`));
      ok(
        await s.as(USERS.penyeliaKaret).post(`orders/${ids[2]}/samples/${sm2.id}/analyses/${a.id}/retest`, {
          reason: 'Pindah analis.',
          analystId: s.user(USERS.analisKaret2).id,
        }),
      );
    }
    const after = await pullSome(USERS.analisKaret1, client, quiet.cursor);
    expect(after.changes).toContainEqual({ op: 'remove', orderId: ids[2] });
    const theirs = await pull(USERS.analisKaret2, randomUUID(), null);
    expect(theirs.changes.some((c) => c.op === 'put' && c.order.id === ids[2])).toBe(true);
  });

  it('buckets follow the work: the MT from the assignment, the Kepala Balai while a report waits for them', async () => {
    const id = await f.toPaid();
    const mtClient = randomUUID();
    const kbClient = randomUUID();
    const mtStart = await pull(USERS.mtKaret, mtClient, null);
    const kbStart = await pull(USERS.kepala, kbClient, null);
    await f.sampleTo(id, 0, 'assigned');
    const mt1 = await pullUntil(USERS.mtKaret, mtClient, mtStart.cursor, (c) =>
      c.some((x) => x.op === 'put' && x.order.id === id),
    );
    expect(mt1.changes.some((c) => c.op === 'put' && c.order.id === id)).toBe(true);
    await f.validateAssignment(id, 0);
    await f.enterResults(id, 0);
    await f.verify(id, 0);
    await f.validateResults(id, 0);
    await f.numberReport(id, 0);
    await f.requestSignature(id, 0);
    const mt2 = await pullUntil(USERS.mtKaret, mtClient, mt1.cursor, (c) =>
      c.some((x) => x.op === 'remove' && x.orderId === id),
    );
    expect(
      mt2.changes,
      JSON.stringify(
        mt2.changes.map((c) =>
          c.op === 'put' ? ['put', c.order.id, c.order.samples.map((x) => x.status)] : c,
        ),
      ),
    ).toContainEqual({ op: 'remove', orderId: id });
    const kb1 = await pullUntil(USERS.kepala, kbClient, kbStart.cursor, (c) =>
      c.some((x) => x.op === 'put' && x.order.id === id),
    );
    const put = kb1.changes.find((c) => c.op === 'put' && c.order.id === id);
    expect(put).toBeTruthy();
    await f.sign(id, 0);
    // Signed: still in the Kepala Balai's copy (they see the result of their action) until CS releases it.
    const kb2a = await pullUntil(USERS.kepala, kbClient, kb1.cursor, (c) =>
      c.some((x) => x.op === 'put' && x.order.samples[0]!.status === 'signed'),
    );
    expect(kb2a.changes.some((c) => c.op === 'put' && c.order.samples[0]!.status === 'signed')).toBe(true);
    await f.release(id, 0);
    const kb2 = await pullUntil(USERS.kepala, kbClient, kb2a.cursor, (c) =>
      c.some((x) => x.op === 'remove' && x.orderId === id),
    );
    expect(kb2.changes).toContainEqual({ op: 'remove', orderId: id });
    // Signing offline: the signed file is uploaded (and verified) first, the command follows by sync.
    const id2 = await f.toPaid();
    await f.sampleTo(id2, 0, 'awaiting_signature');
    const { pdf, reportId, sampleId } = await f.signedPdf(id2, 0);
    const base = `orders/${id2}/samples/${sampleId}/reports/${reportId}`;
    expect((await s.as(USERS.cs).upload(`${base}/signed-file`, { data: Buffer.from(pdf) })).status).toBe(403);
    const unknown = PushResponseSchema.parse(
      ok(
        await push(USERS.kepala, kbClient, [
          cmd(1, 'report.sign', id2, { sampleId, reportId, signedHash: 'a'.repeat(64) }),
        ]),
      ),
    );
    expect(unknown.outcomes[0]).toMatchObject({ status: 'rejected', code: 'invalid_payload' });
    const stored = ok(await s.as(USERS.kepala).upload(`${base}/signed-file`, { data: Buffer.from(pdf) }));
    const pushed = PushResponseSchema.parse(
      ok(
        await push(USERS.kepala, kbClient, [
          cmd(2, 'report.sign', id2, { sampleId, reportId, signedHash: stored.signedHash }),
        ]),
      ),
    );
    expect(pushed.outcomes[0]!.status).toBe('applied');
    expect(f.reportOf(await f.order(id2), 0)).toMatchObject({
      status: 'signed',
      signedHash: stored.signedHash,
    });
    const file = await s.as(USERS.cs).get(`${base}/file`);
    expect(Buffer.compare(file.raw, Buffer.from(pdf))).toBe(0);
    expect((await s.as(USERS.kepala).upload(`${base}/signed-file`, { data: Buffer.from(pdf) })).status).toBe(
      409,
    );
    // lastProcessedSeq is per client.
    expect(kb2.lastProcessedSeq).toBe(0);
    expect((await pull(USERS.kepala, kbClient, kb2.cursor)).lastProcessedSeq).toBe(2);
    expect(
      (await s.as(USERS.kepala).post('sync/pull', { clientId: kbClient, cursor: 'not-a-cursor' })).status,
    ).toBe(400);
  });

  it.runIf(dialect === 'postgres')(
    'pull never skips a change that commits later with a lower position (two transactions interleaved)',
    async () => {
      const a = { id: await f.toPaid() };
      const b = { id: await f.toPaid() };
      for (const id of [a.id, b.id]) await f.sampleTo(id, 0, 'in_testing');
      const client = randomUUID();
      let cursor = (await pull(USERS.analisKaret1, client, null)).cursor;
      const ids = (p: { changes: { op: string; order?: Order; orderId?: string }[] }) =>
        p.changes.map((c) => (c.op === 'put' ? c.order!.id : c.orderId!));
      const db = s.handle.db;
      // T1 takes the lower position and stays open; T2 takes a higher one and commits first.
      let release!: () => void;
      const gate = new Promise<void>((r) => (release = r));
      let seqA = 0;
      let t1Ready!: () => void;
      const t1Started = new Promise<void>((r) => (t1Ready = r));
      const t1 = db.transaction().execute(async (trx) => {
        seqA = await nextFeedSeq(trx, 'postgres');
        await trx
          .updateTable('orders')
          .set({ updated_seq: seqA, updated_xid: sql`default` } as { updated_seq: number })
          .where('id', '=', a.id)
          .execute();
        t1Ready();
        await gate;
      });
      await t1Started;
      const seqB = await db.transaction().execute(async (trx) => {
        const seq = await nextFeedSeq(trx, 'postgres');
        await trx
          .updateTable('orders')
          .set({ updated_seq: seq, updated_xid: sql`default` } as { updated_seq: number })
          .where('id', '=', b.id)
          .execute();
        return seq;
      });
      expect(seqA).toBeLessThan(seqB);
      // B committed, A not: B's change waits too (its transaction is newer than A's, still running),
      // and the cursor does not move past A.
      const p1 = await pull(USERS.analisKaret1, client, cursor);
      expect(ids(p1)).not.toContain(a.id);
      cursor = p1.cursor;
      release();
      await t1;
      // Once A commits, the next pulls hand out both A and B (pullUntil: another suite's open
      // transaction in the cluster may hold them back a moment longer).
      const rest = await pullUntil(USERS.analisKaret1, client, cursor, (c) => {
        const got = ids({ changes: c });
        return got.includes(a.id) && [...ids(p1), ...got].includes(b.id);
      });
      const seen = ids(rest);
      expect(seen).toContain(a.id);
      expect([...ids(p1), ...seen]).toContain(b.id);
      // An old numeric cursor (positions from before migration 0005) is still accepted.
      const legacy = await pull(USERS.analisKaret1, client, String(seqB));
      expect(legacy.cursor).toMatch(/^[0-9a-f]{12}:x[0-9]+$/);
    },
  );
});
