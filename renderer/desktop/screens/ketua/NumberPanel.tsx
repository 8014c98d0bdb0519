/** Step 17 (Ketua Tim PJI): give the validated results their report number (No. LHU), from the unit's numbering format. */
import { Button, Text } from '@mantine/core';
import { IconNumber } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OrderHeader, SampleParameters } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import type { WorkItem } from '../online/work-items';

export function NumberPanel({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const { t } = useTranslation('ketua');
  const sample = item.sample!;
  const number = useOnlineAction('online.report.number');
  const submit = async () => {
    const r = await number.run(
      { orderId: item.order.id, sampleId: sample.id },
      t('number.done', { sample: sample.number ?? '' }),
    );
    if (r) onDone();
  };
  return (
    <PanelFrame
      title={t('number.title')}
      onClose={onDone}
      error={number.error}
      offline={number.offline}
      onSubmitKey={() => void submit()}
      actions={
        <>
          <Button leftSection={<IconNumber size={16} />} loading={number.busy} onClick={() => void submit()}>
            {t('number.submit')} (Ctrl+Enter)
          </Button>
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      <Text size="sm">{sample.sampleTypeName}</Text>
      <SampleParameters sample={sample} tariffs={false} />
      <Text size="xs" c="dark.4">
        {t('number.hint')}
      </Text>
    </PanelFrame>
  );
}
