/**
 * The released E-LHUs, for an amendment (ISO/IEC 17025 7.8.8): the Ketua Tim opens one, reads it,
 * and issues a replacing report with a reason; the sample goes back to step 18 with a new number.
 */
import { useMemo, useState } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import { IconFileDiff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDateTime } from '../../../lib/format';
import { useSync } from '../../frame/sync-context';
import { isOffline, serverReachable } from '../online/connection';
import { DocumentView } from '../online/DocumentView';
import { NeedsConnection } from '../online/NeedsConnection';
import { OrderHeader } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import { WorkTable, type WorkColumn } from '../online/WorkTable';
import { releasedReports, type ReleasedRow } from './released';

const STATUSES = ['in_lab', 'reports_released', 'survey_completed', 'finished'] as const;

export function ReleasedReportsScreen() {
  const { t, i18n } = useTranslation('ketua');
  const { status } = useSync();
  const q = useBridgeQuery('online.orders', { statuses: [...STATUSES] }, { retry: false });
  const rows = useMemo(() => (q.data ? releasedReports(q.data.orders) : []), [q.data]);
  const [openKey, setOpenKey] = useState<string | null>(null);
  const open = rows.find((r) => r.key === openKey) ?? null;
  const columns = useMemo<WorkColumn<ReleasedRow>[]>(
    () => [
      {
        id: 'lhu',
        header: t('reports.col.lhu'),
        width: '190px',
        cell: (r) => (
          <Text size="sm" fw={600} className="num" truncate>
            {r.report.number}
          </Text>
        ),
      },
      {
        id: 'sample',
        header: t('reports.col.sample'),
        width: '150px',
        cell: (r) => (
          <Text size="sm" className="num" truncate>
            {r.sample.number ?? '—'}
          </Text>
        ),
      },
      {
        id: 'customer',
        header: t('reports.col.customer'),
        width: 'minmax(120px, 1fr)',
        cell: (r) => (
          <Text size="sm" truncate>
            {r.companyName}
          </Text>
        ),
      },
      {
        id: 'released',
        header: t('reports.col.released'),
        width: '170px',
        cell: (r) => (
          <Text size="sm" className="num">
            {formatDateTime(r.report.releasedAt, i18n.language)}
          </Text>
        ),
      },
    ],
    [t, i18n.language],
  );
  return (
    <Box style={{ display: 'flex', flex: 1, minHeight: 0 }}>
      <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minWidth: 0 }}>
        <Group px="md" pt={10} pb={6}>
          <Text component="h1" fw={700} size="lg" m={0}>
            {t('reports.title')}
          </Text>
        </Group>
        {(!serverReachable(status?.online) || (q.isError && isOffline(q.error))) && (
          <NeedsConnection onRetry={() => void q.refetch()} />
        )}
        {q.isPending ? (
          <TableSkeleton rows={8} />
        ) : q.isError && !q.data ? (
          isOffline(q.error) ? null : (
            <ErrorState error={q.error} onRetry={() => void q.refetch()} />
          )
        ) : rows.length === 0 ? (
          <EmptyState title={t('reports.empty')} hint={t('reports.emptyHint')} />
        ) : (
          <WorkTable
            label={t('reports.title')}
            rows={rows}
            rowKey={(r) => r.key}
            columns={columns}
            openKey={openKey}
            onOpen={(r) => setOpenKey(r.key)}
          />
        )}
      </Box>
      {open && (
        <Box
          component="aside"
          aria-label={open.report.number}
          style={{
            width: 460,
            flexShrink: 0,
            borderLeft: '1px solid var(--mantine-color-gray-3)',
            display: 'flex',
            flexDirection: 'column',
            minHeight: 0,
          }}
        >
          <AmendPanel key={open.key} row={open} onDone={() => setOpenKey(null)} />
        </Box>
      )}
    </Box>
  );
}

function AmendPanel({ row, onDone }: { row: ReleasedRow; onDone: () => void }) {
  const { t } = useTranslation('ketua');
  const ref = { orderId: row.order.id, sampleId: row.sample.id, reportId: row.report.id };
  const file = useBridgeQuery('online.report.file', ref, { staleTime: Infinity, retry: false });
  const amend = useOnlineAction('online.report.amend');
  const [asking, setAsking] = useState(false);
  return (
    <PanelFrame
      title={t('reports.amendTitle')}
      onClose={onDone}
      error={amend.error}
      offline={amend.offline}
      actions={
        <>
          <Button
            color="red"
            variant="light"
            leftSection={<IconFileDiff size={16} />}
            onClick={() => setAsking(true)}
          >
            {t('reports.amend')}
          </Button>
        </>
      }
    >
      <OrderHeader order={row.order} companyName={row.companyName} sample={row.sample} />
      <DocumentView
        file={file.data}
        error={file.error}
        loading={file.isPending}
        onRetry={() => void file.refetch()}
        label={row.report.number}
      />
      <ReasonDialog
        danger={false}
        opened={asking}
        title={t('reports.amend')}
        consequence={t('reports.amendConsequence', { number: row.report.number })}
        confirmLabel={t('reports.amend')}
        onClose={() => setAsking(false)}
        onConfirm={async (reason) => {
          await amend.runOrThrow({ ...ref, reason }, t('reports.amended', { number: row.report.number }));
          setAsking(false);
          onDone();
        }}
      />
    </PanelFrame>
  );
}
