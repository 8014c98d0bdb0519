/** Profile: the account and the customer data on record (printed on the E-LHU), and a password change. */
import { useState, type FormEvent } from 'react';
import { Alert, Button, Card, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconAlertCircle } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordSchema } from '../../../shared/api/http';
import { STATUS_LABELS } from '../../../shared/domain/states';
import { formatDateTime } from '../../lib/format';
import { errorMessage } from '../api/client';
import { changePassword, customer } from '../api/endpoints';
import { LoadError, PageSkeleton, Row } from '../components/states';
import { useUser } from '../session';

function ChangePassword() {
  const { t, i18n } = useTranslation('portal');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [next2, setNext2] = useState('');
  const [error, setError] = useState<string | null>(null);
  const [fieldError, setFieldError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  // Enabled from the start (a disabled button is skipped by Tab and says nothing): an empty field is named when pressed.
  const [currentMissing, setCurrentMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    setCurrentMissing(!current);
    if (!current) return;
    const p = PasswordSchema.safeParse(next);
    if (!p.success) return setFieldError(t('register.passwordHint'));
    if (next !== next2) return setFieldError(t('register.mismatch'));
    setFieldError(null);
    setBusy(true);
    try {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setNext2('');
      notifications.show({ color: 'teal', message: t('profile.changed') });
    } catch (err) {
      setError(errorMessage(err, i18n.language));
    } finally {
      setBusy(false);
    }
  };
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <Title order={2} size="h4">
            {t('profile.change')}
          </Title>
          {error && (
            <Alert color="red" icon={<IconAlertCircle size={18} aria-hidden />} role="alert">
              {error}
            </Alert>
          )}
          <PasswordInput
            label={t('profile.current')}
            value={current}
            onChange={(e) => setCurrent(e.currentTarget.value)}
            autoComplete="current-password"
            required
            size="md"
            error={currentMissing && !current ? t('register.required') : undefined}
          />
          <PasswordInput
            label={t('profile.new')}
            description={t('register.passwordHint')}
            value={next}
            onChange={(e) => setNext(e.currentTarget.value)}
            autoComplete="new-password"
            required
            size="md"
            error={fieldError}
          />
          <PasswordInput
            label={t('register.password2')}
            value={next2}
            onChange={(e) => setNext2(e.currentTarget.value)}
            autoComplete="new-password"
            required
            size="md"
          />
          <Button type="submit" loading={busy}>
            {t('profile.change')}
          </Button>
        </Stack>
      </form>
    </Card>
  );
}

export function ProfilePage() {
  const { t, i18n } = useTranslation('portal');
  const user = useUser();
  const q = useQuery({
    queryKey: ['customer', user.customerId],
    queryFn: () => customer(user.customerId!),
    enabled: Boolean(user.customerId),
  });
  return (
    <Stack gap="md">
      <Title order={1} size="h2">
        {t('profile.title')}
      </Title>
      <Card withBorder radius="md" padding="md">
        <Stack gap={6}>
          <Title order={2} size="h4">
            {t('profile.account')}
          </Title>
          <Row label={t('profile.username')}>{user.username}</Row>
          <Row label={t('register.contactName')}>{user.name}</Row>
        </Stack>
      </Card>
      {q.isPending ? (
        <PageSkeleton rows={1} />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <Card withBorder radius="md" padding="md">
          <Stack gap={6}>
            <Title order={2} size="h4">
              {t('profile.customer')}
            </Title>
            <Row label={t('register.companyName')}>{q.data.customer.companyName}</Row>
            <Row label={t('register.npwp')}>{q.data.customer.npwp ?? '—'}</Row>
            <Row label={t('register.address')}>{q.data.customer.address}</Row>
            <Row label={t('register.email')}>{q.data.customer.email}</Row>
            <Row label={t('register.phone')}>{q.data.customer.phone}</Row>
            <Row label={t('profile.status')}>
              {i18n.language === 'en'
                ? STATUS_LABELS[q.data.customer.status].en
                : STATUS_LABELS[q.data.customer.status].id}
            </Row>
            <Row label={t('profile.registered')}>
              {formatDateTime(q.data.customer.registeredAt, i18n.language)}
            </Row>
            <Text size="xs" c="dark.4" mt={4}>
              {t('profile.contactToChange')}
            </Text>
          </Stack>
        </Card>
      )}
      <ChangePassword />
    </Stack>
  );
}
