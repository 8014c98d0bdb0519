/**
 * Forgotten password. The server has no self-service reset (no mail is sent from this product), and
 * a reset by a public form would let anyone lock a customer out or probe usernames. The sound flow
 * with what exists: the customer contacts the unit from the phone or e-mail on record, the Admin
 * Satker sets a temporary password (POST /users/:id/password, which also ends every session), and
 * the customer changes it on the Profile page (POST /auth/password).
 */
import { Anchor, List, Stack, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { catalog } from '../api/endpoints';
import { CardPageTitle } from '../components/headings';
import { CardPage } from '../components/Layout';
import { PATHS } from '../lib/paths';

export function ForgotPasswordPage() {
  const { t } = useTranslation('portal');
  const q = useQuery({ queryKey: ['catalog'], queryFn: catalog, staleTime: 5 * 60_000 });
  const steps = t('forgot.steps', { returnObjects: true }) as string[];
  return (
    <CardPage maw={560}>
      <Stack gap="md">
        <CardPageTitle>{t('forgot.title')}</CardPageTitle>
        <Text>{t('forgot.lead')}</Text>
        <List type="ordered" spacing="xs">
          {steps.map((s, i) => (
            <List.Item key={i}>
              <Text size="sm">{s}</Text>
            </List.Item>
          ))}
        </List>
        <Stack gap={2}>
          <Text fw={700}>{t('forgot.contact')}</Text>
          {q.data ? (
            <>
              <Text size="sm">{q.data.unit.name}</Text>
              <Text size="sm">{q.data.unit.contactLine}</Text>
              <Text size="sm">{q.data.unit.address}</Text>
            </>
          ) : (
            <Text size="sm" c="dark.4">
              {q.isError ? t('loadError') : t('loading')}
            </Text>
          )}
        </Stack>
        <Anchor component={Link} href={PATHS.login}>
          {t('forgot.back')}
        </Anchor>
      </Stack>
    </CardPage>
  );
}
