/**
 * Verifikasi hasil (SOP step 15, sample status `in_testing` once results come in): the results
 * table with a retest selection (checkbox or Space), *Uji ulang* with a reason (the old result
 * stays visible as retested), and *Verifikasi* (Ctrl+Enter) once every current analysis is
 * submitted and nothing is selected. Rows the user entered say why they cannot verify them.
 */
import { useCallback, useEffect, useMemo, useState } from 'react';
import { Alert, Button, Group, Paper, Stack, Text } from '@mantine/core';
import { useHotkeys } from '@mantine/hooks';
import { IconInfoCircle, IconRepeat, IconRosetteDiscountCheck } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../../shared/domain/entities';
import { ReasonDialog } from '../../../components/ReasonDialog';
import { toggled } from '../../../components/toggled';
import { SendBackButton } from '../parts/SendBackButton';
import type { SamplePanelProps } from '../sample/panel-props';
import { ActionError } from '../results/ActionError';
import { SampleResultsTable } from '../results/SampleResultsTable';
import { ReturnNotice } from '../results/ReturnNotice';
import { currentReturn } from '../results/sample-returns';
import { ShortcutHint } from '../results/ShortcutHint';
import { useSampleAction } from '../results/useSampleAction';
import { enteredBy, isRetestable, pruneSelection, verifyState } from './verification';
import { StepHeading } from '../sample/StepSection';

export function VerificationPanel({ order, sample, session }: SamplePanelProps) {
  const { t } = useTranslation('penyelia');
  const { t: tr } = useTranslation('results');
  const verify = useSampleAction('results.verify');
  const retest = useSampleAction('analysis.requestRetest');
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [asking, setAsking] = useState(false);
  const userId = session.user.id;
  const sampleLabel = sample.number ?? sample.sampleTypeName;
  const ref = { orderId: order.id, sampleId: sample.id };

  // Rows move under the user as sync runs: a selection that can no longer be retested drops out.
  useEffect(() => setSelected((s) => pruneSelection(s, sample.analyses)), [sample.analyses]);
  const state = verifyState(sample, userId, selected);
  const returned = currentReturn(order, sample, ['results.return']);

  const toggle = useCallback((id: string) => setSelected((s) => toggled(s, id)), []);
  const selection = useMemo(
    () => ({ selected, onToggle: toggle, selectable: isRetestable }),
    [selected, toggle],
  );
  const isOwn = useCallback((a: Analysis) => enteredBy(a, userId), [userId]);

  const doVerify = () => {
    if (!state.canVerify || verify.pending) return;
    verify.fire(ref, t('verify.verified', { sample: sampleLabel }));
  };
  useHotkeys(
    asking
      ? []
      : [
          ['mod+Enter', doVerify],
          ['Escape', () => setSelected(new Set())],
        ],
    [],
  );

  const chosen = sample.analyses.filter((a) => selected.has(a.id));
  const blockerText =
    state.blocker === 'selection'
      ? t('verify.blocker.selection')
      : state.blocker === 'waiting'
        ? t('verify.blocker.waiting', { count: state.waiting.length })
        : state.blocker === 'own'
          ? t('verify.blocker.own', { count: state.own.length })
          : state.blocker === 'status'
            ? t('verify.blocker.status')
            : null;

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="verify-title">
      <Stack gap="sm">
        <Group justify="space-between" align="flex-end" wrap="nowrap">
          <StepHeading id="verify-title" title={t('verify.title')} intro={t('verify.intro')} />
          <Text size="xs" c="gray.7" style={{ whiteSpace: 'nowrap' }}>
            {tr('keysHint')}
          </Text>
        </Group>

        <ReturnNotice note={returned} title={t('verify.returnedTitle')} />
        <SampleResultsTable sample={sample} selection={selection} isOwn={isOwn} />

        <ActionError message={verify.error} />
        <Group gap="sm" align="center">
          <Button
            onClick={doVerify}
            leftSection={<IconRosetteDiscountCheck size={16} />}
            loading={verify.pending}
            disabled={!state.canVerify}
          >
            {t('verify.verify')}
            <ShortcutHint keys="Ctrl+Enter" />
          </Button>
          <SendBackButton
            icon={IconRepeat}
            disabled={selected.size === 0 || retest.pending}
            onClick={() => setAsking(true)}
          >
            {selected.size > 0 ? t('verify.retestCount', { count: selected.size }) : t('verify.retest')}
          </SendBackButton>
          {selected.size > 0 && (
            <Button variant="subtle" color="gray" size="xs" onClick={() => setSelected(new Set())}>
              {t('verify.clearSelection')}
              <ShortcutHint keys="Esc" />
            </Button>
          )}
        </Group>
        {blockerText && (
          <Alert
            color={state.blocker === 'own' ? 'orange' : 'gray'}
            variant="light"
            icon={<IconInfoCircle size={16} />}
            p="xs"
            aria-live="polite"
          >
            {blockerText}
          </Alert>
        )}
      </Stack>

      <ReasonDialog
        opened={asking}
        title={t('verify.retestTitle', { count: chosen.length })}
        consequence={t('verify.retestConsequence', { list: chosen.map((a) => a.parameterName).join(', ') })}
        confirmLabel={t('verify.retestConfirm')}
        danger={false}
        onConfirm={async (reason) => {
          await retest.run(
            { ...ref, analysisIds: chosen.map((a) => a.id), reason },
            t('verify.retestSent', { count: chosen.length }),
          );
          setSelected(new Set());
        }}
        onClose={() => setAsking(false)}
      />
    </Paper>
  );
}
