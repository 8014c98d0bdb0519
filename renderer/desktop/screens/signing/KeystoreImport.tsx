/**
 * The one-time import of the Kepala Balai's PKCS#12 keystore. In the installed app the main process
 * opens its own file dialog (`file: null`: the renderer never hands a path in); in the browser host
 * the page's file input supplies the bytes, base64.
 */
import { useState } from 'react';
import { Alert, Button, FileInput, Group, Stack, Text } from '@mantine/core';
import { IconCertificate, IconFileUpload } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField';
import { BridgeCallError, type KeystoreInfoView } from '../../../../shared/bridge';
import { bridge } from '../../../bridge/client';
import { useBridgeQuery } from '../../../bridge/hooks';
import { submitWith } from '../../../components/submit-form';
import { useSend } from '../../../components/use-send';
import { errorText } from '../../../lib/message';
import { READABLE_FIELD } from './readable-field';

/** The contract's limit: at most 64 KiB of keystore. */
const MAX_KEYSTORE_BYTES = 64 * 1024;

async function fileToBase64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let bin = '';
  for (let i = 0; i < bytes.length; i += 0x8000) bin += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(bin);
}

export function KeystoreImport({ onImported }: { onImported: (k: KeystoreInfoView) => void }) {
  const { t } = useTranslation('signing');
  const info = useBridgeQuery('app.info', {}, { staleTime: Infinity });
  const electron = info.data?.host === 'electron';
  const [file, setFile] = useState<File | null>(null);
  const [passphrase, setPassphrase] = useState('');
  const {
    busy,
    failure: problem,
    setFailure: setProblem,
    send,
  } = useSend((e, lang) =>
    e instanceof BridgeCallError && e.code === 'cancelled' ? t('importStep.cancelled') : errorText(e, lang),
  );

  const submit = async () => {
    setProblem(null);
    if (!electron && !file) return setProblem(t('importStep.needFile'));
    if (file && file.size > MAX_KEYSTORE_BYTES) return setProblem(t('importStep.tooLarge'));
    await send(async () => {
      const payload = electron || !file ? null : { name: file.name, base64: await fileToBase64(file) };
      const k = await bridge.call('signing.importKeystore', {
        file: payload,
        passphrase: passphrase === '' ? null : passphrase,
      });
      setPassphrase('');
      onImported(k);
    });
  };

  return (
    <form onSubmit={submitWith(submit)}>
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap" align="flex-start">
          <IconCertificate size={20} aria-hidden style={{ flexShrink: 0 }} />
          <Text size="sm">{t('importStep.intro')}</Text>
        </Group>
        {!electron ? (
          <FileInput
            label={t('importStep.file')}
            placeholder={t('importStep.filePlaceholder')}
            accept=".p12,.pfx,application/x-pkcs12"
            value={file}
            onChange={setFile}
            leftSection={<IconFileUpload size={16} />}
            clearable
            clearButtonProps={{ 'aria-label': t('importStep.clearFile') }}
            data-autofocus
          />
        ) : null}
        <PasswordField
          label={t('importStep.passphrase')}
          description={t('importStep.passphraseHint')}
          value={passphrase}
          onChange={(e) => setPassphrase(e.currentTarget.value)}
          autoComplete="off"
          styles={READABLE_FIELD}
          data-autofocus={electron || undefined}
        />
        {problem ? (
          <Alert color="red" p="xs" role="alert">
            {problem}
          </Alert>
        ) : null}
        <Group justify="flex-end">
          <Button type="submit" loading={busy} leftSection={<IconCertificate size={16} />}>
            {electron ? t('importStep.choose') : t('importStep.submit')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
