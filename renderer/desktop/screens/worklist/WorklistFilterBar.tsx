/** Filters of a worklist: status, lab, sample type (from `worklist.facets`) and a number search. */
import { useEffect, useState } from 'react';
import { Button, CloseButton, Group, MultiSelect, Select, TextInput } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { IconFilterOff, IconSearch } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { STATUS_LABELS } from '../../../../shared/domain/states';
import { useBridgeQuery } from '../../../bridge/hooks';
import { isFiltered, NO_FILTERS, type WorklistFilters } from './filters';

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

  useEffect(() => setSearch(filters.search), [filters.search]);
  useEffect(() => {
    if (debounced !== filters.search) onChange({ ...filters, search: debounced });
    // Only the typed text drives this; the other filters are passed through as they are.
  }, [debounced]);

  const label = (s: string) => {
    const l = STATUS_LABELS[s as keyof typeof STATUS_LABELS];
    return l ? (i18n.language === 'en' ? l.en : l.id) : s;
  };
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
        onChange={(v) => onChange({ ...filters, status: v })}
        clearable
        maxValues={20}
        comboboxProps={{ withinPortal: true }}
        styles={{ inputField: { minWidth: 40 } }}
      />
      {labs.length > 1 && (
        <Select
          size="xs"
          w={170}
          aria-label={t('filter.lab')}
          placeholder={t('filter.labAll')}
          data={labs}
          value={filters.labId}
          onChange={(v) => onChange({ ...filters, labId: v })}
          clearable
        />
      )}
      <Select
        size="xs"
        w={220}
        aria-label={t('filter.type')}
        placeholder={t('filter.typeAll')}
        data={types}
        value={filters.sampleTypeName}
        onChange={(v) => onChange({ ...filters, sampleTypeName: v })}
        clearable
        searchable
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
