/**
 * Validasi penugasan (SOP step 13, sample status `assigned`): the Penyelia's assignment read-only
 * (parameter, method, analyst), then *Validasi* or *Kembalikan* with a reason.
 */
import { Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { activeAnalyses } from '../../../../shared/domain/state';
import { ErrorState } from '../../../components/ErrorState';
import { TableSkeleton } from '../../../components/TableSkeleton';
import type { SamplePanelProps } from '../sample/panel-props';
import { useLabAnalysts } from '../results/useLabAnalysts';
import { useSampleAction } from '../results/useSampleAction';
import { MtDecisionBar } from './MtDecisionBar';

export function MtAssignmentPanel({ order, sample }: SamplePanelProps) {
  const { t } = useTranslation('mt');
  const { names, query } = useLabAnalysts(sample.labId);
  const validate = useSampleAction('assignment.validate');
  const ret = useSampleAction('assignment.return');
  const rows = activeAnalyses(sample);
  const sampleLabel = sample.number ?? sample.sampleTypeName;
  const ref = { orderId: order.id, sampleId: sample.id };

  return (
    <Paper withBorder p="md" radius="sm" component="section" aria-labelledby="mt-assign-title">
      <Stack gap="sm">
        <div>
          <Title order={3} id="mt-assign-title" fz="lg">
            {t('assignment.title')}
          </Title>
          <Text size="sm" c="gray.7">
            {t('assignment.intro')}
          </Text>
        </div>
        {query.isError ? (
          <ErrorState error={query.error} onRetry={() => void query.refetch()} retrying={query.isFetching} />
        ) : query.isPending ? (
          <TableSkeleton rows={Math.min(rows.length, 6) || 3} columns={[4, 3, 3]} />
        ) : (
          <Table withTableBorder layout="fixed" verticalSpacing={6} horizontalSpacing={8} aria-labelledby="mt-assign-title">
            <colgroup>
              <col style={{ width: '40%' }} />
              <col style={{ width: '35%' }} />
              <col style={{ width: '25%' }} />
            </colgroup>
            <Table.Thead>
              <Table.Tr>
                <Table.Th fz="xs" c="gray.7">
                  {t('assignment.parameter')}
                </Table.Th>
                <Table.Th fz="xs" c="gray.7">
                  {t('assignment.method')}
                </Table.Th>
                <Table.Th fz="xs" c="gray.7">
                  {t('assignment.analyst')}
                </Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {rows.map((a) => (
                <Table.Tr key={a.id} style={{ verticalAlign: 'top' }}>
                  <Table.Td>
                    <Text size="sm" fw={500} style={{ overflowWrap: 'anywhere' }}>
                      {a.parameterName}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c="gray.7" style={{ overflowWrap: 'anywhere' }}>
                      {a.method}
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Text size="sm" c={a.analystId ? undefined : 'red.7'}>
                      {a.analystId ? (names.get(a.analystId) ?? t('unknownAnalyst')) : t('noAnalyst')}
                    </Text>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        )}
        <MtDecisionBar
          onValidate={() => validate.fire(ref, t('assignment.validated', { sample: sampleLabel }))}
          validating={validate.pending}
          validateError={validate.error}
          onReturn={(reason) => ret.run({ ...ref, reason }, t('assignment.returned', { sample: sampleLabel }))}
          returning={ret.pending}
          returnTitle={t('assignment.returnTitle', { sample: sampleLabel })}
          returnConsequence={t('assignment.returnConsequence')}
          returnConfirm={t('assignment.returnConfirm')}
        />
      </Stack>
    </Paper>
  );
}
