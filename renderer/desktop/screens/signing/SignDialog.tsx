/**
 * *Tandatangani (n)*: the certificate (or its one-time import), the passphrase (masked, Caps Lock
 * warning, attempts left before the lockout), then progress per report and a summary: signed,
 * failed with the reason, waiting for upload. A wrong passphrase clears and refocuses the field.
 * The passphrase lives only in this dialog's state and is dropped as soon as it is sent.
 *
 * With a PKCS#11 token (settings: signing.source 'token') the secret is the token's PIN: the field
 * says "PIN token", no key file is asked for, and the lockout is the token's own (no time-based
 * lock here): a wrong PIN shows the tries the token reports, a locked token says so in plain words
 * and who can unlock it, and the field stays closed.
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import {
  Alert,
  Badge,
  Button,
  Group,
  List,
  Modal,
  Progress,
  ScrollArea,
  Skeleton,
  Stack,
  Table,
  Text,
  ThemeIcon,
} from '@mantine/core';
import {
  IconAlertTriangle,
  IconCheck,
  IconClock,
  IconCloudUpload,
  IconLock,
  IconX,
} from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { PasswordField } from '../../../components/PasswordField';
import type { EventPayload, SignOutcome, SigningQueueItemView } from '../../../../shared/bridge';
import { bridge } from '../../../bridge/client';
import { useBridgeEvent, useBridgeQuery } from '../../../bridge/hooks';
import { ErrorState } from '../../../components/ErrorState';
import { IconNote } from '../../../components/IconNote';
import { submitWith } from '../../../components/submit-form';
import { formatDate, formatDateTime } from '../../../lib/format';
import { errorText } from '../../../lib/message';
import { KeystoreImport } from './KeystoreImport';
import { READABLE_FIELD } from './readable-field';
import { tallyBadge } from './tally-badge';
import { isLocked, progressStates, signRefusal, type ReportSignState } from './sign-refusal';

type Step = 'passphrase' | 'progress' | 'summary';

interface Props {
  opened: boolean;
  reports: SigningQueueItemView[];
  onClose: () => void;
}

const STATE_ICON: Record<ReportSignState, { Icon: typeof IconCheck; color: string }> = {
  waiting: { Icon: IconClock, color: 'gray' },
  signing: { Icon: IconClock, color: 'blue' },
  done: { Icon: IconCheck, color: 'green' },
  failed: { Icon: IconX, color: 'red' },
};

function CertificateCard({ k }: { k: NonNullable<ReturnType<typeof useKeystore>['data']>['keystore'] }) {
  const { t, i18n } = useTranslation('signing');
  if (!k) return null;
  const expired = k.validTo !== null && Date.parse(k.validTo) < Date.now();
  const row = (label: string, value: string | null | undefined, mono = false, unknown = '—') => (
    <Table.Tr>
      <Table.Th w={130} fw={500} c="gray.7">
        {label}
      </Table.Th>
      <Table.Td ff={mono ? 'monospace' : undefined} style={{ wordBreak: 'break-all' }}>
        {value || unknown}
      </Table.Td>
    </Table.Tr>
  );
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('dialog.certificate')}
      </Text>
      <Table withTableBorder verticalSpacing={3} fz="xs">
        <Table.Tbody>
          {row(t('dialog.holder'), k.subject)}
          {row(t('dialog.issuer'), k.issuer)}
          {row(t('dialog.validUntil'), k.validTo ? formatDate(k.validTo, i18n.language) : null)}
          {row(t('dialog.fingerprint'), k.fingerprint, true, t('dialog.unknown'))}
        </Table.Tbody>
      </Table>
      {expired ? (
        <Alert color="red" p="xs" icon={<IconAlertTriangle size={16} />}>
          {t('dialog.expired')}
        </Alert>
      ) : null}
    </Stack>
  );
}

/** The token the settings name: the key never leaves it; its certificate is read when it signs. */
function TokenCard({
  label,
  slot,
  modulePath,
}: {
  label: string | null;
  slot: number | null;
  modulePath: string;
}) {
  const { t } = useTranslation('signing');
  return (
    <Stack gap={4}>
      <Text size="sm" fw={600}>
        {t('dialog.token')}
      </Text>
      <Table withRowBorders={false} verticalSpacing={2} fz="sm">
        <Table.Tbody>
          <Table.Tr>
            <Table.Th w={130} fw={500} c="gray.7">
              {t('dialog.tokenName')}
            </Table.Th>
            <Table.Td>{label ?? t('dialog.tokenSlot', { slot: slot ?? 0 })}</Table.Td>
          </Table.Tr>
          <Table.Tr>
            <Table.Th w={130} fw={500} c="gray.7">
              {t('dialog.tokenModule')}
            </Table.Th>
            <Table.Td ff="monospace" style={{ wordBreak: 'break-all' }}>
              {modulePath}
            </Table.Td>
          </Table.Tr>
        </Table.Tbody>
      </Table>
      <Text size="xs" c="gray.7">
        {t('dialog.tokenKeyStays')}
      </Text>
    </Stack>
  );
}

function useKeystore(enabled: boolean) {
  return useBridgeQuery('signing.keystore', {}, { enabled, staleTime: 0 });
}

export function SignDialog({ opened, reports, onClose }: Props) {
  const { t, i18n } = useTranslation('signing');
  const lang = i18n.language;
  const qc = useQueryClient();
  const ks = useKeystore(opened);
  // Read afresh at each opening, as the keystore is: the signing source (key file or token) may have
  // changed since the settings were loaded with the session, and the dialog must not ask for the
  // wrong secret meanwhile.
  const settings = useBridgeQuery('settings.get', {}, { enabled: opened, staleTime: 0 });
  const token = settings.data?.signing?.source === 'token';
  const [tokenLocked, setTokenLocked] = useState<string | null>(null);
  const [step, setStep] = useState<Step>('passphrase');
  const [passphrase, setPassphrase] = useState('');
  const [caps, setCaps] = useState(false);
  const [problem, setProblem] = useState<string | null>(null);
  const [attemptsLeft, setAttemptsLeft] = useState<number | null>(null);
  const [lockedUntil, setLockedUntil] = useState<string | null>(null);
  const [doneIds, setDoneIds] = useState<Set<string>>(new Set());
  const [outcome, setOutcome] = useState<{ result: SignOutcome | null; failure: string | null }>({
    result: null,
    failure: null,
  });
  const field = useRef<HTMLInputElement>(null);
  // The batch as it was when signing began (the queue shrinks under us as reports get signed).
  const [batch, setBatch] = useState<SigningQueueItemView[]>(reports);

  useEffect(() => {
    if (!opened) return;
    setStep('passphrase');
    setPassphrase('');
    setProblem(null);
    setAttemptsLeft(null);
    setLockedUntil(null);
    setTokenLocked(null);
    setDoneIds(new Set());
    setOutcome({ result: null, failure: null });
    setBatch(reports);
    // Only when the dialog opens (not when `reports` changes): the batch is fixed from then on.
  }, [opened]);

  const onProgress = useCallback((p: EventPayload<'signing.progress'>) => {
    const id = p.reportId;
    if (id) setDoneIds((prev) => new Set(prev).add(id));
  }, []);
  useBridgeEvent('signing.progress', onProgress);

  // The key file's lockout is kept here; a token keeps its own (only what it reports is shown).
  const lockout = token ? undefined : ks.data?.lockout;
  const until = token ? null : (lockedUntil ?? lockout?.lockedUntil ?? null);
  const locked = token ? tokenLocked !== null : isLocked(until, Date.now());
  const left = attemptsLeft ?? lockout?.attemptsLeft ?? null;

  const focusField = () => requestAnimationFrame(() => field.current?.focus());
  // Back from the progress step after a refusal the field is mounted anew: focus it once it is there.
  useEffect(() => {
    if (step === 'passphrase' && (problem !== null || tokenLocked !== null)) field.current?.focus();
  }, [step, problem, tokenLocked]);

  const sign = async () => {
    if (passphrase === '' || locked) {
      focusField();
      return;
    }
    const secret = passphrase;
    // Dropped from state at once: nothing keeps the passphrase after it is sent.
    setPassphrase('');
    setProblem(null);
    setDoneIds(new Set());
    setStep('progress');
    try {
      const result = await bridge.call('signing.sign', {
        reports: batch.map((r) => ({ orderId: r.orderId, sampleId: r.sampleId, reportId: r.reportId })),
        passphrase: secret,
      });
      setOutcome({ result, failure: null });
      setStep('summary');
    } catch (e) {
      const r = signRefusal(e);
      if (r?.kind === 'wrong_passphrase' || r?.kind === 'locked_out') {
        setStep('passphrase');
        if (token && r.kind === 'locked_out') {
          setTokenLocked(errorText(e, lang));
          setProblem(null);
        } else setProblem(errorText(e, lang));
        if (r.kind === 'wrong_passphrase') setAttemptsLeft(r.attemptsLeft);
        else if (!token) setLockedUntil(r.lockedUntil);
        focusField();
      } else {
        // The batch is all or nothing: nothing was signed, and the reason says why.
        setOutcome({ result: null, failure: errorText(e, lang) });
        setStep('summary');
      }
    } finally {
      void qc.invalidateQueries();
    }
  };

  const onPassKey = (e: KeyboardEvent<HTMLInputElement>) => setCaps(e.getModifierState('CapsLock'));

  const states = progressStates(
    batch.map((r) => r.reportId),
    step === 'summary' && outcome.result ? new Set(outcome.result.signed.map((s) => s.reportId)) : doneIds,
    step === 'progress',
    new Set(
      outcome.result?.failed.map((f) => f.reportId) ?? (outcome.failure ? batch.map((r) => r.reportId) : []),
    ),
  );

  const reportList = (
    <ScrollArea.Autosize mah={170} type="auto">
      <List spacing={2} size="sm" listStyleType="none">
        {batch.map((r) => {
          const s = states[r.reportId] ?? 'waiting';
          const { Icon, color } = STATE_ICON[s];
          const failure = outcome.result?.failed.find((f) => f.reportId === r.reportId);
          return (
            <List.Item key={r.reportId}>
              <Group gap={6} wrap="nowrap">
                <ThemeIcon size={18} radius="xl" variant="light" color={color} aria-hidden>
                  <Icon size={12} />
                </ThemeIcon>
                <Text size="sm" fw={500}>
                  {r.reportNumber}
                </Text>
                <Text size="xs" c="gray.7" truncate>
                  {r.customerLabel}
                </Text>
                {step !== 'passphrase' ? (
                  <Text size="xs" c={`${color}.9`} ml="auto">
                    {t(`dialog.status${s[0]!.toUpperCase()}${s.slice(1)}`)}
                  </Text>
                ) : null}
              </Group>
              {failure ? (
                <Text size="xs" c="red.9" pl={24}>
                  {lang === 'en' ? failure.message.en : failure.message.id}
                </Text>
              ) : null}
            </List.Item>
          );
        })}
      </List>
    </ScrollArea.Autosize>
  );

  const body = () => {
    if (ks.isPending || settings.isPending || !settings.isFetchedAfterMount) return <Skeleton h={180} />;
    if (ks.error) return <ErrorState error={ks.error} onRetry={() => void ks.refetch()} />;
    if (settings.error) return <ErrorState error={settings.error} onRetry={() => void settings.refetch()} />;
    if (!token && !ks.data?.keystore) return <KeystoreImport onImported={() => void ks.refetch()} />;

    if (step === 'progress') {
      const done = doneIds.size;
      return (
        <Stack gap="sm">
          <Text size="sm" fw={600} aria-live="polite">
            {t('dialog.progressTitle')} {t('dialog.progress', { done, total: batch.length })}
          </Text>
          <Progress.Root>
            {/* The name goes on the section: it is the element with the progressbar role. */}
            <Progress.Section
              value={(done / Math.max(1, batch.length)) * 100}
              animated
              aria-label={t('dialog.progress', { done, total: batch.length })}
            />
          </Progress.Root>
          {reportList}
        </Stack>
      );
    }

    if (step === 'summary') {
      const signed = outcome.result?.signed.length ?? 0;
      const failed = outcome.result ? outcome.result.failed.length : batch.length;
      const awaiting = outcome.result?.awaitingUpload ?? 0;
      return (
        <Stack gap="sm">
          <Group gap="xs">
            <Badge {...tallyBadge('green', 'teal.9', IconCheck)}>
              {t('dialog.signed', { count: signed })}
            </Badge>
            {failed > 0 ? (
              <Badge {...tallyBadge('red', 'red.9', IconX)}>{t('dialog.failed', { count: failed })}</Badge>
            ) : null}
          </Group>
          {outcome.failure ? (
            <Alert
              color="red"
              p="xs"
              role="alert"
              icon={<IconAlertTriangle size={16} />}
              title={t('dialog.nothingSigned')}
            >
              {outcome.failure}
            </Alert>
          ) : null}
          {reportList}
          {signed > 0 ? (
            awaiting > 0 ? (
              <Alert color="yellow" p="xs" icon={<IconCloudUpload size={16} />}>
                {t('dialog.awaiting', { count: awaiting })}
              </Alert>
            ) : (
              <Text size="sm" c="teal.9">
                {t('dialog.uploaded')}
              </Text>
            )
          ) : null}
          <Group justify="flex-end">
            <Button onClick={onClose} data-autofocus>
              {t('dialog.close')}
            </Button>
          </Group>
        </Stack>
      );
    }

    return (
      <form onSubmit={submitWith(sign)}>
        <Stack gap="sm">
          {token ? (
            <TokenCard
              label={settings.data?.signing?.tokenLabel ?? null}
              slot={settings.data?.signing?.slot ?? null}
              modulePath={settings.data?.signing?.modulePath ?? ''}
            />
          ) : (
            <CertificateCard k={ks.data?.keystore ?? null} />
          )}
          <Stack gap={4}>
            <Text size="sm" fw={600}>
              {t('dialog.reports')}
            </Text>
            {reportList}
          </Stack>
          {locked ? (
            <Alert
              color="red"
              p="xs"
              icon={<IconLock size={16} />}
              role="alert"
              title={token ? t('dialog.tokenLockedTitle') : undefined}
            >
              {token ? tokenLocked : t('dialog.lockedUntil', { time: formatDateTime(until, lang) })}
            </Alert>
          ) : null}
          <PasswordField
            ref={field}
            label={token ? t('dialog.pin') : t('dialog.passphrase')}
            description={token ? t('dialog.pinHint') : t('dialog.passphraseHint')}
            value={passphrase}
            onChange={(e) => setPassphrase(e.currentTarget.value)}
            onKeyDown={onPassKey}
            onKeyUp={onPassKey}
            error={problem ?? undefined}
            disabled={locked}
            styles={READABLE_FIELD}
            autoComplete="off"
            data-autofocus
            required
          />
          <Group gap="md" mt={-6}>
            {caps ? (
              <Text size="xs" c="gray.8" fw={600} role="status">
                <IconAlertTriangle size={12} aria-hidden color="var(--mantine-color-orange-7)" />{' '}
                {t('dialog.capsLock')}
              </Text>
            ) : null}
            {/* After a wrong passphrase the error under the field already says how many are left. */}
            {left !== null && !locked && !problem ? (
              <Text size="xs" c={left <= 1 ? 'red.9' : 'gray.7'} fw={left <= 1 ? 600 : undefined}>
                {t(token ? 'dialog.tokenAttemptsLeft' : 'dialog.attemptsLeft', { count: left })}
              </Text>
            ) : null}
          </Group>
          <IconNote icon={IconAlertTriangle} color="var(--mantine-color-orange-7)">
            <Text size="xs">{t('dialog.consequence')}</Text>
          </IconNote>
          <Group justify="flex-end" gap="xs">
            <Button variant="default" onClick={onClose}>
              {t('common:cancel')}{' '}
              <Text span c="gray.7" size="xs" ml={6}>
                Esc
              </Text>
            </Button>
            <Button type="submit" disabled={locked}>
              {t('dialog.confirm', { count: batch.length })}{' '}
              <Text span size="xs" ml={6}>
                Enter
              </Text>
            </Button>
          </Group>
        </Stack>
      </form>
    );
  };

  const busy = step === 'progress';
  return (
    <Modal
      opened={opened}
      onClose={() => !busy && onClose()}
      closeOnEscape={!busy}
      closeOnClickOutside={false}
      withCloseButton={!busy}
      closeButtonProps={{ 'aria-label': t('common:close') }}
      title={
        <Text fw={600}>
          {step === 'summary' ? t('dialog.summaryTitle') : t('dialog.title', { count: batch.length })}
        </Text>
      }
      size="lg"
      centered
    >
      {body()}
    </Modal>
  );
}
