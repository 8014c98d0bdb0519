/**
 * The frame of every page: a header with the unit's name, the navigation (a drawer on a phone), the
 * ID/EN switch and the account menu; the connection banner under it; a skip link for keyboards.
 */
import type { ReactNode } from 'react';
import {
  Anchor,
  Box,
  Burger,
  Button,
  Card,
  Drawer,
  Group,
  Menu,
  SegmentedControl,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { IconChevronDown, IconFlask, IconLogout, IconUser } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { catalog } from '../api/endpoints';
import { setLanguage } from '../language';
import { PATHS } from '../lib/paths';
import { useSession } from '../session';
import { ConnectionBanner } from './ConnectionBanner';

function NavLinks({ onNavigate, vertical }: { onNavigate?: () => void; vertical?: boolean }) {
  const { t } = useTranslation('portal');
  const { state } = useSession();
  const [location] = useLocation();
  const signedIn = state.status === 'signed_in';
  const links = signedIn
    ? [
        { href: PATHS.orders, label: t('nav.orders') },
        { href: PATHS.newOrder, label: t('nav.newOrder') },
        { href: PATHS.profile, label: t('nav.profile') },
      ]
    : [
        { href: PATHS.home, label: t('nav.home') },
        { href: PATHS.login, label: t('nav.login') },
        { href: PATHS.register, label: t('nav.register') },
      ];
  const Wrap = vertical ? Stack : Group;
  return (
    <Wrap gap={vertical ? 4 : 'md'}>
      {links.map((l) => {
        const active =
          l.href === location ||
          (l.href === PATHS.orders && location.startsWith('/pesanan/') && location !== PATHS.newOrder);
        return (
          <Anchor
            key={l.href}
            component={Link}
            href={l.href}
            onClick={onNavigate}
            fw={active ? 700 : 500}
            c={active ? 'sippt.8' : 'dark.6'}
            aria-current={active ? 'page' : undefined}
            py={vertical ? 10 : 4}
            size={vertical ? 'lg' : 'md'}
          >
            {l.label}
          </Anchor>
        );
      })}
    </Wrap>
  );
}

function LanguageSwitch() {
  const { t, i18n } = useTranslation('portal');
  return (
    <SegmentedControl
      size="xs"
      aria-label={t('language')}
      value={i18n.language === 'en' ? 'en' : 'id'}
      onChange={(v) => void setLanguage(v as 'id' | 'en')}
      data={[
        { value: 'id', label: 'ID' },
        { value: 'en', label: 'EN' },
      ]}
    />
  );
}

function AccountMenu() {
  const { t } = useTranslation('portal');
  const { state, logout } = useSession();
  const [, navigate] = useLocation();
  if (state.status !== 'signed_in') return null;
  return (
    <Menu position="bottom-end" withinPortal>
      <Menu.Target>
        <UnstyledButton aria-label={t('nav.account', { name: state.user.name })} px={6} py={4}>
          <Group gap={4} wrap="nowrap">
            <IconUser size={18} aria-hidden />
            <Text size="sm" fw={600} maw={140} truncate visibleFrom="xs">
              {state.user.name}
            </Text>
            <IconChevronDown size={14} aria-hidden />
          </Group>
        </UnstyledButton>
      </Menu.Target>
      <Menu.Dropdown>
        <Menu.Item leftSection={<IconUser size={16} aria-hidden />} onClick={() => navigate(PATHS.profile)}>
          {t('nav.profile')}
        </Menu.Item>
        <Menu.Item
          leftSection={<IconLogout size={16} aria-hidden />}
          onClick={() => {
            void logout().then(() => navigate(PATHS.home));
          }}
        >
          {t('nav.logout')}
        </Menu.Item>
      </Menu.Dropdown>
    </Menu>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation('portal');
  const [opened, { toggle, close }] = useDisclosure(false);
  const cat = useQuery({ queryKey: ['catalog'], queryFn: catalog, staleTime: 5 * 60_000 });
  const unit = cat.data?.unit.shortName || cat.data?.unit.name || 'SIPPT';
  return (
    <>
      <a className="skip-link" href="#main">
        {t('skip')}
      </a>
      <Box
        component="header"
        bg="white"
        style={{
          borderBottom: '1px solid var(--mantine-color-gray-3)',
          position: 'sticky',
          top: 0,
          zIndex: 100,
        }}
      >
        <Group justify="space-between" h={56} px="sm" maw={960} mx="auto" wrap="nowrap">
          <Group gap="xs" wrap="nowrap" style={{ minWidth: 0 }}>
            <Burger opened={opened} onClick={toggle} hiddenFrom="sm" size="sm" aria-label={t('nav.menu')} />
            <Anchor component={Link} href={PATHS.home} underline="never" c="dark" style={{ minWidth: 0 }}>
              <Group gap={6} wrap="nowrap">
                <IconFlask size={22} color="var(--mantine-color-sippt-7)" aria-hidden />
                <Box style={{ minWidth: 0 }}>
                  <Text fw={800} size="md" lh={1.1}>
                    SIPPT
                  </Text>
                  <Text size="xs" c="dark.4" lh={1.1} truncate maw={{ base: 150, sm: 320 }}>
                    {unit}
                  </Text>
                </Box>
              </Group>
            </Anchor>
          </Group>
          <Box visibleFrom="sm" component="nav" aria-label={t('nav.label')}>
            <NavLinks />
          </Box>
          <Group gap="xs" wrap="nowrap">
            <LanguageSwitch />
            <AccountMenu />
          </Group>
        </Group>
      </Box>
      <ConnectionBanner />
      <Drawer opened={opened} onClose={close} title={t('nav.menu')} size="80%" hiddenFrom="sm">
        <nav aria-label={t('nav.label')}>
          <NavLinks vertical onNavigate={close} />
        </nav>
      </Drawer>
      <main id="main" className="portal-main" tabIndex={-1}>
        {children}
      </main>
    </>
  );
}

/** A link styled as a button (navigation stays a link for screen readers and new tabs). */
export function LinkButton(props: {
  href: string;
  children: ReactNode;
  variant?: string;
  size?: string;
  fullWidth?: boolean;
  leftSection?: ReactNode;
  color?: string;
}) {
  const { href, children, ...rest } = props;
  return (
    <Button component={Link} href={href} {...rest}>
      {children}
    </Button>
  );
}

/** The line under a sign-in form that leads to the other one: "Belum punya akun? Daftar". */
export function OtherFormLink({
  question,
  href,
  children,
}: {
  question: string;
  href: string;
  children: ReactNode;
}) {
  return (
    <Text size="sm">
      {question}{' '}
      <Anchor component={Link} href={href}>
        {children}
      </Anchor>
    </Text>
  );
}

/** A page that is one card, centred, as wide as its form needs (log in, register, a forgotten password). */
export function CardPage({ maw, children }: { maw: number; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="lg" maw={maw} mx="auto">
      {children}
    </Card>
  );
}
