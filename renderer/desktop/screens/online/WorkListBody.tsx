/**
 * The body of a front-office list, in the states UI.md asks for: a skeleton while loading, the
 * error with a retry (none when the page's "perlu koneksi" banner already says it), an empty list
 * that says what comes next, then the table. A screen whose body stays useful with no rows (an
 * editable list, tabs of several tables) gives no `empty` and draws its own.
 */
import type { ReactNode } from 'react';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { isOffline } from './connection';

export interface ListQuery {
  isPending: boolean;
  isError: boolean;
  error: unknown;
  data: unknown;
  refetch: () => unknown;
}

/** With `empty`, the rows to show (after any filter); without it, the body is drawn even with none. */
type EmptyRule =
  { count: number; empty: { title: string; hint?: string } } | { count?: never; empty?: never };

export function WorkListBody({
  query,
  count,
  empty,
  skeletonRows = 8,
  children,
}: {
  query: ListQuery;
  skeletonRows?: number;
  /** The table, drawn only when there are rows (or always, without `empty`). */
  children: ReactNode;
} & EmptyRule) {
  if (query.isPending) return <TableSkeleton rows={skeletonRows} />;
  if (query.isError && !query.data)
    return isOffline(query.error) ? null : (
      <ErrorState error={query.error} onRetry={() => void query.refetch()} />
    );
  if (empty && count === 0) return <EmptyState title={empty.title} hint={empty.hint} />;
  return <>{children}</>;
}
