/**
 * An action the user started (a form's send, a dialog's confirm): busy while it runs, and its
 * failure as words in the user's language, kept on the screen until the next try. `send` answers
 * whether it went through, so the caller can clear, close or move on. `describe` words a failure:
 * the desktop's errorText (bridge errors) unless the caller talks to another API (the portal).
 */
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorText } from '../lib/message';

export function useSend(describe: (e: unknown, lang: string) => string = errorText) {
  const { i18n } = useTranslation();
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const send = async (action: () => Promise<void>): Promise<boolean> => {
    setBusy(true);
    setFailure(null);
    try {
      await action();
      return true;
    } catch (e) {
      setFailure(describe(e, i18n.language));
      return false;
    } finally {
      setBusy(false);
    }
  };
  return { busy, failure, setFailure, send };
}
