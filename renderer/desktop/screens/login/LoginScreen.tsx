/**
 * Login (issue 8, "Login: the server address on first run; online or offline"). The server address
 * is asked on the first run and otherwise sits behind a small "Ubah server" link; the cursor starts
 * in the username, or in the password when this workstation knows its last user. Enter submits.
 * A refusal says what to do next, and an unreachable server offers to sign in offline.
 */
import { useEffect, useRef, useState } from 'react';
import { useForm, Controller } from 'react-hook-form';
import {
  Alert,
  Anchor,
  Box,
  Button,
  Center,
  Group,
  Paper,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { IconAlertCircle, IconLogin, IconWorld } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField';
import { BridgeCallError, type LoginMode, type Settings } from '../../../../shared/bridge';
import { bridge } from '../../../bridge/client';
import { formatDateTime } from '../../../lib/format';
import { errorText, msg } from '../../../lib/message';
import { useSession } from '../../session';
import { loginErrorView, serverUrlProblem, type LoginErrorView } from './login-errors';

interface LoginForm {
  serverUrl: string;
  username: string;
  password: string;
  mode: LoginMode;
}

interface Failure {
  text: string;
  view: LoginErrorView | null;
}

export function LoginScreen() {
  const { t, i18n } = useTranslation('login');
  const { setSession } = useSession();
  const [settings, setSettings] = useState<Settings | null>(null);
  const [version, setVersion] = useState<string | null>(null);
  const [editServer, setEditServer] = useState(false);
  const [failure, setFailure] = useState<Failure | null>(null);
  const [capsLock, setCapsLock] = useState(false);
  const usernameRef = useRef<HTMLInputElement>(null);
  const passwordRef = useRef<HTMLInputElement>(null);

  const { control, register, handleSubmit, setValue, getValues, formState, setError } = useForm<LoginForm>({
    defaultValues: { serverUrl: '', username: '', password: '', mode: 'auto' },
  });

  // A sign-in sent before the settings arrive (a fast typist, a loaded machine) waits for them:
  // without them it would go out with no server address.
  const settingsLoaded = useRef<Promise<unknown> | null>(null);
  useEffect(() => {
    let alive = true;
    settingsLoaded.current = bridge
      .call('settings.get', {})
      .then((s) => {
        if (!alive) return;
        setSettings(s);
        if (!getValues('serverUrl')) setValue('serverUrl', s.serverUrl ?? '');
        if (s.lastUser && !getValues('username')) setValue('username', s.lastUser);
        if (!s.serverUrl) setEditServer(true);
        return s;
      })
      .catch(() => alive && setEditServer(true))
      .finally(() => {
        // Focus once the fields are there: the password when we know who works here.
        requestAnimationFrame(() =>
          (getValues('username') ? passwordRef.current : usernameRef.current)?.focus(),
        );
      });
    bridge
      .call('app.info', {})
      .then((info) => alive && setVersion(info.version))
      .catch(() => {});
    return () => {
      alive = false;
    };
  }, [setValue, getValues]);

  const changeLanguage = async (lang: 'id' | 'en') => {
    await i18n.changeLanguage(lang);
    bridge.call('settings.update', { language: lang }).catch(() => {});
  };

  const submit = async (values: LoginForm, modeOverride?: LoginMode) => {
    const mode = modeOverride ?? values.mode;
    const known = settings ?? ((await settingsLoaded.current) as typeof settings | undefined) ?? null;
    // Settings that said "no server yet" open the field: what was typed there counts.
    const editing = editServer || !known?.serverUrl;
    if (editing) {
      const problem = serverUrlProblem(values.serverUrl);
      if (problem) {
        setError('serverUrl', { message: problem });
        return;
      }
    }
    setFailure(null);
    try {
      const session = await bridge.call('session.login', {
        ...(editing ? { serverUrl: values.serverUrl.trim() } : {}),
        username: values.username.trim(),
        password: values.password,
        mode,
      });
      setSession(session);
    } catch (e) {
      if (e instanceof BridgeCallError) {
        const view = e.code === 'login_failed' || e.code === 'offline' ? loginErrorView(e.error, mode) : null;
        setFailure({ text: msg(e.error.message, i18n.language), view });
        // An unreachable server says nothing about the password: keep it for "Masuk luring".
        if (view?.problem !== 'unreachable') setValue('password', '');
        const target = view?.focus === 'username' ? usernameRef.current : passwordRef.current;
        requestAnimationFrame(() => target?.focus());
      } else {
        setFailure({ text: errorText(e, i18n.language), view: null });
      }
    }
  };

  const lang = i18n.language === 'en' ? 'en' : 'id';
  const busy = formState.isSubmitting;

  return (
    <Center mih="100vh" bg="gray.0" p="md">
      <Box w={400}>
        <Group justify="space-between" mb="sm">
          <Group gap={6}>
            <IconWorld size={16} aria-hidden color="var(--mantine-color-gray-6)" />
            <SegmentedControl
              size="xs"
              aria-label={t('language')}
              value={lang}
              onChange={(v) => void changeLanguage(v as 'id' | 'en')}
              data={[
                { value: 'id', label: 'ID' },
                { value: 'en', label: 'EN' },
              ]}
            />
          </Group>
          {version && (
            <Text size="xs" c="dimmed">
              {t('version', { v: version })}
            </Text>
          )}
        </Group>
        <Paper withBorder shadow="xs" p="lg" radius="md">
          <form onSubmit={handleSubmit((v) => submit(v))} noValidate aria-label={t('title')}>
            <Stack gap="sm">
              <div>
                <Title order={1} size="h3">
                  {t('title')}
                </Title>
                <Text size="sm" c="dimmed">
                  {t('subtitle')}
                </Text>
              </div>

              {settings === null && !editServer ? (
                <Skeleton h={20} />
              ) : editServer ? (
                <TextInput
                  label={t('server')}
                  description={t('serverHint')}
                  placeholder="https://"
                  autoComplete="url"
                  inputMode="url"
                  spellCheck={false}
                  {...register('serverUrl')}
                  error={
                    formState.errors.serverUrl?.message
                      ? t(`errors.${formState.errors.serverUrl.message}`)
                      : undefined
                  }
                />
              ) : (
                <Group gap={6} wrap="nowrap">
                  <Text size="xs" c="dimmed" truncate>
                    {t('serverShown', { url: settings?.serverUrl ?? '' })}
                  </Text>
                  <Anchor component="button" type="button" size="xs" onClick={() => setEditServer(true)}>
                    {t('changeServer')}
                  </Anchor>
                </Group>
              )}

              <TextInput
                label={t('username')}
                autoComplete="username"
                spellCheck={false}
                autoCapitalize="none"
                {...register('username', { validate: (v) => v.trim().length > 0 || 'usernameRequired' })}
                ref={(el) => {
                  register('username').ref(el);
                  usernameRef.current = el;
                }}
                error={
                  formState.errors.username?.message
                    ? t(`errors.${formState.errors.username.message}`)
                    : undefined
                }
              />
              <PasswordField
                label={t('password')}
                autoComplete="current-password"
                {...register('password', { validate: (v) => v.length > 0 || 'passwordRequired' })}
                ref={(el) => {
                  register('password').ref(el);
                  passwordRef.current = el;
                }}
                onKeyUp={(e) => setCapsLock(e.getModifierState('CapsLock'))}
                error={
                  formState.errors.password?.message
                    ? t(`errors.${formState.errors.password.message}`)
                    : undefined
                }
                description={capsLock ? t('capsLock') : undefined}
              />

              <Controller
                control={control}
                name="mode"
                render={({ field }) => (
                  <Stack gap={4}>
                    <Text size="sm" fw={500} id="login-mode-label">
                      {t('mode')}
                    </Text>
                    <SegmentedControl
                      aria-labelledby="login-mode-label"
                      fullWidth
                      value={field.value}
                      onChange={(v) => field.onChange(v as LoginMode)}
                      data={[
                        { value: 'auto', label: t('modeAuto') },
                        { value: 'online', label: t('modeOnline') },
                        { value: 'offline', label: t('modeOffline') },
                      ]}
                    />
                    <Text size="xs" c="dimmed">
                      {t(
                        field.value === 'online'
                          ? 'modeHintOnline'
                          : field.value === 'offline'
                            ? 'modeHintOffline'
                            : 'modeHintAuto',
                      )}
                    </Text>
                  </Stack>
                )}
              />

              {failure && (
                <Alert
                  color="red"
                  icon={<IconAlertCircle size={18} />}
                  title={t('errors.failedTitle')}
                  role="alert"
                  p="sm"
                >
                  <Stack gap={6}>
                    <Text size="sm">{failure.text}</Text>
                    {failure.view?.hintKey && (
                      <Text size="sm">
                        {t(failure.view.hintKey, {
                          time: failure.view.lockedUntil
                            ? formatDateTime(failure.view.lockedUntil, i18n.language)
                            : '',
                        })}
                      </Text>
                    )}
                    {failure.view?.suggestOffline && (
                      <Group>
                        <Button
                          size="xs"
                          variant="white"
                          color="red"
                          loading={busy}
                          onClick={() => {
                            setValue('mode', 'offline');
                            void handleSubmit((v) => submit(v, 'offline'))();
                          }}
                        >
                          {t('errors.tryOffline')}
                        </Button>
                      </Group>
                    )}
                  </Stack>
                </Alert>
              )}

              <Button type="submit" leftSection={<IconLogin size={16} />} loading={busy} fullWidth mt={4}>
                {t('submit')}{' '}
                <Text span size="xs" ml={6} fw={400}>
                  Enter
                </Text>
              </Button>
            </Stack>
          </form>
        </Paper>
      </Box>
    </Center>
  );
}
