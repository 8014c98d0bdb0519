/**
 * A "new …" form in the side panel (a lab, a sample type, a parameter, a staff account): a
 * react-hook-form form checked by the server's own schema, its fields with the server's message
 * under each, then the button that sends it, also sent by Ctrl+Enter; the refusal or "perlu
 * koneksi" stays in the panel's frame, and the panel closes once the server takes it (the form
 * and its action: useCreateForm).
 */
import type { ReactNode } from 'react';
import { Button, Group, Select, Stack, TextInput } from '@mantine/core';
import {
  Controller,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormReturn,
} from 'react-hook-form';
import { PasswordField } from '../../../components/PasswordField';
import { ActionFrame } from '../parts/ActionPanel';
import type { PanelSend } from '../parts/panel-action';

/** The Indonesian half of a server message "… / …" (the field's error under it). */
export const firstPart = (m: string | undefined) => (m ? m.split(' / ')[0] : undefined);

/** A text field of the form, with the server's message (or `errorText`) under it when it is refused. */
export function TextField<F extends FieldValues, T extends FieldValues>({
  form,
  name,
  label,
  required,
  description,
  autoComplete,
  secret = false,
  errorText,
  options,
}: {
  /** The form (its values as typed, then as the schema reads them). */
  form: UseFormReturn<F, unknown, T>;
  name: Path<F>;
  label: string;
  required?: boolean;
  description?: string;
  autoComplete?: string;
  /** A password, typed hidden. */
  secret?: boolean;
  /** Said for any refusal instead of the server's message. */
  errorText?: string;
  options?: RegisterOptions<F, Path<F>>;
}) {
  const refused = form.getFieldState(name, form.formState).error;
  const props = {
    label,
    description,
    withAsterisk: required,
    autoComplete,
    ...form.register(name, options),
    error: refused ? (errorText ?? firstPart(refused.message)) : undefined,
  };
  return secret ? <PasswordField {...props} /> : <TextInput {...props} />;
}

/** A choice of the form: a required one cannot be cleared, an optional one can (to null). */
export function SelectField<F extends FieldValues, T extends FieldValues>({
  form,
  name,
  label,
  description,
  required = false,
  data,
}: {
  form: UseFormReturn<F, unknown, T>;
  name: Path<F>;
  label: string;
  description?: string;
  required?: boolean;
  data: { value: string; label: string }[];
}) {
  return (
    <Controller
      control={form.control}
      name={name}
      render={({ field }) => (
        <Select
          label={label}
          description={description}
          withAsterisk={required}
          allowDeselect={!required}
          clearable={!required}
          data={data}
          value={field.value ?? null}
          onChange={(v) => field.onChange(v)}
        />
      )}
    />
  );
}

export function FormPanel({
  title,
  action,
  submit,
  submitLabel,
  onDone,
  fitButton = false,
  children,
}: PanelSend & {
  title: string;
  submitLabel: string;
  /** The button as wide as its text rather than the panel. */
  fitButton?: boolean;
  children: ReactNode;
}) {
  const button = (
    <Button type="submit" loading={action.busy}>
      {submitLabel} (Ctrl+Enter)
    </Button>
  );
  return (
    <ActionFrame title={title} onDone={onDone} action={action} submit={submit}>
      <form onSubmit={(ev) => void submit(ev)} noValidate>
        <Stack gap="xs">
          {children}
          {fitButton ? <Group>{button}</Group> : button}
        </Stack>
      </form>
    </ActionFrame>
  );
}
