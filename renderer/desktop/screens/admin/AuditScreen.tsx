/**
 * The audit trail (append-only): who (name and role), when, which command on which entity, from
 * which state to which, with the reason; newest first, filtered by order or entity id, 100 at a
 * time with "Muat lebih".
 */
import { useMemo, useState } from 'react';
import { Box, Button, Group, Table, Text, TextInput } from '@mantine/core';
import { getHotkeyHandler } from '@mantine/hooks';
import { IconFilter } from '@tabler/icons-react';
import { useInfiniteQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { bridge } from '../../../bridge/client';
import { useBridgeQuery } from '../../../bridge/hooks';
import { formatDateTime } from '../../../lib/format';
import { QueryPage } from '../parts/ListScreen';
import { roleLabel, statusLabel } from '../../../lib/sop-labels';

/** The ids the trail can be narrowed to, each typed in its own field. */
const FILTER_FIELDS = ['orderId', 'entityId'] as const;

export function AuditScreen() {
  const { t, i18n } = useTranslation('admin');
  const [typed, setTyped] = useState({ orderId: '', entityId: '' });
  const [filter, setFilter] = useState({ orderId: '', entityId: '' });
  const q = useInfiniteQuery({
    queryKey: ['online.audit', filter],
    queryFn: ({ pageParam }) =>
      bridge.call('online.audit', {
        ...(filter.orderId ? { orderId: filter.orderId } : {}),
        ...(filter.entityId ? { entityId: filter.entityId } : {}),
        limit: 100,
        ...(pageParam ? { before: pageParam } : {}),
      }),
    initialPageParam: null as string | null,
    getNextPageParam: (last) => last.nextBefore,
    retry: false,
  });
  const users = useBridgeQuery('online.users', {}, { retry: false, staleTime: 5 * 60_000 });
  const names = useMemo(() => new Map((users.data?.users ?? []).map((u) => [u.id, u.name])), [users.data]);
  const state = (s: string | null) => (s ? statusLabel(s, i18n.language) : '—');
  const entries = q.data?.pages.flatMap((p) => p.entries) ?? [];
  const apply = () => setFilter({ orderId: typed.orderId.trim(), entityId: typed.entityId.trim() });
  return (
    <QueryPage
      title={t('audit.title')}
      query={q}
      skeletonRows={12}
      list={{ count: entries.length, empty: { title: t('audit.empty'), hint: t('audit.emptyHint') } }}
      intro={
        <Group px="md" gap="xs" align="flex-end" onKeyDown={getHotkeyHandler([['Enter', apply]])}>
          {FILTER_FIELDS.map((field) => (
            <TextInput
              key={field}
              size="xs"
              label={t(`audit.${field}`)}
              w={290}
              value={typed[field]}
              onChange={(e) => setTyped({ ...typed, [field]: e.currentTarget.value })}
            />
          ))}
          <Button size="xs" variant="light" leftSection={<IconFilter size={14} />} onClick={apply}>
            {t('audit.apply')} (Enter)
          </Button>
        </Group>
      }
    >
      <Box px="md" mt="xs" style={{ overflow: 'auto', flex: 1 }}>
        <Table fz={12} verticalSpacing={3} stickyHeader aria-label={t('audit.title')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th w={150}>{t('audit.col.at')}</Table.Th>
              <Table.Th>{t('audit.col.who')}</Table.Th>
              <Table.Th>{t('audit.col.command')}</Table.Th>
              <Table.Th>{t('audit.col.entity')}</Table.Th>
              <Table.Th>{t('audit.col.change')}</Table.Th>
              <Table.Th>{t('audit.col.reason')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {entries.map((e) => (
              <Table.Tr key={e.position}>
                <Table.Td className="num">{formatDateTime(e.at, i18n.language)}</Table.Td>
                <Table.Td>
                  <Text size="xs">{e.actorId ? (names.get(e.actorId) ?? '—') : '—'}</Text>
                  <Text size="xs" c="dark.4">
                    {roleLabel(e.role, i18n.language)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {e.command}
                  </Text>
                  {e.step !== null && (
                    <Text size="xs" c="dark.4">
                      {t('audit.step', { n: e.step })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" title={e.entity}>
                    {t(`audit.kind.${e.entity}`, { defaultValue: e.entity })}
                  </Text>
                  <Text size="xs" c="dark.4" ff="monospace" title={e.entityId}>
                    {e.entityId.slice(0, 8)}
                  </Text>
                </Table.Td>
                <Table.Td>
                  {e.from || e.to ? (
                    // The label reads; the codes (as the API and the exports write them) stay one hover away.
                    <Text size="xs" title={`${e.from ?? '—'} → ${e.to ?? '—'}`}>
                      {state(e.from)} → {state(e.to)}
                    </Text>
                  ) : (
                    <Text size="xs">—</Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2}>
                    {e.reason ?? ''}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {q.hasNextPage && (
          <Group justify="center" my="sm">
            <Button
              size="xs"
              variant="default"
              loading={q.isFetchingNextPage}
              onClick={() => void q.fetchNextPage()}
            >
              {t('audit.more')}
            </Button>
          </Group>
        )}
      </Box>
    </QueryPage>
  );
}
