/** My orders: newest first, each with its status (words, icon, colour), its SOP step, and whether it waits for the customer. */
import { Alert, Anchor, Button, Card, Group, Stack, Text } from '@mantine/core';
import { IconAlertCircle, IconChevronRight, IconFileText, IconPlus } from '@tabler/icons-react';
import { useInfiniteQuery, useQueries } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { OrderSummary } from '../../../shared/api/http';
import type { Order } from '../../../shared/domain/entities';
import { orderStep } from '../../../shared/sop/clock';
import { SOP_STEPS } from '../../../shared/sop/steps';
import { EmptyState } from '../../components/EmptyState';
import { formatDate, formatRupiah, formatTime } from '../../lib/format';
import { order as fetchOrder, orders } from '../api/endpoints';
import { PageTitle } from '../components/headings';
import { LinkButton } from '../components/Layout';
import { LoadError, PageSkeleton, StatusBadge, toneOfOrder } from '../components/states';
import { WhereNow } from '../components/WhereNow';
import { draftKey, isBlank, loadDraft } from '../lib/draft';
import { PATHS } from '../lib/paths';
import { useUser } from '../session';

/** The step of an order outside the lab follows from its status alone; in the lab its samples decide. */
function stepOf(s: OrderSummary, detail: Order | undefined): number | null {
  if (s.status === 'in_lab') return detail ? orderStep(detail) : null;
  return orderStep({ status: s.status, samples: [] } as unknown as Order);
}

function DraftNotice() {
  const { t, i18n } = useTranslation('portal');
  const user = useUser();
  const d = loadDraft(localStorage, draftKey(user.id));
  if (!d || isBlank(d)) return null;
  return (
    <Alert color="orange" icon={<IconAlertCircle size={18} aria-hidden />}>
      <Group justify="space-between" gap="xs">
        <Text size="sm">
          {t('orders.draft', {
            time: `${formatDate(d.savedAt, i18n.language)} ${formatTime(d.savedAt, i18n.language)}`,
          })}
        </Text>
        <LinkButton href={PATHS.newOrder} size="xs" variant="white" color="dark">
          {t('orders.continueDraft')}
        </LinkButton>
      </Group>
    </Alert>
  );
}

export function OrdersPage() {
  const { t, i18n } = useTranslation('portal');
  const q = useInfiniteQuery({
    queryKey: ['orders'],
    queryFn: ({ pageParam }) => orders(pageParam ?? undefined),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextCursor,
  });
  const list = q.data?.pages.flatMap((p) => p.orders) ?? [];
  const inLab = list.filter((o) => o.status === 'in_lab').slice(0, 30);
  const details = useQueries({
    queries: inLab.map((o) => ({ queryKey: ['order', o.id], queryFn: () => fetchOrder(o.id) })),
  });
  const detailOf = (id: string) => details[inLab.findIndex((o) => o.id === id)]?.data?.order;

  return (
    <Stack gap="md">
      <Group justify="space-between">
        <PageTitle>{t('orders.title')}</PageTitle>
        <LinkButton href={PATHS.newOrder} leftSection={<IconPlus size={16} aria-hidden />}>
          {t('orders.new')}
        </LinkButton>
      </Group>
      <DraftNotice />
      {q.isPending ? (
        <PageSkeleton />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : list.length === 0 ? (
        <EmptyState
          title={t('orders.emptyTitle')}
          hint={t('orders.emptyHint')}
          icon={<IconFileText size={22} />}
          action={<LinkButton href={PATHS.newOrder}>{t('orders.new')}</LinkButton>}
        />
      ) : (
        <Stack gap="sm" component="ul" style={{ listStyle: 'none', padding: 0, margin: 0 }}>
          {list.map((o) => {
            const step = stepOf(o, detailOf(o.id));
            const needsYou = toneOfOrder(o.status) === 'action';
            return (
              <li key={o.id}>
                <Card
                  withBorder
                  radius="md"
                  padding="sm"
                  style={needsYou ? { borderLeft: '4px solid var(--mantine-color-orange-6)' } : undefined}
                >
                  <Stack gap={6}>
                    <Group justify="space-between" wrap="nowrap" align="flex-start">
                      <Anchor
                        component={Link}
                        href={PATHS.order(o.id)}
                        fw={700}
                        c="dark"
                        style={{ wordBreak: 'break-word' }}
                      >
                        {o.number ?? t('orders.noNumber')}
                      </Anchor>
                      <Text fw={700} className="num" style={{ whiteSpace: 'nowrap' }}>
                        {formatRupiah(o.total)}
                      </Text>
                    </Group>
                    <Group gap={6}>
                      <StatusBadge status={o.status} />
                      {needsYou && (
                        <Text size="sm" fw={600} c="orange.9">
                          {t('orders.needsYou')}
                        </Text>
                      )}
                    </Group>
                    {step !== null && <WhereNow step={step} holder={SOP_STEPS[step - 1]!.actor} compact />}
                    <Group justify="space-between">
                      <Text size="xs" c="dark.4">
                        {t('orders.samples', { count: o.sampleCount })} ·{' '}
                        {t('orders.submitted', { date: formatDate(o.submittedAt, i18n.language) })}
                      </Text>
                      <IconChevronRight size={16} aria-hidden color="var(--mantine-color-gray-6)" />
                    </Group>
                  </Stack>
                </Card>
              </li>
            );
          })}
        </Stack>
      )}
      {q.hasNextPage && (
        <Button variant="default" onClick={() => void q.fetchNextPage()} loading={q.isFetchingNextPage}>
          {t('orders.more')}
        </Button>
      )}
    </Stack>
  );
}
