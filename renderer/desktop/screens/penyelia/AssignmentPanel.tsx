/**
 * Penugasan (SOP step 12, sample status `received`, also after the MT returned the assignment):
 * one row per parameter with an analyst picker (the lab's analysts and their open work), "same
 * analyst for all", and *Kirim ke MT* (Ctrl+Enter). Separation of duties is the engine's rule: its
 * refusal is shown next to the button as it comes.
 */
import { useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconInfoCircle, IconSend, IconUsers } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import type { SamplePanelProps } from '../sample/panel-props';
import { ActionError } from '../results/ActionError';
import { AssignmentTable } from '../results/AssignmentTable';
import { ReturnNotice } from '../results/ReturnNotice';
import { currentReturn } from '../results/sample-returns';
import { ShortcutHint } from '../results/ShortcutHint';
import { useLabAnalysts } from '../results/useLabAnalysts';
import { useSampleAction } from '../results/useSampleAction';
import { AnalystPicker } from './AnalystPicker';
import {
  analystOptions,
  assignmentPayload,
  assignmentRows,
  commonAnalyst,
  initialPicks,
  missingPicks,
  pickAll,
  type Picks,
} from './assignment';
import { StepSection } from '../sample/StepSection';

export function AssignmentPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('penyelia');
  const { staff, query } = useLabAnalysts(sample.labId);
  const send = useSampleAction('sample.assignAnalysts');
  const rows = assignmentRows(sample);
  const readOnly = sample.status !== 'received';
  const sampleLabel = sample.number ?? sample.sampleTypeName;
  const returned = currentReturn(order, sample, ['assignment.return']);

  // Picks start from the sample (a returned assignment keeps the earlier choice) and are reset when
  // the sample itself changes under the user (a pull, the MT's return).
  const [picks, setPicks] = useState<Picks>(() => initialPicks(sample));
  const [tried, setTried] = useState(false);
  useEffect(() => {
    setPicks(initialPicks(sample));
    setTried(false);
  }, [sample.id, sample.version]);
  const [all, setAll] = useState<string | null>(null);

  const options = useMemo(() => analystOptions(staff, Object.values(picks)), [staff, picks]);
  const missing = missingPicks(picks);
  const canSend = !readOnly && rows.length > 0 && !send.pending;

  const submit = () => {
    setTried(true);
    if (!canSend || missing.length > 0) return;
    send.fire(
      { orderId: order.id, sampleId: sample.id, assignments: assignmentPayload(picks) },
      t('assign.sent', { sample: sampleLabel }),
    );
  };
  useHotkeys(readOnly ? [] : [['mod+Enter', submit]], []);

  return (
    <StepSection id="assign-title" title={t('assign.title')} intro={t('assign.intro')}>
      <ReturnNotice note={returned} title={t('assign.returnedTitle')} />

      {readOnly && (
        <Alert color="blue" variant="light" icon={<IconInfoCircle size={18} />} p="xs">
          {t('assign.waitingMt')}
        </Alert>
      )}

      {query.isError ? (
        <ErrorState
          error={query.error}
          title={t('assign.staffError')}
          onRetry={() => void query.refetch()}
          retrying={query.isFetching}
        />
      ) : query.isPending ? (
        <TableSkeleton rows={Math.min(rows.length, 6) || 3} columns={[4, 3, 3]} />
      ) : (
        <>
          {!readOnly && options.length === 0 && (
            <Alert color="orange" variant="light" icon={<IconUsers size={18} />} p="xs">
              {t('assign.noAnalysts')}
            </Alert>
          )}
          {!readOnly && rows.length > 1 && options.length > 0 && (
            <Group gap="xs" align="flex-end">
              <AnalystPicker
                options={options}
                value={all ?? commonAnalyst(picks)}
                onChange={setAll}
                label={t('assign.sameForAll')}
                placeholder={t('assign.sameForAllPlaceholder')}
                hideLabel={false}
                w={320}
              />
              <Button
                variant="light"
                size="xs"
                disabled={!all}
                onClick={() => all && setPicks(pickAll(picks, all))}
              >
                {t('assign.apply')}
              </Button>
            </Group>
          )}
          <AssignmentTable
            rows={rows}
            labelledBy="assign-title"
            headers={{
              parameter: t('assign.parameter'),
              method: t('assign.method'),
              analyst: t('assign.analyst'),
            }}
            analyst={(a) => {
              const value = picks[a.id] ?? null;
              return readOnly ? (
                <Text size="sm">{value ? (staff.find((s) => s.id === value)?.name ?? value) : '—'}</Text>
              ) : (
                <AnalystPicker
                  options={options}
                  value={value}
                  onChange={(v) => setPicks({ ...picks, [a.id]: v })}
                  label={t('assign.pickFor', { name: a.parameterName })}
                  placeholder={t('assign.pickPlaceholder')}
                  error={tried && !value ? t('assign.required') : undefined}
                />
              );
            }}
          />
        </>
      )}

      {!readOnly && (
        <>
          <ActionError message={send.error} />
          <Group gap="sm">
            <Button
              onClick={submit}
              leftSection={<IconSend size={16} />}
              loading={send.pending}
              disabled={!canSend || query.isPending}
            >
              {t('assign.send')}
              <ShortcutHint keys="Ctrl+Enter" />
            </Button>
            {missing.length > 0 && (
              <Text size="sm" c={tried ? 'red.7' : 'gray.7'} role={tried ? 'alert' : undefined}>
                {t('assign.missing', { count: missing.length })}
              </Text>
            )}
          </Group>
        </>
      )}
    </StepSection>
  );
}
