/**
 * The "Riwayat" tab: the 22 steps as a vertical timeline (done: who, when, time against the
 * standard; current: its clock running; ahead: greyed), returns as loops with reason and who, where
 * the history came from (server, or as last fetched when offline), and this user's changes on the order.
 */
import { Alert, Badge, Box, Group, Paper, Stack, Text, Timeline, Title } from '@mantine/core';
import { IconArrowBackUp, IconCheck, IconCloudOff, IconPointFilled } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueuedCommandView } from '../../../../shared/bridge';
import { ROLE_INFO, type Role } from '../../../../shared/sop/roles';
import { useBridgeQuery } from '../../../bridge/hooks';
import { clockView } from '../../../components/clock-view';
import { ErrorState } from '../../../components/ErrorState';
import { IconNote } from '../../../components/IconNote';
import { SopClockBar } from '../../../components/SopClockBar';
import { StepChip } from '../../../components/StepChip';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDateTime } from '../../../lib/format';
import { RejectedChange } from '../../frame/RejectedChange';
import { buildTimeline } from './timeline';
import { ReviewLine } from './ReviewLine';

function roleName(role: string | null, lang: string): string | null {
  const info = role ? ROLE_INFO[role as Role] : undefined;
  return info ? (lang === 'en' ? info.labelEn : info.label) : null;
}

export function HistoryTab({
  orderId,
  sampleId,
  current,
  currentSince,
  now,
  changes,
}: {
  orderId: string;
  sampleId: string;
  current: number | null;
  currentSince: string | null;
  now: Date;
  changes: QueuedCommandView[];
}) {
  const { t, i18n } = useTranslation('history');
  const lang = i18n.language;
  const history = useBridgeQuery('order.history', { orderId });

  if (history.isPending) return <TableSkeleton rows={10} columns={[1, 4, 3]} rowHeight={40} />;
  if (history.isError)
    return (
      <ErrorState
        error={history.error}
        onRetry={() => void history.refetch()}
        retrying={history.isFetching}
      />
    );

  const h = history.data;
  const steps = buildTimeline(h.entries, sampleId, current);
  // A name the server withholds (impartiality) leaves the role alone: "Pelanggan", not "petugas (Pelanggan)".
  const who = (name: string | null, role: string | null) => {
    const r = roleName(role, lang);
    if (!name) return r ?? t('someone');
    return r ? `${name} (${r})` : name;
  };
  const activeIndex = current === null ? steps.length - 1 : current - 1;
  const open = changes.filter((c) => c.status !== 'applied' && !c.resolution);

  return (
    <Group align="flex-start" gap="lg" wrap="nowrap" p="md">
      <Box style={{ flex: 1, minWidth: 0 }}>
        <Group justify="space-between" mb="sm">
          <Title order={2} size="h5">
            {t('title')}
          </Title>
          {h.source === 'server' ? (
            <Text size="xs" c="dimmed">
              {t('sourceServer', { time: formatDateTime(h.fetchedAt, lang) })}
            </Text>
          ) : (
            <Badge
              color="orange"
              variant="light"
              leftSection={<IconCloudOff size={12} aria-hidden />}
              tt="none"
              size="md"
            >
              {h.source === 'cache'
                ? t('sourceCache', { time: formatDateTime(h.fetchedAt, lang) })
                : t('sourceLocal')}
            </Badge>
          )}
        </Group>
        <Timeline
          active={activeIndex}
          bulletSize={20}
          lineWidth={2}
          color="teal"
          className="history-timeline"
        >
          {steps.map((s) => {
            const took =
              s.state === 'done' && s.doneAt && s.startedAt
                ? clockView(s.step, s.startedAt, new Date(s.doneAt), lang)
                : null;
            const bullet =
              s.state === 'done' ? (
                <IconCheck size={13} aria-hidden />
              ) : s.state === 'current' ? (
                <IconPointFilled size={13} aria-hidden />
              ) : (
                <Text size="10px">{s.step}</Text>
              );
            return (
              <Timeline.Item
                key={s.step}
                bullet={bullet}
                color={s.state === 'current' ? 'sippt' : s.state === 'done' ? 'teal' : 'gray'}
                lineVariant={s.state === 'ahead' ? 'dashed' : 'solid'}
                title={
                  <Group gap="xs" wrap="nowrap">
                    <StepChip step={s.step} size="sm" muted={s.state === 'ahead'} />
                    <Text
                      size="xs"
                      c={s.state === 'current' ? 'sippt.8' : 'dimmed'}
                      fw={s.state === 'current' ? 600 : 400}
                    >
                      {t(s.state)}
                    </Text>
                    {s.local && (
                      <Badge size="xs" color="orange" variant="light" tt="none">
                        {t('notConfirmed')}
                      </Badge>
                    )}
                  </Group>
                }
                styles={{ itemBody: { opacity: s.state === 'ahead' ? 0.55 : 1 } }}
              >
                <Stack gap={2} mt={2}>
                  {s.loops.map((l, i) => (
                    <Paper
                      key={i}
                      withBorder
                      p={6}
                      radius="sm"
                      bg="orange.0"
                      style={{ borderColor: 'var(--mantine-color-orange-3)' }}
                    >
                      <IconNote icon={IconArrowBackUp} color="var(--mantine-color-orange-8)" iconTop={1}>
                        <div>
                          <Text size="sm" fw={600} c="orange.9">
                            {t(`loop.${l.command}`, { defaultValue: l.command })} ·{' '}
                            {t('loopBack', { step: l.backTo })}
                          </Text>
                          <Text size="xs">
                            {t('loopBy', { who: who(l.by, l.role), when: formatDateTime(l.at, lang) })}
                          </Text>
                          {l.reason && <Text size="sm">{t('reason', { reason: l.reason })}</Text>}
                          {l.review && <ReviewLine answers={l.review} />}
                        </div>
                      </IconNote>
                    </Paper>
                  ))}
                  {s.state === 'done' && (
                    <Text size="xs" c="dimmed">
                      {s.doneAt
                        ? t('doneBy', {
                            who: who(s.doneBy, s.doneRole),
                            when: formatDateTime(s.doneAt, lang),
                          })
                        : t('noDetail')}
                      {took && took.standard
                        ? ` · ${took.tone === 'over' ? t('tookOver', { used: took.used, standard: took.standard, by: took.overBy }) : t('took', { used: took.used, standard: took.standard })}`
                        : ''}
                      {s.events > 0 ? ` · ${t('events', { count: s.events })}` : ''}
                    </Text>
                  )}
                  {s.review && <ReviewLine answers={s.review} />}
                  {s.state === 'current' && (
                    <Box maw={360}>
                      <SopClockBar step={s.step} startedAt={currentSince} now={now} barWidth={120} />
                    </Box>
                  )}
                </Stack>
              </Timeline.Item>
            );
          })}
        </Timeline>
      </Box>
      <Box w={360} style={{ flexShrink: 0 }}>
        <Title order={2} size="h5" mb="sm">
          {t('myChanges')}
        </Title>
        {open.length === 0 ? (
          <Text size="sm" c="dimmed">
            {t('noChanges')}
          </Text>
        ) : (
          <Stack gap="xs">
            {open.map((c) =>
              c.status === 'rejected' ? (
                <Paper
                  key={c.id}
                  withBorder
                  p={8}
                  style={{ borderColor: 'var(--mantine-color-red-4)', borderLeftWidth: 4 }}
                >
                  <RejectedChange change={c} />
                </Paper>
              ) : (
                <Paper key={c.id} withBorder p={8}>
                  <Group justify="space-between" wrap="nowrap">
                    <Text size="sm">{c.summary || c.type}</Text>
                    <Badge
                      size="sm"
                      variant="light"
                      color={c.status === 'blocked' ? 'red' : 'orange'}
                      tt="none"
                    >
                      {t(`changeStatus.${c.status}`)}
                    </Badge>
                  </Group>
                  <Text size="xs" c="dimmed">
                    {formatDateTime(c.issuedAt, lang)}
                  </Text>
                </Paper>
              ),
            )}
          </Stack>
        )}
        {h.source !== 'server' && (
          <Alert mt="md" color="gray" variant="light" p="xs" icon={<IconCloudOff size={14} />}>
            <Text size="xs">
              {h.source === 'cache'
                ? t('sourceCache', { time: formatDateTime(h.fetchedAt, lang) })
                : t('sourceLocal')}
            </Text>
          </Alert>
        )}
      </Box>
    </Group>
  );
}
