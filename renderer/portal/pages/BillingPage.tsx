/**
 * The e-billing (SOP steps 8-9): the 15-digit SIMPONI code large, monospace and grouped, with a copy
 * button; the amount; the time left before it expires; how to pay (teller, ATM, internet banking);
 * the status as SIMPONI names it: Belum dibayar, Lunas with the NTPN, Kedaluwarsa.
 */
import { useState } from 'react';
import { Accordion, Alert, Anchor, Button, Card, CopyButton, Group, Stack, Text, Title } from '@mantine/core';
import {
  IconBuildingBank,
  IconCheck,
  IconCopy,
  IconCreditCard,
  IconDeviceMobile,
  IconInfoCircle,
} from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import { currentBilling } from '../../../shared/domain/state';
import { useNow } from '../../components/useNow';
import { formatDateTime, formatRupiah } from '../../lib/format';
import { order as fetchOrder } from '../api/endpoints';
import { PageTitle } from '../components/headings';
import { LoadError, PageSkeleton, Row, ToneBadge } from '../components/states';
import { billingState, groupBillingCode, timeLeft } from '../lib/billing';
import { PATHS } from '../lib/paths';

export function BillingPage({ orderId }: { orderId: string }) {
  const { t, i18n } = useTranslation('portal');
  const now = useNow(30_000);
  const q = useQuery({
    queryKey: ['order', orderId],
    queryFn: () => fetchOrder(orderId),
    refetchInterval: 60_000,
  });
  const [copyFailed, setCopyFailed] = useState(false);
  if (q.isPending) return <PageSkeleton rows={3} />;
  if (q.isError)
    return <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />;
  const order = q.data.order;
  const b = currentBilling(order);
  // Whether an e-billing is out yet or not, the page opens the same way: back to the order, the title.
  const head = (
    <>
      <Anchor component={Link} href={PATHS.order(order.id)} size="sm">
        ← {order.number ?? t('order.unnumbered')}
      </Anchor>
      <PageTitle>{t('billing.title')}</PageTitle>
    </>
  );
  if (!b) {
    return (
      <Stack gap="md">
        {head}
        <Alert color="blue" icon={<IconInfoCircle size={18} aria-hidden />}>
          {t('billing.none')}
        </Alert>
      </Stack>
    );
  }
  const state = billingState(b, now);
  const left = timeLeft(b.expiresAt, now);
  const leftText =
    left.days > 0
      ? t('billing.leftDays', { d: left.days, h: left.hours })
      : t('billing.leftHours', { h: left.hours, m: left.minutes });
  const tone = state === 'paid' ? 'done' : state === 'unpaid' ? 'action' : 'bad';
  return (
    <Stack gap="md">
      {head}
      <Card withBorder radius="md" padding="md">
        <Stack gap="sm">
          <Group justify="space-between">
            <Text size="sm" c="dark.5" id="billing-code-label">
              {t('billing.code')}
            </Text>
            <ToneBadge tone={tone}>{t(`billing.status.${state}`)}</ToneBadge>
          </Group>
          <Text
            className="billing-code"
            aria-labelledby="billing-code-label"
            data-testid="billing-code"
            style={
              state === 'expired'
                ? { textDecoration: 'line-through', color: 'var(--mantine-color-gray-6)' }
                : undefined
            }
          >
            {groupBillingCode(b.code)}
          </Text>
          {state !== 'paid' && (
            <CopyButton value={b.code} timeout={2500}>
              {({ copied, copy }) => (
                <Button
                  variant={copied ? 'light' : 'filled'}
                  color={copied ? 'teal' : 'sippt'}
                  leftSection={
                    copied ? <IconCheck size={16} aria-hidden /> : <IconCopy size={16} aria-hidden />
                  }
                  onClick={() => {
                    try {
                      copy();
                      setCopyFailed(false);
                    } catch {
                      setCopyFailed(true);
                    }
                  }}
                  disabled={state !== 'unpaid'}
                  size="md"
                >
                  {copied ? t('billing.copied') : t('billing.copy')}
                </Button>
              )}
            </CopyButton>
          )}
          {copyFailed && <Text size="xs">{b.code}</Text>}
          <Row label={t('billing.amount')}>
            <span className="num" style={{ fontSize: 20 }}>
              {formatRupiah(b.amount)}
            </span>
          </Row>
          <Row label={t('billing.expires')}>{formatDateTime(b.expiresAt, i18n.language)}</Row>
          {state === 'unpaid' && (
            <Text size="sm" fw={700} c={left.days === 0 ? 'red.9' : 'dark.7'} role="timer" aria-live="off">
              {t('billing.left', { time: leftText })}
            </Text>
          )}
          {state === 'paid' && (
            <>
              <Row label={t('billing.ntpn')}>
                <span style={{ fontFamily: 'ui-monospace, monospace' }}>{b.ntpn}</span>
              </Row>
              <Row label={t('billing.paidAt')}>{formatDateTime(b.paidAt, i18n.language)}</Row>
            </>
          )}
          {state === 'expired' && <Text size="sm">{t('order.expired.text')}</Text>}
        </Stack>
      </Card>
      {state === 'unpaid' && (
        <section aria-labelledby="how-pay">
          <Title order={2} size="h4" id="how-pay" mb="xs">
            {t('billing.how')}
          </Title>
          <Accordion variant="separated" defaultValue="atm">
            {[
              { v: 'teller', icon: IconBuildingBank },
              { v: 'atm', icon: IconCreditCard },
              { v: 'ib', icon: IconDeviceMobile },
            ].map(({ v, icon: Icon }) => (
              <Accordion.Item key={v} value={v} bg="white">
                <Accordion.Control icon={<Icon size={18} aria-hidden />}>
                  {t(`billing.${v}`)}
                </Accordion.Control>
                <Accordion.Panel>
                  <Text size="sm">{t(`billing.${v}Text`)}</Text>
                </Accordion.Panel>
              </Accordion.Item>
            ))}
          </Accordion>
          <Text size="sm" mt="sm">
            {t('billing.afterPay')}
          </Text>
        </section>
      )}
      <Anchor component={Link} href={PATHS.order(order.id)}>
        {t('billing.toOrder')}
      </Anchor>
    </Stack>
  );
}
