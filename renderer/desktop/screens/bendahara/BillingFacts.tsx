/** A SIMPONI e-billing as the Bendahara reads it: the 15-digit code grouped, amount, expiry, and SIMPONI's status words. */
import { Badge, Group, Stack, Text } from '@mantine/core';
import { IconAlertTriangle, IconCircleCheck, IconClock } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import type { Billing } from '../../../../shared/domain/entities';
import { useNow } from '../../../components/useNow';
import { formatDateTime, formatRupiah } from '../../../lib/format';
import { simponiStatus } from '../online/work-items';

/** "820 2509 1234 5678" style grouping (3-4-4-4) of a 15-digit billing code. */
export function groupBillingCode(code: string): string {
  return code.length === 15
    ? `${code.slice(0, 3)} ${code.slice(3, 7)} ${code.slice(7, 11)} ${code.slice(11)}`
    : code;
}

export function SimponiBadge({ billing }: { billing: Billing }) {
  const { t } = useTranslation('online');
  const now = useNow();
  const s = simponiStatus(billing, now);
  const color = s === 'lunas' ? 'teal' : s === 'kedaluwarsa' ? 'red' : s === 'diganti' ? 'gray' : 'orange';
  const Icon = s === 'lunas' ? IconCircleCheck : s === 'kedaluwarsa' ? IconAlertTriangle : IconClock;
  return (
    <Badge
      color={color}
      variant="light"
      tt="none"
      leftSection={<Icon size={12} aria-hidden />}
      c={s === 'belum_dibayar' ? 'dark.7' : `${color}.9`}
    >
      {t(`simponi.${s}`)}
    </Badge>
  );
}

export function BillingFacts({ billing }: { billing: Billing }) {
  const { t, i18n } = useTranslation('bendahara');
  return (
    <Stack gap={2}>
      <Group gap="xs">
        <Text size="sm" fw={700} ff="monospace" className="num">
          {groupBillingCode(billing.code)}
        </Text>
        <SimponiBadge billing={billing} />
      </Group>
      <Text size="sm" className="num">
        {formatRupiah(billing.amount)} ·{' '}
        {t('billing.expires', { at: formatDateTime(billing.expiresAt, i18n.language) })}
      </Text>
      {billing.status === 'paid' && (
        <Text size="sm" className="num">
          NTPN <b>{billing.ntpn}</b> ·{' '}
          {t('billing.paidAt', { at: formatDateTime(billing.paidAt, i18n.language) })}
        </Text>
      )}
    </Stack>
  );
}
