/**
 * The connection pill in the top bar: *Daring* / *Luring*, the changes waiting, the last sync time.
 * Clicking it opens the sync panel. State is said in words and with an icon, never by colour alone.
 */
import { Group, Loader, Text, UnstyledButton } from '@mantine/core';
import { IconAlertOctagon, IconCloud, IconCloudOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { SyncStatusView } from '../../../shared/bridge';
import { formatTime } from '../../lib/format';

export function pillTone(s: SyncStatusView | null): 'online' | 'offline' | 'unknown' {
  if (!s || s.online === null) return 'unknown';
  return s.online ? 'online' : 'offline';
}

/** The pill's words a shade darker than its tint: 12 px keeps 4.5:1 on the pale background (axe). */
const PILL_TEXT: Record<string, string> = { teal: 'teal.9', orange: '#9a3412', red: 'red.9', gray: 'gray.8' };

export function ConnectionPill({ status, onOpen }: { status: SyncStatusView | null; onOpen: () => void }) {
  const { t, i18n } = useTranslation('frame');
  const tone = pillTone(status);
  const waiting = (status?.pending ?? 0) + (status?.blocked ?? 0);
  const rejected = status?.rejected ?? 0;
  const color = rejected > 0 ? 'red' : tone === 'online' ? 'teal' : tone === 'offline' ? 'orange' : 'gray';
  const Icon = tone === 'offline' ? IconCloudOff : IconCloud;
  const last = status?.lastSyncAt
    ? t('pill.lastSync', { time: formatTime(status.lastSyncAt, i18n.language) })
    : t('pill.neverSynced');
  const label = [
    t(`pill.${tone}`),
    waiting > 0 ? t('pill.waiting', { count: waiting }) : t('pill.allSent'),
    last,
    rejected > 0 ? t('pill.rejected', { count: rejected }) : null,
  ]
    .filter(Boolean)
    .join(' · ');

  return (
    <UnstyledButton
      onClick={onOpen}
      aria-label={`${label}. ${t('pill.open')}`}
      title={t('pill.open')}
      px={10}
      h={30}
      style={{
        borderRadius: 15,
        border: `1px solid var(--mantine-color-${color}-4)`,
        background: `var(--mantine-color-${color}-0)`,
        display: 'flex',
        alignItems: 'center',
      }}
    >
      <Group gap={6} wrap="nowrap">
        {status?.syncing ? (
          <Loader size={12} color={color} aria-hidden />
        ) : (
          <Icon size={15} color={`var(--mantine-color-${color}-7)`} aria-hidden />
        )}
        <Text size="xs" fw={600} c={PILL_TEXT[color]}>
          {t(`pill.${tone}`)}
        </Text>
        {waiting > 0 && (
          <Text size="xs" c="dark.6" className="num">
            · {t('pill.waiting', { count: waiting })}
          </Text>
        )}
        {rejected > 0 && (
          <Group gap={2} wrap="nowrap">
            <Text size="xs" c="red.9" fw={600}>
              ·
            </Text>
            <IconAlertOctagon size={13} color="var(--mantine-color-red-7)" aria-hidden />
            <Text size="xs" c="red.9" fw={600}>
              {t('pill.rejected', { count: rejected })}
            </Text>
          </Group>
        )}
        <Text size="xs" c="dimmed">
          · {last}
        </Text>
      </Group>
    </UnstyledButton>
  );
}
