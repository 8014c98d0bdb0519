/**
 * Step 20 (CS): check the signed E-LHU (shown from the server) and release it to the customer.
 * Releasing cannot be undone (an error is corrected by an amended report), so it asks first.
 */
import { useState } from 'react';
import { Text } from '@mantine/core';
import { IconSend } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { ConfirmDialog } from '../online/ConfirmDialog';
import { OrderHeader } from '../online/OrderFacts';
import { useOnlineAction } from '../online/useOnlineAction';
import { ActionPanel } from '../parts/ActionPanel';
import { FetchedDocument } from '../parts/FetchedDocument';
import type { StepPanelProps } from '../parts/RoleWorkScreen';
import { currentReport } from './reports';

export function ReleasePanel({ item, onDone }: StepPanelProps) {
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
    <ActionPanel
      title={t('release.title')}
      onDone={onDone}
      // The button only asks; the confirmation shows the sending, so the button never spins.
      action={{ ...release, busy: false }}
      submit={() => setConfirming(true)}
      submitLabel={t('release.submit')}
      icon={<IconSend size={16} />}
      disabled={!file.data}
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      <Text size="sm">
        {t('signature.lhu')}: <b className="num">{report.number}</b> ·{' '}
        {t('release.signedAt', { at: formatDateTime(report.signedAt, i18n.language) })}
      </Text>
      <FetchedDocument query={file} label={t('release.document', { number: report.number })} />
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
    </ActionPanel>
  );
}
