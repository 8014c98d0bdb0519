/**
 * The released E-LHUs, for an amendment (ISO/IEC 17025 7.8.8): the Ketua Tim opens one, reads it,
 * and issues a replacing report with a reason; the sample goes back to step 18 with a new number.
 */
import { useMemo } from 'react';
import { IconFileDiff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { OrderHeader } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import { textColumn, type WorkColumn } from '../online/WorkTable';
import { FetchedDocument } from '../parts/FetchedDocument';
import { ListScreen } from '../parts/ListScreen';
import { statusesFrom } from '../parts/order-rows';
import { ReasonButton } from '../parts/ReasonAction';
import { releasedReports, type ReleasedRow } from './released';

/** The orders that may have a released E-LHU: from the first sample's registration (step 11) on. */
const STATUSES = statusesFrom('in_lab');

export function ReleasedReportsScreen() {
  const { t, i18n } = useTranslation('ketua');
  const q = useBridgeQuery('online.orders', { statuses: STATUSES }, { retry: false });
  const rows = useMemo(() => (q.data ? releasedReports(q.data.orders) : []), [q.data]);
  const columns = useMemo<WorkColumn<ReleasedRow>[]>(
    () => [
      textColumn('lhu', t('reports.col.lhu'), '224px', (r) => r.report.number, { strong: true, num: true }),
      textColumn('sample', t('reports.col.sample'), '176px', (r) => r.sample.number, { num: true }),
      textColumn('customer', t('reports.col.customer'), 'minmax(120px, 1fr)', (r) => r.companyName),
      textColumn(
        'released',
        t('reports.col.released'),
        '196px',
        (r) => formatDateTime(r.report.releasedAt, i18n.language),
        { num: true },
      ),
    ],
    [t, i18n.language],
  );
  return (
    <ListScreen
      title={t('reports.title')}
      query={q}
      rows={rows}
      rowKey={(r) => r.key}
      columns={columns}
      empty={{ title: t('reports.empty'), hint: t('reports.emptyHint') }}
      panel={{
        label: (r) => r.report.number ?? t('reports.title'),
        width: 460,
        render: (r, done) => <AmendPanel row={r} onDone={done} />,
      }}
    />
  );
}

function AmendPanel({ row, onDone }: { row: ReleasedRow; onDone: () => void }) {
  const { t } = useTranslation('ketua');
  const ref = { orderId: row.order.id, sampleId: row.sample.id, reportId: row.report.id };
  const file = useBridgeQuery('online.report.file', ref, { staleTime: Infinity, retry: false });
  const amend = useOnlineAction('online.report.amend');
  return (
    <PanelFrame
      title={t('reports.amendTitle')}
      onClose={onDone}
      error={amend.error}
      offline={amend.offline}
      actions={
        <ReasonButton
          label={t('reports.amend')}
          icon={<IconFileDiff size={16} />}
          consequence={t('reports.amendConsequence', { number: row.report.number })}
          send={(reason) =>
            amend.runOrThrow({ ...ref, reason }, t('reports.amended', { number: row.report.number }))
          }
          onDone={onDone}
        />
      }
    >
      <OrderHeader order={row.order} companyName={row.companyName} sample={row.sample} />
      <FetchedDocument query={file} label={row.report.number} />
    </PanelFrame>
  );
}
