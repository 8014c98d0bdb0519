/** A failed load: the message in the user's language and a "Coba lagi" button (UI.md, "Honest states"). */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconAlertCircle, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/message';

export interface ErrorStateProps {
  /** The error thrown (a BridgeCallError shows the engine's message), or a message. */
  error: unknown;
  title?: string;
  onRetry?: () => void;
  retrying?: boolean;
}

export function ErrorState({ error, title, onRetry, retrying = false }: ErrorStateProps) {
  const { t, i18n } = useTranslation('components');
  const message = typeof error === 'string' ? error : errorText(error, i18n.language);
  return (
    <Alert
      color="red"
      variant="light"
      icon={<IconAlertCircle size={18} />}
      title={title ?? t('error.title')}
      role="alert"
      m="md"
    >
      <Group justify="space-between" align="center" wrap="nowrap" gap="md">
        <Text size="sm">{message}</Text>
        {onRetry && (
          <Button
            size="xs"
            variant="white"
            color="red"
            leftSection={<IconRefresh size={14} />}
            onClick={onRetry}
            loading={retrying}
          >
            {t('error.retry')}
          </Button>
        )}
      </Group>
    </Alert>
  );
}
