/**
 * The sync panel (a drawer from the pill): changes waiting, held back and rejected, with *Ulangi*
 * and *Abaikan* on rejected ones, and "Sinkronkan sekarang".
 */
import { useState, type ReactNode } from 'react';
import { Alert, Badge, Button, Divider, Drawer, Group, Paper, Stack, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloudOff, IconRefresh } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { QueuedCommandView } from '../../../shared/bridge';
import { useBridgeMutation } from '../../bridge/hooks';
import { formatDateTime, formatTime } from '../../lib/format';
import { errorText } from '../../lib/message';
import { ErrorState } from '../../components/ErrorState';
import { blockedBehind, openRejections, summaryIn } from './change-text';
import { RejectedChange } from './RejectedChange';
import { useSync } from './sync-context';

/** One kind of change (rejected, blocked, waiting): its count, then each change or a line saying there is none. */
function Section({
  title,
  changes,
  color,
  none,
  render,
}: {
  title: string;
  changes: QueuedCommandView[];
  color: string;
  none: string;
  render: (c: QueuedCommandView) => ReactNode;
}) {
  const count = changes.length;
  return (
    <Stack gap={6}>
      <Group gap={6}>
        <Title order={3} size="h6">
          {title}
        </Title>
        <Badge size="sm" variant="light" color={count > 0 ? color : 'gray'} className="num">
          {count}
        </Badge>
      </Group>
      {count === 0 ? (
        <Text size="sm" c="dimmed">
          {none}
        </Text>
      ) : (
        changes.map(render)
      )}
    </Stack>
  );
}

/** Changes still to send (blocked or waiting), in orange once there are any, each with an optional note. */
function QueueSection({
  note,
  ...section
}: {
  title: string;
  none: string;
  changes: QueuedCommandView[];
  note?: string;
}) {
  return <Section {...section} color="orange" render={(c) => <PlainChange key={c.id} c={c} note={note} />} />;
}

function PlainChange({ c, note }: { c: QueuedCommandView; note?: string }) {
  const { t, i18n } = useTranslation('frame');
  return (
    <Paper withBorder p={8} radius="sm">
      <Text size="sm" fw={500}>
        {summaryIn(c.summary || c.type, i18n.language)}
      </Text>
      <Text size="xs" c="dimmed">
        {[
          t('sync.issued', { time: formatDateTime(c.issuedAt, i18n.language) }),
          c.attempts > 0 ? t('sync.attempts', { n: c.attempts }) : null,
          c.nextAttemptAt
            ? t('sync.nextAttempt', { time: formatTime(c.nextAttemptAt, i18n.language) })
            : null,
        ]
          .filter(Boolean)
          .join(' · ')}
      </Text>
      {c.lastError && (
        <Text size="xs" c="orange.8">
          {t('sync.lastError', { error: c.lastError })}
        </Text>
      )}
      {note && (
        <Text size="xs" c="orange.8">
          {note}
        </Text>
      )}
    </Paper>
  );
}

export function SyncPanel({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t, i18n } = useTranslation('frame');
  const { status, changes, changesError, refetchChanges } = useSync();
  const syncNow = useBridgeMutation('sync.now');
  const [failure, setFailure] = useState<string | null>(null);
  const rejected = openRejections(changes?.rejected ?? []);
  const waiting = changes?.waiting ?? [];
  const blocked = changes?.blocked ?? [];

  const runSync = async () => {
    setFailure(null);
    try {
      const r = await syncNow.mutateAsync({});
      notifications.show({
        color: 'teal',
        message: t('sync.nowDone', { pushed: r.pushed, pulled: r.pulled }),
      });
    } catch (e) {
      setFailure(errorText(e, i18n.language));
    }
  };

  return (
    <Drawer
      opened={opened}
      onClose={onClose}
      position="right"
      size={440}
      title={<Text fw={600}>{t('sync.title')}</Text>}
    >
      <Stack gap="md">
        <Group justify="space-between">
          <Text size="sm" c="dimmed">
            {status?.lastSyncAt
              ? t('pill.lastSync', { time: formatDateTime(status.lastSyncAt, i18n.language) })
              : t('pill.neverSynced')}
          </Text>
          <Button
            leftSection={<IconRefresh size={16} />}
            loading={syncNow.isPending || status?.syncing === true}
            onClick={() => void runSync()}
          >
            {t('sync.now')}{' '}
            <Text span size="xs" ml={6} fw={400}>
              Ctrl+Shift+S
            </Text>
          </Button>
        </Group>
        {status?.online === false && (
          <Alert color="orange" icon={<IconCloudOff size={16} />} p="xs">
            <Text size="sm">{t('sync.offlineNote')}</Text>
            {status.nextRetryAt && (
              <Text size="xs">
                {t('sync.retryAt', { time: formatTime(status.nextRetryAt, i18n.language) })}
              </Text>
            )}
          </Alert>
        )}
        {failure && (
          <Alert color="red" role="alert" p="xs">
            {failure}
          </Alert>
        )}
        {changesError ? (
          <ErrorState error={changesError} onRetry={refetchChanges} />
        ) : (
          <>
            <Section
              title={t('sync.rejected')}
              changes={rejected}
              color="red"
              none={t('sync.noneRejected')}
              render={(c) => (
                <Paper
                  key={c.id}
                  withBorder
                  p={8}
                  radius="sm"
                  style={{ borderColor: 'var(--mantine-color-red-4)', borderLeftWidth: 4 }}
                >
                  <RejectedChange change={c} blockedCount={blockedBehind(c, blocked)} />
                </Paper>
              )}
            />
            <Divider />
            <QueueSection
              title={t('sync.blocked')}
              none={t('sync.noneBlocked')}
              changes={blocked}
              note={t('sync.blockedBecause')}
            />
            <Divider />
            <QueueSection title={t('sync.waiting')} none={t('sync.noneWaiting')} changes={waiting} />
          </>
        )}
      </Stack>
    </Drawer>
  );
}
