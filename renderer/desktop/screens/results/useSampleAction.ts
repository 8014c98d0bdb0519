/**
 * One lab action on a sample (accept, assign, verify, validate, return…) as the panels run it: the
 * bridge call, a success toast that names what happened and that it syncs later, and the engine's
 * refusal kept for the panel to show next to the action (toasts are for success only).
 */
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BridgeCallName, CallInput, CallOutput } from '../../../../shared/bridge';
import { useBridgeMutation } from '../../../bridge/hooks';
import { errorText } from '../../../lib/message';

export function useSampleAction<N extends BridgeCallName>(name: N) {
  const m = useBridgeMutation(name);
  const { t, i18n } = useTranslation('results');
  /** Runs the call; on success toasts `done`. Throws the refusal (for dialogs that keep it). */
  const run = async (input: CallInput<N>, done: string): Promise<CallOutput<N>> => {
    const out = await m.mutateAsync(input);
    notifications.show({ color: 'green', title: done, message: t('savedOffline'), autoClose: 5000 });
    return out;
  };
  /** Runs the call; a refusal stays in `error` for the panel (no throw). */
  const fire = (input: CallInput<N>, done: string): void => {
    run(input, done).catch(() => {});
  };
  return {
    run,
    fire,
    pending: m.isPending,
    error: m.error ? errorText(m.error, i18n.language) : null,
    reset: m.reset,
  };
}
