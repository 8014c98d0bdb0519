/**
 * The detail panel's frame: a title row with the close button, the facts scrolling in the middle,
 * and the step's action pinned at the bottom with its error or "perlu koneksi" right above the
 * buttons, so the one thing to do is always in view at 1366x768.
 */
import type { ReactNode } from 'react';
import { ActionIcon, Alert, Box, Group, Stack, Text, Tooltip } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconAlertCircle, IconWifiOff, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';

export function PanelFrame({
  title,
  onClose,
  children,
  actions,
  error,
  offline,
  onSubmitKey,
}: {
  title: string;
  onClose: () => void;
  children: ReactNode;
  /** The step's controls and buttons, pinned at the bottom. */
  actions?: ReactNode;
  error?: string | null;
  offline?: boolean;
  /** Ctrl+Enter anywhere in the panel. */
  onSubmitKey?: () => void;
}) {
  const { t } = useTranslation('online');
  return (
    <Box
      data-panel-root
      tabIndex={-1}
      style={{ display: 'flex', flexDirection: 'column', height: '100%', minHeight: 0, outline: 'none' }}
      onKeyDown={getHotkeyHandler([
        ...(onSubmitKey ? [['mod+Enter', onSubmitKey] as [string, () => void]] : []),
        ['Escape', onClose],
      ])}
    >
      <Group justify="space-between" wrap="nowrap" px="md" pt="sm" pb={4}>
        <Text size="xs" fw={700} c="dark.5" tt="uppercase">
          {title}
        </Text>
        <Tooltip label={`${t('close')} (Esc)`}>
          <ActionIcon variant="subtle" color="gray" onClick={onClose} aria-label={t('close')}>
            <IconX size={16} />
          </ActionIcon>
        </Tooltip>
      </Group>
      {/* The facts scroll; the region is focusable so the keyboard can scroll it too. */}
      <Stack
        gap="sm"
        px="md"
        pb="sm"
        style={{ flex: 1, minHeight: 0, overflow: 'auto' }}
        tabIndex={0}
        role="region"
        aria-label={title}
      >
        {children}
      </Stack>
      {(actions || error) && (
        <Stack
          gap="xs"
          px="md"
          py="sm"
          style={{
            borderTop: '1px solid var(--mantine-color-gray-3)',
            background: 'var(--mantine-color-gray-0)',
          }}
        >
          {error && (
            <Alert
              color={offline ? 'orange' : 'red'}
              variant="light"
              icon={offline ? <IconWifiOff size={18} /> : <IconAlertCircle size={18} />}
              role="alert"
              p="xs"
            >
              <Text size="sm" c="dark.7">
                {error}
              </Text>
            </Alert>
          )}
          {actions}
        </Stack>
      )}
    </Box>
  );
}
