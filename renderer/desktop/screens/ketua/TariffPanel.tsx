/**
 * Step 6 (Ketua Tim PJI): check the tariff of each parameter (the catalog's PNBP tariff, copied at
 * submission) and approve it, or send the order back to the customer with a reason.
 */
import { useState } from 'react';
import { Button, Group, Text } from '@mantine/core';
import { IconArrowBackUp, IconCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { formatRupiah } from '../../../lib/format';
import { OrderHeader, OrderSamples } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import type { WorkItem } from '../online/work-items';

export function TariffPanel({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const { t } = useTranslation('ketua');
  const approve = useOnlineAction('online.tariff.approve');
  const back = useOnlineAction('online.order.return');
  const [returning, setReturning] = useState(false);
  const orderId = item.order.id;
  const submit = async () => {
    const r = await approve.run({ orderId }, t('tariff.done', { total: formatRupiah(item.total) }));
    if (r) onDone();
  };
  return (
    <PanelFrame
      title={t('tariff.title')}
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
              {t('tariff.approve')} (Ctrl+Enter)
            </Button>
            <Button
              variant="default"
              leftSection={<IconArrowBackUp size={16} />}
              onClick={() => setReturning(true)}
            >
              {t('tariff.return')}
            </Button>
          </Group>
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} />
      <OrderSamples order={item.order} total={item.total} />
      <Text size="xs" c="dark.4">
        {t('tariff.hint')}
      </Text>
      <ReasonDialog
        danger={false}
        opened={returning}
        title={t('tariff.returnTitle')}
        consequence={t('tariff.returnConsequence')}
        confirmLabel={t('tariff.return')}
        onClose={() => setReturning(false)}
        onConfirm={async (reason) => {
          await back.runOrThrow({ orderId, reason }, t('tariff.returned'));
          setReturning(false);
          onDone();
        }}
      />
    </PanelFrame>
  );
}
