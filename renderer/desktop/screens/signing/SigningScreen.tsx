/**
 * The Kepala Balai's signing screen (UI.md, "Kepala Balai: signing"; SOP step 19): the queue on the
 * left, the E-LHU preview on the right, *Tandatangani (n)* for one or a batch, *Tolak* with a
 * reason. Works offline: the queue and documents are cached on this computer, and signed reports
 * wait for upload ("Menunggu unggah: n").
 */
import { useEffect, useMemo, useState, type KeyboardEvent } from 'react';
import { Badge, Box, Button, Group, Kbd, Paper, Stack, Text, Title, Tooltip } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCloudUpload, IconSignature, IconX } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeEventValue, useBridgeMutation, useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { PdfPreview } from './PdfPreview';
import { emptySelection, reconcile, toSign, type QueueSelection } from './queue-selection';
import { SignDialog } from './SignDialog';
import { entriesOf, SigningQueue } from './SigningQueue';
import { tallyBadge } from './tally-badge';

/** "Menunggu unggah: n", live from the sync status. */
function AwaitingUpload() {
  const { t } = useTranslation('signing');
  const q = useBridgeQuery('sync.status', {});
  const status = useBridgeEventValue('sync.status', q.data ?? null);
  const n = status?.signedAwaitingUpload ?? 0;
  if (n === 0) return null;
  return (
    <Tooltip label={t('awaitingUploadTip')} multiline w={280}>
      <Badge {...tallyBadge('yellow', 'orange.9', IconCloudUpload)} tabIndex={0}>
        {t('awaitingUpload', { count: n })}
      </Badge>
    </Tooltip>
  );
}

export function SigningScreen() {
  const { t } = useTranslation('signing');
  const queue = useBridgeQuery('signing.queue', {});
  const items = useMemo(() => queue.data ?? [], [queue.data]);
  const entries = useMemo(() => entriesOf(items), [items]);
  const [selection, setSelection] = useState<QueueSelection>(emptySelection);
  const [signOpen, setSignOpen] = useState(false);
  const [refuseOpen, setRefuseOpen] = useState(false);
  const refuse = useBridgeMutation('signing.refuse');

  // Signed and refused reports leave the queue; the selection follows.
  useEffect(() => setSelection((s) => reconcile(s, entries)), [entries]);

  const signIds = toSign(selection, entries);
  const signItems = items.filter((i) => signIds.includes(i.reportId));
  const active = items.find((i) => i.reportId === selection.active) ?? null;

  const openSign = () => {
    if (signItems.length > 0 && !signOpen) setSignOpen(true);
  };
  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && !signOpen && !refuseOpen) {
      e.preventDefault();
      openSign();
    }
  };

  return (
    // Fills what the frame leaves (its main area is a flex column): queue and preview scroll on their own.
    <Stack gap={0} mih={480} style={{ flex: 1, minHeight: 0 }} onKeyDown={onKey}>
      <Group
        justify="space-between"
        px="md"
        py="xs"
        wrap="nowrap"
        style={{ borderBottom: '1px solid var(--mantine-color-gray-3)' }}
      >
        <Group gap="sm" wrap="nowrap">
          <Title order={2} size="h4">
            {t('title')}
          </Title>
          {queue.data ? (
            <Badge variant="light" color="blue" c="blue.9" size="lg" radius="sm" tt="none">
              {t('queueCount', { count: items.length })}
            </Badge>
          ) : null}
          <AwaitingUpload />
        </Group>
        <Group gap="xs" wrap="nowrap">
          <Button
            variant="default"
            color="red"
            leftSection={<IconX size={16} />}
            disabled={!active}
            onClick={() => setRefuseOpen(true)}
          >
            {t('refuse')}
          </Button>
          <Button
            leftSection={<IconSignature size={16} />}
            disabled={signItems.length === 0}
            onClick={openSign}
          >
            {t('sign', { count: signItems.length })}&nbsp;
            <Kbd size="xs">{t('signShortcut')}</Kbd>
          </Button>
        </Group>
      </Group>

      {queue.isSuccess && items.length === 0 ? (
        // Nothing to sign: one calm message across the screen rather than an empty preview pane.
        <EmptyState
          title={t('emptyTitle')}
          hint={t('emptyHint')}
          icon={<IconSignature size={22} />}
          h={320}
        />
      ) : (
        <Group gap={0} align="stretch" wrap="nowrap" style={{ flex: 1, minHeight: 0 }}>
          <Stack
            gap={0}
            w="46%"
            miw="460px"
            maw="640px"
            style={{ borderRight: '1px solid var(--mantine-color-gray-3)' }}
          >
            <Box style={{ flex: 1, minHeight: 0, overflowY: 'auto', overflowX: 'hidden' }}>
              {queue.isPending ? (
                <TableSkeleton rows={8} columns={[1, 5, 4, 3]} rowHeight={44} />
              ) : queue.error ? (
                <ErrorState
                  error={queue.error}
                  title={t('loadError')}
                  onRetry={() => void queue.refetch()}
                  retrying={queue.isFetching}
                />
              ) : (
                <SigningQueue
                  items={items}
                  selection={selection}
                  onSelection={setSelection}
                  onSign={openSign}
                />
              )}
            </Box>
            {items.length > 0 ? (
              <Text
                size="xs"
                c="gray.7"
                px="sm"
                py={6}
                style={{ borderTop: '1px solid var(--mantine-color-gray-3)' }}
              >
                {t('keysHint')}
              </Text>
            ) : null}
          </Stack>

          <Box style={{ flex: 1, minWidth: 0 }}>
            {items.length === 0 ? null : !active ? (
              <EmptyState title={t('preview.none')} h="100%" />
            ) : !active.documentReady ? (
              <Paper m="md" p="md" withBorder>
                <Text size="sm">{t('preview.notReady')}</Text>
              </Paper>
            ) : (
              <PdfPreview
                key={active.reportId}
                reportId={active.reportId}
                reportNumber={active.reportNumber}
              />
            )}
          </Box>
        </Group>
      )}

      <SignDialog opened={signOpen} reports={signItems} onClose={() => setSignOpen(false)} />
      <ReasonDialog
        opened={refuseOpen}
        title={t('refuseDialog.title', { number: active?.reportNumber ?? '' })}
        consequence={t('refuseDialog.consequence')}
        confirmLabel={t('refuseDialog.confirm')}
        onClose={() => setRefuseOpen(false)}
        onConfirm={async (reason) => {
          if (!active) return;
          await refuse.mutateAsync({
            orderId: active.orderId,
            sampleId: active.sampleId,
            reportId: active.reportId,
            reason,
          });
          notifications.show({
            color: 'green',
            message: t('refuseDialog.done', { number: active.reportNumber }),
          });
        }}
      />
    </Stack>
  );
}
