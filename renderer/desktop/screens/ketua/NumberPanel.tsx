/** Step 17 (Ketua Tim PJI): give the validated results their report number (No. LHU), from the unit's numbering format. */
import { Text } from '@mantine/core';
import { IconNumber } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { OrderHeader, SampleParameters } from '../online/OrderFacts';
import { ActionPanel } from '../parts/ActionPanel';
import { useStepAction } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';

export function NumberPanel({ item, onDone }: StepPanelProps) {
  const { t } = useTranslation('ketua');
  const sample = item.sample!;
  const step = useStepAction('online.report.number', onDone, () => ({
    input: { orderId: item.order.id, sampleId: sample.id },
    success: t('number.done', { sample: sample.number ?? '' }),
  }));
  return (
    <ActionPanel
      title={t('number.title')}
      submitLabel={t('number.submit')}
      icon={<IconNumber size={16} />}
      {...step}
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      <Text size="sm">{sample.sampleTypeName}</Text>
      <SampleParameters sample={sample} tariffs={false} />
      <Text size="xs" c="dark.4">
        {t('number.hint')}
      </Text>
    </ActionPanel>
  );
}
