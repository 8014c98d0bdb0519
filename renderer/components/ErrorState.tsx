/** A failed load: the message in the user's language and a "Coba lagi" button (UI.md, "Honest states"). */
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/message';

export interface ErrorStateProps {
  /** The error thrown (a BridgeCallError shows the engine's message), or a message. */
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
  /**
   * For a page that may be as narrow as a phone (the customer portal): the button under the message
   * rather than beside it, in the darker red the portal's words use, and no margin of its own (the
   * page spaces its blocks).
   */
  stacked?: boolean;
}

export function ErrorState({ error, title, onRetry, retrying = false, stacked = false }: ErrorStateProps) {
  const { t, i18n } = useTranslation('components');
  const message = typeof error === 'string' ? error : errorText(error, i18n.language);
  const text = <Text size="sm">{message}</Text>;
  const retry = onRetry && (
    <Button
      size="xs"
      variant="white"
      color={stacked ? 'red.9' : 'red'}
      leftSection={<IconRefresh size={14} aria-hidden />}
      onClick={onRetry}
      loading={retrying}
    >
      {t('error.retry')}
    </Button>
  );
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} aria-hidden />}
      title={title ?? t('error.title')}
      role="alert"
      m={stacked ? undefined : 'md'}
    >
      {stacked ? (
        <Stack gap="xs" align="flex-start">
          {text}
          {retry}
        </Stack>
      ) : (
        <Group justify="space-between" align="center" wrap="nowrap" gap="md">
          {text}
          {retry}
        </Group>
      )}
    </Alert>
  );
}
