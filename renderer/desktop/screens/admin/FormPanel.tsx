/**
 * A "new …" form in the side panel (a lab, a sample type, a parameter, a staff account): a
 * react-hook-form form checked by the server's own schema, its fields with the server's message
 * under each, then the button that sends it, also sent by Ctrl+Enter; the refusal or "perlu
 * koneksi" stays in the panel's frame, and the panel closes once the server takes it.
 */
import type { FormEvent, ReactNode } from 'react';
import { Button, Group, PasswordInput, Stack, TextInput } from '@mantine/core';
import { zodResolver } from '@hookform/resolvers/zod';
import {
  useForm,
  type DefaultValues,
  type FieldValues,
  type Path,
  type RegisterOptions,
  type UseFormReturn,
} from 'react-hook-form';
import type { z } from 'zod';
import type { BridgeCallName, CallInput } from '../../../../shared/bridge';
import { useOnlineAction } from '../online/useOnlineAction';
import { ActionFrame, type PanelAction } from '../parts/ActionPanel';

/** The Indonesian half of a server message "… / …" (the field's error under it). */
export const firstPart = (m: string | undefined) => (m ? m.split(' / ')[0] : undefined);

/** What FormPanel needs of the form: the action that sends it, its submit handler, and the close. */
export interface CreatePanel {
  action: PanelAction;
  submit: (e?: FormEvent) => Promise<void>;
  onDone: () => void;
}

/**
 * A form for `schema`, sent by `call`: `input` makes the call's input of the checked values (null
 * keeps the panel open: a check the schema does not make failed), `success` is its toast.
 */
export function useCreateForm<S extends z.ZodType<FieldValues, FieldValues>, N extends BridgeCallName>(
  call: N,
  schema: S,
  {
    defaultValues,
    input,
    success,
    onDone,
  }: {
    defaultValues: DefaultValues<z.input<S>>;
    input: (values: z.output<S>) => CallInput<N> | null;
    success: (values: z.output<S>) => string;
    onDone: () => void;
  },
): { form: UseFormReturn<z.input<S>, unknown, z.output<S>>; panel: CreatePanel } {
  const action = useOnlineAction(call);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  const submit = form.handleSubmit(async (values) => {
    const sent = input(values);
    if (sent === null) return;
    const r = await action.run(sent, success(values));
    if (r) onDone();
  });
  return { form, panel: { action, submit, onDone } };
}

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
  return secret ? <PasswordInput {...props} /> : <TextInput {...props} />;
}

export function FormPanel({
  title,
  action,
  submit,
  submitLabel,
  onDone,
  fitButton = false,
  children,
}: CreatePanel & {
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
