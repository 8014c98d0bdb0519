/** The frame of an Admin Satker screen: title, optional tools, the "perlu koneksi" banner when the server is away, the content. */
import type { ReactNode } from 'react';
import { Box, Group, Text } from '@mantine/core';
import { useSync } from '../../frame/sync-context';
import { isOffline, serverReachable } from '../online/connection';
import { NeedsConnection } from '../online/NeedsConnection';

export function AdminPage({
  title,
  tools,
  error,
  onRetry,
  children,
}: {
  title: string;
  tools?: ReactNode;
  error?: unknown;
  onRetry?: () => void;
  children: ReactNode;
}) {
  const { status } = useSync();
  const offline = !serverReachable(status?.online) || isOffline(error);
  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, minWidth: 0 }}>
      <Group justify="space-between" px="md" pt={10} pb={6} wrap="nowrap">
        <Text component="h1" fw={700} size="lg" m={0}>
          {title}
        </Text>
        {tools}
      </Group>
      {offline && <NeedsConnection onRetry={onRetry} />}
      {children}
    </Box>
  );
}

/** The right-hand panel of an admin screen. */
export function SidePanel({ label, children }: { label: string; children: ReactNode }) {
  return (
    <Box
      component="aside"
      aria-label={label}
      style={{
        width: 420,
        flexShrink: 0,
        borderLeft: '1px solid var(--mantine-color-gray-3)',
        display: 'flex',
        flexDirection: 'column',
        minHeight: 0,
      }}
    >
      {children}
    </Box>
  );
}
