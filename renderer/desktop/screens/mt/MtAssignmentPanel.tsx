/**
 * Validasi penugasan (SOP step 13, sample status `assigned`): the Penyelia's assignment read-only
 * (parameter, method, analyst), then *Validasi* or *Kembalikan* with a reason.
 */
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activeAnalyses } from '../../../../shared/domain/state';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import type { SamplePanelProps } from '../sample/panel-props';
import { AssignmentTable } from '../results/AssignmentTable';
import { useLabAnalysts } from '../results/useLabAnalysts';
import { MtStageDecision } from './MtDecisionBar';
import { StepSection } from '../sample/StepSection';

export function MtAssignmentPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('mt');
  const { names, query } = useLabAnalysts(sample.labId);
  const rows = activeAnalyses(sample);

  return (
    <StepSection id="mt-assign-title" title={t('assignment.title')} intro={t('assignment.intro')}>
      {query.isError ? (
        <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
      ) : query.isPending ? (
        <TableSkeleton rows={Math.min(rows.length, 6) || 3} columns={[4, 3, 3]} />
      ) : (
        <AssignmentTable
          rows={rows}
          labelledBy="mt-assign-title"
          analystWidth="25%"
          headers={{
            parameter: t('assignment.parameter'),
            method: t('assignment.method'),
            analyst: t('assignment.analyst'),
          }}
          analyst={(a) => (
            <Text size="sm" c={a.analystId ? undefined : 'red.7'}>
              {a.analystId ? (names.get(a.analystId) ?? t('unknownAnalyst')) : t('noAnalyst')}
            </Text>
          )}
        />
      )}
      <MtStageDecision stage="assignment" order={order} sample={sample} />
    </StepSection>
  );
}
