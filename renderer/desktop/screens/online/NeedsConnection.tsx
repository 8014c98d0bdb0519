/**
 * "Perlu koneksi" (UI.md, "Desktop frame": online-only screens open with a clear state offline).
 * A banner above the screen, not instead of it: what was typed stays on the screen, and is sent
 * once the server is back.
 */
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconRefresh, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../bridge/client';

export function NeedsConnection({ onRetry, compact = false }: { onRetry?: () => void; compact?: boolean }) {
  const { t } = useTranslation('online');
  const retry = () => {
    // Ask the engine to try the server now; the pill and this banner follow its answer.
    void bridge.call('sync.now', {}).catch(() => {});
    onRetry?.();
  };
  return (
    <Alert
      color="orange"
      variant="light"
      icon={<IconWifiOff size={18} aria-hidden />}
      title={t('offline.title')}
      role="status"
      m={compact ? 0 : 'md'}
      p="xs"
      styles={{ title: { color: 'var(--mantine-color-dark-8)' } }}
    >
      <Group justify="space-between" wrap="nowrap" gap="md">
        <Text size="sm" c="dark.6">
          {t('offline.body')}
        </Text>
        <Button
          size="xs"
          variant="default"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={retry}
        >
          {t('offline.retry')}
        </Button>
      </Group>
    </Alert>
  );
}
