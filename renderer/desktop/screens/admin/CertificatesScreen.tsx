/**
 * Each Kepala Balai's TTE certificate: the Admin Satker picks the PEM file the certificate
 * authority issued; the server checks it and registers it (the signed E-LHU is verified against
 * it at step 19). The answer shows holder, issuer, validity and fingerprint.
 */
import { useState } from 'react';
import { Button, Card, FileInput, Group, SimpleGrid, Stack, Text } from '@mantine/core';
import { IconCertificate, IconUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { PublicUser } from '../../../../shared/api/http';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { useOnlineAction } from '../online/useOnlineAction';
import { QueryPage } from '../parts/ListScreen';

export function CertificatesScreen() {
  const { t } = useTranslation('admin');
  const users = useBridgeQuery('online.users', {}, { retry: false });
  const heads = (users.data?.users ?? []).filter((u) => u.role === 'kepala_balai');
  return (
    <QueryPage
      title={t('certs.title')}
      query={users}
      hint={t('certs.hint')}
      skeletonRows={3}
      list={{ count: heads.length, empty: { title: t('certs.none'), hint: t('certs.noneHint') } }}
    >
      <SimpleGrid cols={2} p="md" spacing="md">
        {heads.map((u) => (
          <CertificateCard key={u.id} user={u} />
        ))}
      </SimpleGrid>
    </QueryPage>
  );
}

function CertificateCard({ user }: { user: PublicUser }) {
  const { t, i18n } = useTranslation('admin');
  const [file, setFile] = useState<File | null>(null);
  const [fileError, setFileError] = useState<string | null>(null);
  const register = useOnlineAction('online.user.certificate');
  const [done, setDone] = useState<{
    subject: string;
    issuer: string;
    validTo: string;
    fingerprint: string;
  } | null>(null);
  const submit = async () => {
    if (!file) return setFileError(t('certs.pick'));
    const text = await file.text();
    if (!text.includes('-----BEGIN CERTIFICATE-----')) return setFileError(t('certs.notPem'));
    setFileError(null);
    const r = await register.run(
      { userId: user.id, certificatePem: text },
      t('certs.registered', { name: user.name }),
    );
    if (r) setDone(r);
  };
  return (
    <Card withBorder padding="sm">
      <Stack gap="xs">
        <Group gap="xs">
          <IconCertificate size={18} aria-hidden />
          <Text fw={600}>{user.name}</Text>
        </Group>
        <Text size="xs" c="dark.4">
          NIP {user.nip ?? '—'}
        </Text>
        <FileInput
          label={t('certs.file')}
          accept=".pem,.crt,.cer,application/x-pem-file"
          value={file}
          onChange={setFile}
          error={fileError}
          clearable
        />
        <Button
          leftSection={<IconUpload size={14} />}
          onClick={() => void submit()}
          loading={register.busy}
          variant="light"
        >
          {t('certs.register')}
        </Button>
        {register.error && (
          <Text size="sm" c={register.offline ? 'dark.7' : 'red.9'} role="alert">
            {register.error}
          </Text>
        )}
        {done && (
          <Stack gap={0}>
            <Text size="xs">{done.subject}</Text>
            <Text size="xs" c="dark.4">
              {t('certs.issuer')}: {done.issuer}
            </Text>
            <Text size="xs" c="dark.4">
              {t('certs.validTo', { at: formatDateTime(done.validTo, i18n.language) })}
            </Text>
            <Text size="xs" ff="monospace" c="dark.4" style={{ wordBreak: 'break-all' }}>
              {done.fingerprint}
            </Text>
          </Stack>
        )}
      </Stack>
    </Card>
  );
}
