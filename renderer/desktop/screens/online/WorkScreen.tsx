/**
 * A front-office "Pekerjaan saya" (CS, Ketua Tim PJI, Bendahara): the orders and samples waiting
 * for this role's step, read from the server (online.orders), as a worklist with the SOP step and
 * clock, overdue first; the open row's one action in a panel on the right. Offline the last list
 * stays, greyed under a "perlu koneksi" banner, and an open panel keeps what was typed.
 */
import { useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { Box, Button, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { OrderStatus } from '../../../../shared/domain/states';
import { dueAt } from '../../../../shared/sop/clock';
import type { Role } from '../../../../shared/sop/roles';
import { useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { SopClockBar } from '../../../components/SopClockBar';
import { StepChip } from '../../../components/StepChip';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useNow } from '../../../components/useNow';
import { useSync } from '../../frame/sync-context';
import { GridKeysHint } from '../worklist/GridCell';
import { ListTitleBar } from '../worklist/ListTitleBar';
import { isOffline, serverReachable } from './connection';
import { NeedsConnection } from './NeedsConnection';
import { workItems, type WorkItem } from './work-items';
import { WorkTable, type WorkColumn } from './WorkTable';

export interface WorkScreenProps {
  role: Role;
  title: string;
  statuses: OrderStatus[];
  emptyHint: string;
  /** The panel of one row's action; `onDone` closes it after the action. */
  panel: (item: WorkItem, onDone: () => void) => ReactNode;
}

export function WorkScreen({ role, title, statuses, emptyHint, panel }: WorkScreenProps) {
  const { t } = useTranslation('online');
  const now = useNow();
  const { status } = useSync();
  const reachable = serverReachable(status?.online);
  const q = useBridgeQuery('online.orders', { statuses }, { retry: false, refetchInterval: 60_000 });
  const items = useMemo(() => (q.data ? workItems(role, q.data.orders, now) : []), [q.data, role, now]);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const open = items.find((i) => i.key === openKey) ?? null;
  // Enter opens the row and the keys go on in its panel: Ctrl+Enter does the step, Esc closes.
  const aside = useRef<HTMLElement>(null);
  useEffect(() => {
    if (openKey !== null) aside.current?.querySelector<HTMLElement>('[data-panel-root]')?.focus();
  }, [openKey]);
  useHotkeys([['F5', () => void q.refetch()]]);

  const columns = useMemo<WorkColumn<WorkItem>[]>(
    () => [
      {
        id: 'number',
        header: t('col.number'),
        width: '224px',
        cell: (r) => (
          <Text size="sm" fw={600} className="num" truncate>
            {r.number}
          </Text>
        ),
      },
      {
        id: 'customer',
        header: t('col.customer'),
        width: 'minmax(100px, 1fr)',
        cell: (r) => (
          <Text size="sm" truncate title={r.companyName}>
            {r.companyName || '—'}
          </Text>
        ),
      },
      {
        id: 'params',
        header: t('col.params'),
        width: '56px',
        align: 'right',
        cell: (r) => (
          <Text size="sm" className="num">
            {r.parameterCount}
          </Text>
        ),
      },
      {
        id: 'step',
        header: t('col.step'),
        width: '170px',
        cell: (r) => <StepChip step={r.step || null} size="sm" />,
      },
      {
        id: 'clock',
        header: t('col.clock'),
        width: '196px',
        cell: (r) => (
          <SopClockBar step={r.step || null} startedAt={r.since} now={now} compact barWidth={40} />
        ),
      },
      // With a panel open its title names the action: the column gives its room to the panel.
      ...(openKey === null
        ? [
            {
              id: 'next',
              header: t('col.next'),
              width: 'minmax(130px, 0.8fr)',
              cell: (r: WorkItem) => (
                <Text size="sm" fw={500} c="sippt.8" truncate>
                  {t(`action.${r.action}`)}
                </Text>
              ),
            },
          ]
        : []),
    ],
    [t, now, openKey],
  );
  const overdue = (r: WorkItem) => {
    const due = r.since && r.step ? dueAt(r.step, r.since) : null;
    return due !== null && Date.parse(due) < now.getTime();
  };

  const offlineNoData = q.isError && isOffline(q.error) && !q.data;
  return (
    <Box style={{ display: 'flex', flex: 1, minHeight: 0 }}>
      <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0, minHeight: 0 }}>
        <ListTitleBar title={title} count={q.data ? t('count', { count: items.length }) : undefined}>
          <Button
            size="compact-sm"
            variant="subtle"
            leftSection={<IconRefresh size={14} aria-hidden />}
            onClick={() => void q.refetch()}
            loading={q.isFetching}
          >
            {t('reload')} (F5)
          </Button>
        </ListTitleBar>
        {(!reachable || (q.isError && isOffline(q.error))) && (
          <NeedsConnection onRetry={() => void q.refetch()} />
        )}
        {q.isPending ? (
          <TableSkeleton rows={10} />
        ) : offlineNoData ? null : q.isError && !q.data ? (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
        ) : items.length === 0 ? (
          <EmptyState title={t('empty.title')} hint={emptyHint} />
        ) : (
          <Box
            style={{
              display: 'flex',
              flexDirection: 'column',
              flex: 1,
              minHeight: 0,
              opacity: reachable ? 1 : 0.75,
            }}
          >
            <WorkTable
              label={title}
              rows={items}
              rowKey={(r) => r.key}
              columns={columns}
              openKey={openKey}
              onOpen={(r) => setOpenKey(r.key)}
              overdue={overdue}
            />
            <GridKeysHint>{t('keysHint')}</GridKeysHint>
          </Box>
        )}
      </Box>
      {open && (
        <Box
          component="aside"
          ref={aside}
          aria-label={t('panel.label', { number: open.number })}
          style={{
            width: 420,
            flexShrink: 0,
            borderLeft: '1px solid var(--mantine-color-gray-3)',
            display: 'flex',
            flexDirection: 'column',
            minHeight: 0,
            background: 'var(--mantine-color-body)',
          }}
        >
          {/* Keyed by row: another row starts a fresh form; the same row keeps what was typed. */}
          <Box key={open.key} style={{ flex: 1, minHeight: 0 }}>
            {panel(open, () => setOpenKey(null))}
          </Box>
        </Box>
      )}
    </Box>
  );
}
