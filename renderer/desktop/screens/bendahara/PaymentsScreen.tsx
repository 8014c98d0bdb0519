/**
 * The Bendahara's payments: every e-billing with its status as SIMPONI names it (Belum dibayar,
 * Lunas with the NTPN and the date paid, Kedaluwarsa), and how a paid one arrived: through the
 * payment notification (automatic) or an approved proof. A filter shows the notified ones alone.
 */
import { useMemo, useState } from 'react';
import { Box, Group, SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDateTime, formatRupiah } from '../../../lib/format';
import { useSync } from '../../frame/sync-context';
import { isOffline, serverReachable } from '../online/connection';
import { NeedsConnection } from '../online/NeedsConnection';
import { WorkTable, type WorkColumn } from '../online/WorkTable';
import { groupBillingCode, SimponiBadge } from './BillingFacts';
import { paymentRows, type PaymentRow } from './payments';

const STATUSES = [
  'awaiting_payment',
  'payment_submitted',
  'paid',
  'in_lab',
  'reports_released',
  'survey_completed',
  'finished',
] as const;
type Filter = 'all' | 'notification' | 'unpaid';

export function PaymentsScreen() {
  const { t, i18n } = useTranslation('bendahara');
  const { status } = useSync();
  const q = useBridgeQuery(
    'online.orders',
    { statuses: [...STATUSES] },
    { retry: false, refetchInterval: 60_000 },
  );
  const [filter, setFilter] = useState<Filter>('all');
  const rows = useMemo(() => {
    const all = q.data ? paymentRows(q.data.orders) : [];
    if (filter === 'notification') return all.filter((r) => r.via === 'notification');
    if (filter === 'unpaid') return all.filter((r) => r.billing.status === 'issued');
    return all;
  }, [q.data, filter]);
  const columns = useMemo<WorkColumn<PaymentRow>[]>(
    () => [
      {
        id: 'order',
        header: t('payments.col.order'),
        width: '176px',
        cell: (r) => (
          <Text size="sm" fw={600} className="num" truncate>
            {r.order.number ?? '—'}
          </Text>
        ),
      },
      {
        id: 'customer',
        header: t('payments.col.customer'),
        width: 'minmax(120px, 1fr)',
        cell: (r) => (
          <Text size="sm" truncate>
            {r.companyName}
          </Text>
        ),
      },
      {
        id: 'code',
        header: t('payments.col.code'),
        width: '172px',
        cell: (r) => (
          <Text size="sm" ff="monospace" className="num" style={{ whiteSpace: 'nowrap' }}>
            {groupBillingCode(r.billing.code)}
          </Text>
        ),
      },
      {
        id: 'amount',
        header: t('payments.col.amount'),
        width: '110px',
        align: 'right',
        cell: (r) => (
          <Text size="sm" className="num">
            {formatRupiah(r.billing.amount)}
          </Text>
        ),
      },
      {
        id: 'status',
        header: t('payments.col.status'),
        width: '150px',
        cell: (r) => <SimponiBadge billing={r.billing} />,
      },
      {
        id: 'paid',
        header: t('payments.col.paid'),
        width: 'minmax(240px, 1.3fr)',
        cell: (r) =>
          r.billing.status === 'paid' ? (
            <Text size="xs" className="num" truncate>
              {r.billing.ntpn} · {formatDateTime(r.billing.paidAt, i18n.language)} ·{' '}
              {t(`payments.via.${r.via}`)}
            </Text>
          ) : (
            <Text size="xs" c="dark.4" className="num">
              {t('payments.until', { at: formatDateTime(r.billing.expiresAt, i18n.language) })}
            </Text>
          ),
      },
    ],
    [t, i18n.language],
  );
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Group justify="space-between" px="md" pt={10} pb={6}>
        <Text component="h1" fw={700} size="lg" m={0}>
          {t('payments.title')}
        </Text>
        <SegmentedControl
          size="xs"
          value={filter}
          onChange={(v) => setFilter(v as Filter)}
          aria-label={t('payments.filter')}
          data={[
            { value: 'all', label: t('payments.filterAll') },
            { value: 'notification', label: t('payments.filterNotified') },
            { value: 'unpaid', label: t('payments.filterUnpaid') },
          ]}
        />
      </Group>
      {(!serverReachable(status?.online) || (q.isError && isOffline(q.error))) && (
        <NeedsConnection onRetry={() => void q.refetch()} />
      )}
      {q.isPending ? (
        <TableSkeleton rows={10} />
      ) : q.isError && !q.data ? (
        isOffline(q.error) ? null : (
          <ErrorState error={q.error} onRetry={() => void q.refetch()} />
        )
      ) : rows.length === 0 ? (
        <EmptyState title={t('payments.empty')} hint={t('payments.emptyHint')} />
      ) : (
        <WorkTable
          label={t('payments.title')}
          rows={rows}
          rowKey={(r) => r.key}
          columns={columns}
          openKey={null}
          onOpen={() => {}}
        />
      )}
    </Box>
  );
}
