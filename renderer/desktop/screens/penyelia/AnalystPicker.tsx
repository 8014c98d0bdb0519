/** A searchable analyst picker: name plus current open work, least busy first. */
import { Group, Select, Text, type ComboboxItem } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { AnalystOption } from './assignment';

export interface AnalystPickerProps {
  options: AnalystOption[];
  value: string | null;
  onChange: (analystId: string | null) => void;
  /** Accessible name ("Analis untuk Kadar air"). */
  label: string;
  placeholder: string;
  error?: string | undefined;
  disabled?: boolean;
  /** Shown as the visible label (the row's parameter already labels it in a table: hide it there). */
  hideLabel?: boolean;
  w?: number | string;
}

export function AnalystPicker({
  options,
  value,
  onChange,
  label,
  placeholder,
  error,
  disabled,
  hideLabel = true,
  w,
}: AnalystPickerProps) {
  const { t } = useTranslation('penyelia');
  const byId = new Map(options.map((o) => [o.value, o]));
  const data: ComboboxItem[] = options.map((o) => ({ value: o.value, label: o.label }));
  return (
    <Select
      data={data}
      value={value}
      onChange={(v) => onChange(v)}
      searchable
      clearable={false}
      allowDeselect={false}
      nothingFoundMessage={t('assign.nothingFound')}
      placeholder={placeholder}
      label={hideLabel ? undefined : label}
      aria-label={label}
      error={error}
      disabled={disabled}
      w={w}
      size="xs"
      comboboxProps={{ withinPortal: true }}
      renderOption={({ option }) => {
        const o = byId.get(option.value);
        return (
          <Group justify="space-between" wrap="nowrap" w="100%" gap="sm">
            <Text size="sm">{option.label}</Text>
            {o && (
              <Text
                size="xs"
                c={o.inactive ? 'red.7' : o.openWork > 10 ? 'orange.8' : 'gray.7'}
                style={{ whiteSpace: 'nowrap' }}
              >
                {o.inactive ? t('assign.inactive') : t('assign.openWork', { count: o.openWork })}
              </Text>
            )}
          </Group>
        );
      }}
    />
  );
}
