/**
 * One order as the customer sees it: the ONE action waiting for them (lib/next-action.ts) at the
 * top, or where the order is and who holds it with that step's standard time; then the E-LHU
 * downloads (locked until payment is confirmed and the survey filled, and saying so), the samples
 * with their parameters and tariffs, and the SOP timeline (staff names are withheld by the server).
 */
import { useState, type ComponentType, type ReactNode } from 'react';
import {
  Alert,
  Anchor,
  Button,
  Card,
  Divider,
  FileInput,
  Group,
  Modal,
  Stack,
  Text,
  TextInput,
  Timeline,
  Title,
  type ButtonProps,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowBackUp,
  IconCheck,
  IconCircleCheck,
  IconDownload,
  IconFileUpload,
  IconLock,
  IconReceipt,
  IconStar,
  IconX,
} from '@tabler/icons-react';
import type { IconProps } from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { BridgeCallError } from '../../../shared/bridge';
import { UPLOAD_MAX_BYTES, type OrderResponse } from '../../../shared/api/http';
import { NtpnSchema, type Order } from '../../../shared/domain/entities';
import { RULES } from '../../../shared/domain/permissions';
import { currentReport } from '../../../shared/domain/state';
import { STATUS_LABELS } from '../../../shared/domain/states';
import { sampleWaiting } from '../../../shared/sop/clock';
import { SOP_STEPS } from '../../../shared/sop/steps';
import { ReasonDialog, type ReasonDialogProps } from '../../components/ReasonDialog';
import { SopClockBar } from '../../components/SopClockBar';
import { StepChip } from '../../components/StepChip';
import { useNow } from '../../components/useNow';
import { useSend } from '../../components/use-send';
import { formatDateTime, formatRupiah } from '../../lib/format';
import { ApiError, errorMessage, saveBlob } from '../api/client';
import {
  cancelOrder,
  finishOrder,
  history,
  order as fetchOrder,
  proofFile,
  rejectTariff,
  reportFile,
  requestBilling,
  uploadProof,
} from '../api/endpoints';
import { LinkButton } from '../components/Layout';
import { TariffLines } from '../components/TariffLines';
import { ErrorLine, LoadError, PageSkeleton, StatusBadge } from '../components/states';
import { roleName, standardText, WhereNow } from '../components/WhereNow';
import { customerAction, paymentConfirmed, reportsUnlocked } from '../lib/next-action';
import { PATHS } from '../lib/paths';
import { timelineLines } from '../lib/timeline';
import { uuid } from '../lib/uuid';

const ACCEPTED = ['application/pdf', 'image/jpeg', 'image/png'];

function ActionCard({
  tone,
  icon: Icon,
  title,
  children,
}: {
  tone: 'orange' | 'teal' | 'sippt' | 'red' | 'gray';
  /** Drawn in the card's tone. */
  icon: ComponentType<IconProps>;
  title: string;
  children: ReactNode;
}) {
  return (
    <Card
      withBorder
      radius="md"
      padding="md"
      style={{ borderLeft: `4px solid var(--mantine-color-${tone}-6)` }}
      component="section"
      aria-labelledby="action-title"
    >
      <Stack gap="sm">
        <Group gap="xs" wrap="nowrap">
          <Icon size={22} color={`var(--mantine-color-${tone}-7)`} aria-hidden />
          <Title order={2} size="h4" id="action-title">
            {title}
          </Title>
        </Group>
        {children}
      </Stack>
    </Card>
  );
}

/** A card that is a section of the page, named by its heading. */
function SectionCard({ titleId, title, children }: { titleId: string; title: string; children: ReactNode }) {
  return (
    <Card withBorder radius="md" padding="md" component="section" aria-labelledby={titleId}>
      <Stack gap="sm">
        <Title order={2} size="h4" id={titleId}>
          {title}
        </Title>
        {children}
      </Stack>
    </Card>
  );
}

function useOrderMutation(orderId: string) {
  const queryClient = useQueryClient();
  const { i18n, t } = useTranslation('portal');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  /** Runs a change of the order; answers null when done, else the error text (also shown in the card). */
  const run = async (fn: () => Promise<OrderResponse>, success: string): Promise<string | null> => {
    setBusy(true);
    setError(null);
    try {
      const res = await fn();
      queryClient.setQueryData(['order', orderId], { order: res.order, totals: res.totals });
      await queryClient.invalidateQueries({ queryKey: ['history', orderId] });
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      notifications.show({ color: 'teal', message: success });
      return null;
    } catch (e) {
      // The order changed meanwhile (a staff step): show the latest, and say so.
      let text = errorMessage(e, i18n.language);
      if (e instanceof ApiError && e.code === 'stale_version') {
        await queryClient.invalidateQueries({ queryKey: ['order', orderId] });
        text = t('order.stale');
      }
      setError(text);
      return text;
    } finally {
      setBusy(false);
    }
  };
  /** For a ReasonDialog: a refusal is thrown, so the dialog keeps the reason and shows it. */
  const runOrThrow = async (fn: () => Promise<OrderResponse>, success: string): Promise<void> => {
    const failed = await run(fn, success);
    if (failed) throw dialogError(failed);
  };
  return { run, runOrThrow, busy, error, setError };
}

/** ReasonDialog shows a refusal's own message for the shared error type: the server's words, typed reason kept. */
function dialogError(text: string): BridgeCallError {
  return new BridgeCallError({ code: 'invalid_transition', message: { id: text, en: text } });
}

/** "Yakin?" before a change of the order: it runs from the modal, which closes once it is done. */
function ConfirmButton({
  label,
  text,
  mutation: m,
  change,
  success,
  ...button
}: ButtonProps & {
  /** The button's words, and the modal's confirm button's: the same act. */
  label: string;
  text: string;
  mutation: ReturnType<typeof useOrderMutation>;
  change: () => Promise<OrderResponse>;
  success: string;
}) {
  const { t } = useTranslation('portal');
  const [opened, setOpened] = useState(false);
  const close = () => setOpened(false);
  return (
    <>
      <Button {...button} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <Modal opened={opened} onClose={close} title={t('order.confirmTitle')} centered>
        <Stack gap="md">
          <Text>{text}</Text>
          <ErrorLine error={m.error} />
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              {t('newOrder.back')}
            </Button>
            <Button
              color={button.color}
              loading={m.busy}
              onClick={() => void m.run(change, success).then((failed) => !failed && close())}
            >
              {label}
            </Button>
          </Group>
        </Stack>
      </Modal>
    </>
  );
}

/** A change that needs the customer's reason: the button opens the shared ReasonDialog. */
function ReasonButton({
  label,
  button,
  ...dialog
}: Omit<ReasonDialogProps, 'opened' | 'onClose' | 'confirmLabel'> & {
  /** The button's words, and the dialog's confirm button's: the same act. */
  label: string;
  button: ButtonProps;
}) {
  const [opened, setOpened] = useState(false);
  return (
    <>
      <Button {...button} onClick={() => setOpened(true)}>
        {label}
      </Button>
      <ReasonDialog {...dialog} opened={opened} confirmLabel={label} onClose={() => setOpened(false)} />
    </>
  );
}

function ReviewTariff({ order, total }: { order: Order; total: number }) {
  const { t } = useTranslation('portal');
  const m = useOrderMutation(order.id);
  return (
    <ActionCard tone="orange" icon={IconReceipt} title={t('order.review.title')}>
      <Text size="sm">{t('order.review.text')}</Text>
      <Group justify="space-between">
        <Text fw={600}>{t('order.approvedTotal')}</Text>
        <Text fw={800} size="lg" className="num">
          {formatRupiah(total)}
        </Text>
      </Group>
      <ErrorLine error={m.error} />
      <Group gap="sm" grow>
        <ReasonButton
          button={{ variant: 'default', leftSection: <IconX size={16} aria-hidden /> }}
          label={t('order.review.reject')}
          title={t('order.review.rejectTitle')}
          consequence={t('order.review.rejectConsequence')}
          onConfirm={(reason) =>
            m.runOrThrow(() => rejectTariff(order.id, reason, order.version), t('order.review.rejected'))
          }
        />
        <ConfirmButton
          leftSection={<IconCheck size={16} aria-hidden />}
          loading={m.busy}
          label={t('order.review.request')}
          text={t('order.review.requestConfirm', { amount: formatRupiah(total) })}
          mutation={m}
          change={() => requestBilling(order.id, order.version)}
          success={t('order.review.requested')}
        />
      </Group>
    </ActionCard>
  );
}

function PayAndUpload({ order, rejectedReason }: { order: Order; rejectedReason: string | null }) {
  const { t } = useTranslation('portal');
  const m = useOrderMutation(order.id);
  const [file, setFile] = useState<File | null>(null);
  const [ntpn, setNtpn] = useState('');
  const [fileError, setFileError] = useState<string | null>(null);
  const [ntpnError, setNtpnError] = useState<string | null>(null);
  // One key per chosen file: resending the same upload after a lost answer stores it once.
  const [key, setKey] = useState(uuid);

  const pick = (f: File | null) => {
    setFile(f);
    setKey(uuid());
    setFileError(
      !f
        ? null
        : f.size > UPLOAD_MAX_BYTES
          ? t('order.pay.tooBig')
          : !ACCEPTED.includes(f.type)
            ? t('order.pay.badType')
            : null,
    );
  };
  const send = async () => {
    if (!file || fileError) return;
    const n = ntpn.trim().toUpperCase();
    if (n && !NtpnSchema.safeParse(n).success) {
      setNtpnError(t('order.pay.ntpnHint'));
      return;
    }
    const failed = await m.run(() => uploadProof(order.id, file, n || null, key), t('order.pay.uploaded'));
    if (!failed) pick(null);
  };
  return (
    <ActionCard tone="orange" icon={IconReceipt} title={t('order.pay.title')}>
      {rejectedReason && (
        <Alert
          color="red"
          icon={<IconAlertCircle size={18} aria-hidden />}
          title={t('order.pay.proofRejected')}
        >
          {t('order.reason', { reason: rejectedReason })}
        </Alert>
      )}
      <Text size="sm">{t('order.pay.text')}</Text>
      <LinkButton
        href={PATHS.billing(order.id)}
        variant="light"
        leftSection={<IconReceipt size={16} aria-hidden />}
      >
        {t('order.pay.open')}
      </LinkButton>
      <Divider />
      <FileInput
        label={t('order.pay.file')}
        placeholder={t('order.pay.filePick')}
        accept={ACCEPTED.join(',')}
        value={file}
        onChange={pick}
        clearable
        error={fileError}
        size="md"
        leftSection={<IconFileUpload size={16} aria-hidden />}
      />
      <TextInput
        label={t('order.pay.ntpn')}
        description={t('order.pay.ntpnHint')}
        value={ntpn}
        onChange={(e) => {
          setNtpn(e.currentTarget.value);
          setNtpnError(null);
        }}
        maxLength={16}
        autoCapitalize="characters"
        error={ntpnError}
        size="md"
      />
      <ErrorLine error={m.error} />
      <Button
        onClick={() => void send()}
        disabled={!file || Boolean(fileError)}
        loading={m.busy}
        leftSection={<IconFileUpload size={16} aria-hidden />}
      >
        {t('order.pay.upload')}
      </Button>
    </ActionCard>
  );
}

function Downloads({ order }: { order: Order }) {
  const { t } = useTranslation('portal');
  const { busy, failure, send } = useSend(errorMessage);
  // The report being fetched: its button shows the loader.
  const [fetching, setFetching] = useState<string | null>(null);
  const unlocked = reportsUnlocked(order);
  const paid = paymentConfirmed(order);
  const reports = order.samples.map((s) => ({ s, r: currentReport(s) }));
  const released = reports.filter((x) => x.r?.status === 'released');
  const download = async (sampleId: string, reportId: string) => {
    setFetching(reportId);
    await send(async () => {
      const f = await reportFile(order.id, sampleId, reportId);
      saveBlob(f.blob, f.name);
    });
  };
  return (
    <SectionCard titleId="lhu-title" title={t('order.reports')}>
      {!unlocked && (
        <Group gap={6} wrap="nowrap" align="flex-start">
          <IconLock size={18} aria-hidden color="var(--mantine-color-gray-7)" style={{ flexShrink: 0 }} />
          <Stack gap={2}>
            <Text size="sm">{t('order.lhuLocked')}</Text>
            <Text size="xs" c="dark.4">
              {!paid
                ? t('order.lhuLockedPay')
                : released.length < order.samples.length
                  ? t('order.lhuNotYet')
                  : t('order.lhuLockedSurvey')}
            </Text>
          </Stack>
        </Group>
      )}
      {reports.map(({ s, r }) => (
        <Group key={s.id} justify="space-between" gap="xs">
          <Text size="sm" style={{ minWidth: 0, flex: 1 }}>
            {s.sampleTypeName}
            {s.customerLabel ? ` · ${s.customerLabel}` : ''}
            {r ? ` · ${r.number}` : ''}
          </Text>
          <Button
            size="sm"
            variant={unlocked ? 'filled' : 'default'}
            leftSection={
              unlocked ? <IconDownload size={16} aria-hidden /> : <IconLock size={16} aria-hidden />
            }
            disabled={!unlocked || r?.status !== 'released'}
            loading={busy && fetching === r?.id}
            onClick={() => r && void download(s.id, r.id)}
            aria-label={t('order.download.file', { number: r?.number ?? s.sampleTypeName })}
          >
            {t('order.download.file', { number: '' }).trim()}
          </Button>
        </Group>
      ))}
      <ErrorLine error={failure} />
    </SectionCard>
  );
}

function FinishAction({ order }: { order: Order }) {
  const { t } = useTranslation('portal');
  const m = useOrderMutation(order.id);
  return (
    <ActionCard tone="orange" icon={IconDownload} title={t('order.download.title')}>
      <Text size="sm">{t('order.download.text')}</Text>
      <ErrorLine error={m.error} />
      <ConfirmButton
        color="teal.9"
        leftSection={<IconCircleCheck size={16} aria-hidden />}
        label={t('order.download.finish')}
        text={t('order.download.finishConfirm')}
        mutation={m}
        change={() => finishOrder(order.id)}
        success={t('order.download.finished')}
      />
    </ActionCard>
  );
}

function WaitCard({
  order,
  step,
  holder,
}: {
  order: Order;
  step: number;
  holder: (typeof SOP_STEPS)[number]['actor'];
}) {
  const { t, i18n } = useTranslation('portal');
  const now = useNow(30_000);
  const inLab = order.status === 'in_lab';
  return (
    <SectionCard titleId="wait-title" title={t('order.waitTitle')}>
      {inLab ? (
        order.samples.map((s) => {
          const w = sampleWaiting(s, order);
          if (!w) return null;
          const who = SOP_STEPS[w.step - 1]!.actor;
          return (
            <Stack key={s.id} gap={4}>
              <Text size="sm" fw={600}>
                {s.sampleTypeName}
                {s.number ? ` · ${s.number}` : ''}
              </Text>
              <Group gap={6}>
                <StepChip step={w.step} />
                <Text size="sm">{t('holder', { role: roleName(who, i18n.language) })}</Text>
              </Group>
              <Text size="xs" c="dark.4">
                {standardText(w.step, i18n.language, t)}
              </Text>
              {w.since && <SopClockBar step={w.step} startedAt={w.since} now={now} />}
            </Stack>
          );
        })
      ) : (
        <>
          <WhereNow step={step} holder={holder} />
          {order.statusSince && <SopClockBar step={step} startedAt={order.statusSince} now={now} />}
          {order.status === 'payment_submitted' && <Text size="sm">{t('order.paymentCheck')}</Text>}
        </>
      )}
    </SectionCard>
  );
}

function CurrentAction({ order, total }: { order: Order; total: number }) {
  const { t, i18n } = useTranslation('portal');
  const now = useNow(60_000);
  const a = customerAction(order, now);
  switch (a.kind) {
    case 'correct':
      return (
        <ActionCard tone="orange" icon={IconArrowBackUp} title={t('order.correct.title')}>
          {a.reason && <Text size="sm">{t('order.reason', { reason: a.reason })}</Text>}
          <LinkButton href={PATHS.correct(order.id)}>{t('order.correct.action')}</LinkButton>
        </ActionCard>
      );
    case 'review_tariff':
      return <ReviewTariff order={order} total={total} />;
    case 'pay':
      return <PayAndUpload order={order} rejectedReason={a.rejectedProof?.reason ?? null} />;
    case 'billing_expired':
      return (
        <ActionCard tone="red" icon={IconAlertCircle} title={t('order.expired.title')}>
          <Text size="sm">{t('order.expired.text')}</Text>
          <LinkButton href={PATHS.billing(order.id)} variant="light">
            {t('order.pay.open')}
          </LinkButton>
        </ActionCard>
      );
    case 'survey':
      return (
        <ActionCard tone="orange" icon={IconStar} title={t('order.survey.title')}>
          <Text size="sm">{t('order.survey.text')}</Text>
          <LinkButton href={PATHS.survey(order.id)}>{t('order.survey.open')}</LinkButton>
        </ActionCard>
      );
    case 'download':
      return <FinishAction order={order} />;
    case 'finished':
      return (
        <ActionCard tone="teal" icon={IconCircleCheck} title={t('order.finishedTitle')}>
          <Text size="sm">
            {t('order.finishedText', { time: formatDateTime(order.finishedAt, i18n.language) })}
          </Text>
        </ActionCard>
      );
    case 'cancelled':
      return (
        <ActionCard tone="red" icon={IconX} title={t('order.cancelledTitle')}>
          {order.returns.length > 0 && (
            <Text size="sm">
              {t('order.reason', { reason: order.returns[order.returns.length - 1]!.reason })}
            </Text>
          )}
        </ActionCard>
      );
    case 'wait':
      return <WaitCard order={order} step={a.step} holder={a.holder} />;
  }
}

function OrderTimeline({ orderId, order }: { orderId: string; order: Order }) {
  const { t, i18n } = useTranslation(['portal', 'history']);
  const q = useQuery({ queryKey: ['history', orderId], queryFn: () => history(orderId) });
  if (q.isPending) return <PageSkeleton rows={2} />;
  if (q.isError)
    return <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const lines = timelineLines(q.data.entries);
  if (lines.length === 0) return <Text size="sm">{t('order.timelineEmpty')}</Text>;
  return (
    <Timeline active={lines.length - 1} bulletSize={22} lineWidth={2}>
      {lines.map((l, i) => {
        const step = l.step ? SOP_STEPS[l.step - 1] : null;
        const who = l.role === 'pelanggan' ? t('order.you') : roleName(l.role, i18n.language);
        const sampleIndex =
          l.sampleId && order.samples.length > 1 ? order.samples.findIndex((s) => s.id === l.sampleId) : -1;
        return (
          <Timeline.Item
            key={i}
            color={l.isReturn ? 'red' : 'teal'}
            bullet={
              l.isReturn ? <IconArrowBackUp size={13} aria-hidden /> : <IconCheck size={13} aria-hidden />
            }
            title={
              <Group gap={6}>
                {l.step && <StepChip step={l.step} size="sm" />}
                <Text size="sm" fw={600}>
                  {l.isReturn
                    ? t(`history:loop.${l.command}`, { defaultValue: l.command })
                    : step
                      ? i18n.language === 'en'
                        ? step.output.en
                        : step.output.id
                      : l.command}
                </Text>
              </Group>
            }
          >
            <Text size="xs" c="dark.4">
              {sampleIndex >= 0 ? `${t('newOrder.sample', { n: sampleIndex + 1 })} · ` : ''}
              {t('order.byRole', { role: who })} · {formatDateTime(l.lastAt, i18n.language)}
            </Text>
            {l.reason && (
              <Text size="sm" c="red.9">
                {t('order.reason', { reason: l.reason })}
              </Text>
            )}
          </Timeline.Item>
        );
      })}
    </Timeline>
  );
}

function Samples({ order }: { order: Order }) {
  const { t, i18n } = useTranslation('portal');
  return (
    <Stack gap="sm">
      {order.samples.map((s, i) => (
        <Card key={s.id} withBorder radius="md" padding="sm">
          <Group justify="space-between" align="flex-start" wrap="nowrap">
            <Text fw={700}>
              {t('newOrder.sample', { n: i + 1 })}: {s.sampleTypeName}
            </Text>
            <Text size="xs" c="dark.5" ta="right">
              {i18n.language === 'en' ? STATUS_LABELS[s.status].en : STATUS_LABELS[s.status].id}
            </Text>
          </Group>
          {s.number && (
            <Text size="xs" c="dark.5">
              {t('order.sampleNumber', { number: s.number })}
            </Text>
          )}
          <Text size="sm" c="dark.6" style={{ whiteSpace: 'pre-wrap' }}>
            {s.description}
            {s.customerLabel ? ` · ${s.customerLabel}` : ''}
          </Text>
          <TariffLines
            mt={6}
            lines={s.analyses
              .filter((a) => a.status !== 'retest')
              .map((a) => ({ id: a.id, name: a.parameterName, tariff: a.tariff }))}
          />
        </Card>
      ))}
    </Stack>
  );
}

function CancelButton({ order }: { order: Order }) {
  const { t } = useTranslation('portal');
  const m = useOrderMutation(order.id);
  const allowed = (RULES['order.cancel'].from.pelanggan ?? []).includes(order.status);
  if (!allowed) return null;
  return (
    <ReasonButton
      button={{ variant: 'default', c: 'red.9', size: 'sm' }}
      label={t('order.cancel')}
      title={t('order.cancelTitle')}
      consequence={t('order.cancelConsequence')}
      onConfirm={(reason) => m.runOrThrow(() => cancelOrder(order.id, reason), t('order.cancelled'))}
    />
  );
}

function Proofs({ order }: { order: Order }) {
  const { t, i18n } = useTranslation('portal');
  const [error, setError] = useState<string | null>(null);
  if (order.proofs.length === 0) return null;
  return (
    <Card withBorder radius="md" padding="sm" component="section" aria-labelledby="proofs-title">
      <Title order={2} size="h5" id="proofs-title" mb={6}>
        {t('order.proofs')}
      </Title>
      <Stack gap={6}>
        {order.proofs.map((p) => (
          <Group key={p.id} justify="space-between" gap="xs">
            <Stack gap={0} style={{ flex: 1, minWidth: 0 }}>
              <Text size="sm">
                {t('order.proofOf', { time: formatDateTime(p.uploadedAt, i18n.language) })} ·{' '}
                {i18n.language === 'en' ? STATUS_LABELS[p.status].en : STATUS_LABELS[p.status].id}
              </Text>
              {p.reason && (
                <Text size="xs" c="red.9">
                  {t('order.reason', { reason: p.reason })}
                </Text>
              )}
            </Stack>
            <Anchor
              component="button"
              size="sm"
              onClick={() =>
                void proofFile(order.id, p.id)
                  .then((f) => saveBlob(f.blob, f.name))
                  .catch((e) => setError(errorMessage(e, i18n.language)))
              }
            >
              {t('order.downloadProof')}
            </Anchor>
          </Group>
        ))}
        <ErrorLine error={error} />
      </Stack>
    </Card>
  );
}

export function OrderPage({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation('portal');
  const q = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => fetchOrder(orderId),
    refetchInterval: 60_000,
  });
  if (q.isPending) return <PageSkeleton />;
  if (q.isError)
    return <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const { order, totals } = q.data;
  const total = order.tariffTotal ?? totals.total;
  const paidAt = order.billings.find((b) => b.status === 'paid')?.paidAt;
  return (
    <Stack gap="md">
      <Anchor component={Link} href={PATHS.orders} size="sm">
        ← {t('order.back')}
      </Anchor>
      <Stack gap={6}>
        <Title order={1} size="h2" style={{ wordBreak: 'break-word' }}>
          {order.number ? t('order.title', { number: order.number }) : t('order.unnumbered')}
        </Title>
        <Group gap="xs">
          <StatusBadge status={order.status} />
          <Text fw={700} className="num">
            {formatRupiah(total)}
          </Text>
        </Group>
        {paymentConfirmed(order) && (
          <Text size="sm" c="teal.9">
            <IconCircleCheck size={14} aria-hidden />{' '}
            {t('order.paymentConfirmed', { time: paidAt ? formatDateTime(paidAt, i18n.language) : '' })}
          </Text>
        )}
      </Stack>
      <CurrentAction order={order} total={total} />
      <Downloads order={order} />
      <Proofs order={order} />
      <section aria-labelledby="samples-title">
        <Title order={2} size="h4" id="samples-title" mb="xs">
          {t('order.samples')}
        </Title>
        <Samples order={order} />
      </section>
      <section aria-labelledby="timeline-title">
        <Title order={2} size="h4" id="timeline-title" mb="xs">
          {t('order.timeline')}
        </Title>
        <OrderTimeline orderId={order.id} order={order} />
      </section>
      <Group>
        <CancelButton order={order} />
      </Group>
    </Stack>
  );
}
