/**
 * Sign in again without leaving the screen (issue 8: the status subscription survives a re-login;
 * the user keeps their place). Opens by itself when the server ended the session; when the user
 * signed in offline and the server is back, it asks once and can be put off ("Nanti").
 */
import { useEffect, useRef, useState } from 'react';
import { Alert, Button, Group, Modal, Stack, Text } from '@mantine/core';
import { IconLock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { bridge } from '../../bridge/client';
import { useSend } from '../../components/use-send';
import { useSession } from '../session';
import { useSync } from './sync-context';

export function ReloginDialog({ onLogout }: { onLogout: () => void }) {
  const { t } = useTranslation('frame');
  const { status } = useSync();
  const { setSession } = useSession();
  const [password, setPassword] = useState('');
  const { busy, failure, setFailure, send } = useSend();
  const [putOff, setPutOff] = useState(false);
  const field = useRef<HTMLInputElement>(null);

  const ended = status?.session === 'ended';
  const needs = status?.session === 'needs_login' && status.online === true;
  const opened = ended || (needs && !putOff);

  useEffect(() => {
    if (!opened) {
      setPassword('');
      setFailure(null);
    }
  }, [opened]);

  const submit = async () => {
    if (!password) {
      field.current?.focus();
      return;
    }
    const done = await send(async () => setSession(await bridge.call('session.relogin', { password })));
    setPassword('');
    if (!done) field.current?.focus();
  };

  return (
    <Modal
      opened={opened}
      onClose={() => !ended && setPutOff(true)}
      withCloseButton={!ended}
      closeOnEscape={!ended}
      closeOnClickOutside={false}
      centered
      title={
        <Group gap={6}>
          <IconLock size={16} aria-hidden />
          <Text fw={600}>{ended ? t('relogin.titleEnded') : t('relogin.titleNeeds')}</Text>
        </Group>
      }
    >
      <form
        onSubmit={(e) => {
          e.preventDefault();
          void submit();
        }}
      >
        <Stack gap="sm">
          <Text size="sm">
            {ended
              ? t('relogin.bodyEnded', { why: status?.sessionEndedBecause ?? t('relogin.unknownWhy') })
              : t('relogin.bodyNeeds')}
          </Text>
          <PasswordField
            ref={field}
            data-autofocus
            label={t('relogin.password')}
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
          />
          {failure && (
            <Alert color="red" role="alert" p="xs">
              {failure}
            </Alert>
          )}
          <Group justify="space-between">
            <Button variant="subtle" color="gray" onClick={onLogout} disabled={busy}>
              {t('relogin.logoutInstead')}
            </Button>
            <Group gap="xs">
              {!ended && (
                <Button variant="default" onClick={() => setPutOff(true)} disabled={busy}>
                  {t('relogin.later')}
                </Button>
              )}
              <Button type="submit" loading={busy}>
                {t('relogin.submit')}
              </Button>
            </Group>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
