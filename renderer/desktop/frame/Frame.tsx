/**
 * The desktop frame (UI.md, "Desktop frame"): the top bar (unit name, search, connection pill, user
 * menu), the left navigation by role, the red banner while a change is rejected, the screen, and a
 * one-line status bar. The re-login dialog opens over whatever screen the user is on.
 */
import './toasts.css';
import { useRef, useState, type ReactNode } from 'react';
import { AppShell, Box, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconFlask } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import { bridge } from '../../bridge/client';
import { useBridgeQuery } from '../../bridge/hooks';
import { errorText } from '../../lib/message';
import { ROUTES } from '../routes';
import { useSession, useSignedIn } from '../session';
import { ConnectionPill } from './ConnectionPill';
import { NavBar, navItems } from './NavBar';
import { OutdatedBanner } from './OutdatedBanner';
import { RejectedBanner } from './RejectedBanner';
import { ReloginDialog } from './ReloginDialog';
import { SearchBox } from './SearchBox';
import { ShortcutsModal } from './ShortcutsModal';
import { StatusBar } from './StatusBar';
import { SyncPanel } from './SyncPanel';
import { SyncProvider, useSync } from './sync-context';
import { UserMenu } from './UserMenu';
import { useClockHolidays } from '../useClockHolidays';

export function Frame({ children }: { children?: ReactNode }) {
  return (
    <SyncProvider>
      <FrameBody>{children}</FrameBody>
    </SyncProvider>
  );
}

function FrameBody({ children }: { children?: ReactNode }) {
  const { t, i18n } = useTranslation('frame');
  const session = useSignedIn();
  const { setSession } = useSession();
  const { status } = useSync();
  useClockHolidays();
  const [, navigate] = useLocation();
  const info = useBridgeQuery('app.info', {}, { staleTime: Infinity });
  const [syncOpen, setSyncOpen] = useState(false);
  const [shortcutsOpen, setShortcutsOpen] = useState(false);
  const search = useRef<HTMLInputElement>(null);
  const items = navItems(session.user.role);

  const logout = async () => {
    try {
      await bridge.call('session.logout', {});
      setSession(null);
    } catch (e) {
      notifications.show({ color: 'red', message: errorText(e, i18n.language) });
    }
  };
  const syncNow = () => {
    bridge.call('sync.now', {}).catch((e: unknown) => {
      setSyncOpen(true);
      notifications.show({ color: 'red', message: errorText(e, i18n.language) });
    });
  };

  useHotkeys(
    [
      ['mod+K', () => search.current?.focus()],
      ['mod+shift+S', syncNow],
      ...items
        .slice(0, 9)
        .map((item, i) => [`alt+${i + 1}`, () => navigate(item.path)] as [string, () => void]),
    ],
    [],
  );
  useHotkeys([['shift+/', () => setShortcutsOpen(true)]]);

  const unitName = info.data?.unitName ?? t('common:appName');

  return (
    <AppShell
      header={{ height: 48 }}
      navbar={{ width: 224, breakpoint: 0 }}
      footer={{ height: 26 }}
      padding={0}
    >
      <AppShell.Header px="md" style={{ display: 'flex', alignItems: 'center' }}>
        <Group justify="space-between" w="100%" wrap="nowrap" gap="md">
          <Group gap="md" wrap="nowrap" style={{ minWidth: 0 }}>
            <Group gap={6} wrap="nowrap" style={{ minWidth: 0 }}>
              <IconFlask size={20} color="var(--mantine-color-sippt-7)" aria-hidden />
              {/* Room for a full unit name at 1366 px ("Balai Standardisasi dan Pelayanan Jasa Industri …"); it shrinks before the search does. */}
              <Text fw={700} size="md" truncate maw={480} title={unitName}>
                {unitName}
              </Text>
            </Group>
            <SearchBox
              ref={search}
              hideCustomer={session.user.role === 'analis'}
              onOpen={(o, s) => navigate(ROUTES.sample(o, s))}
            />
          </Group>
          <Group gap="sm" wrap="nowrap" style={{ flexShrink: 0 }}>
            <ConnectionPill status={status} onOpen={() => setSyncOpen(true)} />
            <UserMenu
              session={session}
              onShortcuts={() => setShortcutsOpen(true)}
              onLogout={() => void logout()}
            />
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar>
        <NavBar role={session.user.role} online={status?.online ?? null} />
      </AppShell.Navbar>
      <AppShell.Main style={{ display: 'flex', flexDirection: 'column', height: '100vh' }}>
        <OutdatedBanner />
        <RejectedBanner onShowAll={() => setSyncOpen(true)} />
        <Box style={{ flex: 1, minHeight: 0, display: 'flex', flexDirection: 'column' }}>{children}</Box>
      </AppShell.Main>
      <AppShell.Footer bg="gray.0">
        <StatusBar session={session} onOpenSync={() => setSyncOpen(true)} />
      </AppShell.Footer>
      <SyncPanel opened={syncOpen} onClose={() => setSyncOpen(false)} />
      <ShortcutsModal opened={shortcutsOpen} onClose={() => setShortcutsOpen(false)} />
      <ReloginDialog onLogout={() => void logout()} />
    </AppShell>
  );
}
