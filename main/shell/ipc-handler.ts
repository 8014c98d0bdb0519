/**
 * The main process's answer to `sippt:invoke`, as a function of the sender's frame URL and the
 * message, so the checks are tested without Electron: a frame that is not our app gets nothing, a
 * malformed or unknown call is answered here, the keystore dialog is opened here, everything else
 * goes to the engine. Every path answers an envelope; nothing here logs an input.
 */
import { fail, isBridgeCallName, ok, type Envelope } from '../../shared/bridge';
import { wantsKeystoreDialog, withPickedKeystore, type PickedKeystore } from './keystore-pick';
import { isTrustedSender } from './trusted-url';

export interface InvokeDeps {
  forward(name: string, input: unknown): Promise<Envelope<unknown>>;
  pickKeystore(): Promise<PickedKeystore>;
  /** The shell's updater (packaged app): `update.install` is answered here, never by the engine. */
  installUpdate?: () => Promise<{ installed: boolean; message: { id: string; en: string } | null }>;
}

export const UNTRUSTED_SENDER = fail('unauthorized', {
  id: 'Permintaan ditolak: bukan dari halaman aplikasi.',
  en: 'Request refused: it did not come from the app page.',
});

export function parseInvokeRequest(raw: unknown): { name: string; input: unknown } | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return null;
  const { name, input } = raw as { name?: unknown; input?: unknown };
  if (typeof name !== 'string' || name.length === 0 || name.length > 100) return null;
  return { name, input: input === undefined ? {} : input };
}

export async function handleInvoke(
  frameUrl: string | null | undefined,
  raw: unknown,
  deps: InvokeDeps,
): Promise<Envelope<unknown>> {
  if (!isTrustedSender(frameUrl)) return UNTRUSTED_SENDER;
  const request = parseInvokeRequest(raw);
  if (!request) {
    return fail('invalid_payload', {
      id: 'Permintaan tidak berbentuk {name, input}.',
      en: 'The request is not shaped {name, input}.',
    });
  }
  const { name, input } = request;
  if (!isBridgeCallName(name)) {
    return fail('unknown_call', {
      id: `Panggilan tidak dikenal: ${name.slice(0, 100)}`,
      en: `Unknown call: ${name.slice(0, 100)}`,
    });
  }
  if (name === 'update.install' && deps.installUpdate) return ok(await deps.installUpdate());
  if (wantsKeystoreDialog(name, input)) {
    const picked = await withPickedKeystore(input as Record<string, unknown>, deps.pickKeystore);
    if ('answer' in picked) return picked.answer;
    return deps.forward(name, picked.forward);
  }
  return deps.forward(name, input);
}
