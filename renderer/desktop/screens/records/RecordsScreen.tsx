/**
 * "Rekaman & Laporan": the unit's records for a period (SOP "Pencatatan dan Pendataan") for the
 * roles record-permissions.ts allows, each only the records its role may read: the registers of
 * orders, samples and LHU, PNBP revenue, SOP performance and IKM. A period filter (dates typed or
 * a preset), the record's figures and tables, and its export as XLSX or PDF saved by the host
 * (the path is shown, so the file can be found). An empty period says so; an error offers a retry;
 * offline says "perlu koneksi" and keeps the chosen period.
 */
import { useState } from 'react';
import {
  Alert,
  Box,
  Button,
  Group,
  ScrollArea,
  SegmentedControl,
  Skeleton,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { IconCalendar, IconFileSpreadsheet, IconFileTypePdf, IconCircleCheck } from '@tabler/icons-react';
import { useMutation } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { recordsFor, type RecordKind } from '../../../../shared/domain/record-permissions';
import type { SavedExport } from '../../../../shared/bridge/records-calls';
import { bridge } from '../../../bridge/client';
import { useBridgeQuery } from '../../../bridge/hooks';
import { EmptyState } from '../../../components/EmptyState';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import { formatDate } from '../../../lib/format';
import { useSync } from '../../frame/sync-context';
import { useSignedIn } from '../../session';
import { isOffline, serverReachable } from '../online/connection';
import { NeedsConnection } from '../online/NeedsConnection';
import { PRESETS, periodProblem, presetPeriod, type Period, type Preset } from './period';
import { isEmptyRecord, RecordView } from './RecordViews';

/** The export buttons, spreadsheet first; each icon in its file type's usual colour. */
const EXPORTS = [
  { format: 'xlsx', Icon: IconFileSpreadsheet, color: 'var(--mantine-color-teal-8)' },
  { format: 'pdf', Icon: IconFileTypePdf, color: 'var(--mantine-color-red-8)' },
] as const;

export function RecordsScreen() {
  const { t, i18n } = useTranslation('records');
  const session = useSignedIn();
  const { status } = useSync();
  const kinds = recordsFor(session.user.role);
  const [kind, setKind] = useState<RecordKind>(kinds[0] ?? 'orders');
  const [period, setPeriod] = useState<Period>(() => presetPeriod('thisMonth', new Date()));
  const [saved, setSaved] = useState<SavedExport | null>(null);
  const problem = periodProblem(period);
  const q = useBridgeQuery(
    'online.records.get',
    { kind, ...period },
    { enabled: problem === null, retry: false },
  );
  const exporter = useMutation<SavedExport, Error, 'xlsx' | 'pdf'>({
    mutationFn: (format) => bridge.call('online.records.export', { kind, ...period, format }),
    onSuccess: (file) => {
      setSaved(file);
      notifications.show({ color: 'teal', title: t('export.savedTitle'), message: file.fileName });
    },
  });
  const offline = !serverReachable(status?.online) || (q.isError && isOffline(q.error));
  const exportDisabled = problem !== null || offline;

  const setDate = (which: keyof Period) => (e: React.ChangeEvent<HTMLInputElement>) => {
    setSaved(null);
    setPeriod((p) => ({ ...p, [which]: e.currentTarget.value }));
  };
  const choosePreset = (p: Preset) => {
    setSaved(null);
    setPeriod(presetPeriod(p, new Date()));
  };

  return (
    <Box style={{ display: 'flex', flexDirection: 'column', flex: 1, minHeight: 0, minWidth: 0 }}>
      <Group justify="space-between" px="md" pt={10} pb={6} wrap="nowrap" gap="sm">
        <Text component="h1" fw={700} size="lg" m={0} style={{ whiteSpace: 'nowrap' }}>
          {t('title')}
        </Text>
        <SegmentedControl
          size="xs"
          value={kind}
          onChange={(v) => {
            setSaved(null);
            setKind(v as RecordKind);
          }}
          aria-label={t('kindsLabel')}
          data={kinds.map((k) => ({ value: k, label: t(`kinds.${k}`) }))}
        />
      </Group>
      <Group px="md" pb={8} gap="sm" align="flex-end" wrap="wrap" role="group" aria-label={t('period.label')}>
        {(['from', 'to'] as const).map((end) => (
          <TextInput
            key={end}
            type="date"
            size="xs"
            w={150}
            label={t(`period.${end}`)}
            value={period[end]}
            onChange={setDate(end)}
            leftSection={<IconCalendar size={14} aria-hidden />}
          />
        ))}
        <Button.Group aria-label={t('period.presets')}>
          {PRESETS.map((p) => (
            <Button key={p} size="xs" variant="default" onClick={() => choosePreset(p)}>
              {t(`period.${p}`)}
            </Button>
          ))}
        </Button.Group>
        <Group gap="xs" ml="auto">
          {EXPORTS.map(({ format, Icon, color }) => (
            <Button
              key={format}
              size="xs"
              variant="default"
              leftSection={<Icon size={16} color={color} aria-hidden />}
              disabled={exportDisabled}
              loading={exporter.isPending && exporter.variables === format}
              onClick={() => exporter.mutate(format)}
            >
              {t(`export.${format}`)}
            </Button>
          ))}
        </Group>
      </Group>
      {problem && (
        <Text size="sm" c="red.8" px="md" pb={6} role="alert">
          {t(problem)}
        </Text>
      )}
      {offline && <NeedsConnection onRetry={() => void q.refetch()} />}
      {exporter.isError && !isOffline(exporter.error) && (
        <ErrorState
          error={exporter.error}
          onRetry={() => exporter.variables && exporter.mutate(exporter.variables)}
          retrying={exporter.isPending}
        />
      )}
      {saved && (
        <Alert
          color="teal"
          variant="light"
          mx="md"
          mb="xs"
          py={6}
          icon={<IconCircleCheck size={18} />}
          withCloseButton
          onClose={() => setSaved(null)}
          closeButtonLabel="×"
          role="status"
        >
          <Text size="sm" style={{ overflowWrap: 'anywhere' }}>
            {t('export.saved', { file: saved.fileName, path: saved.path })}
          </Text>
        </Alert>
      )}
      <ScrollArea
        style={{ flex: 1, minHeight: 0 }}
        type="auto"
        viewportProps={{ tabIndex: 0, role: 'region', 'aria-label': t(`kinds.${kind}`) }}
      >
        {problem === null && q.isPending ? (
          <Stack gap="sm" px="md">
            <Group gap="sm">
              {[0, 1, 2].map((i) => (
                <Skeleton key={i} h={52} w={150} radius="sm" />
              ))}
            </Group>
            <TableSkeleton rows={10} />
          </Stack>
        ) : q.isError ? (
          isOffline(q.error) ? null : (
            <ErrorState error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
          )
        ) : q.data ? (
          <>
            <Text size="xs" c="dark.4" px="md" pb={6}>
              {q.data.unit.name} ·{' '}
              {t('period.shown', {
                from: formatDate(q.data.period.from, i18n.language),
                to: formatDate(q.data.period.to, i18n.language),
              })}
            </Text>
            {isEmptyRecord(q.data) ? (
              <EmptyState title={t('empty')} hint={t('emptyHint')} />
            ) : (
              <RecordView report={q.data} />
            )}
          </>
        ) : null}
      </ScrollArea>
    </Box>
  );
}
