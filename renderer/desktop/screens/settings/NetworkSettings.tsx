/**
 * Network settings (issue 11): the unit's HTTP(S) proxy to the SIPPT server and its release feed,
 * and the update channel (stabil / beta). Saved in the app's settings; the next request to the
 * server and the updater's next check use them. The proxy is checked as typed, with the words that
 * say what to fix, and nothing is saved while it is wrong.
 */
import { useEffect } from 'react';
import { Alert, Button, Group, Modal, Radio, Stack, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { proxyUrlProblem, type UpdateChannel } from '../../../../shared/bridge/network-settings';
import { useBridgeMutation, useBridgeQuery } from '../../../bridge/hooks';
import { errorText, msg } from '../../../lib/message';
import { settingsQuery } from '../../session';

interface Form {
  proxy: string;
  updateChannel: UpdateChannel;
}

export function NetworkSettings({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('settings');
  const qc = useQueryClient();
  const settings = useBridgeQuery('settings.get', {}, { enabled: opened });
  const save = useBridgeMutation('settings.update');
  const form = useForm<Form>({ defaultValues: { proxy: '', updateChannel: 'latest' }, mode: 'onChange' });

  useEffect(() => {
    if (opened && settings.data)
      form.reset({
        proxy: settings.data.proxy ?? '',
        updateChannel: settings.data.updateChannel ?? 'latest',
      });
  }, [opened, settings.data, form]);

  const submit = form.handleSubmit(async (v) => {
    try {
      const proxy = v.proxy.trim();
      const saved = await save.mutateAsync({
        proxy: proxy === '' ? null : proxy,
        updateChannel: v.updateChannel,
      });
      qc.setQueryData(settingsQuery.queryKey, saved);
      notifications.show({ color: 'teal', message: t('saved') });
      onClose();
    } catch (e) {
      form.setError('root', { message: errorText(e, i18n.language) });
    }
  });

  return (
    <Modal opened={opened} onClose={onClose} title={t('title')} size="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <TextInput
            label={t('proxy.label')}
            description={t('proxy.help')}
            placeholder="http://proxy.kantor.go.id:8080"
            autoComplete="off"
            spellCheck={false}
            data-autofocus
            error={form.formState.errors.proxy?.message}
            {...form.register('proxy', {
              validate: (raw) => {
                const p = proxyUrlProblem(raw);
                return p ? msg(p, i18n.language) : true;
              },
            })}
          />
          <Radio.Group
            label={t('channel.label')}
            description={t('channel.help')}
            value={form.watch('updateChannel')}
            onChange={(v) =>
              form.setValue('updateChannel', v === 'beta' ? 'beta' : 'latest', { shouldDirty: true })
            }
          >
            <Stack gap={6} mt={6}>
              <Radio value="latest" label={t('channel.stable')} />
              <Radio value="beta" label={t('channel.beta')} />
            </Stack>
          </Radio.Group>
          <Text size="xs" c="dimmed">
            {t('appliesWhen')}
          </Text>
          {form.formState.errors.root?.message && (
            <Alert color="red" role="alert">
              {form.formState.errors.root.message}
            </Alert>
          )}
          <Group justify="flex-end" gap="sm">
            <Button variant="default" onClick={onClose}>
              {t('cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
