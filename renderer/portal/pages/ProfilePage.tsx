/** Profile: the account and the customer data on record (printed on the E-LHU), and a password change. */
import { useState, type ChangeEvent, type FormEvent, type ReactNode } from 'react';
import { Button, Card, Stack, Text } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../components/PasswordField';
import { PasswordSchema } from '../../../shared/api/http';
import { STATUS_LABELS } from '../../../shared/domain/states';
import { formatDateTime } from '../../lib/format';
import { useSend } from '../../components/use-send';
import { errorMessage } from '../api/client';
import { changePassword, customer } from '../api/endpoints';
import { PageTitle, SectionTitle } from '../components/headings';
import { ErrorLine, LoadError, PageSkeleton, Row } from '../components/states';
import { useUser } from '../session';

/** What the three password fields share: a value kept in state, required, the portal's touch size. */
function passwordField(value: string, set: (v: string) => void) {
  return {
    value,
    onChange: (e: ChangeEvent<HTMLInputElement>) => set(e.currentTarget.value),
    required: true,
    size: 'md' as const,
  };
}

/** A card of facts on record: its heading, then label and value rows. */
function FactsCard({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md">
      <Stack gap={6}>
        <SectionTitle>{title}</SectionTitle>
        {children}
      </Stack>
    </Card>
  );
}

function ChangePassword() {
  const { t } = useTranslation('portal');
  const [current, setCurrent] = useState('');
  const [next, setNext] = useState('');
  const [next2, setNext2] = useState('');
  const [fieldError, setFieldError] = useState<string | null>(null);
  const { busy, failure, setFailure, send } = useSend(errorMessage);
  // Enabled from the start (a disabled button is skipped by Tab and says nothing): an empty field is named when pressed.
  const [currentMissing, setCurrentMissing] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setFailure(null);
    setCurrentMissing(!current);
    if (!current) return;
    const p = PasswordSchema.safeParse(next);
    if (!p.success) return setFieldError(t('register.passwordHint'));
    if (next !== next2) return setFieldError(t('register.mismatch'));
    setFieldError(null);
    await send(async () => {
      await changePassword(current, next);
      setCurrent('');
      setNext('');
      setNext2('');
      notifications.show({ color: 'teal', message: t('profile.changed') });
    });
  };
  return (
    <Card withBorder radius="md" padding="md">
      <form onSubmit={(e) => void submit(e)} noValidate>
        <Stack gap="sm">
          <SectionTitle>{t('profile.change')}</SectionTitle>
          <ErrorLine error={failure} />
          <PasswordField
            label={t('profile.current')}
            {...passwordField(current, setCurrent)}
            autoComplete="current-password"
            error={currentMissing && !current ? t('register.required') : undefined}
          />
          <PasswordField
            label={t('profile.new')}
            description={t('register.passwordHint')}
            {...passwordField(next, setNext)}
            autoComplete="new-password"
            error={fieldError}
          />
          <PasswordField
            label={t('register.password2')}
            {...passwordField(next2, setNext2)}
            autoComplete="new-password"
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
      <PageTitle>{t('profile.title')}</PageTitle>
      <FactsCard title={t('profile.account')}>
        <Row label={t('profile.username')}>{user.username}</Row>
        <Row label={t('register.contactName')}>{user.name}</Row>
      </FactsCard>
      {q.isPending ? (
        <PageSkeleton rows={1} />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <FactsCard title={t('profile.customer')}>
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
        </FactsCard>
      )}
      <ChangePassword />
    </Stack>
  );
}
