/**
 * Worklists (UI.md, "Worklists"): "Pekerjaan saya" (mode 'work': only what waits for this user) and
 * every sample of the working copy (mode 'all'). The engine orders rows (overdue first, then
 * oldest); pages of 200 are fetched as the user scrolls, and only the visible rows are drawn
 * (TanStack Table for the columns, TanStack Virtual for the rows), so 10,000 rows scroll smoothly.
 * Keys: arrows, PgUp/PgDn, Home/End move the active row; Enter opens it; Space selects it.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { getCoreRowModel, useReactTable } from '@tanstack/react-table';
import { useVirtualizer } from '@tanstack/react-virtual';
import { Badge, Box, Button, Group, Loader, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { WorklistRowView } from '../../../../shared/bridge';
import { bridge } from '../../../bridge/client';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { toggled } from '../../../components/toggled';
import { useNow } from '../../../components/useNow';
import { errorText } from '../../../lib/message';
import { ROUTES } from '../../routes';
import { useSignedIn } from '../../session';
import { isFiltered, listQueryKey, NO_FILTERS, toQuery, type WorklistMode } from './filters';
import { listKey, needsMore } from './keys';
import { worklistColumns, type WorklistTableMeta } from './columns';
import { useSavedFilters } from './useSavedFilters';
import { WorklistFilterBar } from './WorklistFilterBar';
import { ROW_H, WorklistRow } from './WorklistRow';
import { GridHeadRow, GridKeysHint } from './GridCell';
import { ListTitleBar } from './ListTitleBar';

export function WorklistScreen({ mode }: { mode: WorklistMode }) {
  const { t, i18n } = useTranslation('worklist');
  const session = useSignedIn();
  const username = session.user.username;
  const isAnalis = session.user.role === 'analis';
  const [, navigate] = useLocation();
  const now = useNow();
  const [filters, setFilters] = useSavedFilters(username, mode);
  const query = useMemo(() => toQuery(mode, filters ?? NO_FILTERS), [mode, filters]);

  const pages = useInfiniteQuery({
    queryKey: listQueryKey(query),
    queryFn: ({ pageParam }) => bridge.call('worklist.page', { ...query, after: pageParam }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.next,
    enabled: filters !== null,
  });
  const rows = useMemo(() => pages.data?.pages.flatMap((p) => p.rows) ?? [], [pages.data]);
  const first = pages.data?.pages[0];

  const [active, setActive] = useState(-1);
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const scroller = useRef<HTMLDivElement>(null);
  // A new filter is a new list: start at its top.
  useEffect(() => {
    setActive(-1);
    setSelected(new Set());
    scroller.current?.scrollTo({ top: 0 });
  }, [query]);

  const toggle = useCallback((id: string) => setSelected((prev) => toggled(prev, id)), []);

  const open = useCallback(
    (r: WorklistRowView | undefined) => r && navigate(ROUTES.sample(r.order_id, r.id)),
    [navigate],
  );

  // One definition per language and role; the selection and the clock reach the cells through
  // the table's meta (columns.tsx), so this stays the same object and memoised rows stay drawn.
  const columns = useMemo(() => worklistColumns(t, i18n.language, isAnalis), [t, i18n.language, isAnalis]);
  const meta = useMemo<WorklistTableMeta>(() => ({ selected, now, toggle }), [selected, now, toggle]);

  const table = useReactTable({
    data: rows,
    columns,
    meta,
    getCoreRowModel: getCoreRowModel(),
    getRowId: (r) => r.id,
  });
  const template = useMemo(() => columns.map((c) => c.meta.width).join(' '), [columns]);

  const hasMore = pages.hasNextPage === true;
  const virtual = useVirtualizer({
    count: rows.length + (hasMore ? 1 : 0),
    getScrollElement: () => scroller.current,
    estimateSize: () => ROW_H,
    // Few rows beyond the window: each is drawn once (WorklistRow is memoised), and the first
    // paint of the list is what the user waits for.
    overscan: 6,
  });
  const items = virtual.getVirtualItems();
  const lastVisible = items.length > 0 ? items[items.length - 1]!.index : 0;
  useEffect(() => {
    if (needsMore(lastVisible, rows.length, hasMore, pages.isFetchingNextPage)) void pages.fetchNextPage();
  }, [lastVisible, rows.length, hasMore, pages]);

  const onKeyDown = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const pageRows = Math.max(1, Math.floor((scroller.current?.clientHeight ?? 320) / ROW_H) - 1);
    const a = listKey(e.key, active, rows.length, pageRows);
    if (a.kind === 'none') return;
    e.preventDefault();
    if (a.kind === 'move') {
      setActive(a.index);
      virtual.scrollToIndex(a.index, { align: 'auto' });
    } else if (a.kind === 'open') open(rows[a.index]);
    else {
      const r = rows[a.index];
      if (r) toggle(r.id);
    }
  };

  const syncNow = () =>
    bridge
      .call('sync.now', {})
      .catch((e: unknown) => notifications.show({ color: 'red', message: errorText(e, i18n.language) }));

  const title = mode === 'work' ? t('titleWork') : t('titleAll');
  const headerGroup = table.getHeaderGroups()[0];
  const modelRows = table.getRowModel().rows;
  const filtered = isFiltered(filters ?? NO_FILTERS);
  const activeRow = rows[active];

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <ListTitleBar
        title={title}
        count={
          first ? (
            <>
              {t('count', {
                shown: rows.length.toLocaleString('id-ID'),
                total: first.total.toLocaleString('id-ID'),
              })}
              {mode === 'all' && first.action > 0 ? ` · ${t('countAction', { count: first.action })}` : ''}
            </>
          ) : undefined
        }
      >
        {selected.size > 0 && (
          <Group gap="xs">
            <Badge variant="light">{t('selected', { count: selected.size })}</Badge>
            <Button size="compact-xs" variant="subtle" onClick={() => setSelected(new Set())}>
              {t('clearSelection')}
            </Button>
          </Group>
        )}
      </ListTitleBar>
      {filters !== null && (
        // The facets (a count over every sample) wait for the list's first page: the engine answers
        // one call at a time, and the rows are what the user came for.
        <WorklistFilterBar filters={filters} onChange={setFilters} facetsEnabled={!pages.isPending} />
      )}

      {pages.isPending || filters === null ? (
        <TableSkeleton rows={14} />
      ) : pages.isError ? (
        <ErrorState error={pages.error} onRetry={() => void pages.refetch()} retrying={pages.isFetching} />
      ) : rows.length === 0 ? (
        filtered ? (
          <EmptyState
            title={t('empty.filtered')}
            hint={t('empty.filteredHint')}
            action={
              <Button size="xs" variant="light" onClick={() => setFilters(NO_FILTERS)}>
                {t('filter.clear')}
              </Button>
            }
          />
        ) : (
          <EmptyState
            title={mode === 'work' ? t('empty.work') : t('empty.all')}
            hint={mode === 'work' ? t('empty.workHint') : t('empty.allHint')}
            action={
              <Button
                size="xs"
                variant="light"
                leftSection={<IconRefresh size={14} />}
                onClick={() => void syncNow()}
              >
                {t('empty.syncNow')}
              </Button>
            }
          />
        )
      ) : (
        <Box
          style={{
            flex: 1,
            minHeight: 0,
            display: 'flex',
            flexDirection: 'column',
            borderTop: '1px solid var(--mantine-color-gray-3)',
          }}
        >
          <div
            role="grid"
            aria-label={title}
            aria-rowcount={(first?.total ?? rows.length) + 1}
            aria-multiselectable="true"
            aria-activedescendant={activeRow ? `wl-row-${activeRow.id}` : undefined}
            tabIndex={0}
            ref={scroller}
            onKeyDown={onKeyDown}
            onFocus={() => active < 0 && rows.length > 0 && setActive(0)}
            className="worklist-grid"
            style={{ flex: 1, minHeight: 0, overflow: 'auto', position: 'relative', fontSize: 13 }}
          >
            <GridHeadRow headers={headerGroup?.headers ?? []} template={template} />
            <div style={{ height: virtual.getTotalSize(), position: 'relative' }}>
              {items.map((vi) => {
                const r = modelRows[vi.index];
                if (!r) {
                  return (
                    <div
                      key="more"
                      role="row"
                      style={{
                        position: 'absolute',
                        top: 0,
                        left: 0,
                        right: 0,
                        height: ROW_H,
                        transform: `translateY(${vi.start}px)`,
                      }}
                    >
                      <Group gap={6} px="md" h={ROW_H} role="gridcell">
                        <Loader size={12} />
                        <Text size="xs" c="dimmed">
                          {t('loadingMore')}
                        </Text>
                      </Group>
                    </div>
                  );
                }
                return (
                  <WorklistRow
                    key={r.id}
                    data={r.original}
                    row={r}
                    index={vi.index}
                    start={vi.start}
                    active={vi.index === active}
                    selected={selected.has(r.id)}
                    now={now}
                    columns={columns}
                    template={template}
                    onActivate={setActive}
                    onOpen={open}
                  />
                );
              })}
            </div>
          </div>
          <GridKeysHint>{t('keysHint')}</GridKeysHint>
        </Box>
      )}
    </Box>
  );
}
