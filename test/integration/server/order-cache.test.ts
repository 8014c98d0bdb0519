/**
 * The parsed-order cache belongs to one database. Two databases in one process (the test suites run
 * SQLite and PostgreSQL side by side, with the same demo ids; a tool may open a backup beside the
 * live database) hold orders with the same id and version but other contents: each server reads
 * its own.
 */
import { expect, it } from 'vitest';
import type { Order } from '../../../shared/domain/entities';
import { describeEachDialect, suiteServer, type TestServer } from './harness';
import { Flow, ok, USERS } from './flow';

const OTHER_TIME = '2020-01-02T03:04:05.000Z';

describeEachDialect('order cache per database', (dialect) => {
  const one = suiteServer(dialect);
  const two = suiteServer(dialect);

  it('a second database with the same order id and version shows its own order, not the one read first', async () => {
    const order = await new Flow(one).submit();
    // The same order, same version, in the second database, with another submission time: copied
    // row by row, as a restore or a second unit's database would hold it.
    const rows = await one.handle.db.selectFrom('orders').selectAll().where('id', '=', order.id).execute();
    const data = await one.handle.db
      .selectFrom('order_data')
      .selectAll()
      .where('order_id', '=', order.id)
      .executeTakeFirstOrThrow();
    const changed: Order = { ...(JSON.parse(data.data) as Order), submittedAt: OTHER_TIME };
    await two.handle.db.insertInto('orders').values(rows).execute();
    await two.handle.db
      .insertInto('order_data')
      .values({ order_id: order.id, data: JSON.stringify(changed) })
      .execute();

    // Read through the first server (cached there), then through the second.
    const read = async (s: TestServer) =>
      ok(await s.as(USERS.cs).get<{ order: Order }>(`orders/${order.id}`)).order;
    const first = await read(one);
    const second = await read(two);
    expect(first.version).toBe(second.version);
    expect(first.id).toBe(order.id);
    expect(second.submittedAt).toBe(OTHER_TIME);
    expect(first.submittedAt).not.toBe(OTHER_TIME);
    // And the first still reads its own after the second was read.
    expect((await read(one)).submittedAt).toBe(first.submittedAt);
  });
});
