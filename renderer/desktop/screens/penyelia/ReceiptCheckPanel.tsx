/**
 * Pemeriksaan contoh (SOP step 12, sample status `registered`): the lab's receipt checklist as a
 * react-hook-form form validated by the shared ReceiptCheckSchema, then *Terima* (Ctrl+Enter) or
 * *Tolak* with a reason the customer sees. A "tidak" answer suggests Tolak but never forces it:
 * the Penyelia may accept a sample with a noted defect.
 */
import { useState } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import { zodResolver } from '@hookform/resolvers/zod';
import type { z } from 'zod';
import { Autocomplete, Button, Group, Paper, Radio, SimpleGrid, Stack, Text, Textarea } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconAlertTriangle, IconCheck, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ReceiptCheckSchema } from '../../../../shared/bridge';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { submitWith } from '../../../components/submit-form';
import type { SamplePanelProps } from '../sample/panel-props';
import { ActionError } from '../results/ActionError';
import { AmberNotice } from '../results/AmberNotice';
import { ShortcutHint } from '../results/ShortcutHint';
import { useSampleAction } from '../results/useSampleAction';
import { draftRejectReason, receiptConcerns, type ReceiptConcern } from './receipt-check';
import { StepHeading } from '../sample/StepSection';

type FormIn = z.input<typeof ReceiptCheckSchema>;
type FormOut = z.output<typeof ReceiptCheckSchema>;

const CHOICES = {
  quantity: ['cukup', 'tidak_cukup'],
  condition: ['baik', 'tidak_baik'],
  container: ['baik', 'tidak_baik'],
} as const;

export function ReceiptCheckPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('penyelia');
  const accept = useSampleAction('sample.accept');
  const reject = useSampleAction('sample.reject');
  const [rejecting, setRejecting] = useState(false);
  const sampleLabel = sample.number ?? sample.sampleTypeName;
  const ref = { orderId: order.id, sampleId: sample.id };

  const form = useForm<FormIn, unknown, FormOut>({
    resolver: zodResolver(ReceiptCheckSchema),
    defaultValues: { storage: '', note: '' },
    mode: 'onSubmit',
    reValidateMode: 'onChange',
  });
  const values = useWatch({ control: form.control });
  const concerns = receiptConcerns(values);
  const concernLabels = Object.fromEntries(
    (['quantity', 'condition', 'container', 'seal'] as const).map((c) => [c, t(`receipt.concern.${c}`)]),
  ) as Record<ReceiptConcern, string>;

  const onAccept = form.handleSubmit((check) => {
    accept.fire({ ...ref, check }, t('receipt.accepted', { sample: sampleLabel }));
  });
  useHotkeys(rejecting ? [] : [['mod+Enter', () => void onAccept()]], []);

  const required = (has: boolean) => (has ? t('receipt.required') : undefined);
  const busy = accept.pending || reject.pending;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="receipt-title">
      <form onSubmit={submitWith(onAccept)} noValidate>
        <Stack gap="sm">
          <StepHeading id="receipt-title" title={t('receipt.title')} intro={t('receipt.intro')} />
          <Text size="sm">
            <Text span c="gray.7">
              {t('receipt.described')}:{' '}
            </Text>
            {sample.description}
          </Text>

          <SimpleGrid cols={{ base: 2, lg: 4 }} spacing="md" verticalSpacing="sm">
            {(Object.keys(CHOICES) as (keyof typeof CHOICES)[]).map((name) => (
              <Controller
                key={name}
                name={name}
                control={form.control}
                render={({ field, fieldState }) => (
                  <Radio.Group
                    label={t(`receipt.${name}`)}
                    value={field.value ?? null}
                    onChange={(v) => field.onChange(v)}
                    error={required(!!fieldState.error)}
                    withAsterisk
                  >
                    <Group gap="md" mt={6}>
                      {CHOICES[name].map((v, i) => (
                        <Radio
                          key={v}
                          value={v}
                          label={t(`receipt.${v}`)}
                          ref={i === 0 ? field.ref : undefined}
                          color={v.startsWith('tidak') ? 'orange' : undefined}
                        />
                      ))}
                    </Group>
                  </Radio.Group>
                )}
              />
            ))}
            <Controller
              name="sealIntact"
              control={form.control}
              render={({ field, fieldState }) => (
                <Radio.Group
                  label={t('receipt.seal')}
                  value={field.value === undefined ? null : field.value ? 'ya' : 'tidak'}
                  onChange={(v) => field.onChange(v === 'ya')}
                  error={required(!!fieldState.error)}
                  withAsterisk
                >
                  <Group gap="md" mt={6}>
                    <Radio value="ya" label={t('receipt.sealYes')} ref={field.ref} />
                    <Radio value="tidak" label={t('receipt.sealNo')} color="orange" />
                  </Group>
                </Radio.Group>
              )}
            />
          </SimpleGrid>

          <SimpleGrid cols={{ base: 1, md: 2 }} spacing="md">
            <Controller
              name="storage"
              control={form.control}
              render={({ field, fieldState }) => (
                <Autocomplete
                  label={t('receipt.storage')}
                  placeholder={t('receipt.storagePlaceholder')}
                  data={t('receipt.storageOptions', { returnObjects: true }) as string[]}
                  value={field.value ?? ''}
                  onChange={field.onChange}
                  onBlur={field.onBlur}
                  ref={field.ref}
                  maxLength={200}
                  error={fieldState.error ? t('receipt.tooLong') : undefined}
                />
              )}
            />
            <Textarea
              label={t('receipt.note')}
              placeholder={t('receipt.notePlaceholder')}
              autosize
              minRows={1}
              maxRows={4}
              maxLength={1000}
              {...form.register('note')}
              error={form.formState.errors.note ? t('receipt.tooLong') : undefined}
            />
          </SimpleGrid>

          {concerns.length > 0 && (
            <AmberNotice icon={IconAlertTriangle} title={t('receipt.concernTitle')}>
              {t('receipt.concernText', { list: concerns.map((c) => concernLabels[c]).join(', ') })}
            </AmberNotice>
          )}

          <ActionError message={accept.error} />

          <Group gap="sm">
            <Button
              type="submit"
              leftSection={<IconCheck size={16} />}
              loading={accept.pending}
              disabled={busy && !accept.pending}
            >
              {t('receipt.accept')}
              <ShortcutHint keys="Ctrl+Enter" />
            </Button>
            <Button
              variant={concerns.length > 0 ? 'filled' : 'outline'}
              color={concerns.length > 0 ? 'red.8' : 'red.9'}
              leftSection={<IconX size={16} />}
              onClick={() => setRejecting(true)}
              disabled={busy}
            >
              {t('receipt.reject')}
            </Button>
            <Text size="xs" c="gray.7">
              {t('receipt.rejectHint')}
            </Text>
          </Group>
        </Stack>
      </form>

      <ReasonDialog
        opened={rejecting}
        title={t('receipt.rejectTitle', { sample: sampleLabel })}
        consequence={t('receipt.rejectConsequence')}
        confirmLabel={t('receipt.rejectConfirm')}
        initialReason={rejecting ? draftRejectReason(form.getValues(), concernLabels) : ''}
        onConfirm={(reason) => reject.run({ ...ref, reason }, t('receipt.rejected', { sample: sampleLabel }))}
        onClose={() => setRejecting(false)}
      />
    </Paper>
  );
}
