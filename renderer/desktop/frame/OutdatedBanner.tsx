/**
 * The outdated-desktop banner (issue 11): the server no longer supports this version, so changes
 * cannot be sent until the app is updated. It says which version is needed, that nothing typed is
 * lost (the queue stays on this computer), and how to update: *Perbarui* when the updater has an
 * update, else who to ask. It stays until the server accepts this desktop again.
 */
import { useEffect, useState } from 'react';
import { Box, Button, Group, Text } from '@mantine/core';
import { IconAlertTriangle, IconDownload } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../bridge/client';
import { useBridgeEventValue, useBridgeQuery } from '../../bridge/hooks';
import { useSend } from '../../components/use-send';
import { msg } from '../../lib/message';
import { useSync } from './sync-context';

/** An update the updater found: *Perbarui* can act on it. */
export function updateOffered(state: string | undefined): boolean {
  return state === 'available' || state === 'downloading' || state === 'downloaded' || state === 'waiting';
}

export function OutdatedBanner() {
  const { t, i18n } = useTranslation('frame');
  const qc = useQueryClient();
  const notice = useBridgeQuery('client.notice', {}, { staleTime: Infinity });
  const update = useBridgeEventValue('update.status', null);
  const { status } = useSync();
  const [answer, setAnswer] = useState<string | null>(null);
  const { busy, failure, send } = useSend();

  useEffect(() => {
    const offNotice = bridge.on('client.outdated', (n) => qc.setQueryData(['client.notice', {}], n));
    // The engine tells a change once; a refetch started before it (any action invalidates every
    // query) could answer after it and hide it. Each sync's end asks again, so the last word wins.
    const offStatus = bridge.on('sync.status', (st) => {
      if (!st.syncing) void qc.invalidateQueries({ queryKey: ['client.notice'] });
    });
    return () => {
      offNotice();
      offStatus();
    };
  }, [qc]);

  const n = notice.data;
  if (!n) return null;
  const waiting = (status?.pending ?? 0) + (status?.blocked ?? 0) + (status?.signedAwaitingUpload ?? 0);
  const offered = updateOffered(update?.state);

  const install = async () => {
    setAnswer(null);
    await send(async () => {
      const r = await bridge.call('update.install', {});
      if (r.message) setAnswer(msg(r.message, i18n.language));
    });
  };

  return (
    <Box
      bg="orange.0"
      px="md"
      py={8}
      role="alert"
      aria-live="polite"
      style={{ borderBottom: '2px solid var(--mantine-color-orange-7)' }}
    >
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <IconAlertTriangle
          size={20}
          aria-hidden
          color="var(--mantine-color-orange-9)"
          style={{ flexShrink: 0, marginTop: 2 }}
        />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Text size="sm" fw={700} c="orange.9">
            {t('outdated.title', { version: n.currentVersion })}
          </Text>
          <Text size="sm" c="dark.7">
            {t('outdated.needed', { minimum: n.minimumVersion })}{' '}
            {waiting > 0 ? t('outdated.queueKept', { count: waiting }) : t('outdated.queueKeptNone')}
          </Text>
          <Text size="sm" c="dark.7">
            {offered
              ? update?.state === 'downloading'
                ? t('outdated.howDownloading', {
                    version: update.version ?? '',
                    percent: Math.round(update.percent ?? 0),
                  })
                : t('outdated.howUpdate', { version: update?.version ?? '' })
              : t('outdated.howIt', { minimum: n.minimumVersion })}
          </Text>
          {(answer ?? failure) && (
            <Text size="sm" fw={500} c="dark.7" mt={2}>
              {answer ?? failure}
            </Text>
          )}
        </Box>
        {offered && (
          <Button
            size="compact-sm"
            color="orange.9"
            leftSection={<IconDownload size={14} />}
            loading={busy}
            onClick={() => void install()}
          >
            {t('outdated.update')}
          </Button>
        )}
      </Group>
    </Box>
  );
}
