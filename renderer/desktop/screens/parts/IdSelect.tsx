/** A required choice of an id in a react-hook-form form, '' until one is chosen (as the server's schemas take it). */
import { Select } from '@mantine/core';
import { Controller, type FieldValues, type Path, type UseFormReturn } from 'react-hook-form';

export function IdSelect<F extends FieldValues, T extends FieldValues>({
  form,
  name,
  label,
  data,
  requiredMessage,
  searchable,
  allowDeselect,
  nothingFoundMessage,
  onPick,
}: {
  /** The form (its values as typed, then as the schema reads them). */
  form: UseFormReturn<F, unknown, T>;
  name: Path<F>;
  label: string;
  data: { value: string; label: string }[];
  /** Shown under the field when the form is sent without a choice. */
  requiredMessage: string;
  searchable?: boolean;
  allowDeselect?: boolean;
  nothingFoundMessage?: string;
  /** After a choice: fields that depend on it start over. */
  onPick?: () => void;
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field, fieldState }) => (
        <Select
          label={label}
          withAsterisk
          searchable={searchable}
          allowDeselect={allowDeselect}
          nothingFoundMessage={nothingFoundMessage}
          data={data}
          value={field.value || null}
          onChange={(v) => {
            field.onChange(v ?? '');
            onPick?.();
          }}
          error={fieldState.error ? requiredMessage : undefined}
        />
      )}
    />
  );
}
