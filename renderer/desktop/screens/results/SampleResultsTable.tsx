/**
 * A sample's results table with what it takes from the working copy: the rows, the lab's analysts'
 * names (a failed load of them says so above the table) and the sample's number for the table's
 * name. The Penyelia's verification passes its retest selection through; the MT's is read-only.
 */
import { useMemo } from 'react';
import { Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Sample } from '../../../../shared/domain/entities';
import { ResultsTable, type ResultsTableProps } from './ResultsTable';
import { resultRows } from './results-rows';
import { useLabAnalysts } from './useLabAnalysts';

export function SampleResultsTable({
  sample,
  ...retest
}: { sample: Sample } & Pick<ResultsTableProps, 'selection' | 'isOwn'>) {
  const { t } = useTranslation('results');
  const { names, query } = useLabAnalysts(sample.labId);
  const rows = useMemo(() => resultRows(sample), [sample]);
  const label = sample.number ?? sample.sampleTypeName;
  return (
    <>
      {query.isError && (
        <Text size="xs" c="red.7">
          {t('staffError', { error: query.error.message })}
        </Text>
      )}
      <ResultsTable rows={rows} analystNames={names} sampleLabel={label} {...retest} />
    </>
  );
}
