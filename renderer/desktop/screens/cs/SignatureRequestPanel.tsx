/**
 * Step 18 (CS): the server renders the E-LHU and queues it for the chosen Kepala Balai's TTE.
 * Before that, the draft E-LHU (marked DRAFT) is shown as it would print with the chosen Kepala
 * Balai, so CS checks it first.
 */
import { useState } from 'react';
import { Select, Stack, Text } from '@mantine/core';
import { IconSignature } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { OrderHeader } from '../online/OrderFacts';
import { ActionPanel } from '../parts/ActionPanel';
import { FetchedDocument } from '../parts/FetchedDocument';
import { useStepAction } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';
import { currentReport } from './reports';

export function SignatureRequestPanel({ item, onDone }: StepPanelProps) {
  const { t, i18n } = useTranslation('cs');
  const sample = item.sample!;
  const report = currentReport(sample);
  const staff = useBridgeQuery('online.staff', {}, { staleTime: 5 * 60_000, retry: false });
  const heads = (staff.data?.staff ?? [])
    .filter((u) => u.role === 'kepala_balai' && u.active)
    .map((u) => ({ value: u.id, label: u.name }));
  const [kepala, setKepala] = useState<string | null>(null);
  const [touched, setTouched] = useState(false);
  const chosen = kepala ?? (heads.length === 1 ? heads[0]!.value : null);
  // The draft E-LHU as it would print with the chosen Kepala Balai (step 18's "cetak").
  const preview = useBridgeQuery(
    'online.report.preview',
    {
      orderId: item.order.id,
      sampleId: sample.id,
      reportId: report?.id ?? '-',
      ...(chosen ? { kepalaBalaiId: chosen } : {}),
    },
    { enabled: !!report, staleTime: Infinity, retry: false },
  );
  const step = useStepAction('online.report.requestSignature', onDone, () => {
    setTouched(true);
    if (!chosen || !report) return null;
    return {
      input: { orderId: item.order.id, sampleId: sample.id, reportId: report.id, kepalaBalaiId: chosen },
      success: t('signature.done', { number: report.number }),
    };
  });
  return (
    <ActionPanel
      title={t('signature.title')}
      submitLabel={t('signature.submit')}
      icon={<IconSignature size={16} />}
      {...step}
      controls={
        <>
          <Select
            label={t('signature.kepala')}
            data={heads}
            value={chosen}
            onChange={setKepala}
            withAsterisk
            error={touched && !chosen ? t('signature.pick') : undefined}
            allowDeselect={false}
          />
          <Text size="xs" c="dark.4">
            {t('signature.hint')}
          </Text>
        </>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      {report && (
        <Stack gap={2}>
          <Text size="sm">
            {t('signature.lhu')}: <b className="num">{report.number}</b>
          </Text>
          <Text size="xs" c="dark.4">
            {t('signature.numberedAt', { at: formatDateTime(report.numberedAt, i18n.language) })}
          </Text>
        </Stack>
      )}
      <FetchedDocument query={preview} label={t('signature.preview')} />
    </ActionPanel>
  );
}
