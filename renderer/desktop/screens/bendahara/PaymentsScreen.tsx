/**
 * The Bendahara's payments: every e-billing with its status as SIMPONI names it (Belum dibayar,
 * Lunas with the NTPN and the date paid, Kedaluwarsa), and how a paid one arrived: through the
 * payment notification (automatic) or an approved proof. A filter shows the notified ones alone.
 */
import { useMemo, useState } from 'react';
import { SegmentedControl, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime, formatRupiah } from '../../../lib/format';
import { textColumn, type WorkColumn } from '../online/WorkTable';
import { ListScreen } from '../parts/ListScreen';
import { statusesFrom } from '../parts/order-rows';
import { groupBillingCode, SimponiBadge } from './BillingFacts';
import { paymentRows, type PaymentRow } from './payments';

/** The orders with an e-billing: from its issue (step 8) on. */
const STATUSES = statusesFrom('awaiting_payment');
type Filter = 'all' | 'notification' | 'unpaid';

export function PaymentsScreen() {
  const { t, i18n } = useTranslation('bendahara');
  const q = useBridgeQuery(
    'online.orders',
    { statuses: STATUSES },
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
      textColumn('order', t('payments.col.order'), '176px', (r) => r.order.number, {
        strong: true,
        num: true,
      }),
      textColumn('customer', t('payments.col.customer'), 'minmax(120px, 1fr)', (r) => r.companyName),
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
      textColumn('amount', t('payments.col.amount'), '110px', (r) => formatRupiah(r.billing.amount), {
        num: true,
        align: 'right',
      }),
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
    <ListScreen
      title={t('payments.title')}
      tools={
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
      }
      query={q}
      rows={rows}
      rowKey={(r) => r.key}
      columns={columns}
      skeletonRows={10}
      empty={{ title: t('payments.empty'), hint: t('payments.emptyHint') }}
    />
  );
}
