/**
 * The status line at the bottom (issue 8: "always visible"): who is signed in and their role,
 * online or offline, changes waiting, the last sync, rejected changes. Calm: one line of small text.
 */
import { Group, Text, UnstyledButton } from '@mantine/core';
import { IconAlertOctagon, IconCloud, IconCloudOff, IconUser } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SessionInfoView } from '../../../shared/bridge';
import { formatDateTime } from '../../lib/format';
import { pillTone } from './ConnectionPill';
import { useSync } from './sync-context';
import { useBridgeEventValue } from '../../bridge/hooks';
import { roleLabel } from '../../lib/sop-labels';

export function StatusBar({ session, onOpenSync }: { session: SessionInfoView; onOpenSync: () => void }) {
  const { t, i18n } = useTranslation('frame');
  const { status } = useSync();
  const tone = pillTone(status);
  const waiting = (status?.pending ?? 0) + (status?.blocked ?? 0);
  const rejected = status?.rejected ?? 0;
  // The updater (Electron only) says how its download goes; a browser host never sends it.
  const update = useBridgeEventValue('update.status', null);
  const updateText =
    update?.state === 'downloading'
      ? t('pill.updateDownloading', {
          version: update.version ?? '',
          percent: Math.round(update.percent ?? 0),
        })
      : update?.state === 'downloaded'
        ? t('pill.updateReady', { version: update.version ?? '' })
        : update?.state === 'waiting'
          ? t('pill.updateWaiting', { version: update.version ?? '' })
          : null;
  const sep = (
    <Text size="xs" c="gray.5" aria-hidden>
      |
    </Text>
  );
  return (
    <Group
      h="100%"
      px="md"
      gap={10}
      wrap="nowrap"
      role="status"
      aria-label={t('status.bar')}
      style={{ overflow: 'hidden' }}
    >
      <Group gap={4} wrap="nowrap">
        <IconUser size={13} aria-hidden color="var(--mantine-color-gray-6)" />
        <Text size="xs" c="dark.4" truncate>
          {t('status.signedIn', {
            name: session.user.name,
            role: roleLabel(session.user.role, i18n.language),
          })}
        </Text>
      </Group>
      {sep}
      <Group gap={4} wrap="nowrap">
        {tone === 'offline' ? (
          <IconCloudOff size={13} aria-hidden color="var(--mantine-color-orange-7)" />
        ) : (
          <IconCloud size={13} aria-hidden color="var(--mantine-color-teal-7)" />
        )}
        <Text size="xs" c={tone === 'offline' ? 'orange.8' : 'dark.4'}>
          {t(`pill.${tone}`)}
        </Text>
      </Group>
      {sep}
      <Text size="xs" c={waiting > 0 ? 'orange.8' : 'dark.4'} className="num">
        {waiting > 0 ? t('pill.waiting', { count: waiting }) : t('pill.allSent')}
      </Text>
      {sep}
      <Text size="xs" c="dark.4">
        {status?.lastSyncAt
          ? t('pill.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) })
          : t('pill.neverSynced')}
      </Text>
      {(status?.signedAwaitingUpload ?? 0) > 0 && (
        <>
          {sep}
          <Text size="xs" c="orange.8">
            {t('pill.signedWaiting', { count: status?.signedAwaitingUpload ?? 0 })}
          </Text>
        </>
      )}
      {updateText && (
        <>
          {sep}
          <Text size="xs" c="blue.9">
            {updateText}
          </Text>
        </>
      )}
      {rejected > 0 && (
        <>
          {sep}
          <UnstyledButton onClick={onOpenSync}>
            <Group gap={4} wrap="nowrap">
              <IconAlertOctagon size={13} aria-hidden color="var(--mantine-color-red-7)" />
              <Text size="xs" c="red.8" fw={600} td="underline">
                {t('status.rejected', { count: rejected })}
              </Text>
            </Group>
          </UnstyledButton>
        </>
      )}
    </Group>
  );
}
