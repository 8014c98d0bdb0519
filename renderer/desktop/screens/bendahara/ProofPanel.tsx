/**
 * Step 10 (Bendahara): the proof of payment the customer uploaded, shown from the server, beside
 * the billing it pays; approve it (the order goes on to CS) or reject it with a reason the
 * customer reads (they upload again).
 */
import { Text } from '@mantine/core';
import { IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { OrderHeader } from '../online/OrderFacts';
import { DecisionPanel } from '../online/DecisionPanel';
import { useOnlineAction } from '../online/useOnlineAction';
import { FetchedDocument } from '../parts/FetchedDocument';
import { approval } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';
import { BillingFacts } from './BillingFacts';

export function ProofPanel({ item, onDone }: StepPanelProps) {
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
  if (!proof) return null;
  const ref = { orderId: item.order.id, proofId: proof.id };
  return (
    <DecisionPanel
      title={t('proof.title')}
      onDone={onDone}
      approve={approval(t('proof.approve'), approve, ref, t('proof.approved'))}
      decline={{
        label: t('proof.reject'),
        icon: <IconX size={16} />,
        refusal: true,
        dialogTitle: t('proof.rejectTitle'),
        consequence: t('proof.rejectConsequence'),
        send: (reason) => reject.runOrThrow({ ...ref, reason }, t('proof.rejected')),
      }}
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      {billing && <BillingFacts billing={billing} />}
      <Text size="sm">
        {t('proof.uploaded', { at: formatDateTime(proof.uploadedAt, i18n.language) })}
        {proof.ntpn ? ` · NTPN ${proof.ntpn}` : ` · ${t('proof.noNtpn')}`}
      </Text>
      <FetchedDocument query={file} label={t('proof.file')} />
    </DecisionPanel>
  );
}
