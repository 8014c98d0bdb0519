/** Filters of a worklist: status, lab, sample type (from `worklist.facets`) and a number search. */
import { useEffect, useState } from 'react';
import { Button, CloseButton, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { useBridgeQuery } from '../../../bridge/hooks';
import { isFiltered, NO_FILTERS, type WorklistFilters } from './filters';
import { statusLabel } from '../../../lib/sop-labels';

export function WorklistFilterBar({
  filters,
  onChange,
  facetsEnabled = true,
}: {
  filters: WorklistFilters;
  onChange: (f: WorklistFilters) => void;
  /** False until the list's first page answered (the list goes first to the engine). */
  facetsEnabled?: boolean;
}) {
  const { t, i18n } = useTranslation('worklist');
  const facets = useBridgeQuery('worklist.facets', {}, { enabled: facetsEnabled });
  const [search, setSearch] = useState(filters.search);
  const [debounced] = useDebouncedValue(search, 250);

  // A control changes its own filter; the others are passed through as they are.
  const setFilter =
    <K extends keyof WorklistFilters>(key: K) =>
    (value: WorklistFilters[K]) =>
      onChange({ ...filters, [key]: value });

  useEffect(() => setSearch(filters.search), [filters.search]);
  useEffect(() => {
    if (debounced !== filters.search) setFilter('search')(debounced);
    // Only the typed text drives this; the other filters are passed through as they are.
  }, [debounced]);

  const label = (s: string) => statusLabel(s, i18n.language);
  const statuses = (facets.data?.statuses ?? []).map((s) => ({
    value: s.status,
    label: `${label(s.status)} (${s.count})`,
  }));
  for (const s of filters.status)
    if (!statuses.some((x) => x.value === s)) statuses.push({ value: s, label: label(s) });
  const labs = (facets.data?.labs ?? []).map((l) => ({ value: l.id, label: l.name }));
  const types = (facets.data?.sampleTypes ?? []).map((s) => ({
    value: s.name,
    label: `${s.name} (${s.count})`,
  }));

  return (
    <Group px="md" pb={8} gap="xs" wrap="nowrap" role="search">
      <TextInput
        size="xs"
        w={190}
        aria-label={t('filter.search')}
        placeholder={t('filter.searchPlaceholder')}
        leftSection={<IconSearch size={13} aria-hidden />}
        value={search}
        onChange={(e) => setSearch(e.currentTarget.value)}
        rightSection={
          search ? (
            <CloseButton size="xs" aria-label={t('filter.clear')} onClick={() => setSearch('')} />
          ) : null
        }
      />
      <MultiSelect
        size="xs"
        w={230}
        aria-label={t('filter.status')}
        placeholder={filters.status.length ? undefined : t('filter.statusAll')}
        data={statuses}
        value={filters.status}
        onChange={setFilter('status')}
        clearable
        maxValues={20}
        comboboxProps={{ withinPortal: true }}
        styles={{ inputField: { minWidth: 40 } }}
      />
      {labs.length > 1 && (
        <FacetSelect facet="labId" data={labs} value={filters.labId} onChange={setFilter('labId')} />
      )}
      <FacetSelect
        facet="sampleTypeName"
        data={types}
        value={filters.sampleTypeName}
        onChange={setFilter('sampleTypeName')}
      />
      {isFiltered(filters) && (
        <Button
          size="compact-xs"
          variant="subtle"
          leftSection={<IconFilterOff size={13} />}
          onClick={() => onChange(NO_FILTERS)}
        >
          {t('filter.clear')}
        </Button>
      )}
    </Group>
  );
}

/**
 * Each facet's select: its width, its name and its placeholder while nothing is picked ("every
 * lab", "every type"); the sample types are many, so that one is searchable.
 */
const FACETS = {
  labId: { w: 170, label: 'filter.lab', all: 'filter.labAll', searchable: false },
  sampleTypeName: { w: 220, label: 'filter.type', all: 'filter.typeAll', searchable: true },
} as const;

/** One facet to narrow the list to (a lab, a sample type); cleared, the list shows them all. */
function FacetSelect({
  facet,
  data,
  value,
  onChange,
}: {
  facet: keyof typeof FACETS;
  data: { value: string; label: string }[];
  value: string | null;
  onChange: (value: string | null) => void;
}) {
  const { t } = useTranslation('worklist');
  const { w, label, all, searchable } = FACETS[facet];
  return (
    <Select
      size="xs"
      w={w}
      aria-label={t(label)}
      placeholder={t(all)}
      data={data}
      value={value}
      onChange={onChange}
      clearable
      searchable={searchable}
    />
  );
}
