/**
 * The online action of a detail panel, ready for its frame (ActionFrame, ActionPanel, FormPanel):
 * what the panel shows of the action, what sends it (the button and Ctrl+Enter), and the close,
 * which follows once the server takes it. A step panel builds its call's input by hand
 * (useStepAction); a form panel has react-hook-form check it with the server's schema
 * (useCreateForm); a DecisionPanel's "yes" is an approval.
 */
import type { FormEvent } from 'react';
import { zodResolver } from '@hookform/resolvers/zod';
import { useForm, type DefaultValues, type FieldValues, type UseFormReturn } from 'react-hook-form';
import type { z } from 'zod';
import type { BridgeCallName, CallInput } from '../../../../shared/bridge';
import type { Approve } from '../online/DecisionPanel';
import { useOnlineAction } from '../online/useOnlineAction';
import type { PanelAction } from './ActionPanel';

/** What a panel's frame needs of its action; spread into the frame. */
export interface PanelSend {
  action: PanelAction;
  submit: (e?: FormEvent) => Promise<void>;
  onDone: () => void;
}

/** One send of the call: its input and the toast said once it is taken. */
export interface StepRequest<N extends BridgeCallName> {
  input: CallInput<N>;
  success: string;
}

/** The action, and a send that closes the panel once the server takes it (null sends nothing). */
function useClosingAction<N extends BridgeCallName>(call: N, onDone: () => void) {
  const action = useOnlineAction(call);
  const send = async (sent: StepRequest<N> | null) => {
    if (sent === null) return;
    const r = await action.run(sent.input, sent.success);
    if (r) onDone();
  };
  return { action, send };
}

/**
 * A step panel's action: `request` gives what to send, or null while the panel cannot send yet
 * (it then shows why: a choice still to make).
 */
export function useStepAction<N extends BridgeCallName>(
  call: N,
  onDone: () => void,
  request: () => StepRequest<N> | null,
): PanelSend {
  const { action, send } = useClosingAction(call, onDone);
  return { action, submit: () => send(request()), onDone };
}

/** A DecisionPanel's "yes" (`label`): `action` sends `input` with the toast `success`; true once taken. */
export function approval<I>(
  label: string,
  action: PanelAction & { run: (input: I, success: string) => Promise<unknown> },
  input: I,
  success: string,
): Approve {
  return { label, ...action, send: async () => (await action.run(input, success)) !== null };
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
): { form: UseFormReturn<z.input<S>, unknown, z.output<S>>; panel: PanelSend } {
  const { action, send } = useClosingAction(call, onDone);
  const form = useForm<z.input<S>, unknown, z.output<S>>({ resolver: zodResolver(schema), defaultValues });
  const submit = form.handleSubmit((values) => {
    const sent = input(values);
    return send(sent === null ? null : { input: sent, success: success(values) });
  });
  return { form, panel: { action, submit, onDone } };
}
