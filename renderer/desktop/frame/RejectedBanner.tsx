/**
 * The red banner under the top bar while a change is rejected (UI.md: "until it is resolved"). It
 * shows the oldest rejection in full; with several, the rest are one click away in the sync panel.
 */
import { Anchor, Box, Group, Text } from '@mantine/core';
import { IconAlertOctagon } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { blockedBehind, openRejections } from './change-text';
import { RejectedChange } from './RejectedChange';
import { useSync } from './sync-context';

export function RejectedBanner({ onShowAll }: { onShowAll: () => void }) {
  const { t } = useTranslation('frame');
  const { changes } = useSync();
  const rejected = openRejections(changes?.rejected ?? []);
  const first = rejected[0];
  if (!first) return null;
  return (
    <Box bg="red.7" c="white" px="md" py={8} role="alert" aria-live="assertive">
      <Group align="flex-start" gap="sm" wrap="nowrap">
        <IconAlertOctagon size={20} aria-hidden style={{ flexShrink: 0, marginTop: 2 }} />
        <Box style={{ flex: 1, minWidth: 0 }}>
          <Group justify="space-between" gap="xs">
            <Text size="xs" fw={700} tt="uppercase" style={{ letterSpacing: 0.3 }}>
              {t('rejected.title', { count: rejected.length })}
            </Text>
            {rejected.length > 1 && (
              <Anchor
                component="button"
                type="button"
                size="xs"
                c="white"
                underline="always"
                onClick={onShowAll}
              >
                {t('rejected.showAll')}
              </Anchor>
            )}
          </Group>
          <RejectedChange change={first} blockedCount={blockedBehind(first, changes?.blocked ?? [])} onRed />
        </Box>
      </Group>
    </Box>
  );
}
