/**
 * The confirmation of *Kirim hasil*: it names the consequence, and lists the values that do not
 * meet their requirement (and those near a limit) so a typo is caught before the Penyelia sees it.
 * It first waits for the last drafts to be saved; a failed save keeps the dialog from sending.
 */
import { Alert, Button, Group, List, Loader, Modal, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { formatRequirement } from '../../../../shared/elhu/judgment';
import { errorText } from '../../../lib/message';
import type { Readiness } from './grid-model';

interface Props {
  opened: boolean;
  count: number;
  readiness: Readiness;
  /** 'saving' while the last drafts go out; 'unsaved' when one of them failed. */
  drafts: 'saving' | 'saved' | 'unsaved';
  sending: boolean;
  error: unknown;
  onSend: () => void;
  onClose: () => void;
}

function ValueList({ items }: { items: Readiness['notMet'] }) {
  return (
    <List size="sm" spacing={2}>
      {items.map(({ analysis: a, text }) => (
        <List.Item key={a.id}>
          <Text span fw={600}>
            {a.parameterName}
          </Text>
          {': '}
          <Text span ff="monospace" fw={700}>
            {text}
          </Text>{' '}
          {a.unit}
          <Text span c="gray.7" size="xs">
            {' '}
            ({formatRequirement(a.requirement)})
          </Text>
        </List.Item>
      ))}
    </List>
  );
}

export function SubmitConfirm({ opened, count, readiness, drafts, sending, error, onSend, onClose }: Props) {
  const { t, i18n } = useTranslation('analis');
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={t('confirm.title')}
      size="lg"
      centered
      closeButtonProps={{ 'aria-label': t('common:close') }}
    >
      <Stack gap="sm">
        <Text size="sm">{t('confirm.body', { count })}</Text>
        {readiness.notMet.length > 0 ? (
          <Alert color="red" icon={<IconX size={18} />} title={t('confirm.notMetTitle')} p="sm">
            <ValueList items={readiness.notMet} />
          </Alert>
        ) : null}
        {readiness.warned.length > 0 ? (
          <Alert color="yellow" icon={<IconAlertTriangle size={18} />} title={t('confirm.warnTitle')} p="sm">
            <ValueList items={readiness.warned} />
          </Alert>
        ) : null}
        {readiness.notMet.length === 0 && readiness.warned.length === 0 ? (
          <Text size="sm" c="teal.9">
            {t('confirm.allMet')}
          </Text>
        ) : null}
        {drafts === 'saving' ? (
          <Group gap="xs">
            <Loader size="xs" />
            <Text size="sm">{t('confirm.saving')}</Text>
          </Group>
        ) : null}
        {drafts === 'unsaved' ? (
          <Alert color="red" p="sm">
            {t('confirm.notSaved')}
          </Alert>
        ) : null}
        {error ? (
          <Alert color="red" p="sm" role="alert">
            {errorText(error, i18n.language)}
          </Alert>
        ) : null}
        <Group justify="flex-end" gap="sm">
          <Button variant="default" onClick={onClose}>
            {t('confirm.back')}
          </Button>
          <Button onClick={onSend} loading={sending} disabled={drafts !== 'saved'} data-autofocus>
            {t('confirm.send')}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
