/** The left navigation by role (routes.ts NAV_BY_ROLE), "Pekerjaan saya" first, with counts. */
import { Badge, NavLink, Stack, Text } from '@mantine/core';
import { IconChecklist, IconListDetails, IconSignature, IconWifiOff } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { Role } from '../../../shared/sop/roles';
import { NAV_BY_ROLE, ROUTES, type NavItem } from '../routes';
import { useNavCounts } from './useNavCounts';

const ICONS: Record<string, typeof IconChecklist> = {
  myWork: IconChecklist,
  samples: IconListDetails,
  signing: IconSignature,
};

export function navItems(role: Role): NavItem[] {
  return NAV_BY_ROLE[role] ?? [{ path: ROUTES.samples, label: 'samples' }];
}

export function NavBar({ role, online }: { role: Role; online: boolean | null }) {
  const { t } = useTranslation('nav');
  const [location, navigate] = useLocation();
  // From the list on screen where it carries them, else asked after the list's first page.
  const counts = useNavCounts(location === ROUTES.work || location === ROUTES.samples);
  const items = navItems(role);
  const countOf = (label: string): number | null => {
    if (label === 'myWork') return counts.myWork;
    if (label === 'samples') return counts.samples;
    return null;
  };
  return (
    <Stack gap={2} p={6} component="nav" aria-label={t('frame:nav.label')}>
      {items.map((item, i) => {
        const Icon = ICONS[item.label] ?? IconListDetails;
        const active =
          location === item.path ||
          (item.path === ROUTES.samples && location.startsWith(`${ROUTES.samples}/`));
        const count = countOf(item.label);
        const cut = item.online && online === false;
        return (
          <NavLink
            key={item.path}
            href={`#${item.path}`}
            onClick={(e) => {
              e.preventDefault();
              navigate(item.path);
            }}
            active={active}
            label={t(item.label)}
            description={cut ? t('onlineOnly') : undefined}
            leftSection={<Icon size={17} aria-hidden />}
            rightSection={
              cut ? (
                <IconWifiOff size={14} aria-label={t('onlineOnly')} />
              ) : count !== null ? (
                <Badge
                  size="sm"
                  variant={active ? 'filled' : 'light'}
                  // Grey as gray.7 when filled and dark words when light: Mantine's gray.6 is 3.3:1.
                  color={item.label === 'myWork' && count > 0 ? 'sippt' : active ? 'gray.7' : 'gray'}
                  c={active ? undefined : item.label === 'myWork' && count > 0 ? 'sippt.8' : 'gray.8'}
                  className="num"
                >
                  {count.toLocaleString('id-ID')}
                </Badge>
              ) : null
            }
            title={`Alt+${i + 1}`}
            aria-current={active ? 'page' : undefined}
            styles={{ root: { borderRadius: 6 }, label: { whiteSpace: 'nowrap' } }}
          />
        );
      })}
      <Text size="xs" c="dimmed" px={10} mt={4}>
        Alt+1…{items.length}
      </Text>
    </Stack>
  );
}
