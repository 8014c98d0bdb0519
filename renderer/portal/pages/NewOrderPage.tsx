/**
 * New order (SOP step 4), and the correction of a returned order: 1 samples → 2 parameters (with
 * methods, requirements and tariffs from the catalog) → 3 summary with the total → 4 send. Several
 * samples per order. Every keystroke is kept in localStorage (lib/draft.ts), so a reload, a closed
 * tab or a lost connection loses nothing; the send carries the draft's Idempotency-Key, so sending
 * again after a lost answer makes one order.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import {
  Alert,
  Button,
  Card,
  Checkbox,
  Divider,
  Group,
  Progress,
  Select,
  Stack,
  Text,
  TextInput,
  Textarea,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import {
  IconAlertCircle,
  IconArrowLeft,
  IconArrowRight,
  IconDeviceFloppy,
  IconPlugConnectedX,
  IconPlus,
  IconSend,
  IconTrash,
} from '@tabler/icons-react';
import { useQuery, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { CatalogResponse } from '../../../shared/api/http';
import { formatRequirement } from '../../../shared/elhu/judgment';
import { formatRupiah, formatTime } from '../../lib/format';
import { UnreachableError, errorMessage } from '../api/client';
import { catalog, order as fetchOrder, resubmitOrder, submitOrder } from '../api/endpoints';
import { PageTitle, SectionTitle } from '../components/headings';
import { LoadError, PageSkeleton } from '../components/states';
import { TariffLines } from '../components/TariffLines';
import {
  clearDraft,
  draftFromOrder,
  draftKey,
  draftTotal,
  loadDraft,
  newDraft,
  newSample,
  problems,
  saveDraft,
  toRequest,
  validParameters,
  type DraftSample,
  type OrderDraft,
} from '../lib/draft';
import { latestReturn } from '../lib/next-action';
import { PATHS } from '../lib/paths';
import { uuid } from '../lib/uuid';
import { useUser } from '../session';

const STEP_COUNT = 4;

function SampleFields({
  s,
  i,
  cat,
  onChange,
  onRemove,
  problems: p,
  showProblems,
}: {
  s: DraftSample;
  i: number;
  cat: CatalogResponse;
  onChange: (patch: Partial<DraftSample>) => void;
  onRemove: (() => void) | null;
  problems: string[];
  showProblems: boolean;
}) {
  const { t } = useTranslation('portal');
  // Grouped by laboratory, so the chosen value stays short enough for a phone.
  const types = cat.labs
    .map((l) => ({
      group: l.name,
      items: cat.sampleTypes
        .filter((st) => st.active && st.labId === l.id)
        .map((st) => ({ value: st.id, label: st.name })),
    }))
    .filter((g) => g.items.length > 0);
  return (
    <Card withBorder radius="md" padding="sm">
      <Stack gap="sm">
        <Group justify="space-between">
          <SectionTitle>{t('newOrder.sample', { n: i + 1 })}</SectionTitle>
          {onRemove && (
            <Button
              variant="default"
              c="red.9"
              size="xs"
              leftSection={<IconTrash size={14} aria-hidden />}
              onClick={onRemove}
            >
              {t('newOrder.removeSample', { n: i + 1 })}
            </Button>
          )}
        </Group>
        <Select
          label={t('newOrder.sampleType')}
          placeholder={t('newOrder.sampleTypePick')}
          data={types}
          value={s.sampleTypeId}
          onChange={(v) =>
            onChange({ sampleTypeId: v, parameterIds: v === s.sampleTypeId ? s.parameterIds : [] })
          }
          required
          size="md"
          allowDeselect={false}
          comboboxProps={{ withinPortal: true }}
          error={showProblems && p.includes('type') ? t('newOrder.problems.type') : undefined}
        />
        <Textarea
          label={t('newOrder.description')}
          description={t('newOrder.descriptionHint')}
          value={s.description}
          onChange={(e) => onChange({ description: e.currentTarget.value })}
          required
          autosize
          minRows={2}
          maxLength={1000}
          size="md"
          error={showProblems && p.includes('description') ? t('newOrder.problems.description') : undefined}
        />
        <TextInput
          label={t('newOrder.label')}
          value={s.customerLabel}
          onChange={(e) => onChange({ customerLabel: e.currentTarget.value })}
          maxLength={200}
          size="md"
        />
      </Stack>
    </Card>
  );
}

function ParameterPicker({
  s,
  i,
  cat,
  onChange,
  showProblems,
}: {
  s: DraftSample;
  i: number;
  cat: CatalogResponse;
  onChange: (ids: string[]) => void;
  showProblems: boolean;
}) {
  const { t } = useTranslation('portal');
  const type = cat.sampleTypes.find((x) => x.id === s.sampleTypeId);
  const params = cat.parameters.filter((p) => p.active && p.sampleTypeId === s.sampleTypeId);
  const chosen = validParameters(s, cat);
  const name = `${t('newOrder.sample', { n: i + 1 })}: ${type?.name ?? '—'}`;
  const all = params.length > 0 && chosen.length === params.length;
  return (
    <Card withBorder radius="md" padding="sm">
      <fieldset style={{ border: 0, margin: 0, padding: 0, minWidth: 0 }}>
        <legend style={{ padding: 0 }}>
          <SectionTitle>{name}</SectionTitle>
          {s.customerLabel && (
            <Text size="xs" c="dark.4">
              {s.customerLabel}
            </Text>
          )}
        </legend>
        {params.length === 0 ? (
          <Text size="sm" c="dark.5" mt="xs">
            {t('newOrder.noParameters')}
          </Text>
        ) : (
          <Stack gap={10} mt="sm">
            <Checkbox
              label={t('newOrder.selectAll')}
              checked={all}
              indeterminate={chosen.length > 0 && !all}
              onChange={() => onChange(all ? [] : params.map((p) => p.id))}
              size="md"
            />
            <Divider />
            {params.map((p) => (
              <Checkbox
                key={p.id}
                size="md"
                checked={s.parameterIds.includes(p.id)}
                onChange={(e) =>
                  onChange(
                    e.currentTarget.checked
                      ? [...s.parameterIds, p.id]
                      : s.parameterIds.filter((x) => x !== p.id),
                  )
                }
                label={
                  <Group justify="space-between" wrap="nowrap" gap="xs" align="flex-start">
                    <span>
                      <Text span fw={600} size="sm">
                        {p.name}
                        {p.unit ? ` (${p.unit})` : ''}
                      </Text>
                    </span>
                    <Text span fw={600} size="sm" className="num" style={{ whiteSpace: 'nowrap' }}>
                      {formatRupiah(p.tariff)}
                    </Text>
                  </Group>
                }
                description={`${t('param.method')}: ${p.method} · ${t('param.requirement')}: ${formatRequirement(p.requirement) || t('param.noRequirement')}`}
                styles={{ labelWrapper: { flex: 1 }, body: { alignItems: 'flex-start' } }}
              />
            ))}
            {showProblems && chosen.length === 0 && (
              <Text size="sm" c="red.8" role="alert">
                {t('newOrder.problems.parameters')}
              </Text>
            )}
            <Group justify="space-between">
              <Text size="sm" c="dark.5">
                {t('newOrder.subtotal')} · {t('newOrder.parametersCount', { count: chosen.length })}
              </Text>
              <Text fw={700} className="num">
                {formatRupiah(chosen.reduce((a, p) => a + p.tariff, 0))}
              </Text>
            </Group>
          </Stack>
        )}
      </fieldset>
    </Card>
  );
}

function Summary({ draft, cat }: { draft: OrderDraft; cat: CatalogResponse }) {
  const { t } = useTranslation('portal');
  return (
    <Stack gap="sm">
      {draft.samples.map((s, i) => {
        const chosen = validParameters(s, cat);
        const type = cat.sampleTypes.find((x) => x.id === s.sampleTypeId);
        return (
          <Card key={s.key} withBorder radius="md" padding="sm">
            <Text fw={700}>
              {t('newOrder.sample', { n: i + 1 })}: {type?.name ?? '—'}
            </Text>
            <Text size="sm" c="dark.5" mb={6} style={{ whiteSpace: 'pre-wrap' }}>
              {s.description}
              {s.customerLabel ? ` · ${s.customerLabel}` : ''}
            </Text>
            <TariffLines lines={chosen} />
            <Divider my={6} />
            <Group justify="space-between">
              <Text size="sm" fw={600}>
                {t('newOrder.subtotal')}
              </Text>
              <Text size="sm" fw={700} className="num">
                {formatRupiah(chosen.reduce((a, p) => a + p.tariff, 0))}
              </Text>
            </Group>
          </Card>
        );
      })}
      <Card withBorder radius="md" padding="sm" bg="sippt.0">
        <Group justify="space-between">
          <Text fw={700}>{t('newOrder.total')}</Text>
          <Text fw={800} size="xl" className="num" data-testid="order-total">
            {formatRupiah(draftTotal(draft, cat))}
          </Text>
        </Group>
        <Text size="xs" c="dark.5" mt={4}>
          {t('newOrder.totalHint')}
        </Text>
      </Card>
    </Stack>
  );
}

export function NewOrderPage({ correctingOrderId }: { correctingOrderId?: string }) {
  const { t, i18n } = useTranslation('portal');
  const user = useUser();
  const [, navigate] = useLocation();
  const queryClient = useQueryClient();
  const cat = useQuery({ queryKey: ['catalog'], queryFn: catalog, staleTime: 5 * 60_000 });
  const corrected = useQuery({
    queryKey: ['order', correctingOrderId],
    queryFn: () => fetchOrder(correctingOrderId!),
    enabled: Boolean(correctingOrderId),
  });
  const key = draftKey(user.id, correctingOrderId);
  const [draft, setDraft] = useState<OrderDraft | null>(
    () => loadDraft(localStorage, key) ?? (correctingOrderId ? null : newDraft(uuid)),
  );
  const [savedAt, setSavedAt] = useState<string | null>(draft?.savedAt ?? null);
  const [saveFailed, setSaveFailed] = useState(false);
  const [showProblems, setShowProblems] = useState(false);
  const [sending, setSending] = useState(false);
  const [failure, setFailure] = useState<{ text: string; offline: boolean } | null>(null);
  const heading = useRef<HTMLHeadingElement>(null);

  // A correction starts from the order as it was sent, unless a draft of it is already kept.
  useEffect(() => {
    if (!draft && corrected.data) setDraft(draftFromOrder(corrected.data.order, uuid));
  }, [draft, corrected.data]);

  const update = (next: OrderDraft) => {
    setDraft(next);
    const saved = saveDraft(localStorage, key, next, new Date());
    setSaveFailed(!saved);
    if (saved) setSavedAt(saved.savedAt);
  };

  const found = useMemo(() => (draft ? problems(draft, cat.data) : new Map()), [draft, cat.data]);

  if (cat.isPending || (correctingOrderId && corrected.isPending) || !draft) {
    if (cat.isError) return <LoadError error={cat.error} onRetry={() => void cat.refetch()} />;
    if (corrected.isError)
      return <LoadError error={corrected.error} onRetry={() => void corrected.refetch()} />;
    return <PageSkeleton />;
  }
  if (cat.isError)
    return <LoadError error={cat.error} onRetry={() => void cat.refetch()} retrying={cat.isFetching} />;
  const c = cat.data;
  const order = corrected.data?.order;
  const stepNames = t('newOrder.steps', { returnObjects: true }) as string[];

  const setSample = (k: string, patch: Partial<DraftSample>) =>
    update({ ...draft, samples: draft.samples.map((s) => (s.key === k ? { ...s, ...patch } : s)) });
  const goTo = (step: number) => {
    update({ ...draft, step });
    setFailure(null);
    requestAnimationFrame(() => heading.current?.focus());
  };
  const stepProblems = (step: number) =>
    draft.samples.some((s) => {
      const p: string[] = found.get(s.key) ?? [];
      return step === 0 ? p.includes('type') || p.includes('description') : p.length > 0;
    });
  const next = () => {
    if (stepProblems(draft.step)) {
      setShowProblems(true);
      return;
    }
    setShowProblems(false);
    goTo(draft.step + 1);
  };

  const send = async () => {
    if (found.size > 0) {
      setShowProblems(true);
      goTo(0);
      return;
    }
    setSending(true);
    setFailure(null);
    try {
      const body = toRequest(draft, c);
      const res = order
        ? await resubmitOrder(order.id, body, draft.idempotencyKey, order.version)
        : await submitOrder(body, draft.idempotencyKey);
      clearDraft(localStorage, key);
      await queryClient.invalidateQueries({ queryKey: ['orders'] });
      queryClient.setQueryData(['order', res.order.id], { order: res.order, totals: res.totals });
      notifications.show({ color: 'teal', message: t('newOrder.sent') });
      navigate(PATHS.order(res.order.id));
    } catch (e) {
      setFailure(
        e instanceof UnreachableError
          ? { text: t('newOrder.keptOffline'), offline: true }
          : { text: errorMessage(e, i18n.language), offline: false },
      );
    } finally {
      setSending(false);
    }
  };

  const discard = () => {
    if (!window.confirm(t('newOrder.discardConfirm'))) return;
    clearDraft(localStorage, key);
    if (order) setDraft(draftFromOrder(order, uuid));
    else setDraft(newDraft(uuid));
    setSavedAt(null);
    setShowProblems(false);
  };

  const returned = order ? latestReturn(order, ['order.return_to_customer']) : null;
  return (
    <Stack gap="md">
      <Stack gap={4}>
        <PageTitle>
          {order ? t('newOrder.correctTitle', { number: order.number ?? '' }) : t('newOrder.title')}
        </PageTitle>
        <Text size="xs" c={saveFailed ? 'red.8' : 'dark.4'} role="status" aria-live="polite">
          {saveFailed ? (
            t('newOrder.notSaved')
          ) : savedAt ? (
            <>
              <IconDeviceFloppy size={12} aria-hidden />{' '}
              {t('newOrder.saved', { time: formatTime(savedAt, i18n.language) })}
            </>
          ) : null}
        </Text>
      </Stack>
      {returned && (
        <Alert color="orange" icon={<IconAlertCircle size={18} aria-hidden />} title={t('newOrder.returned')}>
          {returned.reason}
        </Alert>
      )}
      <Stack gap={4}>
        <Title order={2} size="h4" ref={heading} tabIndex={-1} style={{ outline: 'none' }}>
          {t('newOrder.stepOf', { n: draft.step + 1, name: stepNames[draft.step] })}
        </Title>
        <Progress value={((draft.step + 1) / STEP_COUNT) * 100} size="sm" aria-hidden />
      </Stack>

      {draft.step === 0 && (
        <Stack gap="sm">
          {draft.samples.map((s, i) => (
            <SampleFields
              key={s.key}
              s={s}
              i={i}
              cat={c}
              onChange={(patch) => setSample(s.key, patch)}
              onRemove={
                draft.samples.length > 1
                  ? () => update({ ...draft, samples: draft.samples.filter((x) => x.key !== s.key) })
                  : null
              }
              problems={found.get(s.key) ?? []}
              showProblems={showProblems}
            />
          ))}
          <Button
            variant="light"
            leftSection={<IconPlus size={16} aria-hidden />}
            onClick={() => update({ ...draft, samples: [...draft.samples, newSample(uuid)] })}
            disabled={draft.samples.length >= 100}
          >
            {t('newOrder.addSample')}
          </Button>
        </Stack>
      )}
      {draft.step === 1 && (
        <Stack gap="sm">
          {draft.samples.map((s, i) => (
            <ParameterPicker
              key={s.key}
              s={s}
              i={i}
              cat={c}
              onChange={(ids) => setSample(s.key, { parameterIds: ids })}
              showProblems={showProblems}
            />
          ))}
          <Group justify="space-between">
            <Text fw={700}>{t('newOrder.total')}</Text>
            <Text fw={800} className="num">
              {formatRupiah(draftTotal(draft, c))}
            </Text>
          </Group>
        </Stack>
      )}
      {draft.step >= 2 && <Summary draft={draft} cat={c} />}
      {draft.step === 3 && (
        <Text size="sm" c="dark.6">
          {t('newOrder.sendHint')}
        </Text>
      )}

      {failure && (
        <Alert
          color={failure.offline ? 'orange' : 'red'}
          icon={
            failure.offline ? (
              <IconPlugConnectedX size={18} aria-hidden />
            ) : (
              <IconAlertCircle size={18} aria-hidden />
            )
          }
          role="alert"
        >
          {failure.text}
        </Alert>
      )}
      {showProblems && found.size > 0 && draft.step > 1 && (
        <Alert color="red" role="alert">
          {t('newOrder.fixFirst', { what: t('newOrder.problems.parameters') })}
        </Alert>
      )}

      <Group justify="space-between" gap="sm">
        {draft.step > 0 ? (
          <Button
            variant="default"
            leftSection={<IconArrowLeft size={16} aria-hidden />}
            onClick={() => goTo(draft.step - 1)}
            size="md"
          >
            {t('newOrder.back')}
          </Button>
        ) : (
          <Button variant="subtle" color="dark.5" onClick={discard} size="md">
            {t('newOrder.discard')}
          </Button>
        )}
        {draft.step < 3 ? (
          <Button rightSection={<IconArrowRight size={16} aria-hidden />} onClick={next} size="md">
            {t('newOrder.next')}
          </Button>
        ) : (
          <Button
            leftSection={<IconSend size={16} aria-hidden />}
            onClick={() => void send()}
            loading={sending}
            size="md"
          >
            {order ? t('newOrder.resend') : t('newOrder.send')}
          </Button>
        )}
      </Group>
    </Stack>
  );
}
