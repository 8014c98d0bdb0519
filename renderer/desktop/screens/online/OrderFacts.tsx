/** What a front-office panel shows of an order: number, customer, samples with their parameters, methods and tariffs, the total. */
import { Badge, Group, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Order, Sample } from '../../../../shared/domain/entities';
import { STATUS_LABELS } from '../../../../shared/domain/states';
import { formatDateTime, formatRupiah } from '../../../lib/format';
import { msg } from '../../../lib/message';

export function OrderHeader({
  order,
  companyName,
  sample,
}: {
  order: Order;
  companyName: string;
  sample?: Sample | null;
}) {
  const { t, i18n } = useTranslation('online');
  return (
    <Stack gap={2}>
      <Group gap="xs" wrap="nowrap">
        <Text component="h2" fw={700} size="md" m={0} className="num">
          {sample?.number ?? order.number ?? t('noNumber')}
        </Text>
        <Badge variant="light" color="gray" tt="none">
          {msg(STATUS_LABELS[sample?.status ?? order.status], i18n.language)}
        </Badge>
      </Group>
      <Text size="sm">{companyName}</Text>
      <Text size="xs" c="dark.4">
        {sample ? `${t('order')} ${order.number ?? '—'} · ` : ''}
        {t('submittedAt', { at: formatDateTime(order.submittedAt, i18n.language) })}
      </Text>
    </Stack>
  );
}

export function SampleParameters({ sample, tariffs = true }: { sample: Sample; tariffs?: boolean }) {
  const { t } = useTranslation('online');
  const rows = sample.analyses.filter((a) => a.status !== 'retest');
  return (
    <Table fz={13} verticalSpacing={4} horizontalSpacing={6} withTableBorder>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('col.parameter')}</Table.Th>
          <Table.Th>{t('col.method')}</Table.Th>
          {tariffs && <Table.Th style={{ textAlign: 'right' }}>{t('col.tariff')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.map((a) => (
          <Table.Tr key={a.id}>
            <Table.Td>{a.parameterName}</Table.Td>
            <Table.Td>
              <Text size="xs" c="dark.4">
                {a.method}
              </Text>
            </Table.Td>
            {tariffs && (
              <Table.Td className="num" style={{ textAlign: 'right', whiteSpace: 'nowrap' }}>
                {formatRupiah(a.tariff)}
              </Table.Td>
            )}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

export function OrderSamples({ order, total }: { order: Order; total: number }) {
  const { t } = useTranslation('online');
  return (
    <Stack gap="xs">
      {order.samples.map((s, i) => (
        <Stack key={s.id} gap={4}>
          <Text size="sm" fw={600}>
            {t('sampleN', { n: i + 1 })} · {s.sampleTypeName}
            {s.customerLabel ? ` · ${s.customerLabel}` : ''}
          </Text>
          <Text size="xs" c="dark.4" lineClamp={2}>
            {s.description}
          </Text>
          <SampleParameters sample={s} />
        </Stack>
      ))}
      <Group justify="space-between">
        <Text size="sm" fw={600}>
          {t('total')}
        </Text>
        <Text size="sm" fw={700} className="num">
          {formatRupiah(total)}
        </Text>
      </Group>
    </Stack>
  );
}
