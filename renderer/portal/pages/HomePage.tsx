/** Home: what the lab offers, how ordering works in steps, and the catalog with its tariffs (step 1). */
import { useMemo, useState } from 'react';
import {
  Accordion,
  Card,
  Group,
  List,
  SimpleGrid,
  Stack,
  Table,
  Text,
  TextInput,
  ThemeIcon,
  Title,
} from '@mantine/core';
import { IconSearch } from '@tabler/icons-react';
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import type { CatalogResponse } from '../../../shared/api/http';
import { formatRequirement } from '../../../shared/elhu/judgment';
import { formatRupiah } from '../../lib/format';
import { catalog } from '../api/endpoints';
import { PageTitle } from '../components/headings';
import { LinkButton } from '../components/Layout';
import { LoadError, PageSkeleton } from '../components/states';
import { PATHS } from '../lib/paths';
import { useSession } from '../session';

type Param = CatalogResponse['parameters'][number];

export function ParameterTable({ params, caption }: { params: Param[]; caption: string }) {
  const { t } = useTranslation('portal');
  return (
    <Table.ScrollContainer minWidth={0}>
      <Table verticalSpacing={6} fz="sm" striped captionSide="top">
        <caption className="visually-hidden">{caption}</caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('param.name')}</Table.Th>
            <Table.Th ta="right">{t('param.tariff')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {params.map((p) => (
            <Table.Tr key={p.id}>
              <Table.Td>
                <Text size="sm" fw={600}>
                  {p.name}
                  {p.unit ? <Text span c="dark.4" fw={400}>{` (${p.unit})`}</Text> : null}
                </Text>
                <Text size="xs" c="dark.4">
                  {t('param.method')}: {p.method}
                </Text>
                <Text size="xs" c="dark.4">
                  {t('param.requirement')}: {formatRequirement(p.requirement) || t('param.noRequirement')}
                  {p.requirement?.source ? ` · ${p.requirement.source}` : ''}
                </Text>
              </Table.Td>
              <Table.Td ta="right" className="num" style={{ whiteSpace: 'nowrap', verticalAlign: 'top' }}>
                <Text size="sm" fw={600}>
                  {formatRupiah(p.tariff)}
                </Text>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

function Catalog({ data }: { data: CatalogResponse }) {
  const { t } = useTranslation('portal');
  const [q, setQ] = useState('');
  const groups = useMemo(() => {
    const needle = q.trim().toLowerCase();
    return data.sampleTypes
      .filter((st) => st.active)
      .map((st) => {
        const all = data.parameters.filter((p) => p.active && p.sampleTypeId === st.id);
        const typeMatch = !needle || st.name.toLowerCase().includes(needle);
        const params = typeMatch
          ? all
          : all.filter((p) => `${p.name} ${p.method}`.toLowerCase().includes(needle));
        return { st, lab: data.labs.find((l) => l.id === st.labId), all, params };
      })
      .filter((g) => g.params.length > 0);
  }, [data, q]);
  return (
    <Stack gap="sm">
      <TextInput
        label={t('home.search')}
        leftSection={<IconSearch size={16} aria-hidden />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        size="md"
        type="search"
      />
      {groups.length === 0 ? (
        <Text role="status" c="dark.5">
          {t('home.searchEmpty', { q })}
        </Text>
      ) : (
        <Accordion
          variant="separated"
          multiple
          defaultValue={q ? groups.map((g) => g.st.id) : []}
          key={q ? 'q' : 'all'}
        >
          {groups.map(({ st, lab, all, params }) => (
            <Accordion.Item key={st.id} value={st.id} bg="white">
              <Accordion.Control>
                <Stack gap={2}>
                  <Text fw={700}>{st.name}</Text>
                  <Text size="xs" c="dark.4">
                    {lab ? `${lab.name} · ` : ''}
                    {t('home.parameters', { count: all.length })} ·{' '}
                    {t('home.from', { amount: formatRupiah(Math.min(...all.map((p) => p.tariff))) })}
                  </Text>
                </Stack>
              </Accordion.Control>
              <Accordion.Panel>
                {st.description && (
                  <Text size="sm" c="dark.5" mb="xs">
                    {st.description}
                  </Text>
                )}
                <ParameterTable params={params} caption={st.name} />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </Stack>
  );
}

export function HomePage() {
  const { t } = useTranslation('portal');
  const { state } = useSession();
  const q = useQuery({ queryKey: ['catalog'], queryFn: catalog, staleTime: 5 * 60_000 });
  const steps = t('home.howSteps', { returnObjects: true }) as string[];
  const signedIn = state.status === 'signed_in';
  return (
    <Stack gap="xl">
      <Stack gap="sm">
        <PageTitle>{t('home.title')}</PageTitle>
        {q.data && (
          <Text fw={600} c="sippt.8">
            {q.data.unit.name}
          </Text>
        )}
        <Text c="dark.6">{t('home.lead')}</Text>
        <Group gap="sm">
          <LinkButton href={signedIn ? PATHS.newOrder : PATHS.register} size="md">
            {t('home.order')}
          </LinkButton>
          <LinkButton href={signedIn ? PATHS.orders : PATHS.login} size="md" variant="default">
            {signedIn ? t('home.myOrders') : t('nav.login')}
          </LinkButton>
        </Group>
      </Stack>

      <section aria-labelledby="how">
        <Title order={2} size="h3" id="how" mb="sm">
          {t('home.how')}
        </Title>
        <List
          type="ordered"
          spacing="sm"
          center={false}
          icon={null}
          styles={{ itemWrapper: { alignItems: 'flex-start' } }}
          listStyleType="none"
          withPadding={false}
        >
          {steps.map((s, i) => (
            <List.Item
              key={i}
              icon={
                <ThemeIcon size={28} radius="xl" variant="light" aria-hidden>
                  <Text fw={700} size="sm">
                    {i + 1}
                  </Text>
                </ThemeIcon>
              }
            >
              <Text size="sm">{s}</Text>
            </List.Item>
          ))}
        </List>
      </section>

      {q.isPending ? (
        <PageSkeleton rows={3} />
      ) : q.isError ? (
        <LoadError error={q.error} onRetry={() => void q.refetch()} retrying={q.isFetching} />
      ) : (
        <>
          <section aria-labelledby="services">
            <Title order={2} size="h3" id="services" mb="sm">
              {t('home.services')}
            </Title>
            <SimpleGrid cols={{ base: 1, xs: 3 }} spacing="sm">
              {q.data.labs
                .filter((l) => l.active)
                .map((l) => (
                  <Card key={l.id} withBorder padding="sm" radius="md">
                    <Text fw={700}>{l.name}</Text>
                    <Text size="xs" c="dark.4">
                      {q.data.sampleTypes
                        .filter((s) => s.labId === l.id && s.active)
                        .map((s) => s.name)
                        .join(' · ')}
                    </Text>
                  </Card>
                ))}
            </SimpleGrid>
          </section>
          <section aria-labelledby="catalog">
            <Title order={2} size="h3" id="catalog">
              {t('home.catalog')}
            </Title>
            <Text size="sm" c="dark.5" mb="sm">
              {t('home.catalogHint')}
            </Text>
            <Catalog data={q.data} />
          </section>
          <section aria-labelledby="contact">
            <Title order={2} size="h4" id="contact">
              {t('home.contact')}
            </Title>
            <Text size="sm">{q.data.unit.address}</Text>
            <Text size="sm">{q.data.unit.contactLine}</Text>
          </section>
        </>
      )}
    </Stack>
  );
}
