/**
 * The frame of a front-office screen (Admin Satker, CS, Ketua Tim, Bendahara): the title and its
 * tools, the "perlu koneksi" banner when the server is away, the list, and the open row's panel
 * on the right.
 */
import type { ReactNode } from 'react';
import { Box } from '@mantine/core';
import { useSync } from '../../frame/sync-context';
import { ListTitleBar } from '../worklist/ListTitleBar';
import { isOffline, serverReachable } from './connection';
import { NeedsConnection } from './NeedsConnection';

export function OnlinePage({
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
      <ListTitleBar title={title}>{tools}</ListTitleBar>
      {offline && <NeedsConnection onRetry={onRetry} />}
      {children}
    </Box>
  );
}

/** A list screen and, when a row is open, its panel beside it. */
export function WithSidePanel({ children, panel }: { children: ReactNode; panel: ReactNode }) {
  return (
    <Box style={{ display: 'flex', flex: 1, minHeight: 0 }}>
      {children}
      {panel}
    </Box>
  );
}

/** The right-hand panel of a front-office screen. */
export function SidePanel({
  label,
  width = 420,
  children,
}: {
  label: string;
  width?: number;
  children: ReactNode;
}) {
  return (
    <Box
      component="aside"
      aria-label={label}
      style={{
        width,
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
