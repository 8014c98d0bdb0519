/**
 * Benchmark data: orders in testing (2 samples x 10 analyses each, in the demo's rubber lab with its
 * Penyelia, MT and first analyst, for the demo customer) written straight into the database
 * through the server's own writer (bucket members, change feed), not through thousands of
 * commands: the benchmarks measure what reads them, not the seeding.
 */
import { nextFeedSeq, writeOrder } from '../../../server/commands/store';
import { inTransaction, type DbHandle } from '../../../server/db/connect';
import type { DemoData } from '../../../server/demo';
import { cloneWithFreshIds, orderInLab } from '../../unit/desktop/fixtures';

export async function writeBenchOrders(
  handle: DbHandle,
  demo: DemoData,
  unitCode: string,
  count: number,
  /** When order `i` was submitted (and written); unset: every order now, as the template has it. */
  submittedAt?: (i: number) => string,
): Promise<void> {
  const user = (name: string) => demo.users.find((u) => u.username === name)!;
  const analyst = user('analis.karet1');
  const template = orderInLab({
    samples: 2,
    analyses: 10,
    stage: 'in_testing',
    labId: analyst.labId!,
    penyeliaId: user('penyelia.karet').id,
    mtId: user('mt.karet').id,
    analystIds: [analyst.id],
    customerId: user('pelanggan').customerId!,
  });
  template.unitCode = unitCode;
  const now = new Date().toISOString();
  for (let start = 0; start < count; start += 500) {
    await inTransaction(handle, async (trx) => {
      for (let i = start; i < Math.min(count, start + 500); i++) {
        const o = cloneWithFreshIds(template, i);
        const at = submittedAt ? submittedAt(i) : now;
        if (submittedAt) o.submittedAt = at;
        await writeOrder(trx, o, null, await nextFeedSeq(trx, handle.dialect), at, {
          dialect: handle.dialect,
        });
      }
    });
  }
}
