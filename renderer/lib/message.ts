import type { Message } from '../../shared/domain/rejections';
import { BridgeCallError } from '../../shared/bridge';

/** The engine's {id, en} message in the user's language. */
export function msg(m: Message | null | undefined, lang: string): string {
  if (!m) return '';
  return lang === 'en' ? m.en : m.id;
}

/** Any error as one line for people: the engine's message when it is a bridge refusal. */
export function errorText(e: unknown, lang: string): string {
  if (e instanceof BridgeCallError) return msg(e.error.message, lang);
  return lang === 'en'
    ? 'Unexpected error. Try again; if it repeats, tell the administrator.'
    : 'Kesalahan tak terduga. Coba lagi; bila berulang, hubungi administrator.';
}
