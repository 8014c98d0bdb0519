/**
 * The analyst's parameters of this sample that are already sent: read-only and greyed, with the
 * value, its mark and where it stands (sent at, verified, validated).
 */
import { Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Analysis } from '../../../../shared/domain/entities';
import { formatRequirement } from '../../../../shared/elhu/judgment';
import { formatTime } from '../../../lib/format';
import { DashCell } from './DashCell';
import { MarkCell } from './MarkCell';
import { readResultText } from './result-reading';

function stateText(a: Analysis, t: (k: string, o?: Record<string, unknown>) => string, lang: string): string {
  if (a.status === 'verified') return t('status.verified');
  if (a.status === 'validated') return t('status.validated');
  return t('status.sent', { time: formatTime(a.submittedAt, lang) });
}

export function SentRows({ analyses }: { analyses: readonly Analysis[] }) {
  const { t, i18n } = useTranslation('analis');
  if (analyses.length === 0) return null;
  return (
    <section aria-label={t('sentTitle')}>
      <Text size="xs" fw={700} c="gray.7" mb={4}>
        {t('sentTitle')}
      </Text>
      <Table layout="fixed" verticalSpacing={2} horizontalSpacing={6} c="gray.7">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('col.parameter')}</Table.Th>
            <Table.Th w="64px">{t('col.unit')}</Table.Th>
            <Table.Th w="96px">{t('col.requirement')}</Table.Th>
            <Table.Th w="128px" className="num">
              {t('col.value')}
            </Table.Th>
            <Table.Th w="52px">{t('col.mark')}</Table.Th>
            <Table.Th w="16%">{t('col.notes')}</Table.Th>
            <Table.Th w="122px">{t('col.status')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {analyses.map((a) => {
            const value = a.result?.value ?? '';
            return (
              <Table.Tr key={a.id}>
                <Table.Td>
                  <Text size="xs" lineClamp={1} title={a.parameterName}>
                    {a.parameterName}
                  </Text>
                </Table.Td>
                <DashCell text={a.unit} />
                <DashCell text={formatRequirement(a.requirement)} />
                <Table.Td className="num">
                  <Text size="xs" fw={600}>
                    {value || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <MarkCell
                    reading={readResultText(value, a)}
                    requirement={a.requirement}
                    id={`sent-mark-${a.id}`}
                  />
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={1} title={a.result?.notes}>
                    {a.result?.notes || '—'}
                  </Text>
                </Table.Td>
                <DashCell text={stateText(a, t, i18n.language)} />
              </Table.Tr>
            );
          })}
        </Table.Tbody>
      </Table>
    </section>
  );
}
