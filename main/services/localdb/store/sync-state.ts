/** The working copy's one row of sync state: the pull cursor, the server's last processed seq, times. */
import type { SyncStateTable } from '../schema';
import type { StoreContext } from './context';

export function syncState(ctx: StoreContext): SyncStateTable {
  return ctx.sql.get(ctx.sql.q.selectFrom('sync_state').selectAll().where('id', '=', 1))!;
}

export function updateSyncState(ctx: StoreContext, patch: Partial<Omit<SyncStateTable, 'id'>>): void {
  ctx.sql.run(ctx.sql.q.updateTable('sync_state').set(patch).where('id', '=', 1));
}
