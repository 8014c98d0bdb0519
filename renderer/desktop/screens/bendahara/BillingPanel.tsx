/** Step 8 (Bendahara): issue the order's e-billing (SIMPONI code made by the server), or re-issue an expired one. */
import { Text } from '@mantine/core';
import { IconReceipt, IconReceiptRefund } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../lib/format';
import { OrderHeader, OrderSamples } from '../online/OrderFacts';
import { currentBilling } from '../online/work-items';
import { ActionPanel } from '../parts/ActionPanel';
import { useStepAction } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';
import { BillingFacts } from './BillingFacts';

export function BillingPanel({ item, onDone }: StepPanelProps) {
  const { t } = useTranslation('bendahara');
  const reissue = item.action === 'reissueBilling';
  const old = reissue ? currentBilling(item.order) : null;
  const step = useStepAction(reissue ? 'online.billing.reissue' : 'online.billing.issue', onDone, () => ({
    input: { orderId: item.order.id },
    success: reissue ? t('billing.reissued') : t('billing.issued', { total: formatRupiah(item.total) }),
  }));
  return (
    <ActionPanel
      title={reissue ? t('billing.reissueTitle') : t('billing.title')}
      submitLabel={reissue ? t('billing.reissue') : t('billing.issue')}
      icon={reissue ? <IconReceiptRefund size={16} /> : <IconReceipt size={16} />}
      {...step}
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      {old && (
        <>
          <Text size="sm" fw={600}>
            {t('billing.expired')}
          </Text>
          <BillingFacts billing={old} />
        </>
      )}
      <OrderSamples order={item.order} total={item.order.tariffTotal ?? item.total} />
      <Text size="xs" c="dark.4">
        {t('billing.hint')}
      </Text>
    </ActionPanel>
  );
}
