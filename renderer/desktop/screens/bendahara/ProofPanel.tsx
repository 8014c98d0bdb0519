/**
 * Step 10 (Bendahara): the proof of payment the customer uploaded, shown from the server, beside
 * the billing it pays; approve it (the order goes on to CS) or reject it with a reason the
 * customer reads (they upload again).
 */
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { formatDateTime } from '../../../lib/format';
import { DocumentView } from '../online/DocumentView';
import { OrderHeader } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import type { WorkItem } from '../online/work-items';
import { BillingFacts } from './BillingFacts';

export function ProofPanel({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const { t, i18n } = useTranslation('bendahara');
  const proof = [...item.order.proofs].reverse().find((p) => p.status === 'submitted');
  const billing = proof ? item.order.billings.find((b) => b.id === proof.billingId) : undefined;
  const file = useBridgeQuery(
    'online.proof.file',
    { orderId: item.order.id, proofId: proof?.id ?? '-' },
    { enabled: !!proof, staleTime: Infinity, retry: false },
  );
  const approve = useOnlineAction('online.proof.approve');
  const reject = useOnlineAction('online.proof.reject');
  const [rejecting, setRejecting] = useState(false);
  if (!proof) return null;
  const ref = { orderId: item.order.id, proofId: proof.id };
  const submit = async () => {
    const r = await approve.run(ref, t('proof.approved'));
    if (r) onDone();
  };
  return (
    <PanelFrame
      title={t('proof.title')}
      onClose={onDone}
      error={approve.error}
      offline={approve.offline}
      onSubmitKey={() => void submit()}
      actions={
        <>
          <Group gap="xs">
            <Button
              leftSection={<IconCheck size={16} />}
              loading={approve.busy}
              onClick={() => void submit()}
            >
              {t('proof.approve')} (Ctrl+Enter)
            </Button>
            <Button
              color="red"
              variant="light"
              leftSection={<IconX size={16} />}
              onClick={() => setRejecting(true)}
            >
              {t('proof.reject')}
            </Button>
          </Group>
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      {billing && <BillingFacts billing={billing} />}
      <Text size="sm">
        {t('proof.uploaded', { at: formatDateTime(proof.uploadedAt, i18n.language) })}
        {proof.ntpn ? ` · NTPN ${proof.ntpn}` : ` · ${t('proof.noNtpn')}`}
      </Text>
      <DocumentView
        file={file.data}
        error={file.error}
        loading={file.isPending}
        onRetry={() => void file.refetch()}
        label={t('proof.file')}
      />
      <ReasonDialog
        danger={false}
        opened={rejecting}
        title={t('proof.rejectTitle')}
        consequence={t('proof.rejectConsequence')}
        confirmLabel={t('proof.reject')}
        onClose={() => setRejecting(false)}
        onConfirm={async (reason) => {
          await reject.runOrThrow({ ...ref, reason }, t('proof.rejected'));
          setRejecting(false);
          onDone();
        }}
      />
    </PanelFrame>
  );
}
