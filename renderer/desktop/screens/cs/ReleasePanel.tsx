/**
 * Step 20 (CS): check the signed E-LHU (shown from the server) and release it to the customer.
 * Releasing cannot be undone (an error is corrected by an amended report), so it asks first.
 */
import { useState } from 'react';
import { Button, Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { ConfirmDialog } from '../online/ConfirmDialog';
import { DocumentView } from '../online/DocumentView';
import { OrderHeader } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import type { WorkItem } from '../online/work-items';
import { currentReport } from './reports';

export function ReleasePanel({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const { t, i18n } = useTranslation('cs');
  const sample = item.sample!;
  const report = currentReport(sample)!;
  const ref = { orderId: item.order.id, sampleId: sample.id, reportId: report.id };
  const file = useBridgeQuery('online.report.file', ref, { staleTime: Infinity, retry: false });
  const release = useOnlineAction('online.report.release');
  const [confirming, setConfirming] = useState(false);
  const submit = async () => {
    const r = await release.run(ref, t('release.done', { number: report.number }));
    setConfirming(false);
    if (r) onDone();
  };
  return (
    <PanelFrame
      title={t('release.title')}
      onClose={onDone}
      error={release.error}
      offline={release.offline}
      onSubmitKey={() => setConfirming(true)}
      actions={
        <>
          <Button
            leftSection={<IconSend size={16} />}
            onClick={() => setConfirming(true)}
            disabled={!file.data}
          >
            {t('release.submit')} (Ctrl+Enter)
          </Button>
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      <Text size="sm">
        {t('signature.lhu')}: <b className="num">{report.number}</b> ·{' '}
        {t('release.signedAt', { at: formatDateTime(report.signedAt, i18n.language) })}
      </Text>
      <DocumentView
        file={file.data}
        error={file.error}
        loading={file.isPending}
        onRetry={() => void file.refetch()}
        label={t('release.document', { number: report.number })}
      />
      <ConfirmDialog
        opened={confirming}
        title={t('release.confirmTitle')}
        consequence={t('release.consequence', { number: report.number })}
        confirmLabel={t('release.submit')}
        cancelLabel={t('cancel')}
        busy={release.busy}
        onConfirm={() => void submit()}
        onClose={() => setConfirming(false)}
      />
    </PanelFrame>
  );
}
