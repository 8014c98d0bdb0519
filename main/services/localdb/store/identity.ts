/**
 * This client's identity and command sequence. They live in the outbox file, which is never
 * rebuilt, so a client id and its seqs never repeat.
 */
import { randomUUID } from 'node:crypto';
import type { StoreContext } from './context';

export function clientId(ctx: StoreContext): string {
  const { sql } = ctx;
  const { q } = sql;
  const row = sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'client_id'));
  if (row) return row.value;
  const id = randomUUID();
  sql.run(
    q
      .insertInto('ob.meta')
      .values({ key: 'client_id', value: id })
      .onConflict((oc) => oc.doNothing()),
  );
  return sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'client_id'))!.value;
}

export function allocateSeq(ctx: StoreContext): number {
  const { sql } = ctx;
  const { q } = sql;
  const row = sql.get(q.selectFrom('ob.meta').select('value').where('key', '=', 'next_seq'));
  let next = row ? Number(row.value) : 1;
  // Never below what the outbox already used (a meta row lost to a bug must not reuse seqs).
  const max =
    sql.get(q.selectFrom('ob.outbox').select((eb) => eb.fn.max<number | null>('seq').as('m')))?.m ?? 0;
  if (next <= max) next = max + 1;
  sql.run(
    q
      .insertInto('ob.meta')
      .values({ key: 'next_seq', value: String(next + 1) })
      .onConflict((oc) => oc.column('key').doUpdateSet({ value: String(next + 1) })),
  );
  return next;
}
