/**
 * The worklist screens' reads over the projected `samples` rows: the list, a keyset-paged page
 * with its counts, the filters' facets.
 */
import { sql, type SelectQueryBuilder } from 'kysely';
import type { WorkspaceDb } from '../schema';
import type { StoreContext } from './context';
import type { WorklistFacets, WorklistPage, WorklistQuery, WorklistRow } from './types';
import { decodeCursor, encodeCursor } from './worklist-cursor';

/** The columns of a worklist row (WorklistRow), read by both the full list and the paged one. */
export const WORKLIST_COLUMNS = [
  'id',
  'order_id',
  'order_number',
  'order_status',
  'sample_number',
  'sample_type_name',
  'customer_label',
  'status',
  'received_at',
  'analyses_total',
  'analyses_mine',
  'analyses_open_mine',
  'analyses_submitted',
  'next_action',
  'pending_commands',
  'lab_id',
  'blocked_commands',
  'step',
  'step_started_at',
  'due_at',
] as const;

export function worklist(ctx: StoreContext, query: WorklistQuery = {}): WorklistRow[] {
  let qb = ctx.sql.q.selectFrom('samples').select([...WORKLIST_COLUMNS]);
  qb = filtered(qb, query);
  qb = qb.orderBy('action_rank').orderBy('sort_at').orderBy('id');
  if (query.limit !== undefined) qb = qb.limit(query.limit).offset(query.offset ?? 0);
  return ctx.sql.all(qb);
}

/**
 * What a worklist screen opens with: the first page (keyset-paged on the worklist index, so a
 * page costs the same with 100 or 100,000 samples) and the counts for the same filter. Pass
 * `next` back as `after` for the following page.
 */
export function worklistPage(
  ctx: StoreContext,
  query: WorklistQuery = {},
  now: string = new Date().toISOString(),
): WorklistPage {
  const limit = Math.max(1, Math.min(1000, query.limit ?? 200));
  let at = now;
  let after: [number, number, string, string] | null = null;
  let carried: { total: number; action: number } | null = null;
  if (query.after) {
    const c = decodeCursor(query.after);
    // Later pages keep the first page's "now": a row turning overdue meanwhile must not move between pages.
    at = c.now;
    after = [c.rank, c.overdue, c.sortAt, c.id];
    carried = { total: c.total, action: c.action };
  }
  const overdue = sql<number>`(CASE WHEN due_at IS NOT NULL AND due_at < ${at} THEN 0 ELSE 1 END)`;
  let qb = filtered(
    ctx.sql.q
      .selectFrom('samples')
      .select([...WORKLIST_COLUMNS, 'action_rank', 'sort_at', overdue.as('not_overdue')]),
    query,
  );
  const counts = filtered(
    ctx.sql.q
      .selectFrom('samples')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number | null>('action_rank').as('idle'),
      ]),
    query,
  );
  if (after)
    qb = qb.where(
      sql<boolean>`(action_rank, ${overdue}, sort_at, id) > (${after[0]}, ${after[1]}, ${after[2]}, ${after[3]})`,
    );
  const rows = ctx.sql.all(
    qb
      .orderBy('action_rank')
      .orderBy(overdue)
      .orderBy('sort_at')
      .orderBy('id')
      .limit(limit + 1),
  );
  const more = rows.length > limit;
  const page = rows.slice(0, limit);
  const last = page[page.length - 1];
  // Counting every matching sample costs as much as the page itself on a large copy: once per list.
  let totals = carried;
  if (!totals) {
    const c = ctx.sql.get(counts)!;
    totals = { total: Number(c.total), action: Number(c.total) - Number(c.idle ?? 0) };
  }
  return {
    rows: page.map(({ action_rank: _r, sort_at: _s, not_overdue: _o, ...row }) => row),
    next:
      more && last
        ? encodeCursor({
            rank: last.action_rank,
            overdue: Number(last.not_overdue),
            sortAt: last.sort_at,
            id: last.id,
            now: at,
            ...totals,
          })
        : null,
    total: totals.total,
    action: totals.action,
  };
}

/** What the worklist's filters offer, with counts over the whole working copy. */
export function worklistFacets(ctx: StoreContext, labName: (id: string) => string | null): WorklistFacets {
  const { q } = ctx.sql;
  const statuses = ctx.sql.all(
    q
      .selectFrom('samples')
      .select(['status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('status')
      .orderBy('status'),
  );
  const labs = ctx.sql.all(
    q.selectFrom('samples').select('lab_id').distinct().where('lab_id', 'is not', null).orderBy('lab_id'),
  );
  const types = ctx.sql.all(
    q
      .selectFrom('samples')
      .select(['sample_type_name', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy('sample_type_name')
      .orderBy('sample_type_name'),
  );
  return {
    statuses: statuses.map((r) => ({ status: r.status, count: Number(r.n) })),
    labs: labs.map((r) => ({ id: r.lab_id!, name: labName(r.lab_id!) ?? r.lab_id! })),
    sampleTypes: types.map((r) => ({ name: r.sample_type_name, count: Number(r.n) })),
  };
}

export function worklistCounts(ctx: StoreContext): { total: number; action: number } {
  const r = ctx.sql.get(
    ctx.sql.q
      .selectFrom('samples')
      .select((eb) => [
        eb.fn.countAll<number>().as('total'),
        eb.fn.sum<number | null>('action_rank').as('idle'),
      ]),
  )!;
  const total = Number(r.total);
  return { total, action: total - Number(r.idle ?? 0) };
}

function escapeLike(s: string): string {
  return s.replace(/[\\%_]/g, (c) => `\\${c}`);
}

/** The worklist's filters, one way for the list, the page and its counts. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
function filtered<QB extends SelectQueryBuilder<WorkspaceDb, 'samples', any>>(
  qb: QB,
  query: WorklistQuery,
): QB {
  let out = qb;
  if (query.actionOnly) out = out.where('action_rank', '=', 0) as QB;
  if (query.status && query.status.length > 0) out = out.where('status', 'in', [...query.status]) as QB;
  if (query.labId) out = out.where('lab_id', '=', query.labId) as QB;
  if (query.sampleTypeName) out = out.where('sample_type_name', '=', query.sampleTypeName) as QB;
  if (query.search && query.search.trim() !== '') {
    const needle = `%${escapeLike(query.search.trim().toLowerCase())}%`;
    out = out.where(sql<boolean>`search LIKE ${needle} ESCAPE '\\'`) as QB;
  }
  return out;
}
