/**
 * Reference data kept for offline use (staff, labs, catalog, holidays, the unit, cached
 * histories): each kind replaced whole when the server's answer comes, read back by kind.
 */
import type { StoreContext } from './context';
import { trustedJson } from './stored-json';

export function putReference(
  ctx: StoreContext,
  kind: string,
  items: readonly { id: string }[],
  at: string,
): void {
  ctx.sql.tx(() => {
    ctx.sql.run(ctx.sql.q.deleteFrom('reference').where('kind', '=', kind));
    for (const it of items)
      ctx.sql.run(
        ctx.sql.q
          .insertInto('reference')
          .values({ kind, id: it.id, json: JSON.stringify(it), updated_at: at }),
      );
  });
}

/**
 * Every item of a kind, as the caller's type. Through the trusted read: the items were written
 * by putReference from the API client's parsed answers; the caller names the type it put.
 */
export function reference<T>(ctx: StoreContext, kind: string): T[] {
  return ctx.sql
    .all(ctx.sql.q.selectFrom('reference').select(['id', 'json']).where('kind', '=', kind).orderBy('id'))
    .map((r) =>
      trustedJson<T>(r.json, { kind: 'reference', key: `${kind}/${r.id}`, column: 'json' }, (v) =>
        typeof v === 'object' && v !== null && (v as { id?: unknown }).id === r.id
          ? null
          : { field: 'id', detail: `not ${r.id}` },
      ),
    );
}
