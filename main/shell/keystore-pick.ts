/**
 * `signing.importKeystore` with `file: null`: the main process opens the file dialog and passes the
 * chosen file's bytes on (base64), so the window never names a path and the engine never opens a
 * file the user did not pick. Passphrases pass through untouched and are never logged here.
 */
import { open } from 'node:fs/promises';
import { fail, type Envelope } from '../../shared/bridge';

export const IMPORT_KEYSTORE_CALL = 'signing.importKeystore';

export const KEYSTORE_DIALOG_FILTERS = [
  { name: 'Keystore PKCS#12 (.p12, .pfx)', extensions: ['p12', 'pfx'] },
];

/** KeystoreFileSchema allows 90,000 base64 characters: 64 KiB of keystore, far above a real one. */
export const MAX_KEYSTORE_BYTES = 64 * 1024;

export type PickedKeystore = { name: string; bytes: Uint8Array } | null;

/** True when this call asks the main process to open the keystore dialog. */
export function wantsKeystoreDialog(name: string, input: unknown): boolean {
  return (
    name === IMPORT_KEYSTORE_CALL &&
    typeof input === 'object' &&
    input !== null &&
    !Array.isArray(input) &&
    (input as Record<string, unknown>).file === null
  );
}

const CANCELLED = fail('cancelled', {
  id: 'Pemilihan berkas keystore dibatalkan.',
  en: 'Choosing the keystore file was cancelled.',
});

/**
 * Open the dialog through `pick` and answer the input to forward (the file's name and bytes), or
 * the envelope to answer at once (cancelled, too big, unreadable).
 */
export async function withPickedKeystore(
  input: Record<string, unknown>,
  pick: () => Promise<PickedKeystore>,
): Promise<{ forward: Record<string, unknown> } | { answer: Envelope<never> }> {
  let picked: PickedKeystore;
  try {
    picked = await pick();
  } catch {
    return {
      answer: fail('invalid_payload', {
        id: 'Berkas keystore tidak dapat dibaca.',
        en: 'The keystore file cannot be read.',
      }),
    };
  }
  if (picked === null) return { answer: CANCELLED };
  if (picked.bytes.byteLength === 0 || picked.bytes.byteLength > MAX_KEYSTORE_BYTES) {
    return {
      answer: fail('invalid_payload', {
        id: 'Berkas ini bukan keystore PKCS#12 (.p12/.pfx): ukurannya tidak wajar.',
        en: 'This file is not a PKCS#12 keystore (.p12/.pfx): its size is implausible.',
      }),
    };
  }
  // Only the file's own name crosses, never the folder it was in.
  const name = (picked.name.split(/[\\/]/).pop() ?? '').slice(0, 255) || 'keystore.p12';
  const base64 = Buffer.from(picked.bytes.buffer, picked.bytes.byteOffset, picked.bytes.byteLength).toString(
    'base64',
  );
  return { forward: { ...input, file: { name, base64 } } };
}

/** The first `limit` bytes of a file (a keystore is tiny; someone may still pick a 4 GB video). */
export async function readAtMost(path: string, limit: number): Promise<Uint8Array> {
  const handle = await open(path, 'r');
  try {
    const buffer = new Uint8Array(limit);
    let filled = 0;
    while (filled < limit) {
      const { bytesRead } = await handle.read(buffer, filled, limit - filled, filled);
      if (bytesRead === 0) break;
      filled += bytesRead;
    }
    return buffer.subarray(0, filled);
  } finally {
    await handle.close();
  }
}
