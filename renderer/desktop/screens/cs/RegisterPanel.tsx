/**
 * Step 11 (CS): register a received sample: the server gives its sample number; CS picks the lab
 * (the sample type's lab by default), the Penyelia and the MT of that lab. A form on
 * react-hook-form with the server's own schema (RegisterSampleRequestSchema).
 */
import { useEffect } from 'react';
import { Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { RegisterSampleRequestSchema } from '../../../../shared/api/http';
import { useBridgeQuery } from '../../../bridge/hooks';
import { OrderHeader, SampleParameters } from '../online/OrderFacts';
import { ActionPanel } from '../parts/ActionPanel';
import { IdSelect } from '../parts/IdSelect';
import { useCreateForm } from '../parts/panel-action';
import type { StepPanelProps } from '../parts/RoleWorkScreen';

export function RegisterPanel({ item, onDone }: StepPanelProps) {
  const { t } = useTranslation('cs');
  const sample = item.sample!;
  const catalog = useBridgeQuery('online.catalog', {}, { staleTime: 5 * 60_000, retry: false });
  const staff = useBridgeQuery('online.staff', {}, { staleTime: 5 * 60_000, retry: false });
  const typeLab = catalog.data?.sampleTypes.find((s) => s.id === sample.sampleTypeId)?.labId ?? '';
  const { form, panel } = useCreateForm('online.sample.register', RegisterSampleRequestSchema, {
    defaultValues: { labId: '', penyeliaId: '', mtId: '' },
    input: (v) => ({ orderId: item.order.id, sampleId: sample.id, ...v }),
    success: () => t('register.done'),
    onDone,
  });
  const labId = useWatch({ control: form.control, name: 'labId' });
  useEffect(() => {
    if (typeLab && !form.getValues('labId')) form.setValue('labId', typeLab);
  }, [typeLab, form]);
  const people = (role: string) =>
    (staff.data?.staff ?? [])
      .filter((u) => u.role === role && u.active && (!labId || u.labId === labId || u.labId === null))
      .map((u) => ({ value: u.id, label: u.name }));
  const labs = (catalog.data?.labs ?? [])
    .filter((l) => l.active)
    .map((l) => ({ value: l.id, label: `${l.code} · ${l.name}` }));

  const required = t('register.required');
  const formId = `register-${sample.id}`;
  // The two people the sample goes to, of the chosen lab.
  const pickers = [
    { name: 'penyeliaId', role: 'penyelia', label: 'Penyelia' },
    { name: 'mtId', role: 'mt', label: t('register.mt') },
  ] as const;
  return (
    <ActionPanel
      title={t('register.title')}
      submitLabel={t('register.submit')}
      icon={<IconPackageImport size={16} />}
      {...panel}
      form={formId}
      controls={
        <form id={formId} onSubmit={(e) => void panel.submit(e)} noValidate>
          <Stack gap={6}>
            <IdSelect
              form={form}
              name="labId"
              label={t('register.lab')}
              data={labs}
              requiredMessage={required}
              allowDeselect={false}
              onPick={() => {
                form.setValue('penyeliaId', '');
                form.setValue('mtId', '');
              }}
            />
            {pickers.map((p) => (
              <IdSelect
                key={p.name}
                form={form}
                name={p.name}
                label={p.label}
                data={people(p.role)}
                requiredMessage={required}
                searchable
                nothingFoundMessage={t('register.nobody')}
              />
            ))}
          </Stack>
        </form>
      }
    >
      <OrderHeader order={item.order} companyName={item.companyName} sample={sample} />
      <Text size="sm">
        {sample.sampleTypeName}
        {sample.customerLabel ? ` · ${sample.customerLabel}` : ''}
      </Text>
      <Text size="xs" c="dark.4">
        {sample.description}
      </Text>
      <SampleParameters sample={sample} tariffs={false} />
      <Text size="xs" c="dark.4">
        {t('register.numberHint')}
      </Text>
    </ActionPanel>
  );
}
