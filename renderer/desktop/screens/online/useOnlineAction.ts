/**
 * An online action of a detail panel: runs the call, keeps its refusal on the screen next to the
 * buttons (an `offline` refusal as "perlu koneksi", with what was typed kept), a toast only for
 * success, and every list reloaded after it.
 */
import { useState } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { notifications } from '@mantine/notifications';
import { useTranslation } from 'react-i18next';
import type { BridgeCallName, CallInput, CallOutput } from '../../../../shared/bridge';
import { bridge } from '../../../bridge/client';
import { errorText } from '../../../lib/message';
import { isOffline } from './connection';

export function useOnlineAction<N extends BridgeCallName>(name: N) {
  const { t, i18n } = useTranslation('online');
  const qc = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [offline, setOffline] = useState(false);

  /** The call, then its toast and every list reloaded; an offline refusal marks the panel offline. */
  const send = async (input: CallInput<N>, success: string): Promise<CallOutput<N>> => {
    try {
      const out = await bridge.call(name, input);
      notifications.show({ color: 'teal', message: success });
      void qc.invalidateQueries();
      return out;
    } catch (e) {
      if (isOffline(e)) setOffline(true);
      throw e;
    }
  };
  const run = async (input: CallInput<N>, success: string): Promise<CallOutput<N> | null> => {
    setBusy(true);
    setError(null);
    setOffline(false);
    try {
      return await send(input, success);
    } catch (e) {
      setError(isOffline(e) ? t('offline.notSent') : errorText(e, i18n.language));
      return null;
    } finally {
      setBusy(false);
    }
  };
  /** For a ReasonDialog: throws so the dialog keeps the reason and shows the message. */
  const runOrThrow = send;
  return { run, runOrThrow, busy, error, offline, clearError: () => setError(null) };
}
