/** The user menu: name and role, ID/EN language, keyboard shortcuts, About (version, update), log out. */
import { useState } from 'react';
import { Avatar, Group, Menu, Modal, Stack, Text, UnstyledButton } from '@mantine/core';
import {
  IconCheck,
  IconChevronDown,
  IconInfoCircle,
  IconKeyboard,
  IconLanguage,
  IconLogout,
  IconNetwork,
} from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useQueryClient } from '@tanstack/react-query';
import type { SessionInfoView, Settings } from '../../../shared/bridge';
import { bridge } from '../../bridge/client';
import { roleLabel } from '../../lib/sop-labels';
import { useBridgeEventValue, useBridgeQuery } from '../../bridge/hooks';
import { settingsQuery } from '../session';
import { NetworkSettings } from '../screens/settings/NetworkSettings';

function initials(name: string): string {
  return name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase() ?? '')
    .join('');
}

export async function setLanguage(
  i18n: { changeLanguage: (l: string) => Promise<unknown> },
  lang: 'id' | 'en',
  onSaved?: (s: Settings) => void,
) {
  await i18n.changeLanguage(lang);
  document.documentElement.lang = lang;
  bridge
    .call('settings.update', { language: lang })
    // The shared settings entry (session.tsx) follows, so nothing reads the old language back.
    .then((saved) => onSaved?.(saved))
    .catch(() => {});
}

export function UserMenu({
  session,
  onShortcuts,
  onLogout,
}: {
  session: SessionInfoView;
  onShortcuts: () => void;
  onLogout: () => void;
}) {
  const { t, i18n } = useTranslation('frame');
  const qc = useQueryClient();
  const role = roleLabel(session.user.role, i18n.language);
  const [about, setAbout] = useState(false);
  const [network, setNetwork] = useState(false);
  return (
    <>
      <AboutBox opened={about} onClose={() => setAbout(false)} lang={i18n.language} />
      <NetworkSettings opened={network} onClose={() => setNetwork(false)} />
      <Menu position="bottom-end" width={240} withinPortal>
        <Menu.Target>
          <UnstyledButton
            aria-label={`${t('user.menu')}: ${session.user.name}, ${role}`}
            px={6}
            py={2}
            style={{ borderRadius: 6 }}
          >
            <Group gap={8} wrap="nowrap">
              <Avatar size={28} radius="xl" color="sippt" aria-hidden>
                {initials(session.user.name)}
              </Avatar>
              <div style={{ lineHeight: 1.1, maxWidth: 300 }}>
                <Text size="sm" fw={600} truncate title={session.user.name}>
                  {session.user.name}
                </Text>
                <Text size="xs" c="dimmed" truncate>
                  {role}
                </Text>
              </div>
              <IconChevronDown size={14} aria-hidden />
            </Group>
          </UnstyledButton>
        </Menu.Target>
        <Menu.Dropdown>
          <Menu.Label>
            {session.user.username} · {role}
          </Menu.Label>
          <Menu.Divider />
          <Menu.Label>
            <Group gap={4}>
              <IconLanguage size={14} aria-hidden /> {t('user.language')}
            </Group>
          </Menu.Label>
          {(['id', 'en'] as const).map((l) => (
            <Menu.Item
              key={l}
              onClick={() =>
                void setLanguage(i18n, l, (saved) => qc.setQueryData(settingsQuery.queryKey, saved))
              }
              rightSection={i18n.language === l ? <IconCheck size={14} aria-label="✓" /> : null}
            >
              {l === 'id' ? 'Bahasa Indonesia' : 'English'}
            </Menu.Item>
          ))}
          <Menu.Divider />
          <Menu.Item
            leftSection={<IconKeyboard size={16} />}
            onClick={onShortcuts}
            rightSection={
              <Text size="xs" c="dimmed">
                ?
              </Text>
            }
          >
            {t('user.shortcuts')}
          </Menu.Item>
          <Menu.Item leftSection={<IconNetwork size={16} />} onClick={() => setNetwork(true)}>
            {t('settings.open')}
          </Menu.Item>
          <Menu.Item leftSection={<IconInfoCircle size={16} />} onClick={() => setAbout(true)}>
            {i18n.language === 'en' ? 'About SIPPT Lab' : 'Tentang SIPPT Lab'}
          </Menu.Item>
          <Menu.Item leftSection={<IconLogout size={16} />} color="red" onClick={onLogout}>
            {t('user.logout')}
          </Menu.Item>
        </Menu.Dropdown>
      </Menu>
    </>
  );
}

/** About: the app's one version (package.json, through app.info) and the update's state. */
function AboutBox({ opened, onClose, lang }: { opened: boolean; onClose: () => void; lang: string }) {
  const info = useBridgeQuery('app.info', {}, { staleTime: Infinity });
  const update = useBridgeEventValue('update.status', null);
  const en = lang === 'en';
  return (
    <Modal opened={opened} onClose={onClose} title={en ? 'About SIPPT Lab' : 'Tentang SIPPT Lab'}>
      <Stack gap="xs">
        <Text>
          SIPPT Lab {en ? 'version' : 'versi'} <b data-testid="about-version">{info.data?.version ?? '…'}</b>
        </Text>
        {update && update.version && update.state !== 'idle' ? (
          <Text size="sm">
            {en ? 'Update' : 'Pembaruan'} {update.version}:{' '}
            {update.state === 'downloading' ? `${update.percent ?? 0}%` : update.state}
            {update.message ? ` — ${en ? update.message.en : update.message.id}` : ''}
          </Text>
        ) : null}
        {update?.releaseNotes ? (
          <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
            {update.releaseNotes}
          </Text>
        ) : null}
        <Text size="xs" c="dimmed">
          Kementerian Perindustrian Republik Indonesia
        </Text>
      </Stack>
    </Modal>
  );
}
