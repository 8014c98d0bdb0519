/**
 * Validasi hasil (SOP step 16, sample status `results_verified`): the same results table as the
 * Penyelia's, read-only, then *Validasi* or *Kembalikan* with a reason.
 */
import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { SamplePanelProps } from '../sample/panel-props';
import { ResultsTable } from '../results/ResultsTable';
import { resultRows } from '../results/results-rows';
import { useLabAnalysts } from '../results/useLabAnalysts';
import { MtStageDecision } from './MtDecisionBar';
import { StepSection } from '../sample/StepSection';

export function MtResultsPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('mt');
  const { t: tr } = useTranslation('results');
  const { names, query } = useLabAnalysts(sample.labId);
  const rows = useMemo(() => resultRows(sample), [sample]);
  const sampleLabel = sample.number ?? sample.sampleTypeName;

  return (
    <StepSection id="mt-results-title" title={t('results.title')} intro={t('results.intro')}>
      {query.isError && (
        <Text size="xs" c="red.7">
          {tr('staffError', { error: query.error.message })}
        </Text>
      )}
      <ResultsTable rows={rows} analystNames={names} sampleLabel={sampleLabel} />
      <MtStageDecision stage="results" order={order} sample={sample} />
    </StepSection>
  );
}
