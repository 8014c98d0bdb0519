/**
 * One sample (issue 8, "Screens"; UI.md "Any order or sample: history"): a header with its number,
 * type, order, customer (never for the Analis), status, SOP step and clock; the panel of the user's
 * role for the sample's state (panelFor); and the "Riwayat" tab with the 22 steps.
 * Keys: Alt+H history, Alt+W work, Alt+← back to the list.
 */
import { useState, type ComponentType } from 'react';
import { ActionIcon, Badge, Box, Button, Group, Stack, Tabs, Text, Title, Tooltip } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconArrowLeft, IconClipboardList, IconHistory } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useLocation } from 'wouter';
import type { SessionInfoView } from '../../../../shared/bridge';
import type { Order, Sample } from '../../../../shared/domain/entities';
import { STATUS_LABELS } from '../../../../shared/domain/states';
import { sampleWaiting } from '../../../../shared/sop/clock';
import { ROLE_INFO } from '../../../../shared/sop/roles';
import { SOP_STEPS } from '../../../../shared/sop/steps';
import { useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { SopClockBar } from '../../../components/SopClockBar';
import { StepChip } from '../../../components/StepChip';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { useNow } from '../../../components/useNow';
import { formatDateTime } from '../../../lib/format';
import { ResultGridPanel } from '../analis/ResultGridPanel';
import { MtAssignmentPanel } from '../mt/MtAssignmentPanel';
import { MtResultsPanel } from '../mt/MtResultsPanel';
import { AssignmentPanel } from '../penyelia/AssignmentPanel';
import { ReceiptCheckPanel } from '../penyelia/ReceiptCheckPanel';
import { VerificationPanel } from '../penyelia/VerificationPanel';
import { currentReturn } from '../results/sample-returns';
import { ROUTES } from '../../routes';
import { useSignedIn } from '../../session';
import { HistoryTab } from './HistoryTab';
import { panelFor, type PanelKey } from './panel-for';
import type { SamplePanelProps } from './panel-props';

const PANELS: Record<PanelKey, ComponentType<SamplePanelProps>> = {
  receiptCheck: ReceiptCheckPanel,
  assignment: AssignmentPanel,
  verification: VerificationPanel,
  mtAssignment: MtAssignmentPanel,
  mtResults: MtResultsPanel,
  resultGrid: ResultGridPanel,
};

/** The open tab and the way back, with their keys (Alt+H, Alt+W, Alt+←) live while the sample loads. */
interface SampleNav {
  tab: string | null;
  setTab: (t: string | null) => void;
  back: () => void;
}

function useSampleNav(): SampleNav {
  const [, navigate] = useLocation();
  const [tab, setTab] = useState<string | null>('work');
  const back = () => (window.history.length > 1 ? window.history.back() : navigate(ROUTES.work));
  useHotkeys([
    ['alt+H', () => setTab('history')],
    ['alt+W', () => setTab('work')],
    ['alt+ArrowLeft', back],
  ]);
  return { tab, setTab, back };
}

export function SampleScreen({ orderId, sampleId }: { orderId: string; sampleId: string }) {
  const { t } = useTranslation('sample');
  const session = useSignedIn();
  const [, navigate] = useLocation();
  const nav = useSampleNav();
  const got = useBridgeQuery('order.get', { orderId });

  if (got.isPending) return <TableSkeleton rows={10} />;
  if (got.isError)
    return <ErrorState error={got.error} onRetry={() => void got.refetch()} retrying={got.isFetching} />;
  const { order, changes } = got.data;
  const sample = order.samples.find((s) => s.id === sampleId);
  if (!sample) {
    return (
      <EmptyState
        title={t('notFound')}
        hint={t('notFoundHint')}
        action={
          <Button size="xs" variant="light" onClick={() => navigate(ROUTES.work)}>
            {t('back')}
          </Button>
        }
      />
    );
  }
  return <SampleView order={order} sample={sample} session={session} changes={changes} nav={nav} />;
}

function SampleView({ order, sample, session, changes, nav }: SamplePanelProps & { nav: SampleNav }) {
  const { t, i18n } = useTranslation('sample');
  const lang = i18n.language;
  const now = useNow();
  const waiting = sampleWaiting(sample, order);
  const returned = currentReturn(order, sample, ['assignment.return']) !== null;
  const key = panelFor(session.user.role, sample, returned);
  const Panel = key ? PANELS[key] : null;
  const isAnalis = session.user.role === 'analis';
  const status = STATUS_LABELS[sample.status];
  const pending = changes.filter((c) => c.status === 'pending' || c.status === 'sent').length;

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}>
      <Box px="md" py={10} style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}>
        <Group justify="space-between" wrap="nowrap" align="flex-start" gap="md">
          <Group gap="sm" wrap="nowrap" align="flex-start" style={{ minWidth: 0 }}>
            <Tooltip label={`${t('back')} (Alt+←)`}>
              <ActionIcon variant="subtle" color="gray" onClick={nav.back} aria-label={t('back')} mt={2}>
                <IconArrowLeft size={18} />
              </ActionIcon>
            </Tooltip>
            <Stack gap={2} style={{ minWidth: 0 }}>
              <Group gap="sm" wrap="nowrap">
                <Title order={1} size="h3" className="num" style={{ textAlign: 'left' }}>
                  {sample.number ?? '—'}
                </Title>
                <Badge variant="light" color="gray" tt="none" size="md">
                  {status ? (lang === 'en' ? status.en : status.id) : sample.status}
                </Badge>
                {pending > 0 && (
                  <Badge variant="light" color="orange" tt="none" size="md">
                    {t('pendingHere', { count: pending })}
                  </Badge>
                )}
              </Group>
              <Text size="sm" c="dimmed" truncate>
                {[
                  `${t('type')}: ${sample.sampleTypeName}`,
                  `${t('order')}: ${order.number ?? '—'}`,
                  isAnalis ? null : `${t('customer')}: ${sample.customerLabel}`,
                  sample.receivedAt ? `${t('received')}: ${formatDateTime(sample.receivedAt, lang)}` : null,
                ]
                  .filter(Boolean)
                  .join(' · ')}
              </Text>
            </Stack>
          </Group>
          <Stack gap={4} align="flex-end" style={{ flexShrink: 0 }}>
            <StepChip step={waiting?.step ?? null} size="md" />
            <SopClockBar step={waiting?.step} startedAt={waiting?.since} now={now} barWidth={96} />
          </Stack>
        </Group>
      </Box>
      <Tabs
        value={nav.tab}
        onChange={nav.setTab}
        keepMounted={false}
        style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0 }}
      >
        <Tabs.List px="md">
          <Tabs.Tab value="work" leftSection={<IconClipboardList size={15} />} title="Alt+W">
            {t('tabWork')}
          </Tabs.Tab>
          <Tabs.Tab value="history" leftSection={<IconHistory size={15} />} title="Alt+H">
            {t('tabHistory')}{' '}
            <Text span size="xs" c="dimmed">
              Alt+H
            </Text>
          </Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="work" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          {Panel ? (
            <Panel order={order} sample={sample} session={session} changes={changes} />
          ) : (
            <NoPanel order={order} sample={sample} session={session} waitingStep={waiting?.step ?? null} />
          )}
        </Tabs.Panel>
        <Tabs.Panel value="history" style={{ flex: 1, minHeight: 0, overflow: 'auto' }}>
          <HistoryTab
            orderId={order.id}
            sampleId={sample.id}
            current={waiting?.step ?? null}
            currentSince={waiting?.since ?? null}
            now={now}
            changes={changes}
          />
        </Tabs.Panel>
      </Tabs>
    </Box>
  );
}

function NoPanel({
  waitingStep,
}: {
  order: Order;
  sample: Sample;
  session: SessionInfoView;
  waitingStep: number | null;
}) {
  const { t, i18n } = useTranslation('sample');
  if (waitingStep === null) return <EmptyState title={t('finished')} />;
  const actor = SOP_STEPS[waitingStep - 1]?.actor;
  const who = actor ? (i18n.language === 'en' ? ROLE_INFO[actor].labelEn : ROLE_INFO[actor].label) : '—';
  return <EmptyState title={t('noPanel')} hint={t('noPanelHint', { who, step: waitingStep })} />;
}
