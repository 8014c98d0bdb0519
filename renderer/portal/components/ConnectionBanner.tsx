/**
 * "Server tidak dapat dihubungi" as a banner over every page while the last request failed on the
 * network, with a retry that asks the server's health and reloads what the page shows. What the
 * customer typed stays (drafts are kept locally).
 */
import { useEffect, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { IconPlugConnectedX, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { markUnreachable, useReachable } from '../api/connection';
import { health } from '../api/endpoints';
import { useSession } from '../session';

export function ConnectionBanner() {
  const { t } = useTranslation('portal');
  const reachable = useReachable();
  const queryClient = useQueryClient();
  const session = useSession();
  const [busy, setBusy] = useState(false);

  const retry = async () => {
    setBusy(true);
    try {
      await health();
      if (session.state.status === 'unreachable') session.retry();
      await queryClient.invalidateQueries();
    } catch {
      /* still unreachable: the banner stays */
    } finally {
      setBusy(false);
    }
  };

  useEffect(() => {
    const off = () => markUnreachable();
    const on = () => void retry();
    window.addEventListener('offline', off);
    window.addEventListener('online', on);
    return () => {
      window.removeEventListener('offline', off);
      window.removeEventListener('online', on);
    };
  }, []);

  if (reachable) return null;
  return (
    <Alert
      color="red.9"
      variant="filled"
      radius={0}
      icon={<IconPlugConnectedX size={20} aria-hidden />}
      role="alert"
      py="xs"
    >
      <Group justify="space-between" gap="xs" wrap="wrap">
        <div>
          <Text fw={700} size="sm" c="white">
            {t('offline.title')}
          </Text>
          <Text size="sm" c="white">
            {t('offline.hint')}
          </Text>
        </div>
        <Button
          size="xs"
          variant="white"
          color="dark"
          leftSection={<IconRefresh size={14} aria-hidden />}
          onClick={() => void retry()}
          loading={busy}
        >
          {t('retry')}
        </Button>
      </Group>
    </Alert>
  );
}
