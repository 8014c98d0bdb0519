/**
 * Validasi hasil (SOP step 16, sample status `results_verified`): the same results table as the
 * Penyelia's, read-only, then *Validasi* or *Kembalikan* with a reason.
 */
import { useTranslation } from 'react-i18next';
import type { SamplePanelProps } from '../sample/panel-props';
import { SampleResultsTable } from '../results/SampleResultsTable';
import { MtStageDecision } from './MtDecisionBar';
import { StepSection } from '../sample/StepSection';

export function MtResultsPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('mt');
  return (
    <StepSection id="mt-results-title" title={t('results.title')} intro={t('results.intro')}>
      <SampleResultsTable sample={sample} />
      <MtStageDecision stage="results" order={order} sample={sample} />
    </StepSection>
  );
}
