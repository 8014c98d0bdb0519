/** Log in (SOP step 4 begins here). A refused login says why (wrong password, awaiting activation, locked). */
import { useState, type FormEvent } from 'react';
import { Alert, Anchor, Button, Stack, TextInput } from '@mantine/core';
import { IconInfoCircle } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { PasswordField } from '../../components/PasswordField';
import { useSend } from '../../components/use-send';
import { errorMessage } from '../api/client';
import { CardPageTitle } from '../components/headings';
import { CardPage, OtherFormLink } from '../components/Layout';
import { ErrorLine } from '../components/states';
import { PATHS } from '../lib/paths';
import { useSession } from '../session';

/** Only a path of this portal may follow a login (never another site). */
function safeNext(next: string | null): string {
  return next !== null && (next.startsWith('/pesanan') || next === PATHS.profile) ? next : PATHS.orders;
}

export function LoginPage() {
  const { t } = useTranslation('portal');
  const { login } = useSession();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(useSearch());
  const [username, setUsername] = useState(params.get('u') ?? '');
  const [password, setPassword] = useState('');
  const { busy, failure, send } = useSend(errorMessage);
  const [caps, setCaps] = useState(false);
  // The button stays enabled (a disabled one cannot be reached with Tab and does not say why): an
  // empty field is named under it when the customer presses Masuk.
  const [tried, setTried] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setTried(true);
    if (!username.trim() || !password) return;
    const done = await send(async () => {
      await login(username.trim(), password);
      navigate(safeNext(params.get('next')), { replace: true });
    });
    if (!done) setPassword('');
  };

  return (
    <CardPage maw={420}>
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="md">
          <CardPageTitle>{t('login.title')}</CardPageTitle>
          {params.get('registered') && (
            <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
              {t('login.activated')}
            </Alert>
          )}
          <ErrorLine error={failure} />
          <TextInput
            label={t('login.username')}
            value={username}
            onChange={(e) => setUsername(e.currentTarget.value)}
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            size="md"
            data-autofocus
            error={tried && !username.trim() ? t('register.required') : undefined}
          />
          <PasswordField
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            onKeyUp={(e) => setCaps(e.getModifierState('CapsLock'))}
            autoComplete="current-password"
            required
            size="md"
            description={caps ? t('login.capsLock') : undefined}
            error={tried && !password ? t('register.required') : undefined}
            visibilityToggleButtonProps={{ 'aria-label': t('login.showPassword') }}
          />
          <Button type="submit" size="md" loading={busy}>
            {t('login.submit')}
          </Button>
          <Anchor component={Link} href={PATHS.forgot} size="sm">
            {t('login.forgot')}
          </Anchor>
          <OtherFormLink question={t('login.noAccount')} href={PATHS.register}>
            {t('login.register')}
          </OtherFormLink>
        </Stack>
      </form>
    </CardPage>
  );
}
