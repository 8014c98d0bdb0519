/**
 * Step 11 (CS): register a received sample: the server gives its sample number; CS picks the lab
 * (the sample type's lab by default), the Penyelia and the MT of that lab. A form on
 * react-hook-form with the server's own schema (RegisterSampleRequestSchema).
 */
import { useEffect } from 'react';
import { Button, Select, Stack, Text } from '@mantine/core';
import { IconPackageImport } from '@tabler/icons-react';
import { zodResolver } from '@hookform/resolvers/zod';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { z } from 'zod';
import { RegisterSampleRequestSchema } from '../../../../shared/api/http';
import { useBridgeQuery } from '../../../bridge/hooks';
import { OrderHeader, SampleParameters } from '../online/OrderFacts';
import { PanelFrame } from '../online/PanelFrame';
import { useOnlineAction } from '../online/useOnlineAction';
import type { WorkItem } from '../online/work-items';

type Form = z.input<typeof RegisterSampleRequestSchema>;

export function RegisterPanel({ item, onDone }: { item: WorkItem; onDone: () => void }) {
  const { t } = useTranslation('cs');
  const sample = item.sample!;
  const catalog = useBridgeQuery('online.catalog', {}, { staleTime: 5 * 60_000, retry: false });
  const staff = useBridgeQuery('online.staff', {}, { staleTime: 5 * 60_000, retry: false });
  const register = useOnlineAction('online.sample.register');
  const typeLab = catalog.data?.sampleTypes.find((s) => s.id === sample.sampleTypeId)?.labId ?? '';
  const form = useForm<Form>({
    resolver: zodResolver(RegisterSampleRequestSchema),
    defaultValues: { labId: '', penyeliaId: '', mtId: '' },
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

  const submit = form.handleSubmit(async (v) => {
    const r = await register.run({ orderId: item.order.id, sampleId: sample.id, ...v }, t('register.done'));
    if (r) onDone();
  });
  const required = t('register.required');
  return (
    <PanelFrame
      title={t('register.title')}
      onClose={onDone}
      error={register.error}
      offline={register.offline}
      onSubmitKey={() => void submit()}
      actions={
        <>
          <form id={`register-${sample.id}`} onSubmit={(e) => void submit(e)} noValidate>
            <Stack gap={6}>
              <Controller
                control={form.control}
                name="labId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('register.lab')}
                    data={labs}
                    value={field.value || null}
                    onChange={(v) => {
                      field.onChange(v ?? '');
                      form.setValue('penyeliaId', '');
                      form.setValue('mtId', '');
                    }}
                    error={fieldState.error ? required : undefined}
                    withAsterisk
                    allowDeselect={false}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="penyeliaId"
                render={({ field, fieldState }) => (
                  <Select
                    label="Penyelia"
                    data={people('penyelia')}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    error={fieldState.error ? required : undefined}
                    withAsterisk
                    searchable
                    nothingFoundMessage={t('register.nobody')}
                  />
                )}
              />
              <Controller
                control={form.control}
                name="mtId"
                render={({ field, fieldState }) => (
                  <Select
                    label={t('register.mt')}
                    data={people('mt')}
                    value={field.value || null}
                    onChange={(v) => field.onChange(v ?? '')}
                    error={fieldState.error ? required : undefined}
                    withAsterisk
                    searchable
                    nothingFoundMessage={t('register.nobody')}
                  />
                )}
              />
            </Stack>
          </form>
          <Button
            type="submit"
            form={`register-${sample.id}`}
            leftSection={<IconPackageImport size={16} />}
            loading={register.busy}
          >
            {t('register.submit')} (Ctrl+Enter)
          </Button>
        </>
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
    </PanelFrame>
  );
}
