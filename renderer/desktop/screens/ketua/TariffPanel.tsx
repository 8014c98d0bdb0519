/**
 * Step 6 (Ketua Tim PJI): check the tariff of each parameter (the catalog's PNBP tariff, copied at
 * submission) and approve it, or send the order back to the customer with a reason.
 */
import { Text } from '@mantine/core';
import { IconArrowBackUp } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRupiah } from '../../../lib/format';
import { OrderHeader, OrderSamples } from '../online/OrderFacts';
import { DecisionPanel } from '../online/DecisionPanel';
import { useOnlineAction } from '../online/useOnlineAction';
import { approval } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';

export function TariffPanel({ item, onDone }: StepPanelProps) {
  const { t } = useTranslation('ketua');
  const approve = useOnlineAction('online.tariff.approve');
  const back = useOnlineAction('online.order.return');
  const orderId = item.order.id;
  return (
    <DecisionPanel
      title={t('tariff.title')}
      onDone={onDone}
      approve={approval(
        t('tariff.approve'),
        approve,
        { orderId },
        t('tariff.done', { total: formatRupiah(item.total) }),
      )}
      decline={{
        label: t('tariff.return'),
        icon: <IconArrowBackUp size={16} />,
        dialogTitle: t('tariff.returnTitle'),
        consequence: t('tariff.returnConsequence'),
        send: (reason) => back.runOrThrow({ orderId, reason }, t('tariff.returned')),
      }}
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      <OrderSamples order={item.order} total={item.total} />
      <Text size="xs" c="dark.4">
        {t('tariff.hint')}
      </Text>
    </DecisionPanel>
  );
}
